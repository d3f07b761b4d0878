import {
  activeLegs,
  addAlertingLeg,
  addTimer,
  answersAtOnce,
  cancelTimers,
  endLeg,
  isActive,
  isAnswered,
  newLeg,
  onAnswered,
  peerOf,
  type EngineContext,
  type RecordingMode,
  type Step,
} from './legs.ts';
import { isBarger } from './barge-in.ts';
import { isPullLeg, moveToEndpoint } from './pull.ts';
import { complianceAnnounced, complianceUnderway } from './compliance.ts';
import { screenIncoming } from './incoming-screen.ts';
import { callerOf, ringPatternFor, routeToParty } from './person-routing.ts';
import { withRedirectedPrivacy } from './redirected-privacy.ts';
import { alertAssistants, assistantGone, executiveOf, rolloverDue } from './executive.ts';
import { intercomOf } from './intercom.ts';
import { attendantDigits, attendantNoInput, isAttendantCaller, startAttendant } from './attendant.ts';
import { agentDeclined, huntAdvance, huntAnswered, huntNoAnswer, isHuntAgentLeg, queueRetry, startHunt } from './hunt.ts';
import { recallParked, recallToHuntGroup } from './park.ts';
import { isPage, leavePage, startPage } from './paging.ts';
import { inConference, leaveConference } from './conference.ts';
import { refusalOf, type LegAction } from './transitions.ts';
import type { EngineEvent, Leg, ParkRecall, Party, Refusal, Session } from './types.ts';

// The session machine: (session, action on a leg) → new session and events, or a refusal that
// changes nothing. Pure: the caller stores the result, arms its timers and publishes the events.

export type { Refusal };

export type Action =
  | { type: 'answer' }
  | { type: 'reject'; action: 'busy' | 'temporarilyUnavailable' | 'ignore' }
  | { type: 'hangup' }
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'divert'; to: Party }
  | { type: 'park'; against: Party; recall?: ParkRecall }
  | { type: 'startRecording' }
  | { type: 'stopRecording' }
  | { type: 'pauseRecording' }
  | { type: 'resumeRecording' }
  | { type: 'mute' }
  | { type: 'unmute' }
  | { type: 'transmitDtmf'; digits?: string };

/** Steps work on a copy: the session they were given stays as it was. */
export const copy = (s: Session): Session => structuredClone(s);

function legOf(s: Session, legId: string): Leg {
  const leg = s.legs.find((l) => l.id === legId);
  if (!leg) throw new Error(`no leg ${legId} in session ${s.id}`);
  return leg;
}

/** A session with no legs yet. */
export const newSession = (ctx: EngineContext, init: { sessionId: string; orgId: string }): Session => ({
  id: init.sessionId,
  orgId: init.orgId,
  legs: [],
  timers: [],
  park: null,
  pendingTransfer: null,
  created: ctx.now,
  version: 0,
});

/** A new call from one party to another: the originator connecting, the terminator alerting. */
export function startCall(
  ctx: EngineContext,
  init: { sessionId: string; orgId: string; from: Party; to: Party },
): { step: Step; originatorLegId: string } {
  const s = newSession(ctx, init);
  const events: EngineEvent[] = [];
  const originator = newLeg(ctx, init.from, 'originator', 'connecting');
  s.legs.push(originator);
  events.push({ type: 'originated', legId: originator.id });
  placeTo(s, ctx, originator, init.to, events);
  return { step: { sessions: [s], events }, originatorLegId: originator.id };
}

/** Click-to-dial: the person's own leg alerts first; answering it places the call. */
export function startClickToDial(ctx: EngineContext, init: { sessionId: string; orgId: string; caller: Party; destination: Party; endpoint?: string }): { step: Step; legId: string } {
  const s = newSession(ctx, init);
  const events: EngineEvent[] = [];
  const leg = newLeg(ctx, init.caller, 'clickToDial', 'alerting', { pendingDestination: init.destination });
  // The person's preferred answer endpoint alerts (absent: their simulated phone), as a pull's does (pull.ts).
  if (init.endpoint !== undefined) leg.endpoint = init.endpoint;
  addAlertingLeg(s, ctx, leg, events);
  return { step: { sessions: [s], events }, legId: leg.id };
}

