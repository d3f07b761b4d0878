import { randomUUID } from 'node:crypto';
import type { Leg, Party, Session } from '../../engine/types.ts';
import type { CallHistoryRecord } from '../../store/calls-store.ts';
import { historyParty } from './parties.ts';

// Call history of a person's ended leg: placed for outgoing calls (at the time they went out,
// including a retrieve of a parked call), received for answered incoming calls (at the answer),
// missed for incoming calls that were never answered (at the end). A click-to-dial never
// answered, and a call diverted, transferred or taken elsewhere before it was answered, leave
// no record.

const personIdOf = (party: Party) => (party.kind === 'person' ? party.personId : null);

/**
 * `prior` is the session as it was before this step: a transfer moves the remote party out of
 * the transferor's consultation session in the same step that ends the transferor's leg.
 */
export function historyRecord(session: Session, leg: Leg, prior: Session | undefined): CallHistoryRecord | undefined {
  // Call history is a person's (Webex has none for workspaces and virtual lines).
  if (leg.party.kind !== 'person' || leg.party.line !== undefined) return undefined;
  let type: CallHistoryRecord['type'];
  let time: string;
  if (leg.personality === 'originator' && leg.placedAt) {
    type = 'placed';
    time = leg.placedAt;
  } else if (leg.personality === 'terminator' && leg.answered) {
    type = 'received';
    time = leg.answered;
  } else if (leg.personality === 'terminator' && !leg.completedElsewhere && leg.endReason !== 'diverted') {
    type = 'missed';
    time = leg.disconnected ?? leg.created;
  } else {
    return undefined;
  }
  const remote = remoteOf(session, leg, prior);
  const shown = remote ? historyParty(leg.party, remote) : { name: null, number: null };
  return {
    id: randomUUID(),
    orgId: session.orgId,
    personId: leg.party.personId,
    type,
    name: shown.name,
    number: shown.number,
    privacyEnabled: false,
    time,
    callId: leg.id,
    sessionId: session.id,
  };
}

/**
 * Who the record names: the recalled party of a recall, else the first other party on the call
 * when this leg joined it (what was dialled, or who called), else where a click-to-dial was going.
 */
function remoteOf(session: Session, leg: Leg, prior: Session | undefined): Party | null {
  if (leg.recall) return leg.recall.party;
  const self = personIdOf(leg.party);
  for (const s of prior ? [session, prior] : [session]) {
    const joinedAt = s.legs.findIndex((l) => l.id === leg.id);
    // A leg listed before this one that had ended by the time it joined (who parked the call a
    // retriever takes) was never on the call with it.
    const leftBefore = (l: Leg, i: number) => joinedAt >= 0 && i < joinedAt && l.disconnected !== null && l.disconnected <= leg.created;
    const other = s.legs.find((l, i) => l.id !== leg.id && personIdOf(l.party) !== self && !leftBefore(l, i));
    if (other) return other.party;
  }
  return leg.pendingDestination;
}
