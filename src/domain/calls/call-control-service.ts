import { isActive } from '../../engine/legs.ts';
import { act, addRetriever, startCall, startClickToDial, type Action } from '../../engine/session.ts';
import { consultTransfer, transferTo } from '../../engine/transfer.ts';
import type { Leg, Party, Session } from '../../engine/types.ts';
import type { CallHistoryRecord } from '../../store/calls-store.ts';
import type { Person, Store } from '../../store/store.ts';
import { personNotFound } from '../people/people-errors.ts';
import {
  callIdRequired,
  callNotFoundForActor,
  cannotCallSelf,
  destinationNotFound,
  destinationOrVoicemail,
  invalidDtmf,
  noActiveCall,
  notCallingUser,
  nothingParked,
  transferIdsRequired,
} from './call-errors.ts';
import { decodeCallId, encodeCallId, encodeSessionId, newSessionId } from './call-ids.ts';
import type { CallRuntime, CallWork } from './call-runtime.ts';
import { callObject, type CallObject } from './call-views.ts';
import { outgoingCall, splitAccessCode } from './call-permissions.ts';
import { decideOutbound } from './outbound-route.ts';
import { presentedParty } from './caller-id.ts';
import { answerEndpointOf } from './answer-endpoint.ts';
import { emergencyCaller } from '../emergency-services/emergency-calls.ts';
import { resolveDestination } from './destinations.ts';
import { partyInformation, personParty, virtualLineParty, voicemailOf, workspaceParty, type PartyInformation } from './parties.ts';
import { virtualLineNotFound } from '../virtual-lines/virtual-line-service.ts';
import { workspaceNotFound } from '../workspaces/workspace-service.ts';
import { decodeSession } from './session-codec.ts';
import { addPicker } from '../../engine/park.ts';
import {
  checkParkPlaceFree,
  groupParkPlace,
  nothingToPickUp,
  parkExtensionFor,
  parkRecallOf,
  pickupCandidates,
  ringingCallOf,
} from '../call-park/park-calls.ts';

// The Call Controls: a person acting on their own calls. The acting person is the token's
// person (or, from the sandbox, the person whose simulated phone is used).

/**
 * Who acts: a person, or (from the simulator) a workspace's or virtual line's phone. `person` is the line's owner as
 * far as the Call Controls need it: its ID, organization and calling location.
 */
export type Actor = { person: Pick<Person, 'id' | 'orgId' | 'locationId'>; party: Extract<Party, { kind: 'person' }> };
export type NewCall = { callId: string; callSessionId: string };

const HISTORY_PER_TYPE = 20;

export class CallControlService {
  private readonly store: Store;
  private readonly runtime: CallRuntime;

  constructor(store: Store, runtime: CallRuntime) {
    this.store = store;
    this.runtime = runtime;
  }

  /** The acting person; Call Controls are for Webex Calling users only. */
  async actor(orgId: string, personId: string): Promise<Actor> {
    const person = await this.store.people.get(orgId, personId);
    if (!person) throw personNotFound();
    if (person.locationId === null) throw notCallingUser();
    return { person, party: (await personParty(this.store, person)) as Actor['party'] };
  }

  /** A workspace's phone acting (the simulator): a workspace with a Webex Calling line. */
  async workspaceActor(orgId: string, workspaceId: string): Promise<Actor> {
    const workspace = await this.store.workspaces.get(orgId, workspaceId);
    if (!workspace || workspace.callingType !== 'webexCalling') throw workspaceNotFound();
    const party = (await workspaceParty(this.store, workspace)) as Actor['party'];
    return { person: { id: workspace.id, orgId, locationId: party.locationId }, party };
  }

  /** A virtual line's phone acting (the simulator). */
  async virtualLineActor(orgId: string, virtualLineId: string): Promise<Actor> {
    const line = await this.store.virtualLines.get(orgId, virtualLineId);
    if (!line) throw virtualLineNotFound();
    const party = (await virtualLineParty(this.store, line)) as Actor['party'];
    return { person: { id: line.id, orgId, locationId: line.locationId }, party };
  }