/** Retrieve: a new click-to-dial style leg in a parked call's session; answering it takes the call. */
export function addRetriever(s0: Session, ctx: EngineContext, party: Party): { step: Step; legId: string } {
  const s = copy(s0);
  const events: EngineEvent[] = [];
  const leg = addAlertingLeg(s, ctx, newLeg(ctx, party, 'clickToDial', 'alerting'), events);
  return { step: { sessions: [s], events }, legId: leg.id };
}

/**
 * The originator's call reaches its destination, as the destination's settings route it
 * (person-routing.ts): a new alerting leg, an answer at once, or, when the destination is busy
 * (Do Not Disturb, call waiting off) or its phone offline, no leg and an end for the originator.
 */
export function placeTo(s: Session, ctx: EngineContext, originator: Leg, to: Party, events: EngineEvent[], redirections: Leg['redirections'] = []): Leg | undefined {
  // A hunt group rings its agents by its policy (hunt.ts); a person rings as their settings say.
  if (to.kind === 'huntGroup') return startHunt(s, ctx, originator, to, events);
  if (to.kind === 'pagingGroup') return startPage(s, ctx, originator, to, events);
  if (to.kind === 'parkExtension') {
    endCall(s, ctx, originator, 'noAnswer', 'noAnswer', events);
    return undefined;
  }
  // Intercept, incoming permissions and anonymous rejection decide first (incoming-screen.ts).
  const screened = screenIncoming(ctx, originator.party, to, redirections);
  if (screened.kind === 'refused') {
    endCall(s, ctx, originator, 'rejected', 'rejected', events);
    return undefined;
  }
  if (screened.kind === 'redirect') return placeTo(s, ctx, originator, screened.to, events, [screened.redirection, ...redirections]);
  // An auto attendant answers and plays its menu (attendant.ts).
  if (to.kind === 'autoAttendant') return startAttendant(s, ctx, originator, to, events, redirections);
  // How the person was dialled (alternate number, Push to Talk) counts for this call only: the leg keeps the party without it.
  const dialled = to.kind === 'person' ? to.dialled : undefined;
  if (to.kind === 'person' && dialled) {
    const { dialled: _, ...party } = to;
    to = party;
    if (dialled.pushToTalk) {
      const intercom = intercomOf(s, ctx, originator.party, to);
      if (intercom.kind === 'refused') {
        endCall(s, ctx, originator, 'rejected', 'rejected', events);
        return undefined;
      }
      if (intercom.kind === 'answer') {
        const leg = addAlertingLeg(s, ctx, newLeg(ctx, to, 'terminator', 'alerting', { redirections }), events);
        Object.assign(leg, { intercom: intercom.connection, muted: intercom.connection === 'ONE_WAY' });
        answerLeg(s, ctx, leg, events);
        return leg;
      }
    }
  }
  const routed = routeToParty(s, ctx, to, redirections);
  if (routed.kind === 'busy' || routed.kind === 'unreachable') {
    const reason = routed.kind === 'busy' ? 'busy' : 'noAnswer';
    endCall(s, ctx, originator, reason, reason, events);
    return undefined;
  }
  if (routed.to !== to && isActive(originator)) events.push({ type: 'forwarded', legId: originator.id });
  if (routed.kind === 'executive') return alertAssistants(s, ctx, originator, routed.to, routed.assistants, routed.redirections, events);
  // Forwarded on to a feature: the feature takes the call as if called directly.
  if (routed.to.kind === 'autoAttendant') return startAttendant(s, ctx, originator, routed.to, events, routed.redirections);
  if (routed.to.kind === 'huntGroup') return startHunt(s, ctx, originator, routed.to, events);
  const answering = withRedirectedPrivacy(routed.to, routed.redirections, callerOf(s), (p) => ctx.policy(p).routing?.redirectedPrivacy);
  const target = newLeg(ctx, answering, 'terminator', 'alerting', { redirections: routed.redirections });
  const ringPattern = ringPatternFor(s, ctx, routed, routed.to === to ? dialled?.ringPattern : undefined);
  if (ringPattern) target.ringPattern = ringPattern;
  if (answersAtOnce(routed.to)) {
    s.legs.push(target);
    answerLeg(s, ctx, target, events);
    return target;
  }
  addAlertingLeg(s, ctx, target, events);
  // Simultaneous ring and single number reach: the other numbers ring as legs of their own.
  for (const party of routed.alsoRing ?? []) {
    addAlertingLeg(s, ctx, newLeg(ctx, party, 'terminator', 'alerting', { redirections: [{ reason: 'followMe', redirectingParty: routed.to }, ...routed.redirections] }), events);
  }
  if (routed.sequenceAfterMs !== undefined) {
    // Sequential ring: the next number takes over after this one's rings.
    cancelTimers(s, target.id, ['ringTimeout']);
    addTimer(s, ctx, 'sequentialRing', target.id, routed.sequenceAfterMs);
  } else if (routed.forwardNoAnswerAfterMs !== undefined) {
    // Forwarding when not answered takes the place of the system's ring timeout.
    cancelTimers(s, target.id, ['ringTimeout']);
    addTimer(s, ctx, 'forwardNoAnswer', target.id, routed.forwardNoAnswerAfterMs);
  }
  return target;
}

