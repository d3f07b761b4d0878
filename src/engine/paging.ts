import { activeLegs, endLeg, isActive, newLeg, type EngineContext } from './legs.ts';
import type { EngineEvent, Leg, PagingGroupParty, Session } from './types.ts';

// Paging in the engine. A call to a paging group connects its originator at once with every
// free target: each target's phone answers by itself and the target only listens (their leg is
// muted: a page is one-way). One session holds them all. A target hanging up leaves the page; the
// originator hanging up (or the last target leaving) ends it for everyone.

/** The page starts; answers the first target's leg, or undefined when nobody could be paged. */
export function startPage(s: Session, ctx: EngineContext, originator: Leg, group: PagingGroupParty, events: EngineEvent[]): Leg | undefined {
  const plan = ctx.pagePlan?.(group.pagingGroupId);
  const caller = originator.party.kind === 'person' ? originator.party.personId : null;
  const allowed = plan !== undefined && (plan.originators.length === 0 || (caller !== null && plan.originators.includes(caller)));
  const targets = allowed ? plan.targets.filter((t) => !t.busy && t.party.personId !== caller && !ctx.policy(t.party).busy && !ctx.policy(t.party).offline) : [];
  if (targets.length === 0) {
    endLeg(s, ctx, originator, allowed ? 'busy' : 'rejected', events);
    return undefined;
  }
  s.page = { group, originatorLegId: originator.id, showOriginator: plan!.showOriginator };
  const legs = targets.map((t) => {
    const leg = newLeg(ctx, t.party, 'terminator', 'connected');
    leg.answered = ctx.now;
    leg.muted = true;
    s.legs.push(leg);
    events.push({ type: 'received', legId: leg.id }, { type: 'answered', legId: leg.id });
    return leg;
  });
  originator.state = 'connected';
  originator.answered = ctx.now;
  events.push({ type: 'connected', legId: originator.id });
  return legs[0];
}

/** Is this session a page (where legs leave one by one)? */
export const isPage = (s: Session): boolean => s.page !== undefined;

/** Someone of a page hangs up: a target leaves it, the originator ends it. */
export function leavePage(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const page = s.page!;
  if (leg.id === page.originatorLegId) {
    endLeg(s, ctx, leg, 'hangup', events);
    for (const other of activeLegs(s)) endLeg(s, ctx, other, 'remoteHangup', events);
    return;
  }
  endLeg(s, ctx, leg, 'hangup', events);
  const originator = s.legs.find((l) => l.id === page.originatorLegId);
  if (originator && isActive(originator) && activeLegs(s).length === 1) endLeg(s, ctx, originator, 'remoteHangup', events);
}
