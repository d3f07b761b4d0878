import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeCalls, applySession, applySnapshot, callsOverTime, describeRouting, emptyModel, recordEvent } from '../../console/src/calls-model.ts';
import type { SimulatedSession, StreamEvent } from '../../console/src/types.ts';

// The console's model of the organization's calls (pure): how the replayed backlog, the snapshot
// of active sessions and live events combine.

const event = (session: string, state: string, eventType: string, at: string, actorId = 'alex'): StreamEvent => ({
  resource: 'telephony_calls',
  actorId,
  created: at,
  data: {
    callId: `${session}-${actorId}`,
    callSessionId: session,
    eventType,
    eventTimestamp: at,
    personality: 'terminator',
    state,
    remoteParty: { number: '+14155550123', privacyEnabled: false, callType: 'external' },
    created: at,
  },
});

const session = (id: string, states: string[] = ['alerting']): SimulatedSession => ({
  callSessionId: id,
  created: '2026-11-21T08:00:00.000Z',
  legs: states.map((state, i) => ({ callId: `${id}-${i}`, party: { kind: 'person', personId: `p${i}`, name: `Person ${i}` }, personality: 'terminator', state, created: '2026-11-21T08:00:00.000Z' })),
});

describe('the console’s calls model', () => {
  it('given a backlog, the snapshot decides which sessions are active and which have ended', () => {
    const model = emptyModel();
    recordEvent(model, event('a', 'alerting', 'received', '2026-11-21T08:00:01.000Z'), false);
    recordEvent(model, event('b', 'alerting', 'received', '2026-11-21T08:00:02.000Z'), false);
    recordEvent(model, event('b', 'disconnected', 'disconnected', '2026-11-21T08:00:03.000Z'), false);
    applySnapshot(model, [session('a')], '2026-11-21T08:00:04.000Z');
    assert.deepEqual(activeCalls(model).map((c) => c.callSessionId), ['a']);
    assert.equal(activeCalls(model)[0]!.timeline.length, 1, 'the active call keeps its replayed timeline');
    assert.deepEqual(model.ended.map((c) => c.callSessionId), ['b']);
    assert.equal(model.ended[0]!.ended, '2026-11-21T08:00:03.000Z');
  });

  it('when live, a new session is active at once; it ends when the simulator shows no leg left', () => {
    const model = emptyModel();
    recordEvent(model, event('c', 'alerting', 'received', '2026-11-21T08:01:00.000Z'), true);
    assert.equal(activeCalls(model).length, 1);
    applySession(model, session('c', ['connected']), '2026-11-21T08:01:01.000Z');
    assert.equal(activeCalls(model)[0]!.legs[0]!.state, 'connected');
    assert.equal(model.names.get('p0'), 'Person 0', 'names are learnt from legs');
    applySession(model, { ...session('c'), legs: [] }, '2026-11-21T08:01:05.000Z');
    assert.equal(activeCalls(model).length, 0);
    assert.equal(model.ended[0]!.callSessionId, 'c');
  });

  it('counts calls by the time they started, in buckets ending now', () => {
    const model = emptyModel();
    recordEvent(model, event('d', 'alerting', 'received', '2026-11-21T08:50:00.000Z'), true);
    recordEvent(model, event('d', 'connected', 'answered', '2026-11-21T08:51:00.000Z'), true);
    recordEvent(model, event('e', 'alerting', 'received', '2026-11-21T08:58:00.000Z'), true);
    recordEvent(model, event('f', 'alerting', 'received', '2026-11-21T07:00:00.000Z'), true);
    const buckets = callsOverTime(model, new Date('2026-11-21T09:00:00.000Z'), 12, 5 * 60_000);
    assert.equal(buckets.length, 12);
    assert.deepEqual(buckets.slice(-2).map((b) => b.count), [1, 1]);
    assert.equal(buckets.reduce((sum, b) => sum + b.count, 0), 2, 'a call older than the window is not counted');
  });

  it('says which feature routed a call: the queue and the caller\'s place in line, then the queue the agent\'s event names', () => {
    const model = emptyModel();
    applySession(model, { ...session('q', []), legs: session('q').legs, queue: { name: 'Support', position: 2, since: '2026-11-21T08:00:00.000Z', announcement: 'welcome' } }, '2026-11-21T08:00:01.000Z');
    const view = model.active.get('q')!;
    assert.equal(describeRouting(view), 'Call queue Support · waiting, position 2 · hearing the welcome message');
    const offered = event('q', 'alerting', 'received', '2026-11-21T08:00:05.000Z');
    offered.data.redirections = [{ reason: 'callQueue', redirectingParty: { name: 'Support', number: '5300', privacyEnabled: false, callType: 'location' } }];
    recordEvent(model, offered, true);
    applySession(model, session('q', ['connected']), '2026-11-21T08:00:06.000Z');
    assert.equal(describeRouting(view), 'Call queue Support (5300)', 'answered: no longer waiting, the queue stays');
  });

  it('names the hunt group over forwarding, and the attendant menu while the caller is in it', () => {
    const model = emptyModel();
    const forwarded = event('h', 'alerting', 'received', '2026-11-21T08:00:01.000Z');
    forwarded.data.redirections = [
      { reason: 'noAnswer', redirectingParty: { name: 'Alex Rivera', number: '1001', privacyEnabled: false, callType: 'location' } },
      { reason: 'huntGroup', redirectingParty: { name: 'Sales', number: '5100', privacyEnabled: false, callType: 'location' } },
    ];
    recordEvent(model, forwarded, true);
    assert.equal(describeRouting(model.active.get('h')!), 'Hunt group Sales (5100)');

    applySession(model, { ...session('a'), attendant: { name: 'Reception', menu: 'afterHours', awaiting: 'extension', digits: '10' } }, '2026-11-21T08:00:02.000Z');
    assert.equal(describeRouting(model.active.get('a')!), 'Auto attendant Reception · after hours menu · dialling an extension · digits 10');
    applySession(model, session('a', ['alerting']), '2026-11-21T08:00:03.000Z');
    assert.equal(describeRouting(model.active.get('a')!), 'Auto attendant Reception', 'out of the menu, the attendant that sent the caller stays');
  });
});
