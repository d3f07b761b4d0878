import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson, unique } from '../support/factories.ts';
import { seeded } from '../support/random.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Fault injection through the sandbox API: a route answers 429, a 5xx or late, reproducibly from
// a seed, for the organization that asked only.

const FAULTS = '/sandbox/v1/faults';

for (const dialect of dialects) {
  describe(`Sandbox fault injection (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    const addFault = async (body: Record<string, unknown>, client: Client = admin) => {
      const reply = await client.post(FAULTS, body);
      assert.equal(reply.status, 201, reply.text);
      return reply.body as { id: string; seed: number; [key: string]: unknown };
    };
    /** The statuses of n GET /v1/licenses in a row. */
    const statuses = async (n: number, client: Client = admin, path = '/v1/licenses') => {
      const seen: number[] = [];
      for (let i = 0; i < n; i++) seen.push((await client.get(path)).status);
      return seen;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    afterEach(async () => {
      assert.equal((await admin.delete(FAULTS)).status, 204);
    });
    after(() => server.close());

    it('given a seed, faults the same requests every time, as the documented generator draws them', async () => {
      const runWith = async (seed: number) => {
        await addFault({ path: '/v1/licenses', status: 503, probability: 0.5, seed });
        const seen = await statuses(40);
        assert.equal((await admin.delete(FAULTS)).status, 204);
        return seen;
      };
      const first = await runWith(42);
      assert.deepEqual(await runWith(42), first, 'the same seed gives the same sequence');
      assert.ok(first.includes(200) && first.includes(503), `a mix of answers: ${first}`);
      assert.ok(first.every((s) => s === 200 || s === 503));
      const draw = seeded(42);
      assert.deepEqual(first, first.map(() => (draw() < 0.5 ? 503 : 200)), 'the k-th matching request is faulted when the k-th draw is below the probability');
      assert.notDeepEqual(await runWith(43), first, 'another seed, another sequence');
    });

    it('without a seed, picks one and shows it, so that the run can be replayed', async () => {
      const fault = await addFault({ path: '/v1/licenses', status: 500, probability: 0.3 });
      assert.ok(Number.isInteger(fault.seed));
      const seen = await statuses(20);
      await admin.delete(FAULTS);
      await addFault({ path: '/v1/licenses', status: 500, probability: 0.3, seed: fault.seed });
      assert.deepEqual(await statuses(20), seen);
    });

    it('a 429 carries Retry-After (1 second by default) and the Webex error body', async () => {
      const fault = await addFault({ path: '/v1/licenses', status: 429, retryAfter: 7, count: 1 });
      const reply = await admin.request('GET', '/v1/licenses', { headers: { trackingid: 'FAULT_test-1' } });
      assertWebexError(reply, 429, /Retry-After/);
      assert.equal(reply.headers.get('retry-after'), '7');
      assert.equal(reply.body.trackingId, 'FAULT_test-1');
      assert.equal(reply.headers.get('x-callplane-fault'), fault.id);

      await addFault({ path: '/v1/licenses', status: 429 });
      const byDefault = await admin.get('/v1/licenses');
      assertWebexError(byDefault, 429);
      assert.equal(byDefault.headers.get('retry-after'), '1');
    });

    it('a 5xx uses the Webex error body; Retry-After only when asked for', async () => {
      await addFault({ path: '/v1/licenses', status: 503, count: 1 });
      const plain = await admin.get('/v1/licenses');
      assertWebexError(plain, 503, /unavailable/);
      assert.equal(plain.headers.get('retry-after'), null);
      await addFault({ path: '/v1/licenses', status: 502, retryAfter: 3 });
      const withRetry = await admin.get('/v1/licenses');
      assertWebexError(withRetry, 502);
      assert.equal(withRetry.headers.get('retry-after'), '3');
    });

    it('latency delays the real answer of matching requests only', async () => {
      const fault = await addFault({ path: '/v1/licenses', latencyMs: 400 });
      const started = performance.now();
      const slow = await admin.get('/v1/licenses');
      assert.equal(slow.status, 200, slow.text);
      assert.ok(performance.now() - started >= 390, 'answered after the latency');
      assert.equal((await admin.get('/v1/locations')).status, 200);
      const shown = (await admin.get(`${FAULTS}/${fault.id}`)).body;
      assert.deepEqual([shown.matched, shown.injected], [1, 1], 'another route did not meet the fault');
    });

    it('latency and a status together: the fault answers late', async () => {
      await addFault({ path: '/v1/licenses', status: 504, latencyMs: 250 });
      const started = performance.now();
      assertWebexError(await admin.get('/v1/licenses'), 504);
      assert.ok(performance.now() - started >= 240);
    });

    it('count stops the fault after n faulted requests; the fault shows it', async () => {
      const fault = await addFault({ path: '/v1/licenses', status: 500, count: 2 });
      assert.deepEqual(await statuses(4), [500, 500, 200, 200]);
      const shown = (await admin.get(`${FAULTS}/${fault.id}`)).body;
      assert.equal(shown.injected, 2);
      assert.equal(shown.matched, 2, 'a spent fault no longer draws');
      assert.equal(shown.active, false);
    });

    it('a faulted write changes nothing', async () => {
      await addFault({ method: 'POST', path: '/v1/people', status: 503 });
      const email = `${unique('faulted')}@example.com`;
      assertWebexError(await admin.post('/v1/people', { emails: [email], displayName: 'Never Stored' }), 503);
      await admin.delete(FAULTS);
      assert.deepEqual((await admin.get('/v1/people', { email })).body.items, []);
    });

    it('matches by method, route pattern, concrete path and prefix', async () => {
      const person = await createPerson(admin);
      await addFault({ method: 'POST', path: '/v1/locations', status: 500 });
      assert.equal((await admin.get('/v1/locations')).status, 200, 'another method is spared');
      await admin.delete(FAULTS);

      await addFault({ path: '/v1/people/{personId}', status: 500 });
      assert.equal((await admin.get(`/v1/people/${person.id}`)).status, 500);
      assert.equal((await admin.get('/v1/people/me')).status, 200, '{personId} matches the parameter, not the /me route');
      assert.equal((await admin.get('/v1/people')).status, 200);
      await admin.delete(FAULTS);

      const me = (await admin.get('/v1/people/me')).body.id;
      await addFault({ path: `/v1/people/${person.id}`, status: 500 });
      assert.equal((await admin.get(`/v1/people/${person.id}`)).status, 500);
      assert.equal((await admin.get(`/v1/people/${me}`)).status, 200, 'another person is spared');
      await admin.delete(FAULTS);

      await addFault({ path: '/v1/telephony/*', status: 503 });
      assert.equal((await admin.get('/v1/telephony/config/numbers')).status, 503);
      assert.equal((await admin.get('/v1/telephony/config/locations')).status, 503);
      assert.equal((await admin.get('/v1/licenses')).status, 200);
    });

    it('never faults /sandbox or /healthz, and refuses paths outside the Webex API', async () => {
      await addFault({ path: '/v1/*', status: 503 });
      assert.equal((await admin.get('/v1/licenses')).status, 503);
      assert.equal((await admin.get(FAULTS)).status, 200);
      assert.equal((await server.anonymous.get('/healthz')).status, 200);
      assert.equal((await admin.get('/sandbox/v1/clock')).status, 200);
      assertWebexError(await admin.post(FAULTS, { path: '/sandbox/v1/clock', status: 503 }), 400);
      assertWebexError(await admin.post(FAULTS, { path: '/healthz', status: 503 }), 400);
    });

    it('applies to the organization that set it only', async () => {
      const other = await createOrganization(server.anonymous);
      const fault = await addFault({ path: '/v1/licenses', status: 503 });
      assert.equal((await admin.get('/v1/licenses')).status, 503);
      assert.deepEqual(await statuses(5, other.admin), [200, 200, 200, 200, 200]);
      assert.deepEqual((await other.admin.get(FAULTS)).body.items, [], 'another organization does not see it');
      assertWebexError(await other.admin.get(`${FAULTS}/${fault.id}`), 404);
      assertWebexError(await other.admin.delete(`${FAULTS}/${fault.id}`), 404);
      assert.equal((await other.admin.delete(FAULTS)).status, 204);
      assert.equal((await admin.get(`${FAULTS}/${fault.id}`)).status, 200, 'clearing theirs leaves ours');
      // A fault of theirs does not touch us either.
      await addFault({ path: '/v1/locations', status: 500 }, other.admin);
      assert.equal((await admin.get('/v1/locations')).status, 200);
      assert.equal((await other.admin.get('/v1/locations')).status, 500);
      await other.admin.delete(FAULTS);
    });

    it('faults every token of the organization, not only the administrator’s', async () => {
      const person = await createPerson(admin);
      const user = await clientWithScopes(admin, person.id, ['spark:people_read']);
      await addFault({ path: '/v1/people/me', status: 500 });
      assert.equal((await user.get('/v1/people/me')).status, 500);
    });

    it('needs a full administrator (403) and a token (401)', async () => {
      const person = await createPerson(admin);
      const user = await clientWithScopes(admin, person.id, ['spark:people_read', 'spark:calls_read']);
      const fault = await addFault({ path: '/v1/licenses', latencyMs: 1 });
      assertWebexError(await user.post(FAULTS, { path: '/v1/licenses', status: 503 }), 403, /spark-admin:telephony_config_write/);
      // Refused before the body is read: a broken body is a 403 too, not a 400.
      assertWebexError(await user.post(FAULTS, { path: 42 }), 403);
      assertWebexError(await user.get(FAULTS), 403);
      assertWebexError(await user.get(`${FAULTS}/${fault.id}`), 403);
      assertWebexError(await user.delete(`${FAULTS}/${fault.id}`), 403);
      assertWebexError(await user.delete(FAULTS), 403);
      assertWebexError(await server.anonymous.post(FAULTS, { path: '/v1/licenses', status: 503 }), 401);
      assertWebexError(await server.anonymous.get(FAULTS), 401);
    });

    it('reading needs a full administrator too: a read-only administrator, who holds spark-admin:organizations_read, gets 403', async () => {
      const reader = await createPerson(admin, { roles: [Buffer.from('ciscospark://us/ROLE/id_readonly_admin').toString('base64url')] });
      const asReader = await clientWithScopes(admin, reader.id, ['spark-admin:organizations_read']);
      assert.equal((await asReader.get('/v1/organizations')).status, 200, 'the scope is there');
      assertWebexError(await asReader.get(FAULTS), 403, /full administrator/);
    });

    it('lists, gets and removes faults one by one or all at once', async () => {
      const first = await addFault({ method: 'GET', path: '/v1/licenses', status: 429, probability: 0.25, seed: 7, count: 3 });
      const second = await addFault({ path: '/v1/locations/{locationId}', latencyMs: 10 });
      assert.deepEqual(
        { ...first, created: undefined },
        {
          id: first.id,
          method: 'GET',
          path: '/v1/licenses',
          status: 429,
          retryAfter: 1,
          probability: 0.25,
          seed: 7,
          count: 3,
          matched: 0,
          injected: 0,
          active: true,
          created: undefined,
        },
      );
      assert.deepEqual((await admin.get(FAULTS)).body.items.map((f: { id: string }) => f.id), [first.id, second.id]);
      assert.equal((await admin.delete(`${FAULTS}/${first.id}`)).status, 204);
      assertWebexError(await admin.get(`${FAULTS}/${first.id}`), 404);
      assertWebexError(await admin.delete(`${FAULTS}/${first.id}`), 404);
      assert.deepEqual((await admin.get(FAULTS)).body.items.map((f: { id: string }) => f.id), [second.id]);
      assert.equal((await admin.delete(FAULTS)).status, 204);
      assert.deepEqual((await admin.get(FAULTS)).body.items, []);
    });

    it('refuses faults it could not apply', async () => {
      for (const body of [
        { path: '/v1/licenses' },
        { path: '/v1/licenses', status: 404 },
        { path: '/v1/licenses', status: 200 },
        { path: '/v1/licenses', status: 503, probability: 1.5 },
        { path: '/v1/licenses', status: 503, probability: -0.1 },
        { path: '/v1/licenses', status: 503, seed: -1 },
        { path: '/v1/licenses', status: 503, seed: 2 ** 32 },
        { path: '/v1/licenses', status: 503, count: 0 },
        { path: '/v1/licenses', latencyMs: 3_600_000 },
        { path: '/v1/licenses', latencyMs: 5, retryAfter: 2 },
        { path: '/v1/no-such-thing', status: 503 },
        { method: 'DELETE', path: '/v1/licenses', status: 503 },
        { method: 'TRACE', path: '/v1/licenses', status: 503 },
        { path: 'v1/licenses', status: 503 },
        { path: '/v1/licenses', status: '503' },
      ]) {
        assertWebexError(await admin.post(FAULTS, body), 400);
      }
      assert.deepEqual((await admin.get(FAULTS)).body.items, []);
    });

    it('keeps at most 50 faults per organization', async () => {
      for (let i = 0; i < 50; i++) await addFault({ path: '/v1/licenses', latencyMs: 0 });
      assertWebexError(await admin.post(FAULTS, { path: '/v1/licenses', latencyMs: 0 }), 400, /at most 50/);
    });

    it('is in the OpenAPI document, under the Sandbox tag', async () => {
      const doc = (await server.anonymous.get('/openapi.json')).body;
      assert.deepEqual(Object.keys(doc.paths['/sandbox/v1/faults']).sort(), ['delete', 'get', 'post']);
      assert.deepEqual(Object.keys(doc.paths['/sandbox/v1/faults/{faultId}']).sort(), ['delete', 'get']);
      assert.deepEqual(doc.paths['/sandbox/v1/faults'].post.tags, ['Sandbox']);
    });
  });
}