/** A person's call not answered after their number of rings goes on to their forwarding destination. */
function forwardNoAnswer(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const routing = ctx.policy(leg.party).routing;
  // Personal Assistant's alert-me-first rings end here too, and take the call where it says.
  const to = routing?.personalAssistant ? routing.personalAssistant.to : routing?.forwardNoAnswer?.to;
  const peer = peerOf(s, leg);
  if (!to || !peer || s.park) return ringOut(s, ctx, leg, events);
  const redirections = [{ reason: 'noAnswer' as const, redirectingParty: leg.party }, ...leg.redirections];
  endLeg(s, ctx, leg, 'noAnswer', events);
  for (const other of activeLegs(s)) if (isAlsoRinging(other)) endLeg(s, ctx, other, 'cancelled', events);
  placeTo(s, ctx, peer, to, events, redirections);
}

/**
 * A number of a sequential ring rang its rings: the next one rings (the person's routing is read
 * again, and the legs rung so far say where the sequence is); after the last, the call goes to
 * the person's voicemail when set, else it ends unanswered.
 */
function sequentialNext(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const owner = leg.redirections[0]?.reason === 'followMe' ? leg.redirections[0].redirectingParty : leg.party;
  const sequence = ctx.policy(owner).routing?.sequential;
  const peer = peerOf(s, leg);
  if (!sequence || !peer || owner.kind !== 'person') return ringOut(s, ctx, leg, events);
  const rung = s.legs.filter((l) => {
    const r = l.redirections[0];
    return r?.reason === 'followMe' && r.redirectingParty.kind === 'person' && r.redirectingParty.personId === owner.personId;
  }).length;
  const base = leg.redirections[0]?.reason === 'followMe' ? leg.redirections.slice(1) : leg.redirections;
  endLeg(s, ctx, leg, 'noAnswer', events);
  const step = sequence.steps[rung];
  if (step) {
    const next = addAlertingLeg(s, ctx, newLeg(ctx, step.to, 'terminator', 'alerting', { redirections: [{ reason: 'followMe', redirectingParty: owner }, ...base] }), events);
    cancelTimers(s, next.id, ['ringTimeout']);
    addTimer(s, ctx, 'sequentialRing', next.id, step.afterMs);
    return;
  }
  if (sequence.finally) {
    placeTo(s, ctx, peer, sequence.finally, events, [{ reason: 'noAnswer', redirectingParty: owner }, ...base]);
    return;
  }
  endLeg(s, ctx, peer, 'noAnswer', events);
}

