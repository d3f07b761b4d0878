import type { AlsoRing } from '../../engine/person-routing.ts';
import type { Party } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import type { MemberKind } from '../../store/devices-store.ts';
import { personParty, virtualLineParty, workspaceParty } from '../calls/parties.ts';
import { desktopClientEnabled } from './application-lines.ts';
import { hotDeskWorkspacesOf } from './hotdesk-sessions.ts';

// Shared call appearances in calls: a line on another person's or workspace's phone (a device
// member), or on another person's Webex App (an application member), makes a call to the line
// ring that phone's or app's owner too, and whoever answers first takes the call. Only activated
// phones ring (one waiting for its activation code is not registered), and only apps whose
// desktop client the owner's application services enable. A hot desk guest's profile lines are
// on the phone of the workspace the guest is signed in to, for as long as the session lasts. A
// DECT handset carries two lines and is held by its first line's owner: a call to its second line
// rings that owner too. A virtual line is carried the same way (on a phone's port, a handset's
// line, a Webex App or a hot desking profile): a call to it rings the phone's owner, the
// handset's holder, the app's owner or the hot desk's workspace as well as its own phone.

/** The owners of the other phones and apps that carry this line, as parties to ring with it; undefined when none. */
export async function sharedLineRing(store: Store, orgId: string, lineId: string, now: Date): Promise<AlsoRing | undefined> {
  const owners: { kind: MemberKind; id: string }[] = [];
  // The four places a line can be carried are independent: asked at once on the incoming-call path.
  const [lines, apps, hotDesks, handsets] = await Promise.all([
    store.devices.linesOf(orgId, lineId),
    store.devices.applicationLinesOf(orgId, lineId),
    hotDeskWorkspacesOf(store, orgId, lineId, now),
    store.dect.handsetsOf(orgId, lineId),
  ]);
  for (const device of lines.length > 0 ? await store.devices.getMany(orgId, lines.map((l) => l.deviceId)) : []) {
    if (device.activationState !== 'activated') continue;
    owners.push(device.personId !== null ? { kind: 'person', id: device.personId } : { kind: 'workspace', id: device.workspaceId! });
  }
  for (const app of apps) {
    if (await desktopClientEnabled(store, orgId, app.personId)) owners.push({ kind: 'person', id: app.personId });
  }
  for (const workspaceId of hotDesks) owners.push({ kind: 'workspace', id: workspaceId });
  for (const handset of handsets) owners.push({ kind: handset.line1.kind, id: handset.line1.memberId });
  const parties: Party[] = [];
  const seen = new Set<string>([lineId]);
  for (const owner of owners) {
    if (seen.has(owner.id)) continue;
    seen.add(owner.id);
    if (owner.kind === 'person') {
      const person = await store.people.get(orgId, owner.id);
      if (person && person.locationId !== null) parties.push(await personParty(store, person));
    } else if (owner.kind === 'virtualLine') {
      // A handset whose first line is a virtual line: its own phone stands for the handset.
      const line = await store.virtualLines.get(orgId, owner.id);
      if (line) parties.push(await virtualLineParty(store, line));
    } else {
      const workspace = await store.workspaces.get(orgId, owner.id);
      if (workspace && workspace.callingLocationId !== null) parties.push(await workspaceParty(store, workspace));
    }
  }
  return parties.length > 0 ? { parties, notWhileOnCall: false } : undefined;
}
