import { activeLegs, endLeg, isActive, isAnswered, peerOf, type EngineContext, type Step } from './legs.ts';
import { copy } from './session.ts';
import type { ConferenceParticipant, EngineEvent, Leg, Refusal, Session } from './types.ts';

// Conferences in the engine. A person turns two or more of their answered calls into one
// conference: the calls' sessions merge into the first one, which then holds the host's leg with
// each participant and the participant's leg, paired (peerOf follows the pairs). Conference-wide
// actions (hold, resume, mute, release) act on every pair; per participant ones (mute, deafen)
// on one. A pair that hangs up leaves; with one pair left the conference is over and the call
// goes on as an ordinary two-party call.

export type ConferenceAction =
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'mute'; hostLegId?: string }
  | { type: 'unmute'; hostLegId?: string }
  | { type: 'deafen'; hostLegId: string }
  | { type: 'undeafen'; hostLegId: string }
  | { type: 'release' };

const refuse = (why: string): Refusal => ({ refused: why });

/** The live participants of a session's conference (both legs of the pair still active). */
export function liveParticipants(s: Session): ConferenceParticipant[] {
  const active = new Set(activeLegs(s).map((l) => l.id));
  return (s.conference?.participants ?? []).filter((p) => active.has(p.hostLegId) && active.has(p.peerLegId));
}

/** Why a host leg cannot join a conference, or undefined when it can. */
function cannotJoin(s: Session, leg: Leg | undefined): string | undefined {
  if (!leg || !isActive(leg)) return 'Cannot conference: no such call.';
  const peer = peerOf(s, leg);
  if (!isAnswered(leg) || !peer || !isAnswered(peer)) return 'Cannot conference: only answered calls can join a conference.';
  if (s.park || s.page || s.pendingTransfer) return 'Cannot conference: the call is parked, a page or being transferred.';
  return undefined;
}

/** Moves every leg and timer of `from` into `into` (the emptied session ends). */
function merge(into: Session, from: Session): void {
  into.legs.push(...from.legs);
  into.timers.push(...from.timers);
  from.legs = [];
  from.timers = [];
  from.version++;
}

/**
 * Starts a conference of the host's calls: `calls` are the sessions and the host's leg in each
 * (two or more, different sessions). The first session holds the conference.
 */
export function startConference(calls: readonly { session: Session; legId: string }[], hostPersonId: string, ctx: Pick<EngineContext, 'now'>): Step | Refusal {
  if (calls.length < 2) return refuse('Cannot conference: give at least two calls.');
  if (new Set(calls.map((c) => c.session.id)).size !== calls.length) return refuse('Cannot conference: give calls of different parties.');
  const sessions = calls.map((c) => copy(c.session));
  for (const [i, s] of sessions.entries()) {
    if (s.conference && liveParticipants(s).length > 0) return refuse('Cannot conference: a call is in a conference already; add participants to it instead.');
    const why = cannotJoin(s, s.legs.find((l) => l.id === calls[i]!.legId));
    if (why) return refuse(why);
  }
  const [target, ...others] = sessions as [Session, ...Session[]];
  const events: EngineEvent[] = [];
  target.conference = { hostPersonId, created: ctx.now, held: false, muted: false, participants: [] };
  const first = target.legs.find((l) => l.id === calls[0]!.legId)!;
  join(target, first, peerOf(target, first)!, events);
  for (const [i, other] of others.entries()) {
    const hostLeg = other.legs.find((l) => l.id === calls[i + 1]!.legId)!;
    // The peer is found while its session is still two-party, then both move in.
    const peer = peerOf(other, hostLeg)!;
    merge(target, other);
    join(target, hostLeg, peer, events);
  }
  target.version++;
  return { sessions: [target, ...others], events };
}

/** A pair joins: the host's leg is taken off hold (the conference is live), the pair recorded, an event. */
function join(s: Session, hostLeg: Leg, peer: Leg, events: EngineEvent[]): void {
  s.conference!.participants.push({ hostLegId: hostLeg.id, peerLegId: peer.id, muted: false, deafened: false });
  if (hostLeg.state === 'held') {
    hostLeg.state = peer.state === 'held' ? 'remoteHeld' : 'connected';
    events.push({ type: 'resumed', legId: hostLeg.id });
    if (peer.state === 'remoteHeld') {
      peer.state = 'connected';
      events.push({ type: 'remoteResumed', legId: peer.id });
    }
  } else events.push({ type: 'updated', legId: hostLeg.id });
}

