import type { Party } from '../../engine/types.ts';
import type { AlternateNumber } from '../../store/alternate-numbers-store.ts';
import type { Store } from '../../store/store.ts';
import { looseE164 } from '../phone-numbers.ts';
import { callableHuntGroup } from '../hunt-groups/hunt-plan.ts';
import { callableCallQueue } from '../call-queues/queue-plan.ts';
import { callableAutoAttendant } from '../auto-attendants/attendant-calls.ts';
import { virtualExtension } from '../virtual-extensions/virtual-extension-calls.ts';
import { callablePagingGroup } from '../paging/paging-calls.ts';
import { callableAiReceptionist } from '../ai-receptionists/ai-receptionist-calls.ts';
import { personParty, pstnParty, virtualLineParty, voicemailGroupParty, workspaceParty } from './parties.ts';

// Where a dialled string goes (the destination forms the seed lists: 1234, 2223334444,
// +12223334444, *73, tel:+1…, user@company.domain, sip:user@company.domain):
//   an extension of the caller's location, routing prefix + extension of another location,
//   a number of the organization (its owner, or the hunt group, call queue, auto attendant,
//   paging group, AI receptionist, workspace or virtual line that has it), a hunt group's, queue's, auto
//   attendant's, paging group's, workspace's or virtual line's extension in the caller's
//   location, a voicemail group's number or extension, a virtual extension (the location's, the
//   organization's, or one in a range: its external number), an email or SIP URI of a person of the
//   organization, a feature access code, or any other number, which is a PSTN party.
// Anything that looks internal but is not there resolves to undefined: the call fails.

export async function resolveDestination(store: Store, caller: { orgId: string; locationId: string }, raw: string): Promise<Party | undefined> {
  let destination = raw.trim();
  destination = destination.replace(/^(tel|sip|sips):/i, '');
  if (destination.includes('@')) {
    const [user] = destination.split(';');
    const person = await store.people.findByEmail(user!);
    return person && person.orgId === caller.orgId && person.locationId !== null ? personParty(store, person) : undefined;
  }
  if (/^\*\d{2,3}$/.test(destination)) return { kind: 'feature', code: destination };
  const digits = destination.replace(/[\s().-]/g, '');
  // Emergency services (933: the US line that reads back a caller's emergency address and number).
  if (/^(911|933|112|999)$/.test(digits)) return pstnParty(digits);
  if (/^\d{2,17}$/.test(digits)) {
    const local = await store.people.findByExtension(caller.locationId, digits);
    if (local && local.orgId === caller.orgId) return personParty(store, local);
    const group = await callableHuntGroup(store, caller.orgId, await store.huntGroups.findByExtension(caller.locationId, digits));
    if (group) return group;
    const box = voicemailGroupParty(caller.orgId, await store.voicemailGroups.findByExtension(caller.locationId, digits));
    if (box) return box;
    const queue = await callableCallQueue(store, caller.orgId, await store.callQueues.findByExtension(caller.locationId, digits));
    if (queue) return queue;
    const attendant = await callableAutoAttendant(store, caller.orgId, await store.autoAttendants.findByExtension(caller.locationId, digits));
    if (attendant) return attendant;
    const receptionist = await callableAiReceptionist(store, caller.orgId, await store.aiReceptionists.findByExtension(caller.locationId, digits));
    if (receptionist) return receptionist;
    const virtual = await virtualExtension(store, caller, digits);
    if (virtual) return virtual;
    const paging = await callablePagingGroup(store, caller.orgId, await store.pagingGroups.findByExtension(caller.locationId, digits));
    if (paging) return paging;
    const workspace = await store.workspaces.findByExtension(caller.locationId, digits);
    if (workspace && workspace.orgId === caller.orgId) return workspaceParty(store, workspace);
    const line = await store.virtualLines.findByExtension(caller.locationId, digits);
    if (line && line.orgId === caller.orgId) return virtualLineParty(store, line);
    const esn = await store.locationCalling.esnHolder(caller.orgId, digits, '');
    if (esn) return personParty(store, esn);
  }
  // The operator (0, 00) and N11 service codes (411 directory, 211, 311 …) go to the network.
  if (/^(0|00|[2-8]11)$/.test(digits)) return pstnParty(digits);
  const e164 = digits.startsWith('+') ? digits : looseE164(digits);
  if (!e164) return undefined;
  const number = await store.numbers.get(e164);
  if (number && number.orgId === caller.orgId) {
    if (number.ownerId === null) {
      // An alternate number rings its owner as the primary does.
      const alternate = await store.alternateNumbers.get(e164);
      if (alternate?.ownerKind === 'person') {
        const owner = await store.people.get(caller.orgId, alternate.ownerId);
        return owner ? withRingPattern(store, await personParty(store, owner), alternate) : undefined;
      }
      if (alternate?.ownerKind === 'workspace') {
        const owner = await store.workspaces.get(caller.orgId, alternate.ownerId);
        return owner ? withRingPattern(store, await workspaceParty(store, owner), alternate) : undefined;
      }
      const workspace = await store.workspaces.findByNumber(e164);
      if (workspace && workspace.orgId === caller.orgId) return workspaceParty(store, workspace);
      const line = await store.virtualLines.findByNumber(e164);
      if (line && line.orgId === caller.orgId) return virtualLineParty(store, line);
      return (
        (await callableHuntGroup(store, caller.orgId, await store.huntGroups.findByNumber(e164))) ??
        voicemailGroupParty(caller.orgId, await store.voicemailGroups.findByNumber(e164)) ??
        (await callableCallQueue(store, caller.orgId, await store.callQueues.findByNumber(e164))) ??
        (await callableAutoAttendant(store, caller.orgId, await store.autoAttendants.findByNumber(e164))) ??
        (await callablePagingGroup(store, caller.orgId, await store.pagingGroups.findByNumber(e164))) ??
        (await callableAiReceptionist(store, caller.orgId, await store.aiReceptionists.findByNumber(e164)))
      );
    }
    const owner = await store.people.get(caller.orgId, number.ownerId);
    return owner ? personParty(store, owner) : undefined;
  }
  return pstnParty(e164);
}

/**
 * A call to an alternate number rings with the number's ring pattern while the owner's
 * distinctive ring is on (Assign or Unassign numbers: distinctiveRingEnabled); NORMAL otherwise.
 */
async function withRingPattern(store: Store, owner: Party, alternate: AlternateNumber): Promise<Party> {
  if (owner.kind !== 'person' || alternate.ringPattern === 'NORMAL') return owner;
  // The switch as lines/alternate-numbers.ts stores it (read here directly: that module leads back to this one).
  const stored = await store.ownerSettings.get({ orgId: alternate.orgId, kind: alternate.ownerKind, id: alternate.ownerId }, 'distinctiveRing');
  const distinctiveRingEnabled = stored !== undefined && (JSON.parse(stored) as { enabled?: boolean }).enabled === true;
  return distinctiveRingEnabled ? { ...owner, dialled: { ringPattern: alternate.ringPattern } } : owner;
}
