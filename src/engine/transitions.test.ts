import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineContext, RecordingMode, Step } from './legs.ts';
import { act, addRetriever, fireTimer, startCall, startClickToDial, type Action } from './session.ts';
import { consultTransfer, transferTo } from './transfer.ts';
import { LEG_ACTIONS, TRANSITIONS, type LegAction } from './transitions.ts';
import { LEG_STATES, type Leg, type LegState, type Party, type Session } from './types.ts';

let ids = 0;
function context(overrides: Partial<EngineContext> & { recording?: RecordingMode } = {}): EngineContext {
  return {
    now: '2026-01-01T00:00:00.000Z',
    ringTimeoutMs: 30_000,
    parkRecallMs: 45_000,
    voicemailMs: 20_000,
    newCallId: () => `callhalf-${++ids}:0`,
    newTimerId: () => `timer-${++ids}`,
    policy: () => ({ recording: overrides.recording ?? 'On Demand with User Initiated Start' }),
    ...overrides,
  };
}

const person = (name: string): Party => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const alice = person('alice');
const bob = person('bob');
const carol = person('carol');

function leg(id: string, party: Party, state: LegState, overrides: Partial<Leg> = {}): Leg {
  return {
    id,
    party,
    personality: 'terminator',
    state,
    created: '2026-01-01T00:00:00.000Z',
    placedAt: null,
    answered: null,
    disconnected: null,
    redirections: [],
    recall: null,
    recordingState: null,
    muted: false,
    appearance: null,
    pendingDestination: null,
    endReason: null,
    completedElsewhere: false,
    ...overrides,
  };
}

