import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addParticipant, conferenceAct, liveParticipants, startConference } from './conference.ts';
import type { EngineContext, Step } from './legs.ts';
import { act, startCall } from './session.ts';
import type { Party, PersonParty, Session } from './types.ts';

// Conferences in the engine with no store: the host's two-party sessions merge into one whose
// legs are paired host ↔ participant.

let ids = 0;
const person = (name: string): PersonParty => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: name, routingPrefix: null });
const host = person('host');
const ctx: EngineContext = {
  now: '2026-01-01T00:00:00.000Z',
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => `call-${++ids}`,
  newTimerId: () => `timer-${++ids}`,
  policy: () => ({ recording: 'Never' }),
};
const ok = (r: Step | { refused: string }): Step => {
  assert.ok(!('refused' in r), 'refused' in r ? r.refused : '');
  return r;
};

/** An answered call from the host to `to`: the session and the host's leg. */
function answered(to: Party, sessionId: string): { session: Session; legId: string } {
  const { step, originatorLegId } = startCall(ctx, { sessionId, orgId: 'org', from: host, to });
  const s = step.sessions[0]!;
  const callee = s.legs.find((l) => l.id !== originatorLegId)!;
  return { session: ok(act(s, callee.id, { type: 'answer' }, ctx)).sessions[0]!, legId: originatorLegId };
}

const stateOf = (s: Session, name: string) => s.legs.filter((l) => l.party.kind === 'person' && l.party.personId === name).map((l) => l.state);

describe('conference (engine)', () => {
  it('merges the host\'s calls into one session of paired legs; the other session empties', () => {
    const a = answered(person('ann'), 'a');
    const b = answered(person('bob'), 'b');
    const step = ok(startConference([a, b], 'host', ctx));
    const [s, emptied] = step.sessions as [Session, Session];
    assert.equal(s.legs.length, 4);
    assert.deepEqual(emptied.legs, []);
    assert.deepEqual(liveParticipants(s).map((p) => p.hostLegId), [a.legId, b.legId]);
    assert.deepEqual(step.events.map((e) => e.type), ['updated', 'updated']);
    assert.deepEqual(startConference([a], 'host', ctx), { refused: 'Cannot conference: give at least two calls.' });
  });

  it('holds and resumes every pair, and a pair that leaves takes only itself; one pair left ends the conference', () => {
    const a = answered(person('ann'), 'a');
    const b = answered(person('bob'), 'b');
    const c = answered(person('cid'), 'c');
    let s = ok(startConference([a, b], 'host', ctx)).sessions[0]!;
    s = ok(addParticipant(s, c.session, c.legId)).sessions[0]!;
    assert.equal(liveParticipants(s).length, 3);
    s = ok(conferenceAct(s, { type: 'hold' }, ctx)).sessions[0]!;
    assert.deepEqual([stateOf(s, 'host'), stateOf(s, 'ann')], [['held', 'held', 'held'], ['remoteHeld']]);
    s = ok(conferenceAct(s, { type: 'resume' }, ctx)).sessions[0]!;
    assert.deepEqual(stateOf(s, 'bob'), ['connected']);
    const bob = s.legs.find((l) => l.party.kind === 'person' && l.party.personId === 'bob')!;
    s = ok(act(s, bob.id, { type: 'hangup' }, ctx)).sessions[0]!;
    assert.deepEqual([stateOf(s, 'ann'), stateOf(s, 'cid'), stateOf(s, 'bob')], [['connected'], ['connected'], ['disconnected']]);
    s = ok(act(s, c.legId, { type: 'hangup' }, ctx)).sessions[0]!;
    assert.equal(s.conference, undefined, 'one pair left: an ordinary call');
    assert.deepEqual(stateOf(s, 'ann'), ['connected']);
  });

  it('mutes and deafens one participant, refuses the same twice, and releases everyone', () => {
    const a = answered(person('ann'), 'a');
    const b = answered(person('bob'), 'b');
    let s = ok(startConference([a, b], 'host', ctx)).sessions[0]!;
    s = ok(conferenceAct(s, { type: 'deafen', hostLegId: b.legId }, ctx)).sessions[0]!;
    assert.deepEqual(conferenceAct(s, { type: 'deafen', hostLegId: b.legId }, ctx), { refused: 'The participant is already deafened.' });
    s = ok(conferenceAct(s, { type: 'mute' }, ctx)).sessions[0]!;
    assert.equal(s.conference!.muted, true);
    s = ok(conferenceAct(s, { type: 'release' }, ctx)).sessions[0]!;
    assert.ok(s.legs.every((l) => l.state === 'disconnected'));
  });
});