/** A leg ringing for a person's simultaneous ring or single number reach, or an executive's assistant (not their own phone). */
const isAlsoRinging = (leg: Leg) =>
  leg.state === 'alerting' && leg.personality === 'terminator' && (leg.redirections[0]?.reason === 'followMe' || executiveOf(leg) !== undefined);

/** Does another leg still ring for this call, so that one declining or ringing out leaves the call on? */
const othersRinging = (s: Session, leg: Leg) => activeLegs(s).some((l) => l.id !== leg.id && l.state === 'alerting' && l.personality === 'terminator');

export function act(s0: Session, legId: string, action: Action, ctx: EngineContext): Step | Refusal {
  const s = copy(s0);
  const leg = legOf(s, legId);
  const refused = refusalOf(leg, action.type);
  if (refused) return refused;
  if ((action.type === 'park' || action.type === 'divert') && inConference(s, leg)) return { refused: `Cannot ${action.type} a call in a conference.` };
  const events: EngineEvent[] = [];
  const step: Step = { sessions: [s], events };
  switch (action.type) {
    case 'answer':
      answerLeg(s, ctx, leg, events, step);
      break;
    case 'reject':
      reject(s, ctx, leg, action.action, events);
      break;
    case 'hangup':
      hangup(s, ctx, leg, events);
      break;
    case 'hold':
      hold(s, leg, events);
      break;
    case 'resume':
      resume(s, leg, events);
      break;
    case 'divert': {
      const refused = divert(s, ctx, leg, action.to, events);
      if (refused) return refused;
      break;
    }
    case 'park': {
      const refused = park(s, ctx, leg, action.against, events, action.recall);
      if (refused) return refused;
      break;
    }
    case 'startRecording':
    case 'stopRecording':
    case 'pauseRecording':
    case 'resumeRecording': {
      const refused = record(leg, action.type, ctx.policy(leg.party).recording, events, complianceUnderway(s, ctx));
      if (refused) return refused;
      break;
    }
    case 'mute':
    case 'unmute': {
      if (leg.muted === (action.type === 'mute')) return { refused: `The call is already ${leg.muted ? 'muted' : 'unmuted'}.` };
      if (leg.intercom === 'ONE_WAY') return { refused: 'A one-way Push to Talk call cannot be unmuted: only the caller talks.' };
      leg.muted = action.type === 'mute';
      events.push({ type: 'updated', legId: leg.id });
      break;
    }
    case 'transmitDtmf':
      // Tones reach whatever listens: an auto attendant's menu.
      if (action.digits && isAttendantCaller(s, leg)) attendantDigits(s, ctx, action.digits, events);
      break;
  }
  s.version++;
  return step;
}

