import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeId } from '../../src/domain/webex-ids.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { randomUUID } from 'node:crypto';

const PROVIDER = '/v1/telephony/config/serviceSettings/callerReputationProvider';

for (const dialect of dialects) {
  describe(`Caller Reputation Provider API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it('lists the providers, keeps the settings without showing the secret, and reports the status', async () => {
      const providers = (await admin.get(`${PROVIDER}/providers`)).body.providers;
      assert.deepEqual(providers.map((p: { id: string }) => p.id), ['callplane-simulated-reputation']);
      assert.deepEqual((await admin.get(PROVIDER)).body, { enabled: false });
      assert.deepEqual((await admin.get(`${PROVIDER}/status`)).body, { id: '', status: 'NOT_CONNECTED' });
      assertWebexError(await admin.put(PROVIDER, { enabled: true, id: 'callplane-simulated-reputation' }), 400, /required when enabled/);
      assertWebexError(await admin.put(PROVIDER, { id: 'acme' }), 400, /not an available/);
      const base = { id: 'callplane-simulated-reputation', name: 'Sim', clientId: 'c1', clientSecret: 's1' };
      assertWebexError(await admin.put(PROVIDER, { ...base, enabled: true, callBlockScoreThreshold: '0.2', callAllowScoreThreshold: '0.5' }), 400, /lower/);
      assertWebexError(await admin.put(PROVIDER, { ...base, enabled: true, callBlockScoreThreshold: 'high', callAllowScoreThreshold: '0.5' }), 400);
      assert.equal((await admin.put(PROVIDER, { ...base, enabled: true, callBlockScoreThreshold: '0.8', callAllowScoreThreshold: '0.2' })).status, 204);
      const { clientSecret: _secret, ...shown } = base;
      assert.deepEqual((await admin.get(PROVIDER)).body, { ...shown, enabled: true, callBlockScoreThreshold: '0.8', callAllowScoreThreshold: '0.2' });
      assert.equal((await admin.get(`${PROVIDER}/status`)).body.status, 'ACTIVE');
    });

    it('unlocks only the organization’s provider', async () => {
      assertWebexError(await admin.post(`${PROVIDER}/actions/unlock/invoke`, { id: 'acme' }), 400);
      assert.equal((await admin.post(`${PROVIDER}/actions/unlock/invoke`, { id: 'callplane-simulated-reputation' })).status, 200);
    });

    it('refuses another organization named in organizationId', async () => {
      assertWebexError(await admin.get(PROVIDER, { organizationId: encodeId('ORGANIZATION', randomUUID()) }), 403);
    });
  });
}
