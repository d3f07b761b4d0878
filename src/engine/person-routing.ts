import { assistantsFor, type ExecutiveFiltering } from './executive.ts';
import type { EngineContext } from './legs.ts';
import type { IncomingScreen } from './incoming-screen.ts';
import type { Leg, Party, PersonParty, Redirection, Session } from './types.ts';
import type { RedirectedPrivacy } from './redirected-privacy.ts';

// Where a call to a person goes, by the person's settings (a typed policy the runtime loads from
// their settings documents, domain/calls/person-routing.ts): forwarding always first, then Do Not
// Disturb and call waiting (busy treatment: forwarding when busy, or busy for the caller), else
// the person's phone rings — unless it is offline (business continuity, or nobody answers) — with
// forwarding when not answered after their number of rings. Before all that, rules by caller
// (call block, selective reject, selective accept) may refuse the call and selective forward
// send it on; a call that rings may ring other numbers too (simultaneous ring, single number
// reach), each as a leg of its own that the first to answer takes.

/**
 * Who a rule is for: any caller, callers inside or outside the organization, calls forwarded
 * here, or callers by number (with callers who hide their number or have none).
 */
export type CallerMatch = 'ANY' | 'INTERNAL' | 'EXTERNAL' | 'FORWARDED' | { numbers: string[]; anonymous: boolean; unavailable: boolean };

/** Rules of a setting in force now: a call is taken when one `on` rule matches and no `off` rule does. */
export type CallerRules = { on: CallerMatch[]; off: CallerMatch[] };

/** Other numbers that ring with the person's phone. */
export type AlsoRing = {
  parties: Party[];
  /** Simultaneous ring's doNotRingIfOnCallEnabled: not while the person is on a call. */
  notWhileOnCall: boolean;
  /** Only for callers these rules take (simultaneous ring's criteria); any caller when absent. */
  when?: CallerRules;
};

export type PersonRouting = {
  doNotDisturb: boolean;
  callWaiting: boolean;
  /** The person's calls in progress, by leg (callId), in any session. */
  activeLegIds: readonly string[];
  forwardAlways?: Party;
  forwardBusy?: Party;
  /** Business continuity: where calls go while the person's phone is offline. */
  forwardUnreachable?: Party;
  forwardNoAnswer?: { to: Party; afterMs: number };
  /** Which callers the person accepts at all (incoming-screen.ts); absent: everyone. */
  screen?: IncomingScreen;
  /** Call block and selective reject: calls these rules take are refused. */
  reject?: CallerRules[];
  /** Selective accept: only calls these rules take ring; others are refused. */
  acceptOnly?: CallerRules;
  /** Selective forward: the first rule whose callers match sends the call on. */
  forwardSelective?: { when: CallerRules; to: Party; reason: 'timeOfDay' | 'unconditional' }[];
  /** Simultaneous ring and single number reach. */
  alsoRing?: AlsoRing[];
  /** Sequential ring: the person's phone first (when baseFirst), then these numbers one after another. */
  sequential?: Sequential;
  /** Executive call filtering: calls it takes alert the executive's assistants (executive.ts). */
  executive?: ExecutiveFiltering;
  /** Priority alert: calls these rules take ring with the priority pattern. */
  priorityAlert?: CallerRules;
  /** Push to Talk: how the person takes intercom calls (intercom.ts). */
  pushToTalk?: PushToTalk;
  /**
   * Personal Assistant, while the person is away: calls go to `to` (the transfer number or their
   * voicemail; null: nobody answers), at once, or after the person's phone rang for alertFirstMs.
   */
  personalAssistant?: { to: Party | null; alertFirstMs?: number };
  /** Call policies: whether callers see who answers the person's redirected calls (redirected-privacy.ts). */
  redirectedPrivacy?: RedirectedPrivacy;
};

