import { addParticipant, conferenceAct, liveParticipants, startConference, type ConferenceAction } from '../../engine/conference.ts';
import { isActive } from '../../engine/legs.ts';
import type { Session } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from './call-control-service.ts';
import { callNotFoundForActor } from './call-errors.ts';
import { decodeCallId, encodeCallId } from './call-ids.ts';
import type { CallRuntime, CallWork } from './call-runtime.ts';
import { decodeSession } from './session-codec.ts';

// Conference Controls: a person (the host) joins their own calls into a conference and controls
// it. The engine keeps the conference in one session (engine/conference.ts); here the host's
// calls are found and checked to be theirs.

export const noConference = () => notFound('The person has no conference.');

export type ConferenceView = {
  state: 'connected' | 'held';
  appearance?: number;
  created: string;
  muted: boolean;
  participants: { callId: string; muted: boolean; deafened: boolean }[];
};

/** The host's live conference among these sessions. */
const hostedBy = (session: Session | undefined, personId: string) =>
  session?.conference?.hostPersonId === personId && liveParticipants(session).length > 0 ? session : undefined;

export class ConferenceService {
  private readonly store: Store;
  private readonly runtime: CallRuntime;

  constructor(store: Store, runtime: CallRuntime) {
    this.store = store;
    this.runtime = runtime;
  }

  /** Joins two or more of the person's answered calls into a conference. */
  async start(actor: Actor, callIds: readonly string[]): Promise<void> {
    if (callIds.length < 2) throw badRequest('callIds: give at least two calls.');
    const legIds = [...new Set(callIds.map((id) => this.legIdOf(id)))];
    if (legIds.length < 2) throw badRequest('callIds: give at least two different calls.');
    await this.runtime.transact(async (w) => {
      const calls = [];
      for (const legId of legIds) calls.push({ session: await this.ownSession(w, actor, legId), legId });
      const result = startConference(calls, actor.person.id, await w.context());
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  /** The person's conference, or undefined when they have none. */
  async details(actor: Actor): Promise<ConferenceView | undefined> {
    const session = await this.find(this.store, actor);
    if (!session) return undefined;
    const conference = session.conference!;
    const live = liveParticipants(session);
    const appearance = session.legs.find((l) => l.id === live[0]!.hostLegId)?.appearance ?? null;
    return {
      state: conference.held ? 'held' : 'connected',
      ...(appearance !== null ? { appearance } : {}),
      created: conference.created,
      muted: conference.muted,
      participants: live.map((p) => ({ callId: encodeCallId(p.hostLegId), muted: p.muted, deafened: p.deafened })),
    };
  }

  /** Adds another of the person's calls to their conference. */
  async add(actor: Actor, callId: string): Promise<void> {
    const legId = this.legIdOf(callId);
    await this.runtime.transact(async (w) => {
      const conference = await this.conferenceOf(w, actor);
      const call = await this.ownSession(w, actor, legId);
      const result = addParticipant(conference, call, legId);
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  hold = (actor: Actor) => this.act(actor, { type: 'hold' });
  resume = (actor: Actor) => this.act(actor, { type: 'resume' });
  release = (actor: Actor) => this.act(actor, { type: 'release' });

  /** Mute or unmute: the host without a callId, else the participant of that call. */
  mute(actor: Actor, callId: string | undefined, muted: boolean): Promise<void> {
    const hostLegId = callId === undefined ? undefined : this.legIdOf(callId);
    return this.act(actor, { type: muted ? 'mute' : 'unmute', ...(hostLegId !== undefined ? { hostLegId } : {}) });
  }

  deafen(actor: Actor, callId: string, deafened: boolean): Promise<void> {
    return this.act(actor, { type: deafened ? 'deafen' : 'undeafen', hostLegId: this.legIdOf(callId) });
  }

  private async act(actor: Actor, action: ConferenceAction): Promise<void> {
    await this.runtime.transact(async (w) => {
      const result = conferenceAct(await this.conferenceOf(w, actor), action, await w.context());
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  private async conferenceOf(w: CallWork, actor: Actor): Promise<Session> {
    for (const { legId } of await w.tx.calls.activeLegsOf(actor.person.id)) {
      const session = hostedBy(await w.sessionOfLeg(legId), actor.person.id);
      if (session) return session;
    }
    throw noConference();
  }

  private async find(store: Store, actor: Actor): Promise<Session | undefined> {
    for (const { sessionId } of await store.calls.activeLegsOf(actor.person.id)) {
      const stored = await store.calls.get(sessionId);
      const session = hostedBy(stored && decodeSession(stored.data), actor.person.id);
      if (session) return session;
    }
    return undefined;
  }

  private async ownSession(w: CallWork, actor: Actor, legId: string): Promise<Session> {
    const session = await w.sessionOfLeg(legId);
    const leg = session?.legs.find((l) => l.id === legId);
    if (!session || !leg || leg.party.kind !== 'person' || leg.party.personId !== actor.person.id || !isActive(leg)) throw callNotFoundForActor();
    return session;
  }

  private legIdOf(callId: string): string {
    const legId = decodeCallId(callId);
    if (!legId) throw callNotFoundForActor();
    return legId;
  }
}
