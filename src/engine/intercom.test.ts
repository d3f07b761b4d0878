import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineContext, PartyPolicy } from './legs.ts';
import type { PersonRouting, PushToTalk } from './person-routing.ts';
import { startCall } from './session.ts';
import type { Dialled, Party, PersonParty } from './types.ts';

// How a call dialled in a particular way alerts the person, from the policy alone: an alternate
// number's ring pattern, priority alert, and Push to Talk (no store, no HTTP).

let ids = 0;
const person = (name: string): PersonParty => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const alex = person('alex');
const morgan = person('morgan');
const pstn: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };

const routing = (overrides: Partial<PersonRouting> = {}): PersonRouting => ({ doNotDisturb: false, callWaiting: true, activeLegIds: [], ...overrides });
const ptt = (overrides: Partial<PushToTalk> = {}): PushToTalk => ({ autoAnswer: true, connection: 'ONE_WAY', access: 'BLOCK_MEMBERS', members: [], ...overrides });

function context(people: Record<string, PersonRouting>): EngineContext {
  return {
    now: '2026-01-01T00:00:00.000Z',
    ringTimeoutMs: 30_000,
    parkRecallMs: 45_000,
    voicemailMs: 20_000,
    newCallId: () => `call-${++ids}`,
    newTimerId: () => `timer-${++ids}`,
    policy: (party): PartyPolicy => ({ recording: 'Never', ...(party.kind === 'person' && people[party.personId] ? { routing: people[party.personId] } : {}) }),
  };
}

/** The called person's leg of a new call. */
function called(from: Party, dialled: Dialled, people: Record<string, PersonRouting>) {
  const { step } = startCall(context(people), { sessionId: 's', orgId: 'org', from, to: { ...alex, dialled } });
  return { session: step.sessions[0]!, leg: step.sessions[0]!.legs.find((l) => l.personality === 'terminator') };
}

describe('how a dialled call alerts', () => {
  it('an alternate number rings with its pattern; the leg keeps the party without how it was dialled', () => {
    const { leg } = called(pstn, { ringPattern: 'LONG_LONG' }, { alex: routing() });
    assert.equal(leg?.ringPattern, 'LONG_LONG');
    assert.equal('dialled' in leg!.party, false);
    assert.equal(called(pstn, { ringPattern: 'NORMAL' }, { alex: routing() }).leg?.ringPattern, undefined);
  });

  it('priority alert outranks the pattern for the callers it takes', () => {
    const priority = routing({ priorityAlert: { on: [{ numbers: ['+14155550123'], anonymous: false, unavailable: false }], off: [] } });
    assert.equal(called(pstn, { ringPattern: 'LONG_LONG' }, { alex: priority }).leg?.ringPattern, 'PRIORITY');
    const other: Party = { ...pstn, number: '+14155550124' } as Party;
    assert.equal(called(other, { ringPattern: 'LONG_LONG' }, { alex: priority }).leg?.ringPattern, 'LONG_LONG');
  });

  it('push to talk: answered at once, muted one way; refused for a blocked caller; ringing without auto-answer or while on another call', () => {
    const oneWay = called(morgan, { pushToTalk: true }, { alex: routing({ pushToTalk: ptt() }) }).leg;
    assert.deepEqual([oneWay?.state, oneWay?.muted, oneWay?.intercom], ['connected', true, 'ONE_WAY']);
    const twoWay = called(morgan, { pushToTalk: true }, { alex: routing({ pushToTalk: ptt({ connection: 'TWO_WAY' }) }) }).leg;
    assert.deepEqual([twoWay?.state, twoWay?.muted], ['connected', false]);
    const blocked = called(morgan, { pushToTalk: true }, { alex: routing({ pushToTalk: ptt({ members: ['morgan'] }) }) });
    assert.equal(blocked.leg, undefined);
    assert.deepEqual(blocked.session.legs.map((l) => l.endReason), ['rejected']);
    assert.equal(called(morgan, { pushToTalk: true }, { alex: routing({ pushToTalk: ptt({ access: 'ALLOW_MEMBERS', members: ['blair'] }) }) }).leg, undefined);
    assert.equal(called(morgan, { pushToTalk: true }, { alex: routing({ pushToTalk: ptt({ autoAnswer: false }) }) }).leg?.state, 'alerting');
    assert.equal(called(morgan, { pushToTalk: true }, { alex: routing({ activeLegIds: ['elsewhere'], pushToTalk: ptt() }) }).leg?.state, 'alerting');
  });
});
