import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { personOf } from '../settings/settings-service.ts';
import { checkedPorts, lineHolders, type CheckedPort, type DeviceMemberService, type LineHolder, type MemberInput } from './device-members.ts';

// A person's hot desking guest profile: the lines a hot desk phone carries while the person is
// signed in to it as a guest. The same line rules as a device's members (device-members.ts), on
// the ports of a hot desk phone; stored as the person's 'hotDeskingMembers' document
// (owner_settings). Until set, the profile holds the person's own line on port 1. Its shared
// lines may be virtual lines (Cisco's document: available members "can include people,
// workspaces, and virtual lines").

const KEY = 'hotDeskingMembers';
/** The lines of a hot desk phone: Cisco's desk phones used for hot desking carry up to ten. */
export const HOT_DESK_LINES = 10;

export type ProfileMembers = { members: CheckedPort[]; holders: Map<string, LineHolder> };

export class HotDeskingMemberService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly deviceMembers: DeviceMemberService;

  constructor(store: Store, clock: Clock, deviceMembers: DeviceMemberService) {
    this.store = store;
    this.clock = clock;
    this.deviceMembers = deviceMembers;
  }

  /** The profile's lines in port order (lines whose holder is gone left out) and their holders. */
  async members(orgId: string, personPublicId: string): Promise<ProfileMembers> {
    const person = await personOf(this.store, orgId, personPublicId);
    const stored = await this.store.ownerSettings.get({ orgId, kind: 'person', id: person.id }, KEY);
    const own: CheckedPort = {
      port: 1,
      memberKind: 'person',
      memberId: person.id,
      line: { primaryOwner: true, lineType: 'PRIMARY', lineWeight: 1, hotlineEnabled: false, hotlineDestination: '', allowCallDeclineEnabled: true, t38FaxCompressionEnabled: false },
    };
    const lines = stored === undefined ? [own] : (JSON.parse(stored) as CheckedPort[]);
    const holders = await lineHolders(this.store, orgId, lines);
    return { members: lines.filter((m) => holders.has(m.memberId)).sort((a, b) => a.port - b.port), holders };
  }

  /** Replaces the profile's lines (the whole list, as Webex's PUT does). */
  async update(orgId: string, personPublicId: string, inputs: readonly (Omit<MemberInput, 'lineType'> & { lineType: string })[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await personOf(tx, orgId, personPublicId);
      // A profile carries primary lines and shared appearances; mobility and guest lines are a device's own.
      const odd = inputs.find((m) => m.lineType !== 'PRIMARY' && m.lineType !== 'SHARED_CALL_APPEARANCE');
      if (odd) throw badRequest(`members: lineType ${odd.lineType} is not a hot desking profile line (PRIMARY or SHARED_CALL_APPEARANCE).`);
      const lines = await checkedPorts(tx, orgId, inputs as readonly MemberInput[], { ownerId: person.id, max: HOT_DESK_LINES, what: `the ${HOT_DESK_LINES} lines of a hot desking profile`, virtualLines: true });
      await tx.ownerSettings.put({ orgId, kind: 'person', id: person.id }, KEY, JSON.stringify(lines), timestamp(this.clock));
    });
  }

  /** People, workspaces and virtual lines that could take a line on the profile (not on it yet), filtered as a device's. */
  async available(orgId: string, personPublicId: string, filter: { memberName?: string; phoneNumber?: string; extension?: string; locationId?: string }): Promise<LineHolder[]> {
    const { members } = await this.members(orgId, personPublicId);
    const taken = new Set(members.map((m) => m.memberId));
    return (await this.deviceMembers.available(orgId, undefined, filter)).filter((h) => !taken.has(h.id));
  }
}

/** The lines (their holders' IDs) a person's hot desking profile carries: the person's own line until set. */
export async function profileLineIds(store: Store, orgId: string, personId: string): Promise<string[]> {
  const stored = await store.ownerSettings.get({ orgId, kind: 'person', id: personId }, KEY);
  return stored === undefined ? [personId] : (JSON.parse(stored) as CheckedPort[]).map((m) => m.memberId);
}
