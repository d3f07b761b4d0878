import { addAlertingLeg, endLeg, isActive, isAnswered, newLeg, type EngineContext, type Step } from './legs.ts';
import type { EngineEvent, Leg, Party, Refusal, Session } from './types.ts';

// Call pull: a person moves their answered call from the endpoint it is on to another of their
// endpoints. As Webex does it, a temporary call is placed like a dial: it alerts on the endpoint
// the call is pulled to (personality clickToDial), and answering it moves the call there
// (the named transition `moveToEndpoint`) and releases the temporary call.

export const isPullLeg = (s: Session, leg: Leg) => s.pull?.legId === leg.id;

/** The endpoint a person's leg is on: an endpoint ID, or the person's simulated phone (null). */
export const endpointOf = (leg: Leg): string | null => leg.endpoint ?? null;

export function addPuller(s0: Session, ctx: EngineContext, party: Party, pulledLegId: string, endpoint: string | null): { step: Step; legId: string } | Refusal {
  const s: Session = structuredClone(s0);
  const pulled = s.legs.find((l) => l.id === pulledLegId);
  if (!pulled || !isAnswered(pulled)) return { refused: 'Cannot pull a call that is not answered: only a connected or held call can be pulled.' };
  if (endpointOf(pulled) === endpoint) return { refused: 'The call is on that endpoint already: pull it to another of your endpoints.' };
  const pending = s.pull && s.legs.find((l) => l.id === s.pull!.legId);
  if (pending && isActive(pending)) return { refused: 'The call is being pulled already: answer or reject the call alerting for the pull first.' };
  const events: EngineEvent[] = [];
  const leg = newLeg(ctx, party, 'clickToDial', 'alerting');
  if (endpoint !== null) leg.endpoint = endpoint;
  addAlertingLeg(s, ctx, leg, events);
  s.pull = { legId: leg.id, pulledLegId, endpoint };
  return { step: { sessions: [s], events }, legId: leg.id };
}

/**
 * The temporary call is answered: `connected -[moveToEndpoint]-> connected` on the pulled leg,
 * which keeps its callId and state and shows the change as an `updated` event; the temporary
 * leg ends, its work done elsewhere.
 */
export function moveToEndpoint(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const pull = s.pull!;
  s.pull = undefined;
  leg.answered = ctx.now;
  events.push({ type: 'answered', legId: leg.id });
  const pulled = s.legs.find((l) => l.id === pull.pulledLegId);
  if (pulled && isAnswered(pulled)) {
    if (pull.endpoint === null) delete pulled.endpoint;
    else pulled.endpoint = pull.endpoint;
    events.push({ type: 'updated', legId: pulled.id });
  }
  endLeg(s, ctx, leg, 'pulled', events, true);
}
