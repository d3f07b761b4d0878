import { isActive, isAnswered } from '../../engine/legs.ts';
import { executiveOf } from '../../engine/executive.ts';
import { addPuller, endpointOf } from '../../engine/pull.ts';
import { act } from '../../engine/session.ts';
import type { Store } from '../../store/store.ts';
import { badRequest, notFound } from '../errors.ts';
import { endpointIdOf, myEndpoints, preferredEndpointId } from '../for-me/my-endpoints.ts';
import type { Actor, NewCall } from './call-control-service.ts';
import { callNotFoundForActor } from './call-errors.ts';
import { decodeCallId, encodeCallId, encodeSessionId } from './call-ids.ts';
import type { CallRuntime } from './call-runtime.ts';

// Pull and Push of the Call Controls. Pull moves the person's answered call to another of their
// endpoints (engine/pull.ts): a temporary call alerts there and answering it takes the call over.
// Push, in Webex's words, "pushes a call from the assistant to the executive the call is
// associated with": an assistant's call that executive call filtering alerted them for
// (engine/executive.ts) is sent on to the executive as a divert by the assistant. The executive's
// phone alerts (the executive's filter lets a call from their assistant through) and the
// assistant's leg ends; the call is neither parked nor held. A call not filtered from an
// executive cannot be pushed.

export const noCallToPull = () => notFound('The person has no answered call to pull to another endpoint.');
export const endpointNotYours = (endpointId: string) =>
  badRequest(`endpointId ${endpointId} is not one of your endpoints: use an ID from Get Preferred Answer Endpoint (or My Endpoints).`);
export const notAnExecutiveCall = () =>
  badRequest('The call is not associated with an executive: only an answered call an assistant took for their executive can be pushed.');

export class CallPullService {
  private readonly store: Store;
  private readonly runtime: CallRuntime;

  constructor(store: Store, runtime: CallRuntime) {
    this.store = store;
    this.runtime = runtime;
  }

  /**
   * Pulls the person's answered call (the connected one first) to the endpoint given, else their
   * preferred answer endpoint, else their simulated phone; a call already there is not pulled.
   */
  async pull(actor: Actor, endpointId: string | undefined): Promise<NewCall> {
    const person = { id: actor.person.id, orgId: actor.person.orgId };
    const endpoints = await myEndpoints(this.store, person);
    const target = endpointId ?? (await preferredEndpointId(this.store, person)) ?? endpointIdOf(person.id);
    if (!endpoints.some((e) => e.id === target)) throw endpointNotYours(target);
    // The engine names the simulated phone null, any other endpoint by its ID.
    const endpoint = target === endpointIdOf(person.id) ? null : target;
    return this.runtime.transact(async (w) => {
      const candidates = [];
      for (const { legId } of await w.tx.calls.activeLegsOf(person.id)) {
        const session = await w.sessionOfLeg(legId);
        const leg = session?.legs.find((l) => l.id === legId);
        if (session && leg && isActive(leg) && isAnswered(leg) && endpointOf(leg) !== endpoint) candidates.push({ session, leg });
      }
      const chosen = candidates.find((c) => c.leg.state !== 'held') ?? candidates[0];
      if (!chosen) throw noCallToPull();
      const result = addPuller(chosen.session, await w.context(actor.party), actor.party, chosen.leg.id, endpoint);
      if ('refused' in result) return result;
      return { step: result.step, value: { callId: encodeCallId(result.legId), callSessionId: encodeSessionId(chosen.session.id) } };
    });
  }

  /**
   * Pushes the person's call (the one given, else their answered call filtered from an executive)
   * to its executive; a call of theirs that is not an executive's is a 400, anyone else's a 404.
   */
  async push(actor: Actor, callId: string | undefined): Promise<void> {
    const legId = callId === undefined ? undefined : decodeCallId(callId);
    const legs = await this.store.calls.activeLegsOf(actor.person.id);
    if (callId === undefined ? legs.length === 0 : !legs.some((l) => l.legId === legId)) throw callNotFoundForActor();
    return this.runtime.transact(async (w) => {
      const candidates = [];
      for (const { legId: id } of legs) {
        if (legId !== undefined && id !== legId) continue;
        const session = await w.sessionOfLeg(id);
        const leg = session?.legs.find((l) => l.id === id);
        const executive = leg && executiveOf(leg);
        if (session && leg && executive && isActive(leg) && isAnswered(leg)) candidates.push({ session, leg, executive });
      }
      const chosen = candidates.find((c) => c.leg.state !== 'held') ?? candidates[0];
      if (!chosen) throw notAnExecutiveCall();
      const step = act(chosen.session, chosen.leg.id, { type: 'divert', to: chosen.executive }, await w.context(chosen.executive));
      if ('refused' in step) return step;
      return { step, value: undefined };
    });
  }
}
