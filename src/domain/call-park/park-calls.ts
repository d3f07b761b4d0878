import type { Leg, ParkExtensionParty, ParkRecall, Party, PersonParty, Session } from '../../engine/types.ts';
import type { StoredParkExtension } from '../../store/call-park-store.ts';
import type { Location, Person, Store } from '../../store/store.ts';
import { isActive } from '../../engine/legs.ts';
import { badRequest, conflict } from '../errors.ts';
import { callableHuntGroup } from '../hunt-groups/hunt-plan.ts';
import { decodeSession } from '../calls/session-codec.ts';
import { DEFAULT_PARK_SETTINGS } from './call-park-service.ts';

// Call park and call pickup as the Call Controls use them: where a park goes (a person, a call
// park extension, or for a group park the first free place of the person's call park group), how
// the parked call comes back (the call park's recall option, the location's recall and hunt wait
// times), and which ringing call a pickup takes.

export const notInCallParkGroup = () => badRequest('isGroupPark: the person is in no call park group.');
export const callParkGroupFull = () => conflict('Every member and call park extension of the call park group already holds a parked call.');
export const parkExtensionTaken = (extension: string) => conflict(`A call is already parked on extension ${extension}.`);
export const notInPickupGroup = () => badRequest('target is required: the person is in no call pickup group.');
export const nothingToPickUp = () => conflict('No call is ringing for the target (or, without target, for the call pickup group).');

export function parkExtensionParty(extension: StoredParkExtension, location: Location | undefined): ParkExtensionParty {
  return {
    kind: 'parkExtension',
    parkExtensionId: extension.id,
    orgId: extension.orgId,
    locationId: extension.locationId,
    name: extension.name,
    extension: extension.extension,
    routingPrefix: location?.routingPrefix ?? null,
  };
}

/** Who parks: a person, or a workspace or virtual line acting like one (its line). */
type ParkingLine = Pick<Person, 'id' | 'locationId' | 'orgId'>;

/** A call park extension of the person's location with this extension, as a party. */
export async function parkExtensionFor(store: Store, person: ParkingLine, destination: string): Promise<ParkExtensionParty | undefined> {
  if (person.locationId === null) return undefined;
  const extension = await store.callParks.findExtension(person.locationId, destination.trim());
  return extension && parkExtensionParty(extension, await store.locations.get(person.orgId, person.locationId));
}

/** Where a group park goes: the group's members (when parking on them is on), then its extensions, the first holding no parked call. */
export async function groupParkPlace(store: Store, person: ParkingLine, partyOf: (person: Person) => Promise<Party>): Promise<Party | undefined> {
  const group = await store.callParks.groupOf(person.id);
  if (!group) return undefined;
  if (group.parkOnAgentsEnabled) {
    const members = await store.people.getMany(person.orgId, await store.callParks.agents(group.id));
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const id of await store.callParks.agents(group.id)) {
      const member = byId.get(id);
      if (member && !(await store.calls.parkedAgainst(person.orgId, member.id))) return partyOf(member);
    }
  }
  const location = await store.locations.get(person.orgId, group.locationId);
  for (const extension of await store.callParks.extensionsOf(group.id)) {
    if (!(await store.calls.parkedAgainst(person.orgId, extension.id))) return parkExtensionParty(extension, location);
  }
  throw callParkGroupFull();
}

/** A call park extension holds one parked call at a time. */
export async function checkParkPlaceFree(store: Store, orgId: string, against: Party): Promise<void> {
  if (against.kind === 'parkExtension' && (await store.calls.parkedAgainst(orgId, against.parkExtensionId))) throw parkExtensionTaken(against.extension);
}

/**
 * How a call the person parks comes back: their call park group's recall option (else the
 * location's), after the location's recall time (else the configured default), the hunt group
 * after its hunt wait time.
 */
export async function parkRecallOf(store: Store, person: ParkingLine, defaultRecallMs: number): Promise<ParkRecall> {
  const settings = person.locationId === null ? undefined : await store.callParks.settings(person.locationId);
  const group = await store.callParks.groupOf(person.id);
  const recall = group?.recall ?? (settings ?? DEFAULT_PARK_SETTINGS).callParkRecall;
  const huntGroup = recall.huntGroupId === null ? undefined : await callableHuntGroup(store, person.orgId, await store.huntGroups.get(person.orgId, recall.huntGroupId));
  const timing = (settings ?? DEFAULT_PARK_SETTINGS).callParkSettings;
  return {
    afterMs: settings ? timing.recallTime * 1000 : defaultRecallMs,
    alertParker: recall.option !== 'ALERT_HUNT_GROUP_ONLY' || huntGroup === undefined,
    huntGroup: recall.option === 'ALERT_PARKING_USER_ONLY' ? null : (huntGroup ?? null),
    huntWaitMs: timing.huntWaitTime * 1000,
  };
}

/** The earliest call ringing for one of these people (an incoming call, alerting), as its leg ID. */
export async function ringingCallOf(store: Store, personIds: readonly string[]): Promise<string | undefined> {
  let best: Leg | undefined;
  for (const personId of personIds) {
    for (const { sessionId, legId } of await store.calls.activeLegsOf(personId)) {
      const stored = await store.calls.get(sessionId);
      const session: Session | undefined = stored && decodeSession(stored.data);
      const leg = session?.legs.find((l) => l.id === legId);
      if (!session || !leg || !isActive(leg) || leg.state !== 'alerting' || leg.personality !== 'terminator' || session.park || leg.recall) continue;
      if (!best || leg.created < best.created) best = leg;
    }
  }
  return best?.id;
}

/** Who a pickup may take a call from: the target, or the other members of the person's call pickup group. */
export async function pickupCandidates(store: Store, actor: PersonParty, target: Party | undefined): Promise<string[]> {
  if (target !== undefined) return target.kind === 'person' && target.personId !== actor.personId ? [target.personId] : [];
  const group = await store.callPickups.groupOf(actor.personId);
  if (!group) throw notInPickupGroup();
  return (await store.callPickups.agents(group.id)).filter((id) => id !== actor.personId);
}
