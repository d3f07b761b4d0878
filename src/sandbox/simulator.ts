import { isActive } from '../engine/legs.ts';
import { act, startCall } from '../engine/session.ts';
import type { Leg, Session } from '../engine/types.ts';
import { badRequest, notFound } from '../domain/errors.ts';
import { decodeCallId, decodeSessionId, encodeCallId, encodeSessionId, newSessionId } from '../domain/calls/call-ids.ts';
import type { CallControlService, NewCall } from '../domain/calls/call-control-service.ts';
import type { CallRuntime } from '../domain/calls/call-runtime.ts';
import { presentedParty } from '../domain/calls/caller-id.ts';
import { resolveDestination } from '../domain/calls/destinations.ts';
import { invalidDtmf } from '../domain/calls/call-errors.ts';
import { partyInformation, pstnParty } from '../domain/calls/parties.ts';
import { queueAnnouncement } from '../domain/call-queues/queue-plan.ts';
import { hearingOnHold, type Hearing } from '../domain/calls/music-on-hold.ts';
import { decodeSession } from '../domain/calls/session-codec.ts';
import { looseE164 } from '../domain/phone-numbers.ts';
import { decodeId, encodeId } from '../domain/webex-ids.ts';
import type { PhoneSettings } from '../store/calls-store.ts';
import type { Store } from '../store/store.ts';

import { endpointIdOf } from '../domain/for-me/my-endpoints.ts';
// The simulated world around the Webex API: PSTN parties calling in (and the parties that answer
// calls to external numbers), each person's simulated phone, and a view of every active call of
// an organization. It drives the engine only through the domain's public pieces.

export type SimulatedLeg = {
  callId: string;
  party: { kind: string; personId?: string; voicemailGroupId?: string; workspaceId?: string; virtualLineId?: string; name?: string; number?: string };
  personality: Leg['personality'];
  state: Leg['state'];
  created: string;
  answered?: string;
  muted: boolean;
  recordingState?: NonNullable<Leg['recordingState']>;
  /** On a person's leg: the endpoint it is on (the simulated phone unless pulled to a device). */
  endpointId?: string;
  /** While a person's (or line's) phone rings: the pattern it rings with. */
  ringPattern?: NonNullable<Leg['ringPattern']>;
  /** A Push to Talk call the phone answered by itself: ONE_WAY (the called party only listens) or TWO_WAY. */
  intercom?: NonNullable<Leg['intercom']>;
  /** On a PSTN leg: how the external party sees the other party (caller ID). */
  remoteParty?: { name?: string; number?: string; privacyEnabled: boolean };
  /** While the other party holds the call: music on hold, or silence (music-on-hold.ts). */
  hearing?: Hearing;
};

/** A caller in an auto attendant: which attendant, the menu they hear, what it waits for (key, extension, name or mailbox digits). */
export type SimulatedAttendant = { name: string; menu: 'businessHours' | 'afterHours'; awaiting: string; digits: string };

export type SimulatedSession = {
  callSessionId: string;
  created: string;
  parkedAgainst?: string;
  /** While the caller waits in a call queue: their place in line and what they hear. */
  queue?: { name: string; position: number; since: string; announcement: string };
  attendant?: SimulatedAttendant;
  legs: SimulatedLeg[];
};

