import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineContext, Step } from './legs.ts';
import { addPicker } from './park.ts';
import { act, fireTimer, startCall } from './session.ts';
import type { HuntGroupParty, HuntPlan, Party, PersonParty, Session } from './types.ts';

// Park recall and pickup in the engine, with no store: the recall comes with the park action,
// the hunt group's plan through the context.

let ids = 0;
const person = (name: string): PersonParty => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: name, routingPrefix: null });
const caller: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };
const desk: HuntGroupParty = { kind: 'huntGroup', huntGroupId: 'g', orgId: 'org', locationId: 'hq', name: 'Desk', number: null, extension: '5100', routingPrefix: null };
const plan: HuntPlan = {
  policy: 'SIMULTANEOUS',
  agents: [{ party: person('cid'), busy: false }],
  nextAgentEnabled: false,
  agentRingMs: 12_000,
  noAnswerMs: 90_000,
  noAnswerForward: null,
  busyForward: null,
};
const context = (now = '2026-01-01T00:00:00.000Z'): EngineContext => ({
  now,
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => `call-${++ids}`,
  newTimerId: () => `timer-${++ids}`,
  policy: () => ({ recording: 'Never' }),
  huntPlan: (id) => (id === 'g' ? plan : undefined),
});
const ok = (r: Step | { refused: string } | undefined): Session => {
  assert.ok(r && !('refused' in r));
  return r.sessions[0]!;
};
const fire = (s: Session, kind: string) => {
  const timer = s.timers.find((t) => t.kind === kind)!;
  return ok(fireTimer(s, timer.id, context(timer.at)));
};
const alerting = (s: Session) => s.legs.filter((l) => l.state === 'alerting').map((l) => (l.party as PersonParty).personId);

/** A PSTN call to ann, answered: the session and ann's leg. */
function answered(): { s: Session; ann: string } {
  const s = startCall(context(), { sessionId: 's', orgId: 'org', from: caller, to: person('ann') }).step.sessions[0]!;
  const ann = s.legs.find((l) => l.party.kind === 'person')!.id;
  return { s: ok(act(s, ann, { type: 'answer' }, context())), ann };
}

describe('park recall and pickup (engine)', () => {
  it('recalls the parker after afterMs, then the hunt group after huntWaitMs (the parker stops ringing)', () => {
    const { s: call, ann } = answered();
    let s = ok(act(call, ann, { type: 'park', against: person('ann'), recall: { afterMs: 30_000, alertParker: true, huntGroup: desk, huntWaitMs: 40_000 } }, context()));
    assert.equal(s.timers.find((t) => t.kind === 'parkRecall')!.at, '2026-01-01T00:00:30.000Z');
    s = fire(s, 'parkRecall');
    assert.deepEqual(alerting(s), ['ann']);
    assert.equal(s.timers.some((t) => t.kind === 'ringTimeout' && t.legId === s.legs.at(-1)!.id), false, 'the hunt wait, not the ring timeout, ends the parker’s recall');
    s = fire(s, 'parkRecallHunt');
    assert.deepEqual(alerting(s), ['cid']);
    const cid = s.legs.find((l) => l.state === 'alerting')!;
    s = ok(act(s, cid.id, { type: 'answer' }, context()));
    assert.equal(s.park, null);
    assert.deepEqual(s.legs.filter((l) => l.state !== 'disconnected').map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected']]);
  });

  it('picks up a ringing call: the picker alerts first, then takes the call from the one it rang', () => {
    const s0 = startCall(context(), { sessionId: 's', orgId: 'org', from: caller, to: person('ann') }).step.sessions[0]!;
    const ringing = s0.legs.find((l) => l.party.kind === 'person')!;
    const picked = addPicker(s0, context(), person('bob'), ringing.id)!;
    let s = picked.step.sessions[0]!;
    assert.deepEqual(alerting(s), ['ann', 'bob']);
    s = ok(act(s, picked.legId, { type: 'answer' }, context()));
    const bob = s.legs.find((l) => l.id === picked.legId)!;
    assert.deepEqual([bob.personality, bob.state], ['terminator', 'connected']);
    const ann = s.legs.find((l) => l.id === ringing.id)!;
    assert.deepEqual([ann.state, ann.completedElsewhere], ['disconnected', true]);
    assert.equal(addPicker(s, context(), person('cid'), ringing.id), undefined, 'nothing rings any more');
  });
});
