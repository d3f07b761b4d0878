import type { Cursor, Person, Store } from '../../store/store.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { personOf } from './settings-service.ts';

// Who a person's settings may name: the candidates Webex lists for monitoring, monitoring speed
// dials and executive assistants. Calling people of the organization other than the person (and,
// for monitoring, virtual lines), filtered by location, name and number, in name order.

/** Enough for any organization Callplane simulates; the lists page over what this reads. */
const MAX_CANDIDATES = 5000;
const PAGE = 500;

export type MemberQuery = { locationId?: string; name?: string; phoneNumber?: string };

export type Candidate = {
  id: string;
  type: 'PEOPLE' | 'VIRTUAL_LINE';
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  number: string | null;
  extension: string | null;
  locationId: string;
};

async function callingPeople(store: Store, orgId: string): Promise<Person[]> {
  const out: Person[] = [];
  let after: Cursor | undefined;
  do {
    const page = await store.people.list(orgId, {}, after, PAGE);
    out.push(...page.items.filter((p) => p.locationId !== null));
    after = page.next;
  } while (after && out.length < MAX_CANDIDATES);
  return out;
}

/**
 * The candidates for `personPublicId`'s settings (a 404 for anyone who is not a calling person of
 * the organization); a locationId that names no location of the organization matches nobody.
 */
export async function availableMembers(store: Store, orgId: string, personPublicId: string, query: MemberQuery, withVirtualLines: boolean): Promise<Candidate[]> {
  const owner = await personOf(store, orgId, personPublicId);
  const people = (await callingPeople(store, orgId)).filter((p) => p.id !== owner.id);
  const numbers = await store.numbers.ownedBy(people.map((p) => p.id));
  const candidates: Candidate[] = people.map((p) => ({
    id: p.id,
    type: 'PEOPLE',
    firstName: p.firstName,
    lastName: p.lastName,
    displayName: p.displayName,
    number: numbers.get(p.id)?.phoneNumber ?? null,
    extension: p.extension,
    locationId: p.locationId!,
  }));
  if (withVirtualLines) {
    const lines = (await store.virtualLines.list(orgId, { start: 0, max: MAX_CANDIDATES })).items;
    candidates.push(
      ...lines.map((l) => ({
        id: l.id,
        type: 'VIRTUAL_LINE' as const,
        firstName: l.firstName,
        lastName: l.lastName,
        displayName: l.displayName ?? `${l.firstName} ${l.lastName}`,
        number: l.phoneNumber,
        extension: l.extension,
        locationId: l.locationId,
      })),
    );
  }
  const location = query.locationId === undefined ? undefined : (decodeId(query.locationId, 'LOCATION') ?? '');
  const name = query.name?.toLowerCase();
  const digits = query.phoneNumber?.replace(/[^\d]/g, '');
  return candidates
    .filter((c) => location === undefined || c.locationId === location)
    .filter((c) => !name || [c.firstName, c.lastName, c.displayName].some((n) => n?.toLowerCase().includes(name)))
    .filter((c) => !digits || [c.number, c.extension].some((n) => n?.replace(/[^\d]/g, '').includes(digits)))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

export const candidateId = (c: Candidate) => encodeId(c.type === 'PEOPLE' ? 'PEOPLE' : 'VIRTUAL_LINE', c.id);
