import type { AgentView } from '../../domain/hunt-groups/hunt-group-lines.ts';
import type { HuntGroupView } from '../../domain/hunt-groups/hunt-group-service.ts';
import { MAX_RINGS } from '../../domain/hunt-groups/hunt-group-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { StoredHuntGroup } from '../../store/hunt-groups-store.ts';
import type { Location } from '../../store/store.ts';

export const huntGroupId = (id: string) => encodeId('HUNT_GROUP', id);

const line = (phoneNumber: string | null | undefined, extension: string | null, routingPrefix: string | null) => ({
  ...(phoneNumber ? { phoneNumber } : {}),
  ...(extension !== null ? { extension } : {}),
  ...(extension !== null && routingPrefix !== null ? { routingPrefix, esn: `${routingPrefix}${extension}` } : {}),
});

export const presentListItem = (g: StoredHuntGroup, location: Location | undefined) => ({
  id: huntGroupId(g.id),
  name: g.name,
  locationName: location?.name ?? '',
  locationId: encodeId('LOCATION', g.locationId),
  ...line(g.phoneNumber, g.extension, location?.routingPrefix ?? null),
  enabled: g.enabled,
});

const presentAgent = (a: AgentView) => ({
  id: encodeId('PEOPLE', a.person.id),
  ...(a.person.firstName !== null ? { firstName: a.person.firstName } : {}),
  ...(a.person.lastName !== null ? { lastName: a.person.lastName } : {}),
  ...line(a.phoneNumber, a.person.extension, a.person.routingPrefix),
  ...(a.weight !== null ? { weight: String(a.weight) } : {}),
});

export function presentHuntGroup({ group: g, agents }: HuntGroupView) {
  const s = g.settings;
  return {
    id: huntGroupId(g.id),
    name: g.name,
    enabled: g.enabled,
    ...line(g.phoneNumber, g.extension, null),
    distinctiveRing: s.distinctiveRing,
    alternateNumbers: s.alternateNumbers as { phoneNumber: string; ringPattern?: 'NORMAL' | 'LONG_LONG' | 'SHORT_SHORT_LONG' | 'SHORT_LONG_SHORT' }[],
    languageCode: s.languageCode,
    language: s.languageCode,
    firstName: s.firstName,
    lastName: s.lastName,
    timeZone: s.timeZone,
    callPolicies: { ...s.callPolicies, noAnswer: { ...s.callPolicies.noAnswer, systemMaxNumberOfRings: MAX_RINGS } },
    agents: agents.map(presentAgent),
    huntGroupCallerIdForOutgoingCallsEnabled: s.huntGroupCallerIdForOutgoingCallsEnabled,
    directLineCallerIdName: s.directLineCallerIdName,
    ...(s.dialByName !== undefined ? { dialByName: s.dialByName } : {}),
  };
}
