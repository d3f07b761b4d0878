import { addAlertingLeg, newLeg, type EngineContext, type Step } from './legs.ts';
import type { EngineEvent, Leg, Party, Session } from './types.ts';

// Barge-in: a person joins someone else's answered call. As Webex does it, a new call is placed
// like a dial: the person's own phone alerts first (personality clickToDial) and answering it
// joins them to the call (session.ts answers it as it answers a retrieve). Whoever barged in
// leaves without ending the call; the call's own parties hanging up end it for everyone.

export const isBarger = (s: Session, leg: Leg) => s.bargers?.includes(leg.id) === true;

export function addBarger(s0: Session, ctx: EngineContext, party: Party): { step: Step; legId: string } {
  const s: Session = structuredClone(s0);
  const events: EngineEvent[] = [];
  const leg = addAlertingLeg(s, ctx, newLeg(ctx, party, 'clickToDial', 'alerting'), events);
  s.bargers = [...(s.bargers ?? []), leg.id];
  return { step: { sessions: [s], events }, legId: leg.id };
}