  async dial(actor: Actor, destination: string, endpointId?: string): Promise<NewCall> {
    const { to, caller } = await this.outgoing(actor, destination);
    // The call alerts on the person's preferred answer endpoint (answer-endpoint.ts).
    const endpoint = await answerEndpointOf(this.store, { id: actor.person.id, orgId: actor.person.orgId }, endpointId);
    return this.runtime.transact(async (w) => {
      const { step, legId } = startClickToDial(await w.context(actor.party, to), {
        sessionId: newSessionId(),
        orgId: actor.person.orgId,
        caller,
        destination: to,
        ...(endpoint !== null ? { endpoint } : {}),
      });
      return { step, value: newCall(step.sessions[0]!, legId) };
    });
  }

  /** A call the person's phone places directly (the simulator's outgoing call). */
  async call(actor: Actor, destination: string): Promise<NewCall> {
    const { to, caller } = await this.outgoing(actor, destination);
    return this.runtime.transact(async (w) => {
      const { step, originatorLegId } = startCall(await w.context(actor.party, to), {
        sessionId: newSessionId(),
        orgId: actor.person.orgId,
        from: caller,
        to,
      });
      return { step, value: newCall(step.sessions[0]!, originatorLegId) };
    });
  }

  answer = (actor: Actor, callId: string) => this.act(actor, callId, { type: 'answer' });
  reject = (actor: Actor, callId: string, how: 'busy' | 'temporarilyUnavailable' | 'ignore' = 'busy') =>
    this.act(actor, callId, { type: 'reject', action: how });
  hangup = (actor: Actor, callId: string) => this.act(actor, callId, { type: 'hangup' });
  hold = (actor: Actor, callId: string) => this.act(actor, callId, { type: 'hold' });
  resume = (actor: Actor, callId: string) => this.act(actor, callId, { type: 'resume' });
  mute = (actor: Actor, callId: string) => this.act(actor, callId, { type: 'mute' });
  unmute = (actor: Actor, callId: string) => this.act(actor, callId, { type: 'unmute' });

