import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineContext, PartyPolicy, Step } from './legs.ts';
import { addPuller } from './pull.ts';
import { act, fireTimer, startCall } from './session.ts';
import type { Party, PersonParty, Session } from './types.ts';

// Call pull and the compliance announcement in the engine, with no store.

let ids = 0;
const ann: PersonParty = { kind: 'person', personId: 'ann', orgId: 'org', locationId: 'hq', name: 'Ann', number: null, extension: '1001', routingPrefix: null };
const caller: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };
const context = (policy: PartyPolicy = { recording: 'Never' }, now = '2026-01-01T00:00:00.000Z'): EngineContext => ({
  now,
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => `call-${++ids}`,
  newTimerId: () => `timer-${++ids}`,
  policy: (party) => (party.kind === 'person' ? policy : { recording: 'Never' }),
});
const ok = (r: Step | { refused: string } | undefined): Step => {
  assert.ok(r && !('refused' in r), JSON.stringify(r));
  return r;
};
const legOfAnn = (s: Session, state = 'connected') => s.legs.find((l) => l.party.kind === 'person' && l.state === state)!;

/** A PSTN call to Ann, answered on her phone. */
function answered(policy?: PartyPolicy): Step {
  const { step } = startCall(context(policy), { sessionId: 's', orgId: 'org', from: caller, to: ann });
  const s = step.sessions[0]!;
  return ok(act(s, legOfAnn(s, 'alerting').id, { type: 'answer' }, context(policy)));
}

describe('call pull', () => {
  it('alerts a temporary leg on the endpoint; answering it moves the call there and releases it', () => {
    const s = answered().sessions[0]!;
    const call = legOfAnn(s);
    const pulled = addPuller(s, context(), ann, call.id, 'desk-phone');
    assert.ok(!('refused' in pulled));
    const temporary = pulled.step.sessions[0]!.legs.find((l) => l.id === pulled.legId)!;
    assert.deepEqual([temporary.state, temporary.personality, temporary.endpoint], ['alerting', 'clickToDial', 'desk-phone']);
    const moved = ok(act(pulled.step.sessions[0]!, pulled.legId, { type: 'answer' }, context()));
    const after = moved.sessions[0]!;
    assert.equal(after.legs.find((l) => l.id === call.id)!.endpoint, 'desk-phone');
    assert.equal(after.legs.find((l) => l.id === call.id)!.state, 'connected');
    assert.deepEqual(after.legs.find((l) => l.id === pulled.legId)!.endReason, 'pulled');
    assert.deepEqual(moved.events.map((e) => [e.type, e.legId === call.id ? 'call' : 'temporary']), [['answered', 'temporary'], ['updated', 'call'], ['disconnected', 'temporary']]);
    assert.equal(after.pull, undefined);
  });

  it('refuses a call already on the endpoint, or one not answered', () => {
    const s = answered().sessions[0]!;
    assert.ok('refused' in addPuller(s, context(), ann, legOfAnn(s).id, null));
    const { step } = startCall(context(), { sessionId: 't', orgId: 'org', from: caller, to: ann });
    const ringing = step.sessions[0]!;
    assert.ok('refused' in addPuller(ringing, context(), ann, legOfAnn(ringing, 'alerting').id, 'desk-phone'));
  });
});

describe('compliance announcement', () => {
  const compliance = { inbound: true, outbound: false, outboundDelayMs: 0, playMs: 5000 };

  it('an "Always" recording is pending while it plays, then starts: pending -[complianceAnnounced]-> started', () => {
    const policy: PartyPolicy = { recording: 'Always', compliance };
    const s = answered(policy).sessions[0]!;
    assert.equal(legOfAnn(s).recordingState, 'pending');
    const timer = s.timers.find((t) => t.kind === 'complianceAnnounced')!;
    assert.equal(timer.at, '2026-01-01T00:00:05.000Z');
    const done = ok(fireTimer(s, timer.id, context(policy, timer.at)));
    assert.equal(legOfAnn(done.sessions[0]!).recordingState, 'started');
    assert.deepEqual(done.events.map((e) => e.type), ['recording']);
  });

  it('plays nothing on a call whose direction it is off for, and recording starts on answer', () => {
    const s = answered({ recording: 'Always', compliance: { ...compliance, inbound: false, outbound: true } }).sessions[0]!;
    assert.equal(legOfAnn(s).recordingState, 'started');
    assert.equal(s.compliance, undefined);
  });
});
