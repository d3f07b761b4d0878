import { activeLegs, addAlertingLeg, addTimer, cancelTimers, endLeg, isActive, newLeg, type EngineContext } from './legs.ts';
import { placeTo } from './session.ts';
import type { EngineEvent, ForwardParty, Hunt, HuntGroupParty, HuntPlan, Leg, Party, SelectiveRule, Session } from './types.ts';

// Hunt groups in the engine. A call to a hunt group is the caller's leg waiting (connecting)
// while agent legs ring, one at a time (REGULAR, CIRCULAR, UNIFORM, WEIGHTED: the plan's order)
// or all at once (SIMULTANEOUS). The first to answer takes the call (session.ts cancels the
// others). An agent who declines, or rings agentRingMs unanswered when nextAgentEnabled, gives
// way to the next free agent; with nobody free the busy forward applies, and when nobody answers
// within noAnswerMs the no-answer forward; forwarding "always", or a selective rule in force
// whose callers match, skips the agents. The plan comes in as data (ctx.huntPlan) and is kept
// in the session, so later timers need nothing else.
//
// A call queue hunts the same way with a line in front (plan.queue): the queue answers the
// caller, who waits (connected to the queue) up to the queue size; with nobody free the call
// stays in line and is offered again every retryMs to whoever is free then (a fresh plan from
// ctx.huntPlan: agents who joined or left since count); a bounced call (an agent who does not
// answer within agentRingMs) goes to the next free agent. It overflows when the line is full or
// it has waited overflowAfterMs: to the overflow destination, busy, or ringing until the caller
// hangs up. A service decided on arrival (plan.queue.divert) takes the call before any of this.

const isQueueParty = (group: HuntGroupParty) => group.feature === 'callQueue';
const redirectedBy = (group: HuntGroupParty): Leg['redirections'] => [{ reason: isQueueParty(group) ? 'callQueue' : 'huntGroup', redirectingParty: group }];

const liveHunt = (s: Session): Hunt | undefined => (s.hunt && !s.hunt.over ? s.hunt : undefined);
const originatorOf = (s: Session, hunt: Hunt) => s.legs.find((l) => l.id === hunt.originatorLegId);
const agentLegs = (s: Session, hunt: Hunt) => activeLegs(s).filter((l) => l.id !== hunt.originatorLegId && l.state === 'alerting' && isAgentLeg(l));
const isAgentLeg = (leg: Leg) => leg.personality === 'terminator' && (leg.redirections[0]?.reason === 'huntGroup' || leg.redirections[0]?.reason === 'callQueue');

/** Is this alerting leg one of a live hunt's agents (whose decline moves the hunt on)? */
export const isHuntAgentLeg = (s: Session, leg: Leg): boolean => liveHunt(s) !== undefined && leg.state === 'alerting' && isAgentLeg(leg);

/** An agent may be offered: not busy elsewhere, not a busy phone, not already on this call (but `ringing`). */
function isFree(s: Session, ctx: EngineContext, agent: HuntPlan['agents'][number], ringing?: Leg): boolean {
  if (agent.busy || ctx.policy(agent.party).busy) return false;
  return !activeLegs(s).some((l) => l.id !== ringing?.id && l.party.kind === 'person' && l.party.personId === agent.party.personId);
}

/** The index of the next agent to offer from hunt.next on (CIRCULAR wraps around), or undefined. */
function pickNext(s: Session, ctx: EngineContext, hunt: Hunt, ringing?: Leg): number | undefined {
  const { agents, policy } = hunt.plan;
  for (let tries = 0, i = hunt.next; tries < agents.length; tries++, i++) {
    if (i >= agents.length) {
      if (policy !== 'CIRCULAR') return undefined;
      i = 0;
    }
    if (isFree(s, ctx, agents[i]!, ringing)) return i;
  }
  return undefined;
}

function offer(s: Session, ctx: EngineContext, hunt: Hunt, index: number, events: EngineEvent[]): Leg {
  const agent = hunt.plan.agents[index]!;
  hunt.next = index + 1;
  hunt.offered.push(agent.party.personId);
  const leg = addAlertingLeg(s, ctx, newLeg(ctx, agent.party, 'terminator', 'alerting', { redirections: redirectedBy(hunt.group) }), events);
  // The hunt decides how long an agent rings, not the ordinary ring timeout.
  cancelTimers(s, leg.id, ['ringTimeout']);
  if (hunt.plan.nextAgentEnabled && hunt.plan.policy !== 'SIMULTANEOUS') addTimer(s, ctx, 'huntAdvance', leg.id, hunt.plan.agentRingMs);
  return leg;
}

