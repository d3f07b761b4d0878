import type { AlsoRing } from '../../engine/person-routing.ts';
import type { Party } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { personParty, workspaceParty } from '../calls/parties.ts';

// Shared call appearances in calls: a line on another person's or workspace's phone (a device
// member) makes a call to the line ring that phone too, and whoever answers first takes the call.
// Only activated phones ring (one waiting for its activation code is not registered).

/** The owners of the other phones that carry this line, as parties to ring with it; undefined when none. */
export async function sharedLineRing(store: Store, orgId: string, lineId: string): Promise<AlsoRing | undefined> {
  const lines = await store.devices.linesOf(orgId, lineId);
  if (lines.length === 0) return undefined;
  const devices = await store.devices.getMany(orgId, lines.map((l) => l.deviceId));
  const parties: Party[] = [];
  const seen = new Set<string>([lineId]);
  for (const device of devices) {
    const ownerId = (device.personId ?? device.workspaceId)!;
    if (device.activationState !== 'activated' || seen.has(ownerId)) continue;
    seen.add(ownerId);
    if (device.personId !== null) {
      const person = await store.people.get(orgId, device.personId);
      if (person && person.locationId !== null) parties.push(await personParty(store, person));
    } else {
      const workspace = await store.workspaces.get(orgId, device.workspaceId!);
      if (workspace && workspace.callingLocationId !== null) parties.push(await workspaceParty(store, workspace));
    }
  }
  return parties.length > 0 ? { parties, notWhileOnCall: false } : undefined;
}
