import type { EngineContext } from './legs.ts';
import type { IncomingScreen } from './incoming-screen.ts';
import type { Party, Redirection, Session } from './types.ts';

// Where a call to a person goes, by the person's settings (a typed policy the runtime loads from
// their settings documents, domain/calls/person-routing.ts): forwarding always first, then Do Not
// Disturb and call waiting (busy treatment: forwarding when busy, or busy for the caller), else
// the person's phone rings — unless it is offline (business continuity, or nobody answers) — with
// forwarding when not answered after their number of rings.

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
};

export type Routed =
  | { kind: 'ring'; to: Party; redirections: Redirection[]; forwardNoAnswerAfterMs?: number }
  | { kind: 'busy'; redirections: Redirection[] }
  /** The phone is offline and there is no business continuity: nobody answers. */
  | { kind: 'unreachable'; redirections: Redirection[] };

/** A forwarding loop (A to B to A …) stops after this many hops and rings where it is. */
const MAX_HOPS = 5;

/** Is the person on a call outside this session (call waiting decides what a new call does)? */
const onAnotherCall = (s: Session, routing: PersonRouting) => routing.activeLegIds.some((id) => !s.legs.some((l) => l.id === id));

export function routeToParty(s: Session, ctx: EngineContext, to: Party, redirections: Redirection[]): Routed {
  let target = to;
  let chain = redirections;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const routing = target.kind === 'person' ? ctx.policy(target).routing : undefined;
    if (!routing || hop === MAX_HOPS) return { kind: 'ring', to: target, redirections: chain };
    const redirect = (reason: Redirection['reason'], next: Party) => {
      chain = [{ reason, redirectingParty: target }, ...chain];
      target = next;
    };
    if (routing.forwardAlways) {
      redirect('unconditional', routing.forwardAlways);
      continue;
    }
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
    return {
      kind: 'ring',
      to: target,
      redirections: chain,
      ...(routing.forwardNoAnswer ? { forwardNoAnswerAfterMs: routing.forwardNoAnswer.afterMs } : {}),
    };
  }
  return { kind: 'ring', to: target, redirections: chain };
}