/** Does a selective rule's "calls from" take this caller (any, one of its numbers, or one without a number)? */
export function callerMatches(rule: SelectiveRule, caller: Party): boolean {
  if (rule.callsFrom === 'ANY') return true;
  const numbers = caller.kind === 'person' ? [caller.number, caller.extension] : caller.kind === 'pstn' ? [caller.number] : [];
  const known = numbers.filter((n): n is string => n !== null);
  if (known.length === 0) return rule.callsFrom.unavailableNumberEnabled;
  return known.some((n) => (rule.callsFrom as { numbers: string[] }).numbers.includes(n));
}

/** The caller leaves the hunt for a forwarding destination. */
function forward(s: Session, ctx: EngineContext, hunt: Hunt, to: ForwardParty, reason: 'busy' | 'noAnswer' | 'unconditional' | 'timeOfDay', events: EngineEvent[]): void {
  hunt.over = true;
  const originator = originatorOf(s, hunt)!;
  for (const leg of agentLegs(s, hunt)) endLeg(s, ctx, leg, 'cancelled', events, false);
  cancelTimers(s, originator.id, ['huntNoAnswer', 'queueRetry']);
  const target = placeTo(s, ctx, originator, to, events, [{ reason, redirectingParty: hunt.group }]);
  if (target && isActive(target)) events.push({ type: 'forwarded', legId: originator.id });
}

/** The call ends for the caller with `reason` (busy, noAnswer), agents still ringing stop. */
function give(s: Session, ctx: EngineContext, hunt: Hunt, reason: 'busy' | 'noAnswer', events: EngineEvent[]): void {
  hunt.over = true;
  for (const leg of agentLegs(s, hunt)) endLeg(s, ctx, leg, 'cancelled', events, false);
  endLeg(s, ctx, originatorOf(s, hunt)!, reason, events);
}

function nobodyFree(s: Session, ctx: EngineContext, hunt: Hunt, events: EngineEvent[]): void {
  // A queued call waits in line for the next free agent.
  if (hunt.plan.queue) return addTimer(s, ctx, 'queueRetry', hunt.originatorLegId, hunt.plan.queue.retryMs);
  if (hunt.plan.busyForward) forward(s, ctx, hunt, hunt.plan.busyForward, 'busy', events);
  else give(s, ctx, hunt, 'busy', events);
}

/**
 * A call reaches a hunt group: agents start ringing by policy. Answers the first agent leg, or
 * the caller's own leg when the call was forwarded or ended at once.
 */
export function startHunt(s: Session, ctx: EngineContext, originator: Leg, group: HuntGroupParty, events: EngineEvent[]): Leg {
  const plan = ctx.huntPlan?.(group.huntGroupId);
  const empty: HuntPlan = { policy: 'REGULAR', agents: [], nextAgentEnabled: false, agentRingMs: 0, noAnswerMs: 0, noAnswerForward: null, busyForward: null };
  const hunt: Hunt = { group, plan: plan ?? empty, originatorLegId: originator.id, next: 0, offered: [], over: false };
  s.hunt = hunt;
  const divert = hunt.plan.queue?.divert;
  if (divert) {
    // Forced forward, holiday or night service, stranded calls: the queue's agents never see the call.
    if (divert.to) forward(s, ctx, hunt, divert.to, divert.reason, events);
    else give(s, ctx, hunt, 'busy', events);
    return s.legs[s.legs.length - 1]!;
  }
  if (hunt.plan.alwaysForward) {
    // Call forwarding "always": straight to the destination, no agent rings.
    forward(s, ctx, hunt, hunt.plan.alwaysForward, 'unconditional', events);
    return s.legs[s.legs.length - 1]!;
  }
  const rule = hunt.plan.selective?.find((r) => callerMatches(r, originator.party));
  if (rule?.forward) {
    forward(s, ctx, hunt, rule.forward, rule.reason, events);
    return s.legs[s.legs.length - 1]!;
  }
  const queue = hunt.plan.queue;
  if (queue) {
    if (queue.waiting >= queue.size) {
      overflow(s, ctx, hunt, 'busy', events);
      return s.legs[s.legs.length - 1]!;
    }
    enterQueue(s, ctx, hunt, originator, events);
  }
  const first = offerFree(s, ctx, hunt, events);
  if (first.length === 0) {
    nobodyFree(s, ctx, hunt, events);
    return s.legs[s.legs.length - 1]!;
  }
  if (!queue) addTimer(s, ctx, 'huntNoAnswer', originator.id, hunt.plan.noAnswerMs);
  return first[0]!;
}

