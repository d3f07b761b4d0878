import type { License, Location, Person, PhoneNumber, Store } from '../../store/store.ts';

/** A person with what the presenters may show of them. */
export type PersonView = {
  person: Person;
  licenses: License[];
  /** The person's primary calling number, if any. */
  number: PhoneNumber | undefined;
  /** The person's calling location, if they are a calling user. */
  location: Location | undefined;
};

/** Loads licenses, numbers and locations for many people in a fixed number of queries. */
export async function describePeople(store: Store, orgId: string, people: Person[]): Promise<PersonView[]> {
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const locationIds = people.map((p) => p.locationId).filter((id): id is string => id !== null);
  const [held, licenses, numbers, locations] = await Promise.all([
    store.licenses.heldBy(ids),
    store.licenses.list(orgId),
    locationIds.length ? store.numbers.ownedBy(ids) : Promise.resolve(new Map<string, PhoneNumber>()),
    store.locations.getMany(orgId, locationIds),
  ]);
  const licenseById = new Map(licenses.map((l) => [l.id, l]));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  return people.map((person) => ({
    person,
    licenses: (held.get(person.id) ?? []).map((id) => licenseById.get(id)).filter((l): l is License => l !== undefined),
    number: numbers.get(person.id),
    location: person.locationId ? locationById.get(person.locationId) : undefined,
  }));
}