/** A timer falls due; a timer the session no longer holds (already handled) does nothing. */
export function fireTimer(s0: Session, timerId: string, ctx: EngineContext): Step | undefined {
  const s = copy(s0);
  const timer = s.timers.find((t) => t.id === timerId);
  if (!timer) return undefined;
  s.timers = s.timers.filter((t) => t.id !== timerId);
  const leg = s.legs.find((l) => l.id === timer.legId);
  const events: EngineEvent[] = [];
  const step: Step = { sessions: [s], events };
  if (!leg || !isActive(leg)) return undefined;
  switch (timer.kind) {
    // Hunt timers always change the session (at least by going), even when nothing else happens.
    case 'huntAdvance':
    case 'huntNoAnswer':
    case 'queueRetry':
      if (timer.kind === 'huntAdvance') huntAdvance(s, ctx, leg, events);
      else if (timer.kind === 'queueRetry') queueRetry(s, ctx, events);
      else huntNoAnswer(s, ctx, events);
      s.version++;
      return step;
    case 'attendantNoInput':
      attendantNoInput(s, ctx, events);
      break;
    case 'ringTimeout':
      if (leg.state === 'alerting') ringOut(s, ctx, leg, events);
      else if (leg.state === 'connecting') endCall(s, ctx, leg, 'noAnswer', 'noAnswer', events);
      break;
    case 'autoAnswer':
      if (leg.state === 'alerting') answerLeg(s, ctx, leg, events, step);
      break;
    case 'forwardNoAnswer':
      if (leg.state === 'alerting') forwardNoAnswer(s, ctx, leg, events);
      break;
    case 'sequentialRing':
      if (leg.state === 'alerting') sequentialNext(s, ctx, leg, events);
      break;
    case 'autoReject':
      if (leg.state === 'alerting') reject(s, ctx, leg, ctx.policy(leg.party).busy ? 'busy' : 'temporarilyUnavailable', events);
      break;
    case 'autoHangup':
      hangup(s, ctx, leg, events);
      break;
    case 'parkRecall':
      recallParked(s, ctx, leg, events);
      break;
    case 'parkRecallHunt':
      recallToHuntGroup(s, ctx, leg, events);
      break;
    // Executive timers always change the session (at least by going), as hunt timers do.
    case 'executiveNext':
    case 'executiveRollover':
      if (timer.kind === 'executiveRollover') rolloverDue(s, ctx, leg, events);
      else assistantGone(s, ctx, leg, events, 'noAnswer');
      s.version++;
      return step;
    case 'complianceAnnounced':
      complianceAnnounced(s, leg, events);
      // The announcement's end changes the session even when no recording waited.
      s.version++;
      return step;
  }
  if (events.length === 0) return undefined;
  s.version++;
  return step;
}

export function answerLeg(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[], step?: Step): void {
  cancelTimers(s, leg.id);
  if (isPullLeg(s, leg)) return moveToEndpoint(s, ctx, leg, events);
  leg.answered = ctx.now;
  events.push({ type: 'answered', legId: leg.id });
  huntAnswered(s);
  if (leg.personality === 'clickToDial' && leg.pendingDestination) {
    // The person answered their own click-to-dial leg: now the call goes out.
    const destination = leg.pendingDestination;
    leg.pendingDestination = null;
    leg.personality = 'originator';
    leg.state = 'connecting';
    leg.placedAt = ctx.now;
    placeTo(s, ctx, leg, destination, events);
    return;
  }
  const peer = s.park ? s.legs.find((l) => l.id === s.park!.legId) : peerOf(s, leg);
  if (leg.personality === 'clickToDial') {
    // A retrieve answered: the person placed this call (to the parked one), for call history too;
    // a pickup answered: the person received the call they picked up.
    leg.personality = s.park ? 'originator' : 'terminator';
    leg.placedAt = ctx.now;
  }
  leg.state = peer?.state === 'held' ? 'remoteHeld' : 'connected';
  onAnswered(s, ctx, leg, events);
  if (s.park && peer) {
    // A retriever or a recall took the parked call.
    cancelTimers(s, peer.id, ['parkRecall']);
    s.park = null;
    if (peer.state === 'remoteHeld') peer.state = 'connected';
    events.push({ type: 'remoteResumed', legId: peer.id });
  } else if (peer && peer.state === 'connecting') {
    cancelTimers(s, peer.id, ['ringTimeout']);
    peer.state = 'connected';
    peer.answered = ctx.now;
    events.push({ type: 'connected', legId: peer.id });
    onAnswered(s, ctx, peer, events);
  }
  // Anyone else still ringing for this call lost it to this answer.
  for (const other of activeLegs(s)) {
    if (other.id !== leg.id && other.id !== peer?.id && other.state === 'alerting') endLeg(s, ctx, other, 'cancelled', events, true);
  }
  if (s.pendingTransfer?.targetLegId === leg.id && step) {
    const { transferorSessionId, transferorLegId, consultLegId } = s.pendingTransfer;
    step.completeTransfer = { transferorSessionId, transferorLegId, consultSessionId: s.id, consultLegId };
  }
}

