import { activeLegs, endLeg, isAnswered, newLeg, peerOf, type EngineContext, type Step } from './legs.ts';
import { copy, newSession, placeTo } from './session.ts';
import { refusalOf } from './transitions.ts';
import type { EngineEvent, Party, Refusal, Session } from './types.ts';

// Transfers join calls across sessions. A consultative transfer joins the peers of a person's two
// calls and drops the person; a transfer to a destination first places a consultation call and
// completes (the same join) when the destination answers.

/** Joins the peer of leg A (session A) with the peer of leg B (session B); A and B drop. */
export function consultTransfer(sA0: Session, legAId: string, sB0: Session, legBId: string, ctx: EngineContext): Step | Refusal {
  const sA = copy(sA0);
  const sB = copy(sB0);
  const a = sA.legs.find((l) => l.id === legAId);
  const b = sB.legs.find((l) => l.id === legBId);
  if (!a || !b || sA.id === sB.id) return { refused: 'Cannot transfer: give two different calls.' };
  for (const leg of [a, b]) {
    const refused = refusalOf(leg, 'transfer');
    if (refused) return refused;
  }
  const x = peerOf(sA, a);
  const y = peerOf(sB, b);
  if (!x || !y || !isAnswered(x) || !isAnswered(y) || sA.park || sB.park || sA.conference || sB.conference) {
    return { refused: 'Cannot transfer: both calls must be answered two-party calls.' };
  }
  const events: EngineEvent[] = [];
  endLeg(sA, ctx, a, 'transferred', events, true);
  endLeg(sB, ctx, b, 'transferred', events, true);
  // The second call's remaining party moves into the first call's session.
  sB.legs = sB.legs.filter((l) => l.id !== y.id);
  const moved = sB.timers.filter((t) => t.legId === y.id);
  sB.timers = sB.timers.filter((t) => t.legId !== y.id);
  sA.legs.push(y);
  sA.timers.push(...moved);
  for (const leg of [x, y]) {
    leg.state = 'connected';
    events.push({ type: 'transferred', legId: leg.id });
  }
  sB.pendingTransfer = null;
  sA.version++;
  sB.version++;
  return { sessions: [sA, sB], events };
}

/**
 * Transfer to a destination: the person's call is held and a consultation call to the
 * destination starts; when the destination answers, consultTransfer completes it. If it is not
 * answered, nothing is transferred.
 */
export function transferTo(
  s0: Session,
  legId: string,
  target: Party,
  ctx: EngineContext,
  consultSessionId: string,
): { step: Step; consultLegId: string } | Refusal {
  const s = copy(s0);
  const leg = s.legs.find((l) => l.id === legId);
  if (!leg) return { refused: 'Cannot transfer: no such call.' };
  const refused = refusalOf(leg, 'transfer');
  if (refused) return refused;
  const peer = peerOf(s, leg);
  if (!peer || !isAnswered(peer) || s.park || s.conference) return { refused: 'Cannot transfer: only an answered two-party call can be transferred.' };
  const events: EngineEvent[] = [];
  if (leg.state !== 'held') {
    leg.state = 'held';
    events.push({ type: 'held', legId: leg.id });
    if (peer.state === 'connected') {
      peer.state = 'remoteHeld';
      events.push({ type: 'remoteHeld', legId: peer.id });
    }
  }
  s.version++;
  const consult = newSession(ctx, { sessionId: consultSessionId, orgId: s.orgId });
  const transferor = newLeg(ctx, leg.party, 'originator', 'connecting');
  consult.legs.push(transferor);
  events.push({ type: 'originated', legId: transferor.id });
  const targetLeg = placeTo(consult, ctx, transferor, target, events);
  // A busy target (Do Not Disturb, call waiting off) ends the consultation at once: nothing to complete.
  if (targetLeg) consult.pendingTransfer = { transferorSessionId: s.id, transferorLegId: leg.id, consultLegId: transferor.id, targetLegId: targetLeg.id };
  const step: Step = { sessions: [s, consult], events };
  // A destination that answers at once (voicemail) completes the transfer straight away.
  if (targetLeg && activeLegs(consult).some((l) => l.id === targetLeg.id && isAnswered(l))) {
    step.completeTransfer = { transferorSessionId: s.id, transferorLegId: leg.id, consultSessionId: consult.id, consultLegId: transferor.id };
  }
  return { step, consultLegId: transferor.id };
}
