import type { MemberView } from '../../domain/call-park/feature-lines.ts';
import type { CallParkView } from '../../domain/call-park/call-park-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { StoredParkExtension } from '../../store/call-park-store.ts';
import type { Location } from '../../store/store.ts';

export const callParkId = (id: string) => encodeId('CALL_PARK', id);
export const parkExtensionId = (id: string) => encodeId('CALL_PARK_EXTENSION', id);

/** An in-memory list's page, as the telephony lists page (offset and max). */
export function pageOf<T>(items: readonly T[], start: number, max: number): { items: T[]; next?: number } {
  const page = items.slice(start, start + max);
  return start + max < items.length ? { items: page, next: start + max } : { items: page };
}

/** A member as the call park and call pickup documents show one (Agents). */
export const presentMember = (m: MemberView, numbersField: 'numbers' | 'phoneNumber' = 'numbers') => {
  const numbers = m.phoneNumber !== undefined || m.person.extension !== null
    ? [{ ...(m.phoneNumber !== undefined ? { external: m.phoneNumber } : {}), ...(m.person.extension !== null ? { extension: m.person.extension } : {}) }]
    : [];
  return {
    id: encodeId('PEOPLE', m.person.id),
    ...(m.person.firstName !== null ? { firstName: m.person.firstName } : {}),
    ...(m.person.lastName !== null ? { lastName: m.person.lastName } : {}),
    displayName: m.person.displayName,
    type: 'PEOPLE' as const,
    email: m.person.email,
    ...(numbers.length > 0 ? { [numbersField]: numbers } : {}),
  };
};

export const presentCallPark = ({ park, huntGroup, agents, extensions }: CallParkView) => ({
  id: callParkId(park.id),
  name: park.name,
  recall: {
    ...(huntGroup ? { huntGroupId: encodeId('HUNT_GROUP', huntGroup.id), huntGroupName: huntGroup.name } : {}),
    option: park.recall.option,
  },
  agents: agents.map((a) => presentMember(a)),
  parkOnAgentsEnabled: park.parkOnAgentsEnabled,
  callParkExtensions: extensions.map((e) => ({ id: parkExtensionId(e.id), extension: e.extension, name: e.name })),
});

export const presentExtensionItem = (e: StoredParkExtension, location: Location | undefined) => ({
  id: parkExtensionId(e.id),
  extension: e.extension,
  ...(location?.routingPrefix ? { routingPrefix: location.routingPrefix, esn: `${location.routingPrefix}${e.extension}` } : {}),
  name: e.name,
  locationId: encodeId('LOCATION', e.locationId),
  locationName: location?.name ?? '',
});