export function describeSession(session: Session): SimulatedSession {
  const party = (leg: Leg): SimulatedLeg['party'] => {
    const p = leg.party;
    if (p.kind === 'person' && p.line === 'workspace') return { kind: 'workspace', workspaceId: encodeId('PLACE', p.personId), name: p.name, ...(p.number ? { number: p.number } : {}) };
    if (p.kind === 'person' && p.line === 'virtualLine') return { kind: 'virtualLine', virtualLineId: encodeId('VIRTUAL_LINE', p.personId), name: p.name, ...(p.number ? { number: p.number } : {}) };
    if (p.kind === 'person') return { kind: 'person', personId: encodeId('PEOPLE', p.personId), name: p.name, ...(p.number ? { number: p.number } : {}) };
    if (p.kind === 'pstn') return { kind: 'pstn', number: p.number, ...(p.name ? { name: p.name } : {}) };
    if (p.kind === 'voicemail' && p.voicemailGroupId) return { kind: 'voicemail', voicemailGroupId: encodeId('VOICEMAIL_GROUP', p.voicemailGroupId), name: p.name };
    if (p.kind === 'voicemail') return { kind: 'voicemail', personId: encodeId('PEOPLE', p.personId), name: p.name };
    if (p.kind === 'huntGroup') return { kind: p.feature ?? 'huntGroup', name: p.name, ...(p.number ? { number: p.number } : {}) };
    if (p.kind === 'autoAttendant' || p.kind === 'pagingGroup') return { kind: p.kind, name: p.name, ...(p.number ? { number: p.number } : {}) };
    // A park extension is never a leg's party (calls are parked against it).
    if (p.kind === 'parkExtension') return { kind: 'feature', number: p.extension };
    return { kind: 'feature', number: p.code };
  };
  return {
    callSessionId: encodeSessionId(session.id),
    created: session.created,
    ...(session.park?.against.kind === 'person' ? { parkedAgainst: encodeId('PEOPLE', session.park.against.personId) } : {}),
    ...(session.attendant && !session.attendant.over
      ? { attendant: { name: session.attendant.party.name, menu: session.attendant.plan.menu, awaiting: session.attendant.awaiting, digits: session.attendant.digits } }
      : {}),
    legs: session.legs.filter(isActive).map((leg) => ({
      callId: encodeCallId(leg.id),
      party: party(leg),
      personality: leg.personality,
      state: leg.state,
      created: leg.created,
      ...(leg.answered ? { answered: leg.answered } : {}),
      muted: leg.muted,
      ...(leg.recordingState ? { recordingState: leg.recordingState } : {}),
      ...(leg.party.kind === 'person' && leg.state === 'alerting' ? { ringPattern: leg.ringPattern ?? 'NORMAL' } : {}),
      ...(leg.intercom ? { intercom: leg.intercom } : {}),
      ...(leg.party.kind === 'person' && leg.party.line === undefined ? { endpointId: leg.endpoint ?? endpointIdOf(leg.party.personId) } : {}),
      ...externalView(session, leg),
    })),
  };
}

/** What a PSTN party sees of the other party of its call: caller ID, as Webex presents it outside. */
function externalView(session: Session, leg: Leg): Pick<SimulatedLeg, 'remoteParty'> {
  if (leg.party.kind !== 'pstn') return {};
  const other = session.legs.find((l) => l.id !== leg.id && isActive(l) && l.party.kind !== 'feature');
  if (!other) return {};
  const seen = partyInformation(leg.party, other.party);
  return { remoteParty: { ...(seen.name ? { name: seen.name } : {}), ...(seen.number ? { number: seen.number } : {}), privacyEnabled: seen.privacyEnabled } };
}

export type PstnAction = 'answer' | 'reject' | 'hangup';

export class Simulator {
  private readonly store: Store;
  private readonly runtime: CallRuntime;
  private readonly calls: CallControlService;

  constructor(store: Store, runtime: CallRuntime, calls: CallControlService) {
    this.store = store;
    this.runtime = runtime;
    this.calls = calls;
  }

  /**
   * A call into the system: from an external number (a PSTN party) to a number or extension of
   * the organization, or from a person's phone to any destination.
   */
  async placeCall(orgId: string, from: string, to: string, options: { privacy?: boolean; reputationScore?: number } = {}): Promise<SimulatedSession> {
    const personId = decodeId(from, 'PEOPLE');
    const workspaceId = decodeId(from, 'PLACE');
    const virtualLineId = decodeId(from, 'VIRTUAL_LINE');
    let call: NewCall;
    if (personId) {
      call = await this.calls.call(await this.calls.actor(orgId, personId), to);
    } else if (workspaceId) {
      call = await this.calls.call(await this.calls.workspaceActor(orgId, workspaceId), to);
    } else if (virtualLineId) {
      call = await this.calls.call(await this.calls.virtualLineActor(orgId, virtualLineId), to);
    } else {
      const number = from.startsWith('+') ? from : looseE164(from);
      if (!number || !/^\+[1-9]\d{6,14}$/.test(number)) throw badRequest('from must be a person ID, a workspace ID, a virtual line ID or an external number (E.164).');
      const org = await this.store.organizations.get(orgId);
      const found = org?.defaultLocationId ? await resolveDestination(this.store, { orgId, locationId: org.defaultLocationId }, to) : undefined;
      // The person called, as the caller sees them once connected (caller ID settings).
      const target = found?.kind === 'person' ? await presentedParty(this.store, found, 'answering') : found;
      const callable = ['person', 'huntGroup', 'autoAttendant', 'pagingGroup'];
      if (!target || (!callable.includes(target.kind) && !(target.kind === 'voicemail' && target.voicemailGroupId))) {
        throw badRequest(`to must be a number or extension of a person, workspace, virtual line, hunt group, call queue, auto attendant, paging group or voicemail group of the organization; "${to}" is not.`);
      }
      call = await this.runtime.transact(async (w) => {
        const { step, originatorLegId } = startCall(await w.context(target), { sessionId: newSessionId(), orgId, from: { ...pstnParty(number), ...(options.privacy ? { privacy: true } : {}), ...(options.reputationScore !== undefined ? { reputationScore: options.reputationScore } : {}) }, to: target });
        return { step, value: { callId: encodeCallId(originatorLegId), callSessionId: encodeSessionId(step.sessions[0]!.id) } };
      });
    }
    return this.session(orgId, call.callSessionId);
  }

