import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The operator's sandbox API (reset, delete an organization, export and import, seeds), and
// what /healthz and /metrics say, on every store kind.

const seedYaml = readFileSync(new URL('../../examples/seed.yaml', import.meta.url), 'utf8');

for (const dialect of dialects) {
  describe(`operator sandbox API (${dialect})`, () => {
    let server: TestServer;
    let operator: ReturnType<TestServer['anonymous']['withToken']>;
    before(async () => {
      server = await startServer(dialect);
      operator = server.anonymous.withToken(server.app.config.adminToken);
    });
    after(() => server.close());

    it('given no token or an organization administrator’s own token, refuses the operator routes', async () => {
      assert.equal((await server.anonymous.post('/sandbox/v1/reset')).status, 401);
      const org = await server.anonymous.post('/sandbox/v1/orgs', { displayName: 'Other' });
      const other = server.anonymous.withToken(org.body.accessToken);
      const refused = await other.post('/sandbox/v1/reset');
      assert.equal(refused.status, 403);
      assert.match(refused.body.message, /operator/);
      assert.equal((await other.delete(`/sandbox/v1/orgs/${org.body.orgId}`)).status, 403);
      assert.equal((await other.get('/sandbox/v1/state')).status, 403);
    });

    it('given changes since start, POST /sandbox/v1/reset returns to the start state with the same IDs and tokens', async () => {
      const before = await server.admin.get('/v1/people', { max: 100 });
      const created = await server.admin.post('/v1/people', { emails: ['gone.after.reset@example.com'], displayName: 'Gone' });
      assert.equal(created.status, 200);
      const org = await server.anonymous.post('/sandbox/v1/orgs', { displayName: 'Temporary' });
      assert.equal((await operator.post('/sandbox/v1/reset')).status, 204);
      const after = await server.admin.get('/v1/people', { max: 100 });
      assert.deepEqual(after.body.items.map((p: { id: string }) => p.id).sort(), before.body.items.map((p: { id: string }) => p.id).sort());
      assert.equal((await server.anonymous.withToken(org.body.accessToken).get('/v1/people/me')).status, 401, 'tokens issued after start are gone');
    });

    it('DELETE /sandbox/v1/orgs/{id} removes an organization and everything in it; an unknown one is a 404', async () => {
      const org = await server.anonymous.post('/sandbox/v1/orgs', { displayName: 'To Delete' });
      const client = server.anonymous.withToken(org.body.accessToken);
      assert.equal((await client.get('/v1/people/me')).status, 200);
      assert.equal((await operator.delete(`/sandbox/v1/orgs/${org.body.orgId}`)).status, 204);
      assert.equal((await client.get('/v1/people/me')).status, 401);
      assert.equal((await operator.delete(`/sandbox/v1/orgs/${org.body.orgId}`)).status, 404);
      assert.equal((await operator.delete('/sandbox/v1/orgs/not-an-id')).status, 404);
    });

    it('exports one organization and imports it back after it was deleted', async () => {
      const org = await server.anonymous.post('/sandbox/v1/orgs', { displayName: 'Round Trip' });
      const client = server.anonymous.withToken(org.body.accessToken);
      await client.post('/v1/people', { emails: ['kept@round-trip.example'], displayName: 'Kept' });
      const exported = await operator.get('/sandbox/v1/state', { orgId: org.body.orgId });
      assert.equal(exported.status, 200);
      assert.equal(exported.body.scope, 'organization');
      assert.equal(exported.body.tables.organizations.length, 1);
      assert.equal(exported.body.tables.people.length, 2);
      await operator.delete(`/sandbox/v1/orgs/${org.body.orgId}`);
      const imported = await operator.put('/sandbox/v1/state', exported.body);
      assert.equal(imported.status, 200, imported.text);
      assert.equal(imported.body.orgId, org.body.orgId);
      const people = await client.get('/v1/people', { email: 'kept@round-trip.example' });
      assert.equal(people.status, 200);
      assert.equal(people.body.items.length, 1);
    });

    it('given a document that is not a state document, or has an unknown table, answers 400', async () => {
      assert.equal((await operator.put('/sandbox/v1/state', { hello: 'world' })).status, 400);
      const unknown = await operator.put('/sandbox/v1/state', { format: 1, scope: 'store', tables: { nope: [] } });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.message, /nope/);
    });

    it('loads a YAML seed through POST /sandbox/v1/seed, and refuses a bad one with a 400 naming the field', async () => {
      const loaded = await operator.request('POST', '/sandbox/v1/seed', { rawBody: seedYaml, headers: { 'content-type': 'application/yaml' } });
      assert.equal(loaded.status, 201, loaded.text);
      const acme = loaded.body.organizations[0];
      assert.equal(acme.adminToken, 'acme-admin-token-0123456789');
      const ben = server.anonymous.withToken('ben-token-0123456789');
      const me = await ben.get('/v1/people/me', { callingData: true });
      assert.equal(me.body.extension, '2002');
      assert.equal(me.body.locationId, acme.locations.Austin);
      const phone = await server.anonymous.withToken(acme.adminToken).get(`/sandbox/v1/people/${me.body.id}/phone`);
      assert.equal(phone.body.autoAnswer, true);
      const hooks = await server.anonymous.withToken(acme.adminToken).get('/v1/webhooks');
      assert.equal(hooks.body.items[0].targetUrl, 'http://127.0.0.1:3000/hook');
      const again = await operator.request('POST', '/sandbox/v1/seed', { rawBody: seedYaml, headers: { 'content-type': 'application/yaml' } });
      assert.equal(again.status, 409, 'the same seed twice clashes (tokens, emails), and nothing of it is kept');
      const bad = await operator.post('/sandbox/v1/seed', { organizations: [{ displayName: 'X', people: [{ email: 'a@b.c', extenson: '1' }] }] });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /people\/0/);
      await operator.post('/sandbox/v1/reset');
    });

    it('says the version, store kind and clock mode at /healthz, and counts requests at /metrics', async () => {
      const health = await server.anonymous.get('/healthz');
      assert.deepEqual(health.body, { status: 'ok', version: '0.1.0', store: dialect, clock: 'real' });
      await server.admin.get('/v1/people');
      const metrics = await server.anonymous.get('/metrics');
      assert.equal(metrics.status, 200);
      assert.match(metrics.headers.get('content-type') ?? '', /text\/plain/);
      assert.match(metrics.text, /callplane_http_requests_total\{method="GET",route="\/v1\/people",status="200"\} \d+/);
      assert.match(metrics.text, /callplane_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/v1\/people"\}/);
      for (const name of ['callplane_active_calls', 'callplane_webhook_outbox_pending', 'callplane_webhook_outbox_lag_seconds', 'callplane_webhook_delivery_attempts', 'callplane_webhook_delivery_failures']) {
        assert.match(metrics.text, new RegExp(`^${name} \\d`, 'm'), name);
      }
    });
  });
}