/** The leg ends with `reason`; the peer ends with `peerReason`, and so does anyone still ringing. */
function endCall(s: Session, ctx: EngineContext, leg: Leg, reason: Leg['endReason'] & string, peerReason: Leg['endReason'] & string, events: EngineEvent[]): void {
  endLeg(s, ctx, leg, reason, events);
  for (const other of activeLegs(s)) endLeg(s, ctx, other, other.state === 'alerting' ? 'cancelled' : peerReason, events);
}

/** Is this an extra leg ringing for a call that goes on without it (retrieve, recall, barge-in, pull)? */
const isSideLeg = (s: Session, leg: Leg) =>
  (s.park !== null && s.park.legId !== leg.id && leg.state === 'alerting') || isBarger(s, leg) || (isPullLeg(s, leg) && leg.state === 'alerting');

function reject(s: Session, ctx: EngineContext, leg: Leg, how: 'busy' | 'temporarilyUnavailable' | 'ignore', events: EngineEvent[]): void {
  if (isHuntAgentLeg(s, leg)) return agentDeclined(s, ctx, leg, events);
  if (isSideLeg(s, leg) || leg.personality === 'clickToDial') return endLeg(s, ctx, leg, 'rejected', events);
  // An executive's assistant declines: the next assistant rings, or the call rolls over (executive.ts).
  if (assistantGone(s, ctx, leg, events, 'rejected')) return;
  // One of several legs ringing at once (simultaneous ring) declines: the others ring on.
  if (leg.state === 'alerting' && othersRinging(s, leg) && (isAlsoRinging(leg) || activeLegs(s).some(isAlsoRinging))) return endLeg(s, ctx, leg, 'rejected', events);
  const peer = peerOf(s, leg);
  if (how === 'ignore' && peer) {
    // The person's devices stop alerting; the caller hears ringback until the ring timeout.
    const ring = s.timers.find((t) => t.legId === leg.id && t.kind === 'ringTimeout');
    endLeg(s, ctx, leg, 'rejected', events);
    s.timers.push({ id: ctx.newTimerId(), kind: 'ringTimeout', legId: peer.id, at: ring?.at ?? new Date(Date.parse(ctx.now) + ctx.ringTimeoutMs).toISOString() });
    return;
  }
  endCall(s, ctx, leg, 'rejected', 'busy', events);
}

function ringOut(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  if (assistantGone(s, ctx, leg, events, 'noAnswer')) return;
  if (isSideLeg(s, leg) && leg.recall === null) return endLeg(s, ctx, leg, 'noAnswer', events);
  if (isAlsoRinging(leg) && othersRinging(s, leg)) return endLeg(s, ctx, leg, 'noAnswer', events);
  // An unanswered recall drops the parked call too.
  endCall(s, ctx, leg, 'noAnswer', 'noAnswer', events);
}

function hangup(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  if (isPage(s) && leg.state !== 'alerting') return leavePage(s, ctx, leg, events);
  if (inConference(s, leg)) return leaveConference(s, ctx, leg, events);
  // Hanging up an unanswered incoming call rejects it as busy.
  if (leg.state === 'alerting' && leg.personality === 'terminator' && !isSideLeg(s, leg)) return reject(s, ctx, leg, 'busy', events);
  if (leg.state === 'alerting') return endLeg(s, ctx, leg, 'cancelled', events);
  // Someone who barged in leaves; the call goes on.
  if (isBarger(s, leg)) return endLeg(s, ctx, leg, 'hangup', events);
  endCall(s, ctx, leg, 'hangup', 'remoteHangup', events);
}

function hold(s: Session, leg: Leg, events: EngineEvent[]): void {
  leg.state = 'held';
  events.push({ type: 'held', legId: leg.id });
  const peer = peerOf(s, leg);
  if (peer && peer.state === 'connected') {
    peer.state = 'remoteHeld';
    events.push({ type: 'remoteHeld', legId: peer.id });
  }
}

