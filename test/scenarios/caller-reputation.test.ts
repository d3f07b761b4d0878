import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callsOf, onlyCall, session } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// The caller reputation provider blocks external callers it scores as spam: the provider is set up
// through the Webex API, the simulated PSTN caller carries the score the provider gives it.

const PROVIDER = '/v1/telephony/config/serviceSettings/callerReputationProvider';
const SPAMMER = '+14155550666';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const call = async (from: string, to: string, reputationScore?: number) => {
    const reply = await server.admin.post('/sandbox/v1/calls', { from, to, ...(reputationScore !== undefined ? { reputationScore } : {}) });
    assert.equal(reply.status, 201, reply.text);
    return reply.body as { callSessionId: string };
  };
  return { server, admin: server.admin, ...people, call };
}

const activeProvider = {
  enabled: true,
  id: 'callplane-simulated-reputation',
  name: 'Simulated',
  clientId: 'client-1',
  clientSecret: 'secret-1',
  callBlockScoreThreshold: '0.7',
  callAllowScoreThreshold: '0.3',
};

for (const dialect of dialects) {
  describe(`caller reputation on incoming calls (${dialect})`, () => {
    it('given no provider, then a caller of any score rings the person', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.call(SPAMMER, w.alex.extension, 0.99);
        assert.equal((await onlyCall(w.alex)).state, 'alerting');
      }));

    it('given an active provider, then a caller scored at or above the block threshold is blocked, one below it rings', () =>
      inWorld(() => world(dialect), async (w) => {
        assert.equal((await w.admin.put(PROVIDER, activeProvider)).status, 204);
        assert.deepEqual((await w.admin.get(`${PROVIDER}/status`)).body, { id: activeProvider.id, status: 'ACTIVE' });
        const blocked = await w.call(SPAMMER, w.alex.extension, 0.7);
        assert.deepEqual((await session(w.admin, blocked.callSessionId)).legs, [], 'the spam call ended');
        assert.deepEqual(await callsOf(w.alex), []);
        await w.call('+14155550123', w.alex.extension, 0.5);
        assert.equal((await onlyCall(w.alex)).state, 'alerting');
      }));

    it('given the provider is disabled, or lacks its client secret, then nobody is blocked', () =>
      inWorld(() => world(dialect), async (w) => {
        const { clientSecret: _secret, ...withoutSecret } = activeProvider;
        assert.equal((await w.admin.put(PROVIDER, withoutSecret)).status, 204);
        assert.equal((await w.admin.get(`${PROVIDER}/status`)).body.status, 'AUTH_FAILED');
        await w.call(SPAMMER, w.blair.extension, 0.95);
        assert.equal((await onlyCall(w.blair)).state, 'alerting');
        assert.equal((await w.admin.put(PROVIDER, { ...activeProvider, enabled: false })).status, 204);
        assert.equal((await w.admin.get(`${PROVIDER}/status`)).body.status, 'PROVIDER_DISABLED');
        await w.call(SPAMMER, w.alex.extension, 0.95);
        assert.equal((await onlyCall(w.alex)).state, 'alerting');
      }));
  });
}
