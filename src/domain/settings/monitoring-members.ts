import { findCallingLocation } from '../locations/location-service.ts';
import { encodeId } from '../webex-ids.ts';
import type { Store } from '../../store/store.ts';
import type { SettingLine } from './setting-documents.ts';

// Who a line may monitor (busy lamp field and speed dial members): the calling people of the
// organization, or of one location, the ones a monitoring PUT accepts (setting-members.ts: people
// only, never the owner). Filtered by name (contains, any case) and by number or extension
// (contains, digits only), ordered by display name.

export type MonitoringCandidate = {
  id: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  phoneNumber?: string;
  extension?: string;
  type: 'PEOPLE';
  location: { id: string; name: string };
};

/** People a scan reads at most (the organization's calling users). */
const MAX_SCAN = 5000;

export async function monitoringCandidates(
  store: Store,
  owner: SettingLine,
  filter: { locationId?: string; memberName?: string; phoneNumber?: string },
): Promise<MonitoringCandidate[]> {
  const location = filter.locationId !== undefined ? await findCallingLocation(store, owner.orgId, filter.locationId) : undefined;
  const people = (await store.people.list(owner.orgId, location ? { locationId: location.id } : {}, undefined, MAX_SCAN)).items.filter(
    (p) => p.locationId !== null && p.id !== owner.id && (!location || p.locationId === location.id),
  );
  const numbers = await store.numbers.ownedBy(people.map((p) => p.id));
  const locations = new Map((await store.locations.getMany(owner.orgId, [...new Set(people.map((p) => p.locationId!))])).map((l) => [l.id, l]));
  const name = filter.memberName?.toLowerCase();
  const digits = filter.phoneNumber?.replace(/[^\d]/g, '');
  return people
    .map((p) => ({ person: p, number: numbers.get(p.id)?.phoneNumber }))
    .filter(
      ({ person: p, number }) =>
        (name === undefined || [p.displayName, p.firstName, p.lastName].some((n) => n?.toLowerCase().includes(name))) &&
        (!digits || [number, p.extension].some((n) => n?.replace(/[^\d]/g, '').includes(digits))),
    )
    .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName))
    .map(({ person: p, number }) => ({
      id: encodeId('PEOPLE', p.id),
      ...(p.firstName ? { firstName: p.firstName } : {}),
      ...(p.lastName ? { lastName: p.lastName } : {}),
      displayName: p.displayName,
      ...(number ? { phoneNumber: number } : {}),
      ...(p.extension ? { extension: p.extension } : {}),
      type: 'PEOPLE' as const,
      location: { id: encodeId('LOCATION', p.locationId!), name: locations.get(p.locationId!)?.name ?? '' },
    }));
}
