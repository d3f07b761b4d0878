import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenIncoming, type IncomingScreen } from './incoming-screen.ts';
import type { EngineContext, PartyPolicy } from './legs.ts';
import type { Party, Redirection } from './types.ts';

// Which calls a person accepts, from their screen alone (no store, no HTTP).

const person = (name: string, orgId = 'org'): Party => ({ kind: 'person', personId: name, orgId, locationId: 'hq', name, number: null, extension: null, routingPrefix: null });
const alex = person('alex');
const blair = person('blair');
const pstn: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };
const hidden: Party = { ...pstn, privacy: true };
const voicemail: Party = { kind: 'voicemail', personId: 'alex', name: 'alex', number: null };
const forwarded: Redirection[] = [{ reason: 'unconditional', redirectingParty: blair }];

const open: IncomingScreen = { external: 'all', internal: true, rejectAnonymous: false };
const context = (screen: IncomingScreen | undefined): EngineContext => ({
  now: '2026-01-01T00:00:00.000Z',
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => 'c',
  newTimerId: () => 't',
  policy: (party): PartyPolicy => ({
    recording: 'Never',
    ...(party.kind === 'person' && party.personId === 'alex' && screen ? { routing: { doNotDisturb: false, callWaiting: true, activeLegIds: [], screen } } : {}),
  }),
});
const kind = (screen: IncomingScreen | undefined, from: Party, redirections: Redirection[] = []) => screenIncoming(context(screen), from, alex, redirections).kind;

describe('incoming screen', () => {
  it('without a screen, or with everything allowed, every call passes', () => {
    assert.equal(kind(undefined, pstn), 'pass');
    assert.equal(kind(open, pstn), 'pass');
    assert.equal(kind(open, blair), 'pass');
  });

  it('external calls: none refuses PSTN callers and other organizations’ people, transferred lets forwarded ones through', () => {
    assert.equal(kind({ ...open, external: 'none' }, pstn), 'refused');
    assert.equal(kind({ ...open, external: 'none' }, person('zed', 'other-org')), 'refused');
    assert.equal(kind({ ...open, external: 'none' }, blair), 'pass');
    assert.equal(kind({ ...open, external: 'transferred' }, pstn), 'refused');
    assert.equal(kind({ ...open, external: 'transferred' }, pstn, forwarded), 'pass');
  });

  it('internal calls off refuses colleagues only', () => {
    assert.equal(kind({ ...open, internal: false }, blair), 'refused');
    assert.equal(kind({ ...open, internal: false }, pstn), 'pass');
  });

  it('anonymous rejection refuses a withheld PSTN number and a colleague blocking their caller ID', () => {
    assert.equal(kind({ ...open, rejectAnonymous: true }, hidden), 'refused');
    assert.equal(kind({ ...open, rejectAnonymous: true }, { ...blair, presentation: { name: 'b', number: null, blocked: true } } as Party), 'refused');
    assert.equal(kind({ ...open, rejectAnonymous: true }, pstn), 'pass');
  });

  it('intercept comes first: to voicemail (with a redirection), or the call is refused', () => {
    const screened = screenIncoming(context({ ...open, intercept: { to: voicemail } }), blair, alex, []);
    assert.deepEqual(screened, { kind: 'redirect', to: voicemail, redirection: { reason: 'unknown', redirectingParty: alex } });
    assert.equal(kind({ ...open, intercept: { to: null } }, blair), 'refused');
  });

  it('the caller reputation provider blocks PSTN callers scored at or above its threshold, before an intercept', () => {
    const screen = { ...open, blockReputationFrom: 0.7 };
    assert.equal(kind(screen, { ...pstn, reputationScore: 0.7 } as Party), 'refused');
    assert.equal(kind(screen, { ...pstn, reputationScore: 0.69 } as Party), 'pass');
    assert.equal(kind(screen, pstn), 'pass');
    assert.equal(kind(screen, blair), 'pass');
    assert.equal(kind({ ...screen, intercept: { to: voicemail } }, { ...pstn, reputationScore: 0.9 } as Party), 'refused');
  });

  it('a long chain of redirections is a loop of intercepts: the call is offered where it is', () => {
    assert.equal(kind({ ...open, intercept: { to: null } }, pstn, Array.from({ length: 5 }, () => forwarded[0]!)), 'pass');
  });
});