  async session(orgId: string, callSessionId: string): Promise<SimulatedSession> {
    const id = decodeSessionId(callSessionId);
    const stored = id ? await this.store.calls.get(id) : undefined;
    const session = stored && decodeSession(stored.data);
    if (!session || session.orgId !== orgId) throw notFound('Call session not found.');
    return this.withQueue(session, new Map());
  }

  async active(orgId: string): Promise<SimulatedSession[]> {
    // Callers waiting in one queue share its line, read once.
    const lines = new Map<string, Promise<string[]>>();
    return Promise.all((await this.store.calls.activeSessions(orgId)).map((data) => this.withQueue(decodeSession(data), lines)));
  }

  /** The session as the simulator shows it, with the caller's place in line while they wait in a call queue. */
  private async withQueue(session: Session, lines: Map<string, Promise<string[]>>): Promise<SimulatedSession> {
    const described = describeSession(session);
    const hearing = await hearingOnHold(this.store, session);
    for (const leg of described.legs) {
      const heard = hearing.get(decodeCallId(leg.callId) ?? '');
      if (heard) leg.hearing = heard;
    }
    const hunt = session.hunt;
    if (hunt?.queuedAt && !hunt.over && session.legs.some((l) => l.id === hunt.originatorLegId && isActive(l))) {
      const queueId = hunt.group.huntGroupId;
      if (!lines.has(queueId)) lines.set(queueId, this.store.callQueues.waiting(queueId));
      const position = (await lines.get(queueId)!).indexOf(session.id) + 1;
      described.queue = { name: hunt.group.name, position, since: hunt.queuedAt, announcement: queueAnnouncement(hunt, this.runtime.now()) };
    }
    return described;
  }

  /** What the PSTN party of a session does: answer the call, reject it, or hang up. */
  async pstn(orgId: string, callSessionId: string, action: PstnAction): Promise<void> {
    const id = decodeSessionId(callSessionId);
    if (!id) throw notFound('Call session not found.');
    await this.runtime.transact(async (w) => {
      const session = await w.session(id);
      if (session.orgId !== orgId) throw notFound('Call session not found.');
      const leg = session.legs.find((l) => l.party.kind === 'pstn' && isActive(l));
      if (!leg) throw badRequest('The call has no PSTN party still on it.');
      const result = act(session, leg.id, action === 'reject' ? { type: 'reject', action: 'busy' } : { type: action }, await w.context());
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  /** The PSTN party of a session presses keys (DTMF): an auto attendant's menu hears them. */
  async pstnDtmf(orgId: string, callSessionId: string, dtmf: string): Promise<void> {
    const id = decodeSessionId(callSessionId);
    if (!id) throw notFound('Call session not found.');
    await this.runtime.transact(async (w) => {
      const session = await w.session(id);
      if (session.orgId !== orgId) throw notFound('Call session not found.');
      // The session first: another organization's call is a 404 whatever the tones.
      if (!/^[0-9*#A-Da-d,]{1,64}$/.test(dtmf)) throw invalidDtmf();
      const leg = session.legs.find((l) => l.party.kind === 'pstn' && isActive(l));
      if (!leg) throw badRequest('The call has no PSTN party still on it.');
      const result = act(session, leg.id, { type: 'transmitDtmf', digits: dtmf }, await w.context());
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  async phone(orgId: string, personPublicId: string): Promise<PhoneSettings> {
    const person = await this.person(orgId, personPublicId);
    return (await this.store.calls.phone(person.id)) ?? { personId: person.id, orgId, autoAnswer: false, autoAnswerDelayMs: 0, busy: false, offline: false };
  }

  async setPhone(orgId: string, personPublicId: string, change: Partial<Pick<PhoneSettings, 'autoAnswer' | 'autoAnswerDelayMs' | 'busy' | 'offline'>>): Promise<PhoneSettings> {
    const next = { ...(await this.phone(orgId, personPublicId)), ...change };
    await this.store.calls.savePhone(next);
    return next;
  }

  private async person(orgId: string, publicId: string) {
    const id = decodeId(publicId, 'PEOPLE');
    const person = id ? await this.store.people.get(orgId, id) : undefined;
    if (!person) throw notFound('Person not found.');
    return person;
  }
}