function resume(s: Session, leg: Leg, events: EngineEvent[]): void {
  const peer = peerOf(s, leg);
  leg.state = peer?.state === 'held' ? 'remoteHeld' : 'connected';
  events.push({ type: 'resumed', legId: leg.id });
  if (peer && peer.state === 'remoteHeld' && s.park?.legId !== peer.id) {
    peer.state = 'connected';
    events.push({ type: 'remoteResumed', legId: peer.id });
  }
}

/** Divert: the leg leaves, its caller goes on to another destination (or a voicemail box). */
function divert(s: Session, ctx: EngineContext, leg: Leg, to: Party, events: EngineEvent[]): Refusal | undefined {
  const peer = peerOf(s, leg);
  if (!peer || s.park) return { refused: 'Cannot divert this call: it has no other party.' };
  const redirections = [{ reason: 'divert' as const, redirectingParty: leg.party }, ...leg.redirections];
  endLeg(s, ctx, leg, 'diverted', events);
  const target = placeTo(s, ctx, peer, to, events, redirections);
  const told = events.some((e) => e.type === 'forwarded' && e.legId === peer.id);
  if (target && isActive(target) && isActive(peer) && !told) events.push({ type: 'forwarded', legId: peer.id });
  return undefined;
}

/** Park: the leg leaves, its peer waits against a party until retrieved or recalled. */
function park(s: Session, ctx: EngineContext, leg: Leg, against: Party, events: EngineEvent[], recall?: ParkRecall): Refusal | undefined {
  const peer = peerOf(s, leg);
  if (!peer || !isAnswered(leg) || s.park) return { refused: 'Cannot park this call: only an answered two-party call can be parked.' };
  endLeg(s, ctx, leg, 'parked', events);
  s.park = { legId: peer.id, against, parkedBy: leg.party, ...(recall ? { recall } : {}) };
  if (peer.state === 'connected') peer.state = 'remoteHeld';
  events.push({ type: 'parked', legId: peer.id });
  addTimer(s, ctx, 'parkRecall', peer.id, recall?.afterMs ?? ctx.parkRecallMs);
  return undefined;
}

/**
 * Recording follows the person's call recording rule: start and stop only "On Demand with User
 * Initiated Start"; pause and resume with that or "Always with Pause/Resume"; pause only while
 * recording, resume only while paused.
 */
/** `announcing`: a compliance announcement plays, so a recording started now waits for it (pending). */
function record(leg: Leg, action: Extract<LegAction, `${string}Recording`>, mode: RecordingMode, events: EngineEvent[], announcing: boolean): Refusal | undefined {
  const onDemand = mode === 'On Demand with User Initiated Start';
  const pausable = onDemand || mode === 'Always with Pause/Resume';
  const state = leg.recordingState;
  const refuse = (why: string): Refusal => ({ refused: `Cannot ${action.replace('Recording', ' recording')}: ${why}` });
  switch (action) {
    case 'startRecording':
      if (!onDemand) return refuse(`the person's call recording is "${mode}"; recording starts on demand only with "On Demand with User Initiated Start".`);
      if (state === 'started' || state === 'paused' || state === 'pending') return refuse(`the call is already being recorded.`);
      leg.recordingState = announcing ? 'pending' : 'started';
      break;
    case 'stopRecording':
      if (!onDemand) return refuse(`the person's call recording is "${mode}"; recording stops on demand only with "On Demand with User Initiated Start".`);
      if (state !== 'started' && state !== 'paused' && state !== 'pending') return refuse('the call is not being recorded.');
      leg.recordingState = 'stopped';
      break;
    case 'pauseRecording':
      if (!pausable) return refuse(`the person's call recording is "${mode}".`);
      if (state !== 'started') return refuse('the call is not being recorded.');
      leg.recordingState = 'paused';
      break;
    case 'resumeRecording':
      if (!pausable) return refuse(`the person's call recording is "${mode}".`);
      if (state !== 'paused') return refuse('the recording is not paused.');
      leg.recordingState = 'started';
      break;
  }
  events.push({ type: 'recording', legId: leg.id });
  return undefined;
}