/** Who may intercom the person (person IDs allowed, or blocked), whether the phone answers, and who talks. */
export type PushToTalk = { autoAnswer: boolean; connection: 'ONE_WAY' | 'TWO_WAY'; access: 'ALLOW_MEMBERS' | 'BLOCK_MEMBERS'; members: string[] };

export type Sequential = {
  baseFirst: boolean;
  baseMs: number;
  steps: { to: Party; afterMs: number }[];
  /** Where the call goes when nobody answered (the person's voicemail), else it ends unanswered. */
  finally: Party | null;
  /** Only for callers these rules take (the setting's criteria); any caller when absent. */
  when?: CallerRules;
};

export type Routed =
  | { kind: 'ring'; to: Party; redirections: Redirection[]; forwardNoAnswerAfterMs?: number; alsoRing?: Party[]; sequenceAfterMs?: number }
  /** An executive's filtered call: their assistants ring (executive.ts). */
  | { kind: 'executive'; to: PersonParty; assistants: PersonParty[]; redirections: Redirection[] }
  | { kind: 'busy'; redirections: Redirection[] }
  /** The phone is offline and there is no business continuity: nobody answers. */
  | { kind: 'unreachable'; redirections: Redirection[] };

/** A forwarding loop (A to B to A …) stops after this many hops and rings where it is. */
const MAX_HOPS = 5;

/** Is the person on a call outside this session (call waiting decides what a new call does)? */
const onAnotherCall = (s: Session, routing: PersonRouting) => routing.activeLegIds.some((id) => !s.legs.some((l) => l.id === id));

/** The party who placed the call (the session's originator). */
export const callerOf = (s: Session): Party | undefined => (s.legs.find((l) => l.personality === 'originator') ?? s.legs[0])?.party;

function numbersOf(caller: Party | undefined): string[] {
  if (!caller) return [];
  const raw = caller.kind === 'person' ? [caller.number, caller.extension] : caller.kind === 'pstn' || caller.kind === 'voicemail' ? [caller.number] : [];
  return raw.filter((n): n is string => n !== null && n !== '');
}

const normal = (n: string) => n.replace(/[\s().-]/g, '');

/** Does a rule take this caller (on a call already forwarded when `forwarded`)? */
export function callerMatches(match: CallerMatch, caller: Party | undefined, forwarded: boolean): boolean {
  if (match === 'ANY') return true;
  if (match === 'FORWARDED') return forwarded;
  const internal = caller?.kind === 'person';
  if (match === 'INTERNAL') return internal;
  if (match === 'EXTERNAL') return !internal;
  const numbers = numbersOf(caller).map(normal);
  if (numbers.length === 0) return match.unavailable || match.anonymous;
  return match.numbers.some((n) => numbers.includes(normal(n)));
}

export const takes = (rules: CallerRules, caller: Party | undefined, forwarded: boolean) =>
  rules.on.some((m) => callerMatches(m, caller, forwarded)) && !rules.off.some((m) => callerMatches(m, caller, forwarded));

/** The other numbers that ring with the person's phone for this call. */
function alsoRingFor(s: Session, routing: PersonRouting, caller: Party | undefined, forwarded: boolean): Party[] {
  const parties: Party[] = [];
  for (const ring of routing.alsoRing ?? []) {
    if (ring.notWhileOnCall && onAnotherCall(s, routing)) continue;
    if (ring.when && !takes(ring.when, caller, forwarded)) continue;
    // The caller's own phone never rings with the call it places (a shared line on it, say).
    parties.push(...ring.parties.filter((p) => !(p.kind === 'person' && caller?.kind === 'person' && p.personId === caller.personId)));
  }
  return parties;
}

/**
 * The pattern the phone of a call's destination rings with: PRIORITY when the person's priority
 * alert takes the caller, else the dialled alternate number's (`dialled`, only while not forwarded).
 */
