import { executiveOf } from '../../engine/executive.ts';
import { isAnswered, peerOf } from '../../engine/legs.ts';
import type { CallEventType, Leg, Party, Session } from '../../engine/types.ts';
import { encodeCallId, encodeSessionId } from './call-ids.ts';
import { partyInformation, type PartyInformation } from './parties.ts';

// A person's leg as Webex shows it: the Call object of List Calls / Get Call Details, and the
// `data` of a telephony_calls event (the same snapshot, named callId, with event fields).

export type CallObject = {
  id: string;
  callSessionId: string;
  personality: Leg['personality'];
  state: Leg['state'];
  remoteParty: PartyInformation;
  appearance?: number;
  created: string;
  answered?: string;
  redirections?: { reason: string; redirectingParty: PartyInformation }[];
  recall?: { type: 'park'; party: PartyInformation };
  recordingState?: string;
  muteCapable: boolean;
  muted: boolean;
};

export type CallEventData = Omit<CallObject, 'id'> & {
  callId: string;
  eventType: CallEventType;
  eventTimestamp: string;
  disconnected?: string;
  completedElsewhere: boolean;
};

/** Whom the leg is talking to (or, for a click-to-dial leg still alerting, going to call). */
function remotePartyOf(session: Session, leg: Leg): Party | undefined {
  if (leg.pendingDestination) return leg.pendingDestination;
  if (session.park?.legId === leg.id) return session.park.against;
  // A caller waiting in a call queue is connected to the queue until an agent answers.
  const hunt = session.hunt;
  if (hunt && !hunt.over && hunt.queuedAt !== undefined && hunt.originatorLegId === leg.id) return hunt.group;
  // A paged target sees the originator only when the paging group says so.
  if (session.page && leg.id !== session.page.originatorLegId && !session.page.showOriginator) return session.page.group;
  const peer = peerOf(session, leg) ?? [...session.legs].reverse().find((l) => l.id !== leg.id);
  return peer?.party;
}

/**
 * What an assistant's phone shows of an executive's filtered call while it alerts (the executive's
 * clidNameMode, clidPhoneNumberMode): the executive, the caller, both, or a custom name/number.
 * A caller who withholds their identity stays withheld; only the executive's part shows.
 */
function asAssistantSees(leg: Leg, caller: PartyInformation): PartyInformation {
  const shown = leg.assistantCallerId;
  const executive = executiveOf(leg);
  if (!shown || !executive || leg.state !== 'alerting') return caller;
  const exec = partyInformation(leg.party, executive);
  // A caller known by number only goes by it in a combined name.
  const callerName = caller.name ?? caller.number;
  const names: Record<typeof shown.name, (string | undefined)[]> = {
    EXECUTIVE_ORIGINATOR: [exec.name, callerName],
    ORIGINATOR_EXECUTIVE: [callerName, exec.name],
    EXECUTIVE: [exec.name],
    ORIGINATOR: [caller.name],
    CUSTOM: [shown.customName],
  };
  const name = names[shown.name].filter((n) => n !== undefined && n !== '').join(' - ');
  const number = shown.number === 'EXECUTIVE' ? exec.number : shown.number === 'CUSTOM' ? shown.customNumber : caller.number;
  const { name: _, number: __, ...rest } = caller;
  return { ...(name ? { name } : {}), ...(number ? { number } : {}), ...rest };
}

export function callObject(session: Session, leg: Leg): CallObject {
  const remote = remotePartyOf(session, leg);
  return {
    id: encodeCallId(leg.id),
    callSessionId: encodeSessionId(session.id),
    personality: leg.personality,
    state: leg.state,
    remoteParty: remote ? asAssistantSees(leg, partyInformation(leg.party, remote)) : { privacyEnabled: false, callType: 'other' },
    ...(leg.appearance !== null && leg.state !== 'disconnected' ? { appearance: leg.appearance } : {}),
    created: leg.created,
    ...(leg.answered ? { answered: leg.answered } : {}),
    // Webex shows redirections only while an incoming call alerts. Its call views name no reason
    // for an executive's filtered call: an assistant sees the executive with reason unknown.
    ...(leg.state === 'alerting' && leg.redirections.length > 0
      ? { redirections: leg.redirections.map((r) => ({ reason: r.reason === 'executive' ? 'unknown' : r.reason, redirectingParty: partyInformation(leg.party, r.redirectingParty) })) }
      : {}),
    ...(leg.recall ? { recall: { type: leg.recall.type, party: partyInformation(leg.party, leg.recall.party) } } : {}),
    ...(leg.recordingState ? { recordingState: leg.recordingState } : {}),
    muteCapable: isAnswered(leg),
    muted: leg.muted,
  };
}

export function callEventData(session: Session, leg: Leg, eventType: CallEventType, at: string): CallEventData {
  const { id, ...call } = callObject(session, leg);
  return {
    eventType,
    eventTimestamp: at,
    callId: id,
    ...call,
    ...(leg.disconnected ? { disconnected: leg.disconnected } : {}),
    completedElsewhere: leg.completedElsewhere,
  };
}
