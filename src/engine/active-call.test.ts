import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdOtherCalls, takers } from './active-call.ts';
import type { EngineContext, Step } from './legs.ts';
import { act, startCall, startClickToDial } from './session.ts';
import type { Party, Session } from './types.ts';

let ids = 0;
const ctx: EngineContext = {
  now: '2026-01-01T00:00:00.000Z',
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => `leg-${++ids}`,
  newTimerId: () => `timer-${++ids}`,
  policy: () => ({ recording: 'Never' }),
};
const person = (name: string): Party => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const [alice, bob, carol] = [person('alice'), person('bob'), person('carol')];

/** A call from `from` to `to`, answered: both connected. */
function connected(from: Party, to: Party, sessionId: string): Session {
  const s = startCall(ctx, { sessionId, orgId: 'org', from, to }).step.sessions[0]!;
  return (act(s, s.legs[1]!.id, { type: 'answer' }, ctx) as Step).sessions[0]!;
}

describe('a person has one active call', () => {
  it('answering a second call holds the connected one; the other party hears remote hold', () => {
    const first = connected(bob, alice, 'first');
    const second = startCall(ctx, { sessionId: 'second', orgId: 'org', from: carol, to: alice }).step.sessions[0]!;
    const answered = act(second, second.legs[1]!.id, { type: 'answer' }, ctx) as Step;
    const taken = takers(answered);
    assert.deepEqual([...taken], [['alice', second.legs[1]!.id]]);
    const step = holdOtherCalls(answered, [first], taken, ctx);
    const held = step.sessions.find((s) => s.id === 'first')!;
    assert.deepEqual(held.legs.map((l) => [l.party, l.state]), [
      [bob, 'remoteHeld'],
      [alice, 'held'],
    ]);
    assert.deepEqual(step.events.slice(-2).map((e) => e.type), ['held', 'remoteHeld']);
    assert.equal(first.legs[1]!.state, 'connected', 'the session given is not changed');
  });

  it('a click-to-dial takes nothing while it alerts the person; answering it does', () => {
    const first = connected(bob, alice, 'first');
    const dial = startClickToDial(ctx, { sessionId: 'dial', orgId: 'org', caller: alice, destination: carol });
    assert.equal(takers(dial.step).size, 0);
    const answered = act(dial.step.sessions[0]!, dial.legId, { type: 'answer' }, ctx) as Step;
    const step = holdOtherCalls(answered, [first], takers(answered), ctx);
    assert.equal(step.sessions.find((s) => s.id === 'first')!.legs[1]!.state, 'held');
  });

  it('calls already held, and other people’s calls, are left as they are', () => {
    const other = connected(bob, carol, 'other');
    const placed = startCall(ctx, { sessionId: 'placed', orgId: 'org', from: alice, to: bob }).step;
    const step = holdOtherCalls(placed, [other], takers(placed), ctx);
    assert.deepEqual(step.sessions.map((s) => s.id), ['placed']);
  });
});