export function ringPatternFor(s: Session, ctx: EngineContext, routed: Extract<Routed, { kind: 'ring' }>, dialled: Leg['ringPattern']): Leg['ringPattern'] {
  const rules = routed.to.kind === 'person' ? ctx.policy(routed.to).routing?.priorityAlert : undefined;
  if (rules && takes(rules, callerOf(s), routed.redirections.length > 0)) return 'PRIORITY';
  return dialled === 'NORMAL' ? undefined : dialled;
}

export function routeToParty(s: Session, ctx: EngineContext, to: Party, redirections: Redirection[]): Routed {
  let target = to;
  let chain = redirections;
  const caller = callerOf(s);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const routing = target.kind === 'person' ? ctx.policy(target).routing : undefined;
    if (!routing || hop === MAX_HOPS) return { kind: 'ring', to: target, redirections: chain };
    const redirect = (reason: Redirection['reason'], next: Party) => {
      chain = [{ reason, redirectingParty: target }, ...chain];
      target = next;
    };
    const forwarded = chain.length > 0;
    // Call block, selective reject and selective accept refuse before anything else applies.
    if (routing.reject?.some((rules) => takes(rules, caller, forwarded))) return { kind: 'busy', redirections: chain };
    if (routing.acceptOnly && !takes(routing.acceptOnly, caller, forwarded)) return { kind: 'busy', redirections: chain };
    if (routing.forwardAlways) {
      redirect('unconditional', routing.forwardAlways);
      continue;
    }
    const selective = routing.forwardSelective?.find((rule) => takes(rule.when, caller, forwarded));
    if (selective) {
      redirect(selective.reason, selective.to);
      continue;
    }
    // Personal Assistant handing the call over at once (else the phone alerts first, below).
    const away = routing.personalAssistant;
    if (away && away.alertFirstMs === undefined) {
      if (!away.to) return { kind: 'unreachable', redirections: chain };
      redirect('unconditional', away.to);
      continue;
    }
    // Executive call filtering: a call the filter takes alerts the assistants, busy executive or not.
    const assistants = routing.executive && takes(routing.executive.when, caller, forwarded) ? assistantsFor(routing.executive, caller, chain) : [];
    if (assistants.length > 0) return { kind: 'executive', to: target as PersonParty, assistants, redirections: chain };
    // A simulated phone set busy refuses by itself (legs.ts) unless forwarding when busy takes the call.
    const phoneBusy = ctx.policy(target).busy === true && routing.forwardBusy !== undefined;
    if (routing.doNotDisturb || (!routing.callWaiting && onAnotherCall(s, routing)) || phoneBusy) {
      if (!routing.forwardBusy) return { kind: 'busy', redirections: chain };
      redirect('busy', routing.forwardBusy);
      continue;
    }
    if (ctx.policy(target).offline) {
      if (!routing.forwardUnreachable) return { kind: 'unreachable', redirections: chain };
      redirect('unavailable', routing.forwardUnreachable);
      continue;
    }
    const sequence = routing.sequential;
    if (sequence && sequence.steps.length > 0 && (!sequence.when || takes(sequence.when, caller, forwarded))) {
      // Sequential ring: the person's phone rings first for its rings, else the first number at once.
      if (sequence.baseFirst) return { kind: 'ring', to: target, redirections: chain, sequenceAfterMs: sequence.baseMs };
      const first = sequence.steps[0]!;
      return { kind: 'ring', to: first.to, redirections: [{ reason: 'followMe', redirectingParty: target }, ...chain], sequenceAfterMs: first.afterMs };
    }
    const also = alsoRingFor(s, routing, caller, forwarded);
    return {
      kind: 'ring',
      to: target,
      redirections: chain,
      ...(away?.alertFirstMs !== undefined
        ? { forwardNoAnswerAfterMs: away.alertFirstMs }
        : routing.forwardNoAnswer
          ? { forwardNoAnswerAfterMs: routing.forwardNoAnswer.afterMs }
          : {}),
      ...(also.length > 0 ? { alsoRing: also } : {}),
    };
  }
  return { kind: 'ring', to: target, redirections: chain };
}
