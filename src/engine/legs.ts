import { startCompliance, type CompliancePolicy } from './compliance.ts';
import type { PersonRouting } from './person-routing.ts';
import type { AttendantPlan, EndReason, EngineEvent, HuntPlan, Leg, LegState, PagePlan, Party, Personality, Redirection, Session, Timer, TimerKind } from './types.ts';

// Small pieces the session machine is built from. They change a working copy of a session in
// place; session.ts copies the stored session before it starts.

/** The person's call recording rule, in Webex's words. */
export type RecordingMode = 'Always' | 'Never' | 'Always with Pause/Resume' | 'On Demand with User Initiated Start';

/** How a party behaves on its own: a simulated phone or PSTN party, and its recording rule. */
export type PartyPolicy = {
  /** Answers by itself this long after it starts alerting (auto-answer, PSTN party). */
  answerAfterMs?: number;
  /** Is busy: refuses a call at once. */
  busy?: boolean;
  /** A person's phone is not registered: it cannot ring (person-routing.ts decides where calls go). */
  offline?: boolean;
  /** Refuses this long after it starts alerting. */
  rejectAfterMs?: number;
  /** Hangs up this long after the call is answered. */
  hangupAfterMs?: number;
  recording: RecordingMode;
  /** A person's call settings that decide where their calls go (person-routing.ts). */
  routing?: PersonRouting;
  /** The compliance announcement of a person's location, when it plays one (compliance.ts). */
  compliance?: CompliancePolicy;
};

export type EngineContext = {
  now: string;
  /** An alerting leg nobody answers ends after this long. */
  ringTimeoutMs: number;
  /** A parked call rings back its parker after this long. */
  parkRecallMs: number;
  /** A voicemail box hangs up after listening this long. */
  voicemailMs: number;
  newCallId(): string;
  newTimerId(): string;
  policy(party: Party): PartyPolicy;
  /** How a hunt group called now rings its agents (see hunt.ts); undefined: it cannot take calls. */
  huntPlan?(huntGroupId: string): HuntPlan | undefined;
  /** How an auto attendant called now answers (see attendant.ts); undefined: it cannot take calls. */
  attendantPlan?(autoAttendantId: string): AttendantPlan | undefined;
  /** Whom a paging group called now pages (see paging.ts); undefined: it cannot take calls. */
  pagePlan?(pagingGroupId: string): PagePlan | undefined;
};

/** What one engine step produced: sessions to store, events per leg, work for the caller. */
export type Step = {
  sessions: Session[];
  events: EngineEvent[];
  /** A mute transfer whose target answered: join it with the held call (see transfer.ts). */
  completeTransfer?: { transferorSessionId: string; transferorLegId: string; consultSessionId: string; consultLegId: string };
};

export const isActive = (leg: Leg) => leg.state !== 'disconnected';
export const isAnswered = (leg: Leg) => leg.state === 'connected' || leg.state === 'held' || leg.state === 'remoteHeld';
export const activeLegs = (s: Session) => s.legs.filter(isActive);

/** The leg a leg talks to: its pair in a conference, else another active leg, preferring one that is not still alerting. */
export function peerOf(s: Session, leg: Leg): Leg | undefined {
  const pair = s.conference?.participants.find((p) => p.hostLegId === leg.id || p.peerLegId === leg.id);
  if (pair) {
    const other = s.legs.find((l) => l.id === (pair.hostLegId === leg.id ? pair.peerLegId : pair.hostLegId));
    return other && isActive(other) ? other : undefined;
  }
  const others = activeLegs(s).filter((l) => l.id !== leg.id);
  return others.find((l) => l.state !== 'alerting') ?? others[0];
}

export function addTimer(s: Session, ctx: EngineContext, kind: TimerKind, legId: string, afterMs: number): void {
  const at = new Date(Date.parse(ctx.now) + Math.max(0, afterMs)).toISOString();
  s.timers.push({ id: ctx.newTimerId(), kind, legId, at } satisfies Timer);
}

export function cancelTimers(s: Session, legId: string, kinds?: readonly TimerKind[]): void {
  s.timers = s.timers.filter((t) => t.legId !== legId || (kinds !== undefined && !kinds.includes(t.kind)));
}

export function newLeg(
  ctx: EngineContext,
  party: Party,
  personality: Personality,
  state: LegState,
  extra: { redirections?: Redirection[]; recall?: Leg['recall']; pendingDestination?: Party | null } = {},
): Leg {
  return {
    id: ctx.newCallId(),
    party,
    personality,
    state,
    created: ctx.now,
    placedAt: personality === 'originator' ? ctx.now : null,
    answered: null,
    disconnected: null,
    redirections: extra.redirections ?? [],
    recall: extra.recall ?? null,
    recordingState: null,
    muted: false,
    appearance: null,
    pendingDestination: extra.pendingDestination ?? null,
    endReason: null,
    completedElsewhere: false,
  };
}

/**
 * Adds a leg that starts alerting: it rings until the ring timeout, and a simulated party may
 * answer, refuse or be busy on its own.
 */
export function addAlertingLeg(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): Leg {
  s.legs.push(leg);
  events.push({ type: leg.personality === 'terminator' ? 'received' : 'originated', legId: leg.id });
  const policy = ctx.policy(leg.party);
  addTimer(s, ctx, 'ringTimeout', leg.id, ctx.ringTimeoutMs);
  if (policy.busy) addTimer(s, ctx, 'autoReject', leg.id, 0);
  else if (policy.rejectAfterMs !== undefined) addTimer(s, ctx, 'autoReject', leg.id, policy.rejectAfterMs);
  else if (policy.answerAfterMs !== undefined) addTimer(s, ctx, 'autoAnswer', leg.id, policy.answerAfterMs);
  return leg;
}

/** A leg ends: no more timers, an end reason for call history, and a disconnected event. */
export function endLeg(s: Session, ctx: EngineContext, leg: Leg, reason: EndReason, events: EngineEvent[], elsewhere = false): void {
  if (!isActive(leg)) return;
  leg.state = 'disconnected';
  leg.disconnected = ctx.now;
  leg.endReason = reason;
  leg.completedElsewhere = elsewhere;
  cancelTimers(s, leg.id);
  events.push({ type: 'disconnected', legId: leg.id });
  if (s.park?.legId === leg.id) s.park = null;
  if (activeLegs(s).length === 0) s.timers = [];
}

/**
 * Starts the recording an "Always" rule asks for (pending while a compliance announcement plays),
 * and a simulated party's hang-up timer.
 */
export function onAnswered(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const policy = ctx.policy(leg.party);
  const announcing = startCompliance(s, ctx, leg);
  if ((policy.recording === 'Always' || policy.recording === 'Always with Pause/Resume') && leg.recordingState === null) {
    leg.recordingState = announcing ? 'pending' : 'started';
    events.push({ type: 'recording', legId: leg.id });
  }
  if (policy.hangupAfterMs !== undefined) addTimer(s, ctx, 'autoHangup', leg.id, policy.hangupAfterMs);
  if (leg.party.kind === 'voicemail') addTimer(s, ctx, 'autoHangup', leg.id, ctx.voicemailMs);
}

/** Systems that answer the moment they are called: voicemail boxes, feature access codes and auto attendants. */
export const answersAtOnce = (party: Party) => party.kind === 'voicemail' || party.kind === 'feature' || party.kind === 'autoAttendant';