/** Adds another of the host's calls to their conference. */
export function addParticipant(conference0: Session, call0: Session, legId: string): Step | Refusal {
  if (conference0.id === call0.id) return refuse('Cannot add the call: it is in the conference already.');
  const s = copy(conference0);
  const other = copy(call0);
  if (!s.conference || liveParticipants(s).length === 0) return refuse('There is no conference to add the call to.');
  if (other.conference && liveParticipants(other).length > 0) return refuse('Cannot add the call: it is in another conference.');
  const hostLeg = other.legs.find((l) => l.id === legId);
  const why = cannotJoin(other, hostLeg);
  if (why) return refuse(why);
  const peer = peerOf(other, hostLeg!)!;
  const events: EngineEvent[] = [];
  merge(s, other);
  join(s, hostLeg!, peer, events);
  if (s.conference.held) holdPair(s, hostLeg!, events);
  s.version++;
  return { sessions: [s, other], events };
}

function holdPair(s: Session, hostLeg: Leg, events: EngineEvent[]): void {
  if (hostLeg.state === 'held') return;
  hostLeg.state = 'held';
  events.push({ type: 'held', legId: hostLeg.id });
  const peer = peerOf(s, hostLeg);
  if (peer?.state === 'connected') {
    peer.state = 'remoteHeld';
    events.push({ type: 'remoteHeld', legId: peer.id });
  }
}

function resumePair(s: Session, hostLeg: Leg, events: EngineEvent[]): void {
  const peer = peerOf(s, hostLeg);
  if (hostLeg.state !== 'held') return;
  hostLeg.state = peer?.state === 'held' ? 'remoteHeld' : 'connected';
  events.push({ type: 'resumed', legId: hostLeg.id });
  if (peer?.state === 'remoteHeld') {
    peer.state = 'connected';
    events.push({ type: 'remoteResumed', legId: peer.id });
  }
}

/** A conference-wide or per-participant action of the host. */
export function conferenceAct(s0: Session, action: ConferenceAction, ctx: EngineContext): Step | Refusal {
  const s = copy(s0);
  const conference = s.conference;
  const live = liveParticipants(s);
  if (!conference || live.length === 0) return refuse('There is no conference.');
  const legOf = (id: string) => s.legs.find((l) => l.id === id)!;
  const events: EngineEvent[] = [];
  const participant = (hostLegId: string | undefined) => live.find((p) => p.hostLegId === hostLegId);
  switch (action.type) {
    case 'hold':
      if (conference.held) return refuse('The conference is held already.');
      conference.held = true;
      for (const p of live) holdPair(s, legOf(p.hostLegId), events);
      break;
    case 'resume':
      if (!conference.held) return refuse('The conference is not held.');
      conference.held = false;
      for (const p of live) resumePair(s, legOf(p.hostLegId), events);
      break;
    case 'mute':
    case 'unmute': {
      const muted = action.type === 'mute';
      if (action.hostLegId === undefined) {
        if (conference.muted === muted) return refuse(`The conference host is already ${muted ? 'muted' : 'unmuted'}.`);
        conference.muted = muted;
        for (const p of live) {
          legOf(p.hostLegId).muted = muted;
          events.push({ type: 'updated', legId: p.hostLegId });
        }
        break;
      }
      const p = participant(action.hostLegId);
      if (!p) return refuse('The call is not a participant of the conference.');
      if (p.muted === muted) return refuse(`The participant is already ${muted ? 'muted' : 'unmuted'}.`);
      p.muted = muted;
      events.push({ type: 'updated', legId: p.hostLegId });
      break;
    }
    case 'deafen':
    case 'undeafen': {
      const deafened = action.type === 'deafen';
      const p = participant(action.hostLegId);
      if (!p) return refuse('The call is not a participant of the conference.');
      if (p.deafened === deafened) return refuse(`The participant is already ${deafened ? 'deafened' : 'undeafened'}.`);
      p.deafened = deafened;
      events.push({ type: 'updated', legId: p.hostLegId });
      break;
    }
    case 'release':
      for (const p of live) {
        endLeg(s, ctx, legOf(p.hostLegId), 'hangup', events);
        endLeg(s, ctx, legOf(p.peerLegId), 'remoteHangup', events);
      }
      break;
  }
  s.version++;
  return { sessions: [s], events };
}

/** Is this leg one of a live conference pair (whose hang-up leaves the conference only)? */
export const inConference = (s: Session, leg: Leg): boolean => liveParticipants(s).some((p) => p.hostLegId === leg.id || p.peerLegId === leg.id);

/** A pair leaves the conference (either side hung up); with one pair left the conference ends. */
export function leaveConference(s: Session, ctx: EngineContext, leg: Leg, events: EngineEvent[]): void {
  const pair = liveParticipants(s).find((p) => p.hostLegId === leg.id || p.peerLegId === leg.id)!;
  const other = s.legs.find((l) => l.id === (pair.hostLegId === leg.id ? pair.peerLegId : pair.hostLegId))!;
  endLeg(s, ctx, leg, 'hangup', events);
  endLeg(s, ctx, other, 'remoteHangup', events);
  if (liveParticipants(s).length < 2) {
    // Back to a two-party call: the conference is over (its last pair keeps talking).
    const last = liveParticipants(s)[0];
    delete s.conference;
    if (last) events.push({ type: 'updated', legId: last.hostLegId });
  }
}
