import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineContext, PartyPolicy } from './legs.ts';
import { routeToParty, type PersonRouting } from './person-routing.ts';
import { fireTimer, startCall } from './session.ts';
import type { Party, Session } from './types.ts';

// Where a call to a person goes, from their routing policy alone (no store, no HTTP).

let ids = 0;
const person = (name: string): Party => ({ kind: 'person', personId: name, orgId: 'org', locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const alex = person('alex');
const blair = person('blair');
const caller: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };

const routing = (overrides: Partial<PersonRouting> = {}): PersonRouting => ({ doNotDisturb: false, callWaiting: true, activeLegIds: [], ...overrides });

function context(people: Record<string, PersonRouting>, now = '2026-01-01T00:00:00.000Z'): EngineContext {
  return {
    now,
    ringTimeoutMs: 30_000,
    parkRecallMs: 45_000,
    voicemailMs: 20_000,
    newCallId: () => `call-${++ids}`,
    newTimerId: () => `timer-${++ids}`,
    policy: (party): PartyPolicy => ({ recording: 'Never', ...(party.kind === 'person' && people[party.personId] ? { routing: people[party.personId] } : {}) }),
  };
}

const empty: Session = { id: 's', orgId: 'org', legs: [], timers: [], park: null, pendingTransfer: null, created: '', version: 0 };

describe('person routing', () => {
  it('rings a person without settings, and one whose settings change nothing', () => {
    assert.deepEqual(routeToParty(empty, context({}), alex, []), { kind: 'ring', to: alex, redirections: [] });
    assert.deepEqual(routeToParty(empty, context({ alex: routing() }), alex, []), { kind: 'ring', to: alex, redirections: [] });
  });

  it('forwarding always wins over Do Not Disturb; DND is busy, or forwarding when busy', () => {
    assert.deepEqual(routeToParty(empty, context({ alex: routing({ doNotDisturb: true, forwardAlways: blair }) }), alex, []), {
      kind: 'ring',
      to: blair,
      redirections: [{ reason: 'unconditional', redirectingParty: alex }],
    });
    assert.equal(routeToParty(empty, context({ alex: routing({ doNotDisturb: true }) }), alex, []).kind, 'busy');
    const busy = routeToParty(empty, context({ alex: routing({ doNotDisturb: true, forwardBusy: blair }) }), alex, []);
    assert.deepEqual(busy, { kind: 'ring', to: blair, redirections: [{ reason: 'busy', redirectingParty: alex }] });
  });

  it('personal assistant: hands the call over at once, after the alert-me-first rings, or nobody answers; forwarding always comes first', () => {
    const away = (personalAssistant: PersonRouting['personalAssistant'], more: Partial<PersonRouting> = {}) => context({ alex: routing({ personalAssistant, ...more }) });
    assert.deepEqual(routeToParty(empty, away({ to: blair }), alex, []), { kind: 'ring', to: blair, redirections: [{ reason: 'unconditional', redirectingParty: alex }] });
    assert.deepEqual(routeToParty(empty, away({ to: blair, alertFirstMs: 12_000 }), alex, []), { kind: 'ring', to: alex, redirections: [], forwardNoAnswerAfterMs: 12_000 });
    assert.equal(routeToParty(empty, away({ to: null }), alex, []).kind, 'unreachable');
    const first = routeToParty(empty, away({ to: blair }, { forwardAlways: person('casey') }), alex, []);
    assert.equal(first.kind === 'ring' && first.to.kind === 'person' ? first.to.personId : undefined, 'casey');
  });

  it('call waiting off is busy only while the person is on a call outside this session', () => {
    const off = (activeLegIds: string[]) => context({ alex: routing({ callWaiting: false, activeLegIds }) });
    assert.equal(routeToParty(empty, off([]), alex, []).kind, 'ring');
    assert.equal(routeToParty(empty, off(['other-call']), alex, []).kind, 'busy');
    const withLeg = { ...empty, legs: [{ id: 'this-call' }] } as unknown as Session;
    assert.equal(routeToParty(withLeg, off(['this-call']), alex, []).kind, 'ring', 'a leg of this very call does not count');
    assert.equal(routeToParty(empty, context({ alex: routing({ activeLegIds: ['other-call'] }) }), alex, []).kind, 'ring', 'call waiting on');
  });

  it('an offline phone sends calls to business continuity, or nobody answers', () => {
    const offline = (r: PersonRouting): EngineContext => {
      const ctx = context({ alex: r });
      return { ...ctx, policy: (party) => ({ ...ctx.policy(party), ...(party.kind === 'person' && party.personId === 'alex' ? { offline: true } : {}) }) };
    };
    assert.deepEqual(routeToParty(empty, offline(routing({ forwardUnreachable: blair })), alex, []), {
      kind: 'ring',
      to: blair,
      redirections: [{ reason: 'unavailable', redirectingParty: alex }],
    });
    assert.equal(routeToParty(empty, offline(routing()), alex, []).kind, 'unreachable');
  });

  it('follows the destination’s own settings, and stops a loop after five hops', () => {
    const chain = routeToParty(empty, context({ alex: routing({ forwardAlways: blair }), blair: routing({ doNotDisturb: true }) }), alex, []);
    assert.equal(chain.kind, 'busy');
    const loop = routeToParty(empty, context({ alex: routing({ forwardAlways: blair }), blair: routing({ forwardAlways: alex }) }), alex, []);
    assert.equal(loop.kind, 'ring');
    assert.equal(loop.redirections.length, 5);
  });

  it('an unanswered call moves on after the number of rings, with the redirection, instead of ringing out', () => {
    const ctx = context({ alex: routing({ forwardNoAnswer: { to: blair, afterMs: 18_000 } }) });
    const { step } = startCall(ctx, { sessionId: 's1', orgId: 'org', from: caller, to: alex });
    const session = step.sessions[0]!;
    const ringing = session.legs.find((l) => l.party.kind === 'person')!;
    assert.deepEqual(session.timers.filter((t) => t.legId === ringing.id).map((t) => [t.kind, t.at]), [['forwardNoAnswer', '2026-01-01T00:00:18.000Z']]);
    const later = context({ alex: routing({ forwardNoAnswer: { to: blair, afterMs: 18_000 } }) }, '2026-01-01T00:00:18.000Z');
    const fired = fireTimer(session, session.timers.find((t) => t.kind === 'forwardNoAnswer')!.id, later)!;
    const legs = fired.sessions[0]!.legs;
    assert.deepEqual(legs.map((l) => [l.party.kind === 'person' ? l.party.personId : l.party.kind, l.state]), [
      ['pstn', 'connecting'],
      ['alex', 'disconnected'],
      ['blair', 'alerting'],
    ]);
    assert.deepEqual(legs[2]!.redirections, [{ reason: 'noAnswer', redirectingParty: alex }]);
  });
});
