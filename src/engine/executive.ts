import { activeLegs, addAlertingLeg, addTimer, cancelTimers, endLeg, isAnswered, newLeg, peerOf, type EngineContext } from './legs.ts';
import type { CallerRules } from './person-routing.ts';
import { placeTo } from './session.ts';
import type { AssistantCallerId, EngineEvent, Leg, Party, PersonParty, Redirection, Session } from './types.ts';

// Executive call filtering (Webex's Executive / Executive Assistant service): calls an executive's
// filter takes alert the executive's assistants instead of (with screening, as well as) the
// executive. The assistants' legs are legs of the call like simultaneous ring's: the first to
// answer takes the call and the others stop ringing (session.ts answerLeg). Each assistant's leg
// carries the executive as its latest redirection (reason 'executive'), which is how the engine
// finds the executive again later: to ring the next assistant, to roll the call over, and for a
// push back to the executive (call-pull.ts divert).

/** The executive's filtering in force now, by their settings (domain/calls/executive-routing.ts). */
export type ExecutiveFiltering = {
  /** Which callers the filter takes (filterType, or the activated custom filters in force now). */
  when: CallerRules;
  /** The assistants opted in for this executive, in the executive's order. */
  assistants: PersonParty[];
  alerting: 'SIMULTANEOUS' | 'SEQUENTIAL';
  /** SEQUENTIAL: each assistant rings this long before the next one does. */
  nextAfterMs: number;
  /** Executive screening: the executive's own phone alerts along with the assistants. */
  executiveAlerted: boolean;
  /** Screening's alertType: how the executive's own phone alerts (its leg's ringPattern). */
  screeningAlert?: 'SILENT' | 'RING_SPLASH';
  /** The caller ID the assistants' phones show (the executive's clidNameMode, clidPhoneNumberMode). */
  assistantCallerId?: AssistantCallerId;
  /** Assistants whose filtered calls go to a number instead of their phone (forwardFilteredCallsEnabled), by personId. */
  forwardedTo?: Record<string, Party>;
  /**
   * Rollover, where a filtered call goes once no assistant remains (all declined or rang out) and,
   * with the rollover timer (afterMs), when nobody answered in time: a party (the executive's
   * voicemail, a forward number), the executive's own no-answer treatment ('noAnswer'), or
   * nowhere (null: the call ends).
   */
  rollover: { to: Party | 'noAnswer' | null; afterMs?: number };
};

const samePerson = (a: Party | undefined, b: Party) => a?.kind === 'person' && b.kind === 'person' && a.personId === b.personId;

/** The executive a leg rings (or rang) for, when it is an assistant's leg of a filtered call. */
export function executiveOf(leg: Leg): PersonParty | undefined {
  const latest = leg.redirections[0];
  return latest?.reason === 'executive' && latest.redirectingParty.kind === 'person' ? latest.redirectingParty : undefined;
}

/**
 * The assistants a call to the executive alerts: none when an assistant places the call or sends
 * it on (a push, a divert), so that it reaches the executive.
 */
export function assistantsFor(plan: ExecutiveFiltering, caller: Party | undefined, chain: readonly Redirection[]): PersonParty[] {
  const isAssistant = (p: Party | undefined) => plan.assistants.some((a) => samePerson(p, a));
  if (isAssistant(caller) || isAssistant(chain[0]?.redirectingParty)) return [];
  return plan.assistants;
}

function ring(s: Session, ctx: EngineContext, party: Party, redirections: Redirection[], plan: ExecutiveFiltering, events: EngineEvent[], own = false): Leg {
  const leg = newLeg(ctx, own ? party : (plan.forwardedTo?.[(party as PersonParty).personId] ?? party), 'terminator', 'alerting', { redirections });
  if (own && plan.screeningAlert) leg.ringPattern = plan.screeningAlert;
  if (!own && plan.assistantCallerId) leg.assistantCallerId = plan.assistantCallerId;
  addAlertingLeg(s, ctx, leg, events);
  // The rollover timer (or, for the executive's own phone, the assistants) decides when the
  // ringing stops, not the system's ring timeout.
  if (own || plan.rollover.afterMs !== undefined) cancelTimers(s, leg.id, ['ringTimeout']);
  return leg;
}

