import type { CallQueueView, QueueAgentView } from '../../domain/call-queues/call-queue-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { StoredCallQueue } from '../../store/call-queues-store.ts';
import type { Location } from '../../store/store.ts';

export const callQueueId = (id: string) => encodeId('CALL_QUEUE', id);

const line = (phoneNumber: string | null | undefined, extension: string | null, routingPrefix: string | null) => ({
  ...(phoneNumber ? { phoneNumber } : {}),
  ...(extension !== null ? { extension } : {}),
  ...(extension !== null && routingPrefix !== null ? { routingPrefix, esn: `${routingPrefix}${extension}` } : {}),
});

export const presentListItem = (q: StoredCallQueue, location: Location | undefined) => ({
  id: callQueueId(q.id),
  name: q.name,
  hasCxEssentials: q.settings.hasCxEssentials,
  locationName: location?.name ?? '',
  locationId: encodeId('LOCATION', q.locationId),
  ...line(q.phoneNumber, q.extension, location?.routingPrefix ?? null),
  enabled: q.enabled,
});

export const presentAgent = (a: QueueAgentView) => ({
  id: encodeId('PEOPLE', a.person.id),
  ...(a.person.firstName !== null ? { firstName: a.person.firstName } : {}),
  ...(a.person.lastName !== null ? { lastName: a.person.lastName } : {}),
  ...line(a.phoneNumber, a.person.extension, a.person.routingPrefix),
  type: 'PEOPLE',
  ...(a.weight !== null ? { weight: String(a.weight) } : {}),
  skillLevel: a.skillLevel,
  joinEnabled: a.joinEnabled,
});

export function presentCallQueue({ queue: q, agents }: CallQueueView) {
  const s = q.settings;
  return {
    id: callQueueId(q.id),
    name: q.name,
    hasCxEssentials: s.hasCxEssentials,
    enabled: q.enabled,
    language: s.languageCode,
    languageCode: s.languageCode,
    firstName: s.firstName,
    lastName: s.lastName,
    timeZone: s.timeZone,
    ...line(q.phoneNumber, q.extension, null),
    alternateNumberSettings: s.alternateNumberSettings as { distinctiveRingEnabled: boolean; alternateNumbers: { phoneNumber: string; ringPattern: 'NORMAL' }[] },
    callPolicies: s.callPolicies as typeof s.callPolicies & { distinctiveRing: { enabled: boolean; ringPattern?: 'NORMAL' } },
    queueSettings: s.queueSettings as typeof s.queueSettings & { overflow: { audioFiles?: unknown[] } },
    allowCallWaitingForAgentsEnabled: s.allowCallWaitingForAgentsEnabled,
    callingLineIdPolicy: s.callingLineIdPolicy,
    ...(s.callingLineIdPhoneNumber ? { callingLineIdPhoneNumber: s.callingLineIdPhoneNumber } : {}),
    agents: agents.map(presentAgent),
    directLineCallerIdName: s.directLineCallerIdName,
    ...(s.dialByName !== undefined ? { dialByName: s.dialByName } : {}),
  };
}
