import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineContext, Step } from './legs.ts';
import { act, fireTimer, startCall } from './session.ts';
import type { HuntGroupParty, HuntPlan, Party, PersonParty, Session } from './types.ts';

// The engine's hunt, step by step with no store: the plan comes in through the context.

let ids = 0;
const person = (name: string): PersonParty => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const caller: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };
const group: HuntGroupParty = { kind: 'huntGroup', huntGroupId: 'g', orgId: 'org', locationId: 'hq', name: 'Sales', number: null, extension: '5100', routingPrefix: null };

const plan = (overrides: Partial<HuntPlan> = {}): HuntPlan => ({
  policy: 'REGULAR',
  agents: ['ann', 'bob', 'cid'].map((n) => ({ party: person(n), busy: false })),
  nextAgentEnabled: true,
  agentRingMs: 12_000,
  noAnswerMs: 90_000,
  noAnswerForward: null,
  busyForward: null,
  ...overrides,
});

const context = (p: HuntPlan, now = '2026-01-01T00:00:00.000Z', busy: string[] = []): EngineContext => ({
  now,
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => `call-${++ids}`,
  newTimerId: () => `timer-${++ids}`,
  policy: (party) => ({ recording: 'Never', ...(party.kind === 'person' && busy.includes(party.personId) ? { busy: true } : {}) }),
  huntPlan: (id) => (id === 'g' ? p : undefined),
});

const start = (p: HuntPlan, busy: string[] = []) => startCall(context(p, undefined, busy), { sessionId: 's', orgId: 'org', from: caller, to: group }).step.sessions[0]!;
const alerting = (s: Session) => s.legs.filter((l) => l.state === 'alerting').map((l) => (l.party as PersonParty).personId);
const legOf = (s: Session, name: string) => s.legs.find((l) => l.party.kind === 'person' && l.party.personId === name && l.state !== 'disconnected')!;
const session = (r: Step | { refused: string } | undefined) => {
  assert.ok(r && !('refused' in r));
  return r.sessions[0]!;
};
/** Fires the session's earliest timer of a kind. */
const fire = (s: Session, kind: string, p: HuntPlan) => {
  const timer = s.timers.filter((t) => t.kind === kind).sort((a, b) => a.at.localeCompare(b.at))[0]!;
  return session(fireTimer(s, timer.id, context(p, timer.at)));
};

describe('hunt (engine)', () => {
  it('REGULAR offers one agent at a time with the hunt group as redirection, advancing on the timer', () => {
    const p = plan();
    let s = start(p);
    assert.deepEqual(alerting(s), ['ann']);
    assert.deepEqual(legOf(s, 'ann').redirections, [{ reason: 'huntGroup', redirectingParty: group }]);
    assert.equal(s.timers.some((t) => t.kind === 'ringTimeout' && t.legId === legOf(s, 'ann').id), false, 'the hunt times agents, not the ring timeout');
    s = fire(s, 'huntAdvance', p);
    assert.deepEqual(alerting(s), ['bob']);
    s = fire(s, 'huntAdvance', p);
    s = fire(s, 'huntAdvance', p);
    assert.deepEqual(alerting(s), ['cid'], 'the last agent rings on');
    s = session(act(s, legOf(s, 'cid').id, { type: 'answer' }, context(p)));
    assert.deepEqual(s.legs.filter((l) => l.state === 'connected').length, 2);
    assert.equal(s.hunt?.over, true);
    assert.equal(s.timers.some((t) => t.kind === 'huntNoAnswer'), false);
  });

  it('SIMULTANEOUS rings all free agents; the first answer cancels the others', () => {
    const p = plan({ policy: 'SIMULTANEOUS' });
    let s = start(p, ['bob']);
    assert.deepEqual(alerting(s), ['ann', 'cid'], 'a busy phone is skipped');
    s = session(act(s, legOf(s, 'cid').id, { type: 'answer' }, context(p)));
    assert.deepEqual(alerting(s), []);
    assert.equal(s.legs.find((l) => (l.party as PersonParty).personId === 'ann')!.endReason, 'cancelled');
  });

  it('a decline passes the call on; with nobody left the busy forward applies (or the caller hears busy)', () => {
    const forwardTo = person('dee');
    let p = plan({ agents: plan().agents.slice(0, 2), busyForward: forwardTo });
    let s = start(p);
    s = session(act(s, legOf(s, 'ann').id, { type: 'reject', action: 'busy' }, context(p)));
    assert.deepEqual(alerting(s), ['bob']);
    s = session(act(s, legOf(s, 'bob').id, { type: 'reject', action: 'busy' }, context(p)));
    assert.deepEqual(alerting(s), ['dee']);
    assert.deepEqual(legOf(s, 'dee').redirections, [{ reason: 'busy', redirectingParty: group }]);
    p = plan({ agents: plan().agents.map((a) => ({ ...a, busy: true })) });
    s = start(p);
    assert.deepEqual(s.legs.map((l) => [l.state, l.endReason]), [['disconnected', 'busy']]);
  });

  it('no answer within noAnswerMs: forwarded, or the call ends unanswered; CIRCULAR wraps around', () => {
    let p = plan({ policy: 'CIRCULAR', agents: plan().agents.slice(0, 2) });
    let s = start(p);
    s = fire(s, 'huntAdvance', p);
    s = fire(s, 'huntAdvance', p);
    assert.deepEqual(alerting(s), ['ann'], 'back to the first agent');
    s = fire(s, 'huntNoAnswer', p);
    assert.deepEqual(s.legs.filter((l) => l.state !== 'disconnected'), []);
    p = plan({ noAnswerForward: caller.kind === 'pstn' ? { kind: 'pstn', number: '+14155550999', name: null, emergency: false } : caller });
    s = fire(start(p), 'huntNoAnswer', p);
    assert.deepEqual(s.legs.filter((l) => l.state !== 'disconnected').map((l) => [l.party.kind, l.state]), [['pstn', 'connecting'], ['pstn', 'alerting']]);
  });
});