const via = (executive: PersonParty, base: Redirection[]): Redirection[] => [{ reason: 'executive', redirectingParty: executive }, ...base];

/** A filtered call arrives: the assistants ring (all, or the first), with the executive when screening. */
export function alertAssistants(
  s: Session,
  ctx: EngineContext,
  originator: Leg,
  executive: PersonParty,
  assistants: PersonParty[],
  redirections: Redirection[],
  events: EngineEvent[],
): Leg {
  const plan = ctx.policy(executive).routing!.executive!;
  const legs: Leg[] = [];
  if (plan.executiveAlerted) legs.push(ring(s, ctx, executive, redirections, plan, events, true));
  const now = plan.alerting === 'SIMULTANEOUS' ? assistants : assistants.slice(0, 1);
  for (const assistant of now) {
    const leg = ring(s, ctx, assistant, via(executive, redirections), plan, events);
    if (plan.alerting === 'SEQUENTIAL') addTimer(s, ctx, 'executiveNext', leg.id, plan.nextAfterMs);
    legs.push(leg);
  }
  if (plan.rollover.afterMs !== undefined) addTimer(s, ctx, 'executiveRollover', originator.id, plan.rollover.afterMs);
  return legs[0]!;
}

/**
 * An assistant's leg stops ringing (`reason`: they declined, or rang their rings or out). In
 * SEQUENTIAL alerting the next assistant rings (the legs rung so far for this executive say
 * which); when no assistant remains, the call rolls over. False for any other leg.
 */
export function assistantGone(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[], reason: 'noAnswer' | 'rejected'): boolean {
  const executive = executiveOf(leg);
  const plan = executive && ctx.policy(executive).routing?.executive;
  const originator = peerOf(s, leg);
  if (!executive || !plan || !originator || leg.state !== 'alerting') return false;
  const base = leg.redirections.slice(1);
  endLeg(s, ctx, leg, reason, events);
  if (plan.alerting === 'SEQUENTIAL') {
    const rung = s.legs.filter((l) => samePerson(executiveOf(l), executive)).length;
    const next = assistantsFor(plan, originator.party, base)[rung];
    if (next) {
      addTimer(s, ctx, 'executiveNext', ring(s, ctx, next, via(executive, base), plan, events).id, plan.nextAfterMs);
      return true;
    }
  }
  const remaining = activeLegs(s).some((l) => l.state === 'alerting' && samePerson(executiveOf(l), executive));
  if (!remaining) rollOver(s, ctx, originator, executive, base, events);
  return true;
}

/** The rollover timer fell due: a filtered call nobody answered (assistants still ringing) rolls over. */
export function rolloverDue(s: Session, ctx: EngineContext, originator: Leg, events: EngineEvent[]): void {
  // The caller may be connected already (a call diverted to the executive): what counts is that nobody else answered.
  if (activeLegs(s).some((l) => l.id !== originator.id && isAnswered(l))) return;
  const assistantLeg = activeLegs(s).find((l) => l.state === 'alerting' && executiveOf(l) !== undefined);
  if (assistantLeg) rollOver(s, ctx, originator, executiveOf(assistantLeg)!, assistantLeg.redirections.slice(1), events);
}

/**
 * Rollover: whoever still rings stops, and the caller goes on to the executive's voicemail, the
 * forward number, or the executive's no-answer treatment (their forwarding when not answered, or
 * voicemail); with none of these the call ends.
 */
function rollOver(s: Session, ctx: EngineContext, originator: Leg, executive: PersonParty, base: Redirection[], events: EngineEvent[]): void {
  const routing = ctx.policy(executive).routing;
  for (const leg of activeLegs(s)) if (leg.id !== originator.id && leg.state === 'alerting') endLeg(s, ctx, leg, 'noAnswer', events);
  cancelTimers(s, originator.id, ['executiveRollover']);
  const rollover = routing?.executive?.rollover.to;
  const to = rollover === 'noAnswer' ? routing?.forwardNoAnswer?.to : rollover;
  if (!to) return endLeg(s, ctx, originator, 'noAnswer', events);
  events.push({ type: 'forwarded', legId: originator.id });
  placeTo(s, ctx, originator, to, events, [{ reason: 'noAnswer', redirectingParty: executive }, ...base]);
}
