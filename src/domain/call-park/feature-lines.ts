import type { Location, Person, Store } from '../../store/store.ts';
import { badRequest, conflict } from '../errors.ts';
import { isValidExtension } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';

// What call park, call pickup and paging share: members (people of the organization with Webex
// Calling, given by ID, each once, in order) and extensions that must be free in the location —
// not a person's, a hunt group's, a call park extension's or a paging group's.

export const extensionInUse = (extension: string) => conflict(`Extension ${extension} is already assigned in this location.`);

/** A feature's name: 1 to 80 characters, trimmed. */
export function checkFeatureName(value: string, max = 80): string {
  const name = value.trim();
  if (name.length < 1 || name.length > max) throw badRequest(`name must hold 1 to ${max} characters.`);
  return name;
}

/**
 * Person IDs of the given members in order (a person named twice counts once); each must be a
 * person of the organization with Webex Calling, in `location` when it is given.
 */
export async function checkMembers(tx: Store, orgId: string, ids: readonly string[], field: string, location?: Location): Promise<string[]> {
  const seen: string[] = [];
  for (const id of ids) {
    const personId = decodeId(id, 'PEOPLE');
    if (personId === undefined) throw badRequest(`${field}: ${id} is not a person ID.`);
    if (!seen.includes(personId)) seen.push(personId);
  }
  const people = new Map((await tx.people.getMany(orgId, seen)).map((p) => [p.id, p]));
  for (const [i, personId] of seen.entries()) {
    const person = people.get(personId);
    if (!person || person.locationId === null) throw badRequest(`${field}: ${ids[i]} is not a person of this organization with Webex Calling.`);
    if (location && person.locationId !== location.id) throw badRequest(`${field}: ${ids[i]} is not in the location ${location.name}.`);
  }
  return seen;
}

/** The extension, if it is free in the location (`own`: the feature's current extension is fine). */
export async function checkFreeExtension(tx: Store, location: Location, extension: string, own?: { pagingGroupId?: string; parkExtensionId?: string }): Promise<string> {
  if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
  if (await tx.people.findByExtension(location.id, extension)) throw extensionInUse(extension);
  if (await tx.huntGroups.findByExtension(location.id, extension)) throw extensionInUse(extension);
  const park = await tx.callParks.findExtension(location.id, extension);
  if (park && park.id !== own?.parkExtensionId) throw extensionInUse(extension);
  const paging = await tx.pagingGroups.findByExtension(location.id, extension);
  if (paging && paging.id !== own?.pagingGroupId) throw extensionInUse(extension);
  return extension;
}

/** A member as Webex shows one: the person and their line now. */
export type MemberView = { person: Person; phoneNumber: string | undefined };

export async function memberViews(store: Store, orgId: string, personIds: readonly string[]): Promise<MemberView[]> {
  const people = new Map((await store.people.getMany(orgId, [...personIds])).map((p) => [p.id, p]));
  const numbers = await store.numbers.ownedBy([...personIds]);
  return personIds.flatMap((id) => {
    const person = people.get(id);
    return person ? [{ person, phoneNumber: numbers.get(id)?.phoneNumber }] : [];
  });
}

/** People of the location with Webex Calling, filtered as the "available users" lists are. */
export async function locationPeople(store: Store, orgId: string, location: Location, filter: { name?: string; phoneNumber?: string }): Promise<MemberView[]> {
  const people = (await store.people.list(orgId, { locationId: location.id }, undefined, 1000)).items.filter((p) => p.locationId === location.id);
  const views = await memberViews(store, orgId, people.map((p) => p.id));
  const name = filter.name?.toLowerCase();
  const digits = filter.phoneNumber?.replace(/[^\d]/g, '');
  return views.filter(
    (v) =>
      (name === undefined || [v.person.displayName, v.person.firstName, v.person.lastName].some((n) => n?.toLowerCase().includes(name))) &&
      (!digits || [v.phoneNumber, v.person.extension].some((n) => n?.replace(/[^\d]/g, '').includes(digits))),
  );
}