  /** Sends DTMF on a call; without a callId, the person's only call; without digits, nothing is sent. */
  async transmitDtmf(actor: Actor, callId: string | undefined, dtmf: string | undefined): Promise<void> {
    if (dtmf !== undefined && !/^[0-9*#A-Da-d,]{1,64}$/.test(dtmf)) throw invalidDtmf();
    await this.act(actor, callId ?? (await this.onlyCall(actor)), { type: 'transmitDtmf', ...(dtmf !== undefined ? { digits: dtmf } : {}) });
  }

  /** Start/stop/pause/resume recording; without a callId, the person's only call. */
  async recording(actor: Actor, callId: string | undefined, type: 'startRecording' | 'stopRecording' | 'pauseRecording' | 'resumeRecording'): Promise<void> {
    await this.act(actor, callId ?? (await this.onlyCall(actor)), { type });
  }

  /** Divert to a destination, to the person's own voicemail, or to the destination's voicemail. */
  async divert(actor: Actor, callId: string, destination: string | undefined, toVoicemail: boolean): Promise<void> {
    let to: Party;
    if (destination === undefined) {
      if (!toVoicemail) throw destinationOrVoicemail();
      to = voicemailOf(actor.party);
    } else {
      const target = await this.destination(actor, destination, toVoicemail);
      to = toVoicemail && target.kind === 'person' ? voicemailOf(target) : target;
    }
    await this.act(actor, callId, { type: 'divert', to });
  }

  /**
   * Transfer: two calls (with IDs, or without when the person has exactly two) join their other
   * parties (204); callId1 with a destination places a consultation call and completes when it
   * is answered (201 with the new call).
   */
  async transfer(actor: Actor, input: { callId1?: string; callId2?: string; destination?: string }): Promise<NewCall | undefined> {
    if (input.destination !== undefined) {
      if (input.callId1 === undefined) throw transferIdsRequired();
      const dialled = splitAccessCode(input.destination);
      const to = await outgoingCall(this.store, actor.party, dialled, await this.destination(actor, dialled.destination), { transfer: true });
      const legId = this.legIdOf(input.callId1);
      return this.runtime.transact(async (w) => {
        const session = await this.ownSession(w, actor, legId);
        const result = transferTo(session, legId, to, await w.context(to), newSessionId());
        if ('refused' in result) return result;
        return { step: result.step, value: newCall(result.step.sessions[1]!, result.consultLegId) };
      });
    }
    let [first, second] = [input.callId1, input.callId2];
    if (first === undefined && second !== undefined) [second, first] = this.pickTransfer(await this.list(actor), second);
    else if (first === undefined || second === undefined) [first, second] = this.pickTransfer(await this.list(actor), first);
    const [legA, legB] = [this.legIdOf(first), this.legIdOf(second)];
    await this.runtime.transact(async (w) => {
      const a = await this.ownSession(w, actor, legA);
      const b = await this.ownSession(w, actor, legB);
      const result = consultTransfer(a, legA, b, legB, await w.context());
      return 'refused' in result ? result : { step: result, value: undefined };
    });
    return undefined;
  }

  /**
   * The two calls of a transfer without IDs, as Webex picks them: the person's two calls, or
   * their held call and their connected call; the held one first (callId1), then line appearance.
   * With one ID given, that call and the other of two.
   */
  private pickTransfer(calls: CallObject[], first: string | undefined): [string, string] {
    const ordered = [...calls].sort((a, b) => Number(b.state === 'held') - Number(a.state === 'held') || (a.appearance ?? 0) - (b.appearance ?? 0));
    const held = ordered.filter((c) => c.state === 'held');
    const talking = ordered.filter((c) => c.state === 'connected' || c.state === 'remoteHeld');
    if (first === undefined) {
      if (ordered.length === 2) return [ordered[0]!.id, ordered[1]!.id];
      if (held.length === 1 && talking.length === 1) return [held[0]!.id, talking[0]!.id];
    } else if (ordered.length === 2 && ordered.some((c) => c.id === first)) {
      return [first, ordered.find((c) => c.id !== first)!.id];
    }
    throw transferIdsRequired();
  }

  /**
   * Park against a destination (a person of the organization or a call park extension of the
   * person's location), the person themselves, or, for a group park, the first free place of
   * their call park group (the person themselves when they are in none). The call comes back as
   * the call park's recall says (domain/call-park/park-calls.ts).
   */
  async park(actor: Actor, callId: string, destination: string | undefined, isGroupPark = false): Promise<PartyInformation> {
    let against: Party;
    if (isGroupPark) against = (await groupParkPlace(this.store, actor.person, (p) => personParty(this.store, p))) ?? actor.party;
    else if (destination === undefined) against = actor.party;
    else against = (await parkExtensionFor(this.store, actor.person, destination)) ?? (await this.destination(actor, destination, true));
    if (against.kind !== 'person' && against.kind !== 'parkExtension') throw destinationNotFound(destination ?? '');
    await checkParkPlaceFree(this.store, actor.person.orgId, against);
    const recall = await parkRecallOf(this.store, actor.person, this.runtime.timing.parkRecallMs);
    await this.act(actor, callId, { type: 'park', against, recall });
    return partyInformation(actor.party, against);
  }

  /** Retrieve a call parked against a destination (a person or a call park extension) or the person: a new call, like dial. */
  async retrieve(actor: Actor, destination: string | undefined): Promise<NewCall> {
    const against =
      destination === undefined ? actor.party : ((await parkExtensionFor(this.store, actor.person, destination)) ?? (await this.destination(actor, destination, true)));
    if (against.kind !== 'person' && against.kind !== 'parkExtension') throw nothingParked();
    const placeId = against.kind === 'person' ? against.personId : against.parkExtensionId;
    return this.runtime.transact(async (w) => {
      const parked = await w.parkedAgainst(actor.person.orgId, placeId);
      if (!parked) throw nothingParked();
      const { step, legId } = addRetriever(parked, await w.context(actor.party), actor.party);
      return { step, value: newCall(step.sessions[0]!, legId) };
    });
  }

  /**
   * Pickup: the person takes a call ringing for the target (directed pickup) or, without one,
   * for another member of their call pickup group (the one ringing longest). Like dial, the
   * person's phone alerts first; answering it takes the call from whoever it rang.
   */
  async pickup(actor: Actor, target: string | undefined): Promise<NewCall> {
    const from = target === undefined ? undefined : await this.destination(actor, target, true);
    const candidates = await pickupCandidates(this.store, actor.party, from);
    return this.runtime.transact(async (w) => {
      const legId = await ringingCallOf(w.tx, candidates);
      const session = legId === undefined ? undefined : await w.sessionOfLeg(legId);
      const picked = session && addPicker(session, await w.context(actor.party), actor.party, legId!);
      if (!picked) throw nothingToPickUp();
      return { step: picked.step, value: newCall(picked.step.sessions[0]!, picked.legId) };
    });
  }

  async list(actor: Actor): Promise<CallObject[]> {
    const calls: CallObject[] = [];
    for (const { legId, sessionId } of await this.store.calls.activeLegsOf(actor.person.id)) {
      const stored = await this.store.calls.get(sessionId);
      const session = stored && decodeSession(stored.data);
      const leg = session?.legs.find((l) => l.id === legId);
      if (session && leg && isActive(leg)) calls.push(callObject(session, leg));
    }
    return calls;
  }

  async get(actor: Actor, callId: string): Promise<CallObject> {
    const legId = this.legIdOf(callId);
    const stored = await this.store.calls.sessionOfLeg(legId);
    const own = this.ownCall(actor, stored && decodeSession(stored.data), legId);
    return callObject(own.session, own.leg);
  }

  history(actor: Actor, type: CallHistoryRecord['type'] | undefined): Promise<CallHistoryRecord[]> {
    return this.store.calls.history(actor.person.id, type, HISTORY_PER_TYPE);
  }

  private async act(actor: Actor, callId: string, action: Action): Promise<void> {
    const legId = this.legIdOf(callId);
    await this.runtime.transact(async (w) => {
      const session = await this.ownSession(w, actor, legId);
      const extra = action.type === 'divert' ? [action.to] : action.type === 'park' ? [action.against] : [];
      const result = act(session, legId, action, await w.context(...extra));
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  /** The session of one of the person's active calls; anything else is a 404. */
  private async ownSession(w: CallWork, actor: Actor, legId: string): Promise<Session> {
    return this.ownCall(actor, await w.sessionOfLeg(legId), legId).session;
  }

  /** The session and leg, if the leg is one of the person's active calls; anything else is a 404. */
  private ownCall(actor: Actor, session: Session | undefined, legId: string): { session: Session; leg: Leg } {
    const leg = session?.legs.find((l) => l.id === legId);
    if (!session || !leg || leg.party.kind !== 'person' || leg.party.personId !== actor.person.id || !isActive(leg)) throw callNotFoundForActor();
    return { session, leg };
  }

  private legIdOf(callId: string): string {
    const legId = decodeCallId(callId);
    if (!legId) throw callNotFoundForActor();
    return legId;
  }

  private async onlyCall(actor: Actor): Promise<string> {
    const legs = await this.store.calls.activeLegsOf(actor.person.id);
    if (legs.length === 0) throw noActiveCall();
    if (legs.length > 1) throw callIdRequired();
    return encodeCallId(legs[0]!.legId);
  }

  /**
   * A call the person places: where it goes after translation patterns, routing and their
   * outgoing permissions and intercept (outbound-route.ts; a 403 when it may not be placed), and
   * the caller as their caller ID settings present them.
   */
  private async outgoing(actor: Actor, destination: string): Promise<{ to: Party; caller: Actor['party'] }> {
    const decision = await decideOutbound(this.store, actor.party, destination);
    if (!decision.party) throw destinationNotFound(decision.routed);
    if (decision.party.kind === 'person' && decision.party.personId === actor.person.id) throw cannotCallSelf();
    if (decision.refusal) throw decision.refusal;
    const allowed = decision.allowed!;
    const to = allowed.kind === 'person' ? await presentedParty(this.store, allowed, 'answering') : allowed;
    // An emergency call presents the line's emergency callback number (emergency-services/emergency-calls.ts).
    const emergency = allowed.kind === 'pstn' && allowed.emergency;
    return { to, caller: emergency ? await emergencyCaller(this.store, actor.party) : await presentedParty(this.store, actor.party) };
  }

  /** Resolves a destination; `internal`: it must be a person (park, retrieve, voicemail), who may be the actor. */
  private async destination(actor: Actor, destination: string, internal = false): Promise<Party> {
    const party = await resolveDestination(this.store, { orgId: actor.person.orgId, locationId: actor.person.locationId! }, destination);
    if (!party || (internal && party.kind !== 'person')) throw destinationNotFound(destination);
    if (!internal && party.kind === 'person' && party.personId === actor.person.id) throw cannotCallSelf();
    return party;
  }
}

const newCall = (session: Session, legId: string): NewCall => ({ callId: encodeCallId(legId), callSessionId: encodeSessionId(session.id) });