/** A two-party session with leg "a" (alice) in the given state and a consistent peer "b". */
function sessionWith(state: LegState, a: Partial<Leg> = {}, id = 's1'): Session {
  const peerState: Record<LegState, LegState> = {
    connecting: 'alerting',
    alerting: 'connecting',
    connected: 'connected',
    held: 'remoteHeld',
    remoteHeld: 'held',
    disconnected: 'disconnected',
  };
  const personality = state === 'connecting' ? 'originator' : 'terminator';
  return {
    id,
    orgId: 'org',
    legs: [
      leg(`${id}-a`, alice, state, { personality, ...a }),
      leg(`${id}-b`, id === 's1' ? bob : carol, peerState[state], { personality: personality === 'originator' ? 'terminator' : 'originator' }),
    ],
    timers: [],
    park: null,
    pendingTransfer: null,
    created: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

function actionFor(name: LegAction): Action {
  if (name === 'reject') return { type: 'reject', action: 'busy' };
  if (name === 'divert') return { type: 'divert', to: carol };
  if (name === 'park') return { type: 'park', against: alice };
  return { type: name } as Action;
}

/** What an allowed action leaves the acting leg in. */
function expected(action: LegAction, state: LegState): LegState {
  switch (action) {
    case 'answer':
    case 'resume':
      return 'connected';
    case 'hold':
      return 'held';
    case 'reject':
    case 'hangup':
    case 'divert':
    case 'transfer':
    case 'park':
      return 'disconnected';
    default:
      return state;
  }
}

/** Makes the leg's other properties fit the action, so only the state decides. */
function fitting(action: LegAction): Partial<Leg> {
  if (action === 'stopRecording' || action === 'pauseRecording') return { recordingState: 'started' };
  if (action === 'resumeRecording') return { recordingState: 'paused' };
  if (action === 'unmute') return { muted: true };
  return {};
}

describe('the transition table, every (state, action) pair', () => {
  for (const state of LEG_STATES) {
    for (const action of LEG_ACTIONS) {
      const allowed = TRANSITIONS[state].includes(action);
      it(`${state} -[${action}]-> ${allowed ? expected(action, state) : 'refused, nothing changes'}`, () => {
        const ctx = context();
        const session = sessionWith(state, fitting(action));
        const before = structuredClone(session);
        let result: Step | { refused: string };
        if (action === 'transfer') {
          const other = sessionWith('connected', {}, 's2');
          result = consultTransfer(session, 's1-a', other, 's2-a', ctx);
        } else {
          result = act(session, 's1-a', actionFor(action), ctx);
        }
        assert.deepEqual(session, before, 'the engine never changes the session it was given');
        if (!allowed) {
          assert.ok('refused' in result, `${action} must be refused while ${state}`);
          assert.match(result.refused, new RegExp(`Cannot ${action}`));
          return;
        }
        assert.ok(!('refused' in result), 'refused' in result ? result.refused : '');
        const after = result.sessions[0]!.legs.find((l) => l.id === 's1-a')!;
        assert.equal(after.state, expected(action, state));
        assert.ok(result.sessions[0]!.version > before.version);
      });
    }
  }
});

describe('call flows through the engine', () => {
  it('click-to-dial: the caller’s leg alerts, answering places the call, the remote answer connects both', () => {
    const ctx = context();
    const { step, legId } = startClickToDial(ctx, { sessionId: 'c', orgId: 'org', caller: alice, destination: bob });
    let s = step.sessions[0]!;
    assert.deepEqual(step.events, [{ type: 'originated', legId }]);
    assert.equal(s.legs[0]!.personality, 'clickToDial');
    const answered = act(s, legId, { type: 'answer' }, ctx) as Step;
    s = answered.sessions[0]!;
    const [caller, callee] = s.legs;
    assert.deepEqual([caller!.personality, caller!.state, callee!.personality, callee!.state], ['originator', 'connecting', 'terminator', 'alerting']);
    const connected = act(s, callee!.id, { type: 'answer' }, ctx) as Step;
    assert.deepEqual(connected.sessions[0]!.legs.map((l) => l.state), ['connected', 'connected']);
    assert.deepEqual(connected.events.map((e) => e.type), ['answered', 'connected']);
  });

  it('an unanswered call rings out: both legs end with noAnswer', () => {
    const ctx = context();
    const { step } = startCall(ctx, { sessionId: 'r', orgId: 'org', from: alice, to: bob });
    const s = step.sessions[0]!;
    const ring = s.timers.find((t) => t.kind === 'ringTimeout')!;
    const out = fireTimer(s, ring.id, ctx)!;
    assert.deepEqual(out.sessions[0]!.legs.map((l) => [l.state, l.endReason]), [
      ['disconnected', 'noAnswer'],
      ['disconnected', 'noAnswer'],
    ]);
    assert.equal(fireTimer(out.sessions[0]!, ring.id, ctx), undefined, 'a timer fires once');
  });

  it('reject with ignore stops alerting but the caller rings until the timeout', () => {
    const ctx = context();
    const s = startCall(ctx, { sessionId: 'i', orgId: 'org', from: alice, to: bob }).step.sessions[0]!;
    const callee = s.legs[1]!;
    const ignored = (act(s, callee.id, { type: 'reject', action: 'ignore' }, ctx) as Step).sessions[0]!;
    assert.equal(ignored.legs[1]!.state, 'disconnected');
    assert.equal(ignored.legs[0]!.state, 'connecting');
    const timeout = ignored.timers.find((t) => t.legId === ignored.legs[0]!.id && t.kind === 'ringTimeout')!;
    assert.equal(fireTimer(ignored, timeout.id, ctx)!.sessions[0]!.legs[0]!.endReason, 'noAnswer');
  });

  it('park, recall, and retrieve by someone else', () => {
    const ctx = context();
    const s0 = sessionWith('connected');
    const parked = (act(s0, 's1-a', { type: 'park', against: alice }, ctx) as Step).sessions[0]!;
    assert.equal(parked.park?.legId, 's1-b');
    assert.equal(parked.legs[1]!.state, 'remoteHeld');
    const recallTimer = parked.timers.find((t) => t.kind === 'parkRecall')!;
    const recalled = fireTimer(parked, recallTimer.id, ctx)!.sessions[0]!;
    const recall = recalled.legs[2]!;
    assert.deepEqual([recall.party, recall.state, recall.recall?.type], [alice, 'alerting', 'park']);
    const { step, legId } = addRetriever(recalled, ctx, carol);
    const taken = (act(step.sessions[0]!, legId, { type: 'answer' }, ctx) as Step).sessions[0]!;
    assert.equal(taken.park, null);
    assert.equal(taken.legs.find((l) => l.id === legId)!.state, 'connected');
    assert.equal(taken.legs[1]!.state, 'connected');
    assert.equal(taken.legs[2]!.completedElsewhere, true, 'the recall lost to the retriever');
  });

  it('consultative transfer joins the two peers; transfer to a destination completes on answer', () => {
    const ctx = context();
    const joined = consultTransfer(sessionWith('held'), 's1-a', sessionWith('connected', {}, 's2'), 's2-a', ctx) as Step;
    const [first, second] = joined.sessions;
    assert.deepEqual(first!.legs.filter((l) => l.state !== 'disconnected').map((l) => l.party), [bob, carol]);
    assert.ok(second!.legs.every((l) => l.state === 'disconnected'));

    const started = transferTo(sessionWith('connected'), 's1-a', carol, ctx, 'consult');
    assert.ok(!('refused' in started));
    const [held, consult] = started.step.sessions;
    assert.equal(held!.legs[0]!.state, 'held');
    const target = consult!.legs[1]!;
    const answered = act(consult!, target.id, { type: 'answer' }, ctx) as Step;
    assert.deepEqual(answered.completeTransfer, { transferorSessionId: 's1', transferorLegId: 's1-a', consultSessionId: 'consult', consultLegId: started.consultLegId });
  });

  it('recording follows the person’s recording mode', () => {
    const always = context({ recording: 'Always' });
    assert.match((act(sessionWith('connected'), 's1-a', { type: 'startRecording' }, always) as { refused: string }).refused, /On Demand/);
    const pausable = context({ recording: 'Always with Pause/Resume' });
    const paused = act(sessionWith('connected', { recordingState: 'started' }), 's1-a', { type: 'pauseRecording' }, pausable) as Step;
    assert.equal(paused.sessions[0]!.legs[0]!.recordingState, 'paused');
    const never = context({ recording: 'Never' });
    assert.ok('refused' in act(sessionWith('connected', { recordingState: 'started' }), 's1-a', { type: 'pauseRecording' }, never));
  });
});