/** Offers the call to the free agents the policy reaches now: all of them (SIMULTANEOUS) or the next one. */
function offerFree(s: Session, ctx: EngineContext, hunt: Hunt, events: EngineEvent[]): Leg[] {
  const offered: Leg[] = [];
  if (hunt.plan.policy === 'SIMULTANEOUS') {
    hunt.plan.agents.forEach((agent, i) => {
      if (isFree(s, ctx, agent)) offered.push(offer(s, ctx, hunt, i, events));
    });
  } else {
    const i = pickNext(s, ctx, hunt);
    if (i !== undefined) offered.push(offer(s, ctx, hunt, i, events));
  }
  return offered;
}

/** The queue answers the caller, who now waits in line (and overflows after the wait, if set). */
function enterQueue(s: Session, ctx: EngineContext, hunt: Hunt, originator: Leg, events: EngineEvent[]): void {
  hunt.queuedAt = ctx.now;
  if (originator.state === 'connecting') {
    originator.state = 'connected';
    originator.answered = ctx.now;
    events.push({ type: 'connected', legId: originator.id });
  }
  const after = hunt.plan.queue!.overflowAfterMs;
  if (after !== null) addTimer(s, ctx, 'huntNoAnswer', originator.id, after);
}

/** The call leaves the queue: to the overflow destination, busy, or ringing on with no agent offered. */
function overflow(s: Session, ctx: EngineContext, hunt: Hunt, reason: 'busy' | 'noAnswer', events: EngineEvent[]): void {
  const { to, ringing } = hunt.plan.queue!.overflow;
  if (to) return forward(s, ctx, hunt, to, reason, events);
  if (!ringing) return give(s, ctx, hunt, 'busy', events);
  hunt.over = true;
  for (const leg of agentLegs(s, hunt)) endLeg(s, ctx, leg, 'cancelled', events, false);
  cancelTimers(s, hunt.originatorLegId, ['huntNoAnswer', 'queueRetry']);
}

/**
 * A queued call looks again: when no agent is ringing for it, it is offered to whoever is free
 * now (the fresh plan knows who joined, left or hung up since); with nobody, it waits on.
 */
export function queueRetry(s: Session, ctx: EngineContext, events: EngineEvent[]): void {
  const hunt = liveHunt(s);
  if (!hunt?.plan.queue || agentLegs(s, hunt).length > 0) return;
  const fresh = ctx.huntPlan?.(hunt.group.huntGroupId);
  if (fresh) hunt.plan.agents = fresh.agents;
  hunt.next = 0;
  if (offerFree(s, ctx, hunt, events).length === 0) addTimer(s, ctx, 'queueRetry', hunt.originatorLegId, hunt.plan.queue.retryMs);
}

/** An agent declined (or hung up while alerting): the next free agent rings, else busy. */
export function agentDeclined(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const hunt = liveHunt(s)!;
  endLeg(s, ctx, leg, 'rejected', events);
  if (agentLegs(s, hunt).length > 0) return;
  const i = hunt.plan.policy === 'SIMULTANEOUS' ? undefined : pickNext(s, ctx, hunt);
  if (i !== undefined) offer(s, ctx, hunt, i, events);
  else nobodyFree(s, ctx, hunt, events);
}


/** An agent rang agentRingMs: the next free agent rings instead; with none, this one rings on. */
export function huntAdvance(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const hunt = liveHunt(s);
  if (!hunt || leg.state !== 'alerting') return;
  const i = pickNext(s, ctx, hunt, leg);
  if (i === undefined) {
    // A queue's bounce looks again later: an agent may be free by then.
    if (hunt.plan.queue) addTimer(s, ctx, 'huntAdvance', leg.id, hunt.plan.agentRingMs);
    return;
  }
  endLeg(s, ctx, leg, 'noAnswer', events);
  offer(s, ctx, hunt, i, events);
}

/** Nobody answered in time: the no-answer forward, or the call ends unanswered. */
export function huntNoAnswer(s: Session, ctx: EngineContext, events: EngineEvent[]): void {
  const hunt = liveHunt(s);
  if (!hunt) return;
  if (hunt.plan.queue) return overflow(s, ctx, hunt, 'noAnswer', events);
  if (hunt.plan.noAnswerForward) forward(s, ctx, hunt, hunt.plan.noAnswerForward, 'noAnswer', events);
  else give(s, ctx, hunt, 'noAnswer', events);
}

/** Someone answered: the hunt is over, its no-answer timer goes. */
export function huntAnswered(s: Session): void {
  const hunt = liveHunt(s);
  if (!hunt) return;
  hunt.over = true;
  cancelTimers(s, hunt.originatorLegId, ['huntNoAnswer', 'queueRetry']);
}
