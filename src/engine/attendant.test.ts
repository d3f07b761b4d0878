import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keypadDigits } from './attendant.ts';
import type { EngineContext, Step } from './legs.ts';
import { act, fireTimer, startCall } from './session.ts';
import type { AttendantPlan, AutoAttendantParty, Party, PersonParty, Session } from './types.ts';

// The engine's auto attendant, step by step with no store: the plan comes in through the context.

let ids = 0;
const person = (name: string, extension: string): PersonParty => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension, routingPrefix: null });
const caller: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };
const attendant: AutoAttendantParty = { kind: 'autoAttendant', autoAttendantId: 'a', orgId: 'org', locationId: 'hq', name: 'Reception', number: null, extension: '5200', routingPrefix: null };
const ann = person('Ann Lee', '1001');
const bob = person('Bob Stone', '1002');

const plan = (overrides: Partial<AttendantPlan> = {}): AttendantPlan => ({
  menu: 'businessHours',
  keys: [
    { key: '1', action: 'TRANSFER_WITHOUT_PROMPT', to: ann },
    { key: '2', action: 'EXTENSION_DIALING', to: null },
    { key: '3', action: 'NAME_DIALING', to: null },
    { key: '9', action: 'REPEAT_MENU', to: null },
    { key: '#', action: 'EXIT', to: null },
  ],
  extensionEnabled: false,
  directory: [ann, bob].map((p) => ({ extension: p.extension!, names: [keypadDigits(p.name.split(' ').reverse().join(''))], party: p, mailbox: null })),
  noInputMs: 10_000,
  retries: 1,
  noInputTo: null,
  ...overrides,
});

const context = (p: AttendantPlan, now = '2026-01-01T00:00:00.000Z'): EngineContext => ({
  now,
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => `call-${++ids}`,
  newTimerId: () => `timer-${++ids}`,
  policy: () => ({ recording: 'Never' }),
  attendantPlan: (id) => (id === 'a' ? p : undefined),
});

const start = (p: AttendantPlan) => startCall(context(p), { sessionId: 's', orgId: 'org', from: caller, to: attendant }).step.sessions[0]!;
const session = (r: Step | { refused: string } | undefined) => {
  assert.ok(r && !('refused' in r));
  return r.sessions[0]!;
};
const press = (s: Session, p: AttendantPlan, digits: string) => session(act(s, s.legs[0]!.id, { type: 'transmitDtmf', digits }, context(p)));
const alerting = (s: Session) => s.legs.filter((l) => l.state === 'alerting').map((l) => l.party.kind === 'person' && l.party.personId);

describe('auto attendant (engine)', () => {
  it('answers at once and waits for a key', () => {
    const s = start(plan());
    assert.deepEqual(s.legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['autoAttendant', 'connected']]);
    assert.equal(s.attendant?.awaiting, 'key');
  });

  it('a transfer key hands the caller on; the attendant leaves', () => {
    const s = press(start(plan()), plan(), '1');
    assert.deepEqual(alerting(s), ['Ann Lee']);
    assert.equal(s.attendant?.over, true);
    assert.equal(s.legs.find((l) => l.party.kind === 'autoAttendant')?.state, 'disconnected');
    assert.equal(s.legs.at(-1)!.redirections[0]?.redirectingParty.kind, 'autoAttendant');
  });

  it('extension dialing collects digits up to #; * goes back; an unknown extension returns to the menu', () => {
    const p = plan();
    let s = press(start(p), p, '210*');
    assert.deepEqual([s.attendant?.awaiting, s.attendant?.digits], ['key', '']);
    s = press(s, p, '29999#');
    assert.equal(s.attendant?.awaiting, 'key');
    s = press(s, p, '21002#');
    assert.deepEqual(alerting(s), ['Bob Stone']);
  });

  it('name dialing matches keypad letters from the start of a name', () => {
    const p = plan();
    assert.equal(keypadDigits('Stone'), '78663');
    const s = press(start(p), p, '3786#');
    assert.deepEqual(alerting(s), ['Bob Stone']);
  });

  it('with extensionEnabled, a digit that is no key starts an extension', () => {
    const p = plan({ extensionEnabled: true });
    assert.deepEqual(alerting(press(start(p), p, '1002#')), ['Ann Lee'], '1 is a key: it transfers at once');
    const s = press(start(p), p, '5');
    assert.deepEqual([s.attendant?.awaiting, s.attendant?.digits], ['extension', '5']);
  });

  it('exit ends the call; repeat keeps it', () => {
    const p = plan();
    assert.equal(press(start(p), p, '9').attendant?.over, false);
    const s = press(start(p), p, '#');
    assert.ok(s.legs.every((l) => l.state === 'disconnected'));
  });

  it('no input: the menu again for each retry, then the no-input action', () => {
    const p = plan({ retries: 1, noInputTo: bob });
    let s = start(p);
    const fire = (at: string) => {
      const timer = s.timers.find((t) => t.kind === 'attendantNoInput')!;
      s = session(fireTimer(s, timer.id, context(p, at)));
    };
    fire('2026-01-01T00:00:10.000Z');
    assert.equal(s.attendant?.replays, 1);
    assert.deepEqual(alerting(s), []);
    fire('2026-01-01T00:00:20.000Z');
    assert.deepEqual(alerting(s), ['Bob Stone']);
  });

  it('forwarding always skips the menu', () => {
    const s = start(plan({ alwaysForward: bob }));
    assert.equal(s.attendant, undefined);
    assert.deepEqual(alerting(s), ['Bob Stone']);
    assert.equal(s.legs.at(-1)!.redirections[0]?.reason, 'unconditional');
  });
});