if (dialects.includes('postgres')) {
  describe('a whole store exported from SQLite', () => {
    it('imports on PostgreSQL with the same people, numbers and tokens', async () => {
      const sqlite = await startServer('sqlite');
      const postgres = await startServer('postgres');
      try {
        await sqlite.admin.post('/v1/people', { emails: ['moved@example.com'], displayName: 'Moved' });
        const doc = await sqlite.anonymous.withToken(sqlite.app.config.adminToken).get('/sandbox/v1/state');
        const imported = await postgres.anonymous.withToken(postgres.app.config.adminToken).put('/sandbox/v1/state', doc.body);
        assert.equal(imported.status, 200, imported.text);
        // The store now holds SQLite's demo organization, whose administrator has SQLite's token.
        const onPg = postgres.anonymous.withToken(sqlite.demo.adminToken);
        const moved = await onPg.get('/v1/people', { email: 'moved@example.com' });
        assert.equal(moved.body.items.length, 1);
        const numbers = await onPg.get('/v1/telephony/config/numbers', { max: 1000 });
        const original = await sqlite.admin.get('/v1/telephony/config/numbers', { max: 1000 });
        assert.deepEqual(numbers.body, original.body);
      } finally {
        await sqlite.close();
        await postgres.close();
      }
    });
  });
}
