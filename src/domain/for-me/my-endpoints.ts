import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import { encodeId } from '../webex-ids.ts';

// A person's endpoints, as the Call Settings For Me show them: their simulated phone
// (/sandbox/v1/people/{personId}/phone), a calling device whose ID is derived from the person,
// then the devices they own (Devices API), by their device IDs. The preferred answer endpoint is
// stored per person, and per secondary line they carry (`line`, its owner's ID: which of their
// endpoints answers that line); a call pull without endpointId goes to the person's own
// (domain/calls/call-pull.ts).

/** Where the preference is kept: the person's owner settings, under this key. */
const PREFERRED_KEY = 'preferredAnswerEndpoint';
const PHONE_NAME = 'Callplane simulated phone';

export const endpointIdOf = (personId: string) => encodeId('CALLING_DEVICE', personId);
export const endpointNotFound = () => notFound('Endpoint not found: it is not one of your endpoints.');

const MAX_DEVICES = 100;

export async function myEndpoints(store: Store, person: { id: string; orgId: string }) {
  const phone = await store.calls.phone(person.id);
  const ownerId = encodeId('PEOPLE', person.id);
  const devices = await store.devices.list(person.orgId, { personId: person.id, start: 0, max: MAX_DEVICES });
  return [
    {
      id: endpointIdOf(person.id),
      type: 'CALLING_DEVICE' as const,
      name: PHONE_NAME,
      // The simulated phone answers by itself when set to (the sandbox's autoAnswer).
      autoAndForcedAnswerEnabled: phone?.autoAnswer ?? false,
      ownerId,
      ownerType: 'PEOPLE' as const,
    },
    ...devices.items.map((d) => ({
      id: encodeId('DEVICE', d.id),
      type: 'CALLING_DEVICE' as const,
      name: d.displayName,
      autoAndForcedAnswerEnabled: false,
      ownerId,
      ownerType: 'PEOPLE' as const,
    })),
  ];
}

export async function myEndpoint(store: Store, person: { id: string; orgId: string }, endpointId: string) {
  const found = (await myEndpoints(store, person)).find((e) => e.id === endpointId);
  if (!found) throw endpointNotFound();
  return found;
}

/** Only a Webex Go (mobility) endpoint has alerting settings; the simulated phone is none. */
export async function modifyMyEndpoint(store: Store, person: { id: string; orgId: string }, endpointId: string): Promise<never> {
  await myEndpoint(store, person, endpointId);
  throw badRequest('mobilitySettings apply only to a Webex Go (mobility) endpoint; this endpoint is a calling device.');
}

/** The endpoints that may be preferred for answering (the line's, or the person's own), each saying whether it is. */
export async function availableAnswerEndpoints(store: Store, person: { id: string; orgId: string }, line?: string) {
  const preferred = await preferredId(store, person, line);
  return (await myEndpoints(store, person)).map((e) => ({ id: e.id, type: 'DEVICE' as const, name: e.name, isPreferredAnswerEndpoint: e.id === preferred }));
}

/** The ID of the preferred answer endpoint, or null when none is set. */
export const preferredEndpointId = (store: Store, person: { id: string; orgId: string }) => preferredId(store, person);

/** The preferred answer endpoint, or {} when none is set (as Webex answers). */
export async function preferredAnswerEndpoint(store: Store, person: { id: string; orgId: string }, line?: string) {
  const preferred = await preferredId(store, person, line);
  const endpoint = (await availableAnswerEndpoints(store, person, line)).find((e) => e.id === preferred);
  return endpoint ? { id: endpoint.id, type: endpoint.type, name: endpoint.name } : {};
}

/** Sets the preference to one of the person's endpoints, or clears it (null). */
export async function setPreferredAnswerEndpoint(store: Store, clock: Clock, person: { id: string; orgId: string }, endpointId: string | null, line?: string): Promise<void> {
  if (endpointId !== null && !(await myEndpoints(store, person)).some((e) => e.id === endpointId)) {
    throw badRequest(`preferredAnswerEndpointId: ${endpointId} is not one of your endpoints.`);
  }
  await store.ownerSettings.put({ orgId: person.orgId, kind: 'person', id: person.id }, preferredKey(line), JSON.stringify({ id: endpointId }), timestamp(clock));
}

const preferredKey = (line: string | undefined) => (line === undefined ? PREFERRED_KEY : `${PREFERRED_KEY}:${line}`);

async function preferredId(store: Store, person: { id: string; orgId: string }, line?: string): Promise<string | null> {
  const stored = await store.ownerSettings.get({ orgId: person.orgId, kind: 'person', id: person.id }, preferredKey(line));
  return stored ? (JSON.parse(stored) as { id: string | null }).id : null;
}
