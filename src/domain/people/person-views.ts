import type { License, Person, PhoneNumber, Store } from '../../store/store.ts';

/** A person with what the presenters may show of them. */
export type PersonView = {
  person: Person;
  /** Empty unless asked for (PersonDetails.licenses). */
  licenses: License[];
  /** The person's primary calling number, if any; undefined unless asked for (PersonDetails.number). */
  number: PhoneNumber | undefined;
};

/**
 * What the answer will show beyond the person's own row: an administrator sees licenses, calling
 * data shows the number. Reading only those is a third of a person read's queries (issue 17).
 */
export type PersonDetails = { licenses: boolean; number: boolean };

/** Loads licenses and numbers for many people in a fixed number of queries. */
export async function describePeople(store: Store, orgId: string, people: Person[], details: PersonDetails): Promise<PersonView[]> {
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const calling = details.number && people.some((p) => p.locationId !== null);
  const [held, licenses, numbers] = await Promise.all([
    details.licenses ? store.licenses.heldBy(ids) : Promise.resolve(new Map<string, string[]>()),
    details.licenses ? store.licenses.list(orgId) : Promise.resolve([]),
    calling ? store.numbers.ownedBy(ids) : Promise.resolve(new Map<string, PhoneNumber>()),
  ]);
  const licenseById = new Map(licenses.map((l) => [l.id, l]));
  return people.map((person) => ({
    person,
    licenses: (held.get(person.id) ?? []).map((id) => licenseById.get(id)).filter((l): l is License => l !== undefined),
    number: numbers.get(person.id),
  }));
}
