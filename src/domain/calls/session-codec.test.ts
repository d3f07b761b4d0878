import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startCall } from '../../engine/session.ts';
import type { Party } from '../../engine/types.ts';
import { decodeSession, encodeSession } from './session-codec.ts';

const ctx = {
  now: '2026-01-01T00:00:00.000Z',
  ringTimeoutMs: 30_000,
  parkRecallMs: 45_000,
  voicemailMs: 20_000,
  newCallId: () => 'leg',
  newTimerId: () => 'timer',
  policy: () => ({ recording: 'Never' as const }),
};
const alice: Party = { kind: 'person', personId: 'alice', orgId: 'org', locationId: 'hq', name: 'Alice', number: null, extension: '1000', routingPrefix: null };
const pstn: Party = { kind: 'pstn', number: '+14155550123', name: null, emergency: false };

describe('the session codec', () => {
  const session = startCall(ctx, { sessionId: 's', orgId: 'org', from: pstn, to: alice }).step.sessions[0]!;

  it('reads back what it wrote', () => {
    assert.deepEqual(decodeSession(encodeSession(session)), session);
  });

  it('reads back an executive’s filtered call: the screening alert and the caller ID an assistant sees', () => {
    const filtered = structuredClone(session);
    Object.assign(filtered.legs[1]!, { ringPattern: 'RING_SPLASH', assistantCallerId: { name: 'CUSTOM', customName: 'Front desk', number: 'EXECUTIVE' } });
    assert.deepEqual(decodeSession(encodeSession(filtered)), filtered);
  });

  it('reads documents written with the old holding flag, without it', () => {
    const old = structuredClone(session) as unknown as { legs: Record<string, unknown>[] };
    for (const leg of old.legs) leg.holding = false;
    assert.deepEqual(decodeSession(JSON.stringify(old)), session);
  });

  it('refuses a document that is not a session, saying where', () => {
    const broken = structuredClone(session) as unknown as { legs: Record<string, unknown>[] };
    broken.legs[0]!.state = 'ringing';
    assert.throws(() => decodeSession(JSON.stringify(broken)), /malformed at \/legs\/0\/state/);
    assert.throws(() => decodeSession('[]'), /malformed/);
    assert.throws(() => decodeSession('not json'), SyntaxError);
  });
});
