import { activeLegs, addAlertingLeg, addTimer, cancelTimers, endLeg, isActive, newLeg, type EngineContext, type Step } from './legs.ts';
import { startHunt } from './hunt.ts';
import { copy } from './session.ts';
import type { EngineEvent, Leg, Party, Session } from './types.ts';

// A parked call coming back, and call pickup. A parked call waits (remoteHeld) against a person
// or a call park extension; when nobody retrieves it in time its recall rings the parker, and,
// as the call park's recall option says, the recall hunt group after the parker (huntWaitMs) or
// instead of them. The first to answer takes the call (session.ts answerLeg).

/** The parkRecall timer: the parker is alerted, or the hunt group rings at once. */
export function recallParked(s: Session, ctx: EngineContext, parked: Leg, events: EngineEvent[]): void {
  if (s.park?.legId !== parked.id) return;
  const { recall, parkedBy, against } = s.park;
  if (recall && !recall.alertParker && recall.huntGroup) return recallToHuntGroup(s, ctx, parked, events);
  const leg = addAlertingLeg(s, ctx, newLeg(ctx, parkedBy, 'terminator', 'alerting', { recall: { type: 'park', party: against } }), events);
  if (recall?.huntGroup) {
    // The hunt group follows the parker: its wait, not the ring timeout, decides when.
    cancelTimers(s, leg.id, ['ringTimeout']);
    addTimer(s, ctx, 'parkRecallHunt', parked.id, recall.huntWaitMs);
  }
}

/** The parker did not answer the recall in time (or is skipped): the recall hunt group rings. */
export function recallToHuntGroup(s: Session, ctx: EngineContext, parked: Leg, events: EngineEvent[]): void {
  const group = s.park?.legId === parked.id ? s.park.recall?.huntGroup : undefined;
  if (!group) return;
  for (const leg of activeLegs(s)) if (leg.recall !== null && leg.state === 'alerting') endLeg(s, ctx, leg, 'noAnswer', events);
  startHunt(s, ctx, parked, group, events);
}

/**
 * Call pickup: `picker`'s phone alerts with a new call (like dial); answering it takes the call
 * that rings `ringing` (session.ts answerLeg ends the ringing leg as answered elsewhere).
 * Undefined when that leg no longer rings for an incoming call.
 */
export function addPicker(s0: Session, ctx: EngineContext, picker: Party, ringingLegId: string): { step: Step; legId: string } | undefined {
  const s = copy(s0);
  const ringing = s.legs.find((l) => l.id === ringingLegId);
  if (!ringing || !isActive(ringing) || ringing.state !== 'alerting' || ringing.personality !== 'terminator' || s.park) return undefined;
  const events: EngineEvent[] = [];
  const leg = addAlertingLeg(s, ctx, newLeg(ctx, picker, 'clickToDial', 'alerting', { redirections: ringing.redirections }), events);
  s.version++;
  return { step: { sessions: [s], events }, legId: leg.id };
}
