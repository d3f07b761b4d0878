import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExecutiveFiltering } from './executive.ts';
import type { EngineContext, PartyPolicy } from './legs.ts';
import type { PersonRouting } from './person-routing.ts';
import { act, fireTimer, startCall } from './session.ts';
import type { Party, PersonParty, Session } from './types.ts';

// Executive call filtering from the executive's routing policy alone (no store, no HTTP).

let ids = 0;
const person = (name: string): PersonParty => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const alex = person('alex');
const blair = person('blair');
const casey = person('casey');
const caller: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };
const mailbox: Party = { kind: 'voicemail', personId: 'alex', name: 'alex', number: null };

const filtering = (overrides: Partial<ExecutiveFiltering> = {}): ExecutiveFiltering => ({
  when: { on: ['ANY'], off: [] },
  assistants: [blair, casey],
  alerting: 'SIMULTANEOUS',
  nextAfterMs: 12_000,
  executiveAlerted: false,
  rollover: { to: mailbox },
  ...overrides,
});

function context(executive: ExecutiveFiltering, now = '2026-01-01T00:00:00.000Z'): EngineContext {
  const routing: PersonRouting = { doNotDisturb: false, callWaiting: true, activeLegIds: [], executive };
  return {
    now,
    ringTimeoutMs: 30_000,
    parkRecallMs: 45_000,
    voicemailMs: 20_000,
    newCallId: () => `call-${++ids}`,
    newTimerId: () => `timer-${++ids}`,
    policy: (party): PartyPolicy => ({ recording: 'Never', ...(party.kind === 'person' && party.personId === 'alex' ? { routing } : {}) }),
  };
}

const alerting = (s: Session) => s.legs.filter((l) => l.state === 'alerting').map((l) => (l.party.kind === 'person' ? l.party.personId : l.party.kind));
const at = (ms: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + ms).toISOString();

describe('executive call filtering', () => {
  it('a filtered call rings the assistants, not the executive; with screening the executive too', () => {
    const off = startCall(context(filtering()), { sessionId: 's', orgId: 'org', from: caller, to: alex }).step.sessions[0]!;
    assert.deepEqual(alerting(off), ['blair', 'casey']);
    assert.deepEqual(off.legs[1]!.redirections, [{ reason: 'executive', redirectingParty: alex }]);
    const on = startCall(context(filtering({ executiveAlerted: true })), { sessionId: 's', orgId: 'org', from: caller, to: alex }).step.sessions[0]!;
    assert.deepEqual(alerting(on), ['alex', 'blair', 'casey']);
  });

  it('a call the filter does not take, or one an assistant places, rings the executive', () => {
    const internalOnly = context(filtering({ when: { on: ['INTERNAL'], off: [] } }));
    assert.deepEqual(alerting(startCall(internalOnly, { sessionId: 's', orgId: 'org', from: caller, to: alex }).step.sessions[0]!), ['alex']);
    assert.deepEqual(alerting(startCall(context(filtering()), { sessionId: 's', orgId: 'org', from: blair, to: alex }).step.sessions[0]!), ['alex']);
  });

  it('sequential: the next assistant rings after the rings; after the last, the call rolls over', () => {
    let ctx = context(filtering({ alerting: 'SEQUENTIAL' }));
    let s = startCall(ctx, { sessionId: 's', orgId: 'org', from: caller, to: alex }).step.sessions[0]!;
    assert.deepEqual(alerting(s), ['blair']);
    const fire = () => {
      const due = s.timers.filter((t) => t.kind === 'executiveNext');
      assert.equal(due.length, 1);
      ctx = { ...ctx, now: due[0]!.at };
      s = fireTimer(s, due[0]!.id, ctx)!.sessions[0]!;
    };
    fire();
    assert.deepEqual(alerting(s), ['casey']);
    fire();
    assert.deepEqual(
      s.legs.filter((l) => l.state !== 'disconnected').map((l) => [l.party.kind, l.state]),
      [
        ['pstn', 'connected'],
        ['voicemail', 'connected'],
      ],
    );
  });

  it('all assistants declining rolls the call over; the rollover timer does nothing once answered', () => {
    const ctx = context(filtering({ rollover: { to: mailbox, afterMs: 10_000 } }));
    let s = startCall(ctx, { sessionId: 's', orgId: 'org', from: caller, to: alex }).step.sessions[0]!;
    const decline = (name: string) => {
      const leg = s.legs.find((l) => l.state === 'alerting' && l.party.kind === 'person' && l.party.personId === name)!;
      const step = act(s, leg.id, { type: 'reject', action: 'busy' }, ctx);
      assert.ok(!('refused' in step));
      s = step.sessions[0]!;
    };
    decline('blair');
    assert.deepEqual(alerting(s), ['casey']);
    decline('casey');
    assert.equal(s.legs.find((l) => l.party.kind === 'voicemail')?.state, 'connected');

    let answered = startCall(ctx, { sessionId: 't', orgId: 'org', from: caller, to: alex }).step.sessions[0]!;
    const step = act(answered, answered.legs.find((l) => l.state === 'alerting')!.id, { type: 'answer' }, ctx);
    assert.ok(!('refused' in step));
    answered = step.sessions[0]!;
    const rollover = answered.timers.find((t) => t.kind === 'executiveRollover')!;
    assert.equal(rollover.at, at(10_000));
    const fired = fireTimer(answered, rollover.id, { ...ctx, now: rollover.at })!.sessions[0]!;
    assert.deepEqual(fired.legs.filter((l) => l.state !== 'disconnected').map((l) => l.state), ['connected', 'connected']);
  });
});
