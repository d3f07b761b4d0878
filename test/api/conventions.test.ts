import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson, licenses } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Webex conventions every endpoint shares (ref §1): tokens, errors, TrackingID, IDs, paging,
// content types, body limits and rate limits.

for (const dialect of dialects) {
  describe(`Webex conventions (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let adminId: string;

    before(async () => {
      server = await startServer(dialect, { config: { bodyLimit: 64 * 1024 } });
      admin = server.admin;
      adminId = (await admin.get('/v1/people/me')).body.id;
    });
    after(() => server.close());

    describe('authentication', () => {
      it('given no token, answers 401 with the Webex error body', async () => {
        assertWebexError(await server.anonymous.get('/v1/people'), 401, /access token/);
      });

      it('given an unknown or malformed token, answers 401', async () => {
        assertWebexError(await server.anonymous.withToken('not-a-token').get('/v1/licenses'), 401);
        const basic = await server.anonymous.request('GET', '/v1/licenses', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
        assertWebexError(basic, 401);
      });

      it('given a valid token without the scope, answers 403', async () => {
        const calls = await clientWithScopes(admin, adminId, ['spark:calls_read']);
        assertWebexError(await calls.get('/v1/licenses'), 403, /scopes/);
      });

      it('refuses before reading the body: no token and a broken body is still 401', async () => {
        const reply = await server.anonymous.request('POST', '/v1/people', { rawBody: '{broken', headers: { 'content-type': 'application/json' } });
        assertWebexError(reply, 401);
      });

      it('a deleted person’s tokens stop working', async () => {
        const person = await createPerson(admin);
        const token = await clientWithScopes(admin, person.id, ['spark:people_read']);
        assert.equal((await token.get('/v1/people/me')).status, 200);
        assert.equal((await admin.delete(`/v1/people/${person.id}`)).status, 204);
        assertWebexError(await token.get('/v1/people/me'), 401);
      });
    });

    describe('TrackingID', () => {
      it('echoes the client’s TrackingID header on success and in error bodies', async () => {
        const ok = await admin.request('GET', '/v1/licenses', { headers: { trackingid: 'SIMPLE_test-1234' } });
        assert.equal(ok.headers.get('trackingid'), 'SIMPLE_test-1234');
        const failed = await admin.request('GET', '/v1/people/nope', { headers: { trackingid: 'SIMPLE_test-5678' } });
        assert.equal(failed.body.trackingId, 'SIMPLE_test-5678');
      });

      it('makes one like ROUTER_<uuid> when none (or an unsafe one) is sent', async () => {
        const reply = await admin.request('GET', '/v1/licenses', { headers: { trackingid: 'bad value\twith spaces' } });
        assert.match(reply.headers.get('trackingid') ?? '', /^ROUTER_[0-9a-f-]{36}$/);
      });
    });

    describe('errors for any bad request', () => {
      it('an unknown route is 404 with the Webex body', async () => {
        assertWebexError(await admin.get('/v1/nothing-here'), 404);
      });

      it('a known path with another method is 405 with Allow', async () => {
        const reply = await admin.patch('/v1/people/me', {});
        assertWebexError(reply, 405);
        assert.match(reply.headers.get('allow') ?? '', /GET/);
        assertWebexError(await admin.request('DELETE', '/v1/licenses', {}), 405);
      });

      it('HEAD answers as the GET would, headers and status without the body, with its own TrackingID', async () => {
        const head = (path: string, token?: string) =>
          fetch(`${server.url}${path}`, { method: 'HEAD', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), trackingid: 'HEAD_check' } });
        const get = await admin.get('/v1/people/me');
        const reply = await head('/v1/people/me', server.demo.adminToken);
        assert.equal(reply.status, 200);
        assert.equal(reply.headers.get('content-length'), String(Buffer.byteLength(get.text)));
        assert.equal(reply.headers.get('trackingid'), 'HEAD_check');
        assert.equal((await reply.arrayBuffer()).byteLength, 0);
        assert.equal((await head('/v1/people/me')).status, 401);
        assert.equal((await head('/v1/nothing-here', server.demo.adminToken)).status, 404);
      });

      it('a misspelt action is 404, not 405, though another method takes any word there', async () => {
        assertWebexError(await admin.post('/v1/telephony/calls/answr', { callId: 'x' }), 404, /could not be found/);
      });

      it('a trailing slash is the same path: /x/ is /x, never /x/{id} with an empty ID', async () => {
        const calls = await admin.get('/v1/telephony/calls/');
        assert.equal(calls.status, 200, calls.text);
        assert.ok(Array.isArray(calls.body.items));
        const hook = { name: 'slash', targetUrl: 'https://example.com/hook', resource: 'telephony_calls', event: 'all' };
        const created = await admin.post('/v1/webhooks/', hook);
        assert.equal(created.status, 200, created.text);
        assert.equal((await admin.get(`/v1/webhooks/${created.body.id}/`)).body.name, 'slash');
      });

      it('an operation whose body fields are all optional takes no body as an empty one', async () => {
        const location = (await admin.get('/v1/locations')).body.items[0];
        const reply = await admin.request('PUT', `/v1/locations/${location.id}`, {});
        assert.equal(reply.status, 204, reply.text);
        const json = await admin.request('PUT', `/v1/locations/${location.id}`, { rawBody: '', headers: { 'content-type': 'application/json' } });
        assert.equal(json.status, 204, json.text);
      });

      it('malformed JSON is 400', async () => {
        const reply = await admin.request('POST', '/v1/people', { rawBody: '{"emails": [', headers: { 'content-type': 'application/json' } });
        assertWebexError(reply, 400, /not valid JSON/);
      });

      it('a body that is not JSON is 415', async () => {
        const reply = await admin.request('POST', '/v1/people', { rawBody: 'emails=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assertWebexError(reply, 415);
      });

      it('an empty JSON body is 400', async () => {
        const reply = await admin.request('POST', '/v1/locations', { rawBody: '', headers: { 'content-type': 'application/json' } });
        assertWebexError(reply, 400);
      });

      it('an oversized body is 413 and nothing is stored', async () => {
        const before = (await admin.get('/v1/people', { max: 1000 })).body.items.length;
        const reply = await admin.post('/v1/people', { emails: ['big@example.com'], displayName: 'x'.repeat(100 * 1024) });
        assertWebexError(reply, 413);
        assert.equal((await admin.get('/v1/people', { max: 1000 })).body.items.length, before);
      });

      it('wrong JSON types are 400, not coerced', async () => {
        assertWebexError(await admin.post('/v1/people', { emails: ['t@example.com'], displayName: 42 }), 400, /displayName/);
        assertWebexError(await admin.post('/v1/people', { emails: ['t@example.com'], displayName: 'X', extension: 1234 }), 400, /extension/);
        assertWebexError(await admin.post('/v1/people', [1, 2, 3]), 400);
        assertWebexError(await admin.post('/v1/people', 'just a string'), 400);
      });

      it('a huge query value is refused with a 4xx, never a 5xx', async () => {
        const reply = await admin.get('/v1/people', { displayName: 'y'.repeat(5000) });
        assert.ok(reply.status >= 400 && reply.status < 500, reply.text);
      });

      it('text with a NUL character is 400 wherever it is sent, and nothing is stored', async () => {
        assertWebexError(await admin.get('/v1/people', { displayName: 'a\u0000b' }), 400, /NUL/);
        assertWebexError(await admin.post('/v1/people', { emails: ['nul@example.com'], displayName: 'Nul\u0000Name' }), 400, /NUL/);
        assertWebexError(await admin.get(`/v1/people/${encodeURIComponent('x\u0000y')}`), 400, /NUL/);
        assert.deepEqual((await admin.get('/v1/people', { email: 'nul@example.com' })).body.items, []);
        // A NUL in a key counts too; a backslash followed by u0000 is text, not a NUL.
        assertWebexError(await admin.post('/v1/people', { emails: ['nul@example.com'], displayName: 'N', ['x\u0000']: 1 }), 400, /NUL/);
        const text = await admin.post('/v1/people', { emails: ['not-nul@example.com'], displayName: 'Back\\u0000slash' });
        assert.equal(text.status, 200, text.text);
        assert.equal(text.body.displayName, 'Back\\u0000slash');
      });

      it('a query value of the wrong type is 400', async () => {
        assertWebexError(await admin.get('/v1/people', { callingData: 'maybe' }), 400, /callingData/);
        assertWebexError(await admin.get('/v1/people', { max: 'lots' }), 400, /max/);
      });

      it('an over-long path parameter is a Webex error, not Fastify’s', async () => {
        assertWebexError(await admin.get(`/v1/people/${'A'.repeat(2000)}`), 414);
      });
    });

    describe('IDs', () => {
      const personUuid = '00000000-0000-4000-8000-000000000001';
      it('emits unpadded base64url of ciscospark://us/<TYPE>/<uuid>', async () => {
        const me = (await admin.get('/v1/people/me')).body;
        assert.doesNotMatch(me.id, /[=+/]/);
        assert.match(Buffer.from(me.id, 'base64url').toString(), /^ciscospark:\/\/us\/PEOPLE\/[0-9a-f-]{36}$/);
        assert.match(Buffer.from(me.orgId, 'base64url').toString(), /^ciscospark:\/\/us\/ORGANIZATION\/[0-9a-f-]{36}$/);
      });

      it('accepts padded IDs', async () => {
        const me = (await admin.get('/v1/people/me')).body;
        const padded = Buffer.from(Buffer.from(me.id, 'base64url').toString()).toString('base64');
        assert.ok(padded.endsWith('='));
        const reply = await admin.get(`/v1/people/${encodeURIComponent(padded)}`);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.id, me.id);
      });

      it('an ID of another type, or garbage, is 404 for a path and 400 for a reference', async () => {
        const location = (await admin.get('/v1/locations')).body.items[0];
        assertWebexError(await admin.get(`/v1/people/${location.id}`), 404);
        assertWebexError(await admin.get('/v1/people/%25%25%25'), 404);
        assertWebexError(await admin.get(`/v1/people/${Buffer.from(`ciscospark://us/PEOPLE/${personUuid}`).toString('base64url')}`), 404);
        const me = (await admin.get('/v1/people/me')).body;
        assertWebexError(await admin.get('/v1/people', { locationId: me.id }), 400, /locationId/);
      });
    });

    describe('orgId', () => {
      it('the token’s own orgId is accepted; another organization’s is 403', async () => {
        const me = (await admin.get('/v1/people/me')).body;
        assert.equal((await admin.get('/v1/licenses', { orgId: me.orgId })).status, 200);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.get('/v1/licenses', { orgId: other.orgId }), 403);
        assertWebexError(await admin.get('/v1/locations', { orgId: 'garbage' }), 403);
      });
    });

    describe('OpenAPI and reference', () => {
      it('serves an OpenAPI 3 document generated from the routes', async () => {
        const reply = await server.anonymous.get('/openapi.json');
        assert.equal(reply.status, 200);
        assert.match(reply.body.openapi, /^3\./);
        for (const path of ['/v1/people', '/v1/people/{personId}', '/v1/licenses/users', '/v1/locations', '/v1/telephony/config/numbers', '/sandbox/v1/orgs']) {
          assert.ok(reply.body.paths[path], `OpenAPI document lists ${path}`);
        }
        const create = reply.body.paths['/v1/people'].post;
        const ref: string = create.requestBody.content['application/json'].schema.$ref;
        assert.ok(reply.body.components.schemas[ref.replace('#/components/schemas/', '')].properties.emails);
        assert.ok(create.responses['200']);
      });

      it('is fit for code generators: valid OpenAPI, Cisco\'s operationIds, named schemas, servers', async () => {
        const doc = (await server.anonymous.get('/openapi.json')).body;
        const result = await new Validator().validate(doc);
        assert.equal(result.valid, true, JSON.stringify(result.errors));
        const operations = Object.values<Record<string, { operationId?: string }>>(doc.paths).flatMap((item) => Object.values(item));
        const ids = operations.map((op) => op.operationId);
        assert.ok(ids.every((id) => typeof id === 'string'), 'every operation has an operationId');
        assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
        assert.equal(doc.paths['/v1/people'].get.operationId, 'listPeople');
        assert.equal(doc.paths['/v1/telephony/calls/dial'].post.operationId, 'dial');
        assert.ok(doc.components.schemas.Error.properties.trackingId);
        assert.equal(doc.paths['/v1/people'].get.responses['401'].content['application/json'].schema.$ref, '#/components/schemas/Error');
        assert.deepEqual(doc.servers.map((s: { url: string }) => s.url), ['/']);
        // What answers 501 is not described: docs/coverage.md lists it.
        const unserved = server.app.notServed.find((row) => row[0] === 'GET')!;
        assert.equal(doc.paths[unserved[1]]?.get, undefined, `${unserved[2]} answers 501 and is not described`);
      });

      it('serves a browsable API reference page', async () => {
        const reply = await server.anonymous.get('/reference/');
        assert.equal(reply.status, 200);
        assert.match(reply.text, /swagger-ui/i);
      });

      it('answers /healthz', async () => {
        const reply = await server.anonymous.get('/healthz');
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, { status: 'ok', version: '0.1.0', store: server.app.store.dialect, clock: 'real' });
      });
    });

    describe('sandbox licenses', () => {
      it('a full administrator can resize a license, not below its consumed units', async () => {
        const lic = await licenses(admin);
        const resized = await admin.put(`/sandbox/v1/licenses/${lic.basic}`, { totalUnits: 1234 });
        assert.equal(resized.status, 200, resized.text);
        assert.equal(resized.body.totalUnits, 1234);
        assert.equal((await admin.get(`/v1/licenses/${lic.basic}`)).body.totalUnits, 1234);
        assertWebexError(await admin.put(`/sandbox/v1/licenses/${lic.professional}`, { totalUnits: 0 }), 400, /consumed/);
        assertWebexError(await admin.put(`/sandbox/v1/licenses/${lic.basic}`, { totalUnits: -1 }), 400);
        const user = await clientWithScopes(admin, (await createPerson(admin)).id, ['spark:people_read']);
        assertWebexError(await user.put(`/sandbox/v1/licenses/${lic.basic}`, { totalUnits: 5 }), 403);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await other.admin.put(`/sandbox/v1/licenses/${lic.basic}`, { totalUnits: 5 }), 404);
      });

      it('a license with no units left refuses new holders', async () => {
        const lic = await licenses(admin);
        const consumed = (await admin.get(`/v1/licenses/${lic.meetings}`)).body.consumedUnits;
        await admin.put(`/sandbox/v1/licenses/${lic.meetings}`, { totalUnits: consumed });
        const reply = await admin.post('/v1/people', { emails: ['units@example.com'], displayName: 'No Units', licenses: [lic.meetings] });
        assertWebexError(reply, 400, /no units left/);
      });
    });
  });
}

describe('rate limiting (documented mode)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer('sqlite', { config: { rateLimit: { max: 3, windowMs: 60_000 } } });
  });
  after(() => server.close());

  it('given more requests than the budget, answers 429 with Retry-After and the Webex body, per token', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await server.admin.get('/v1/licenses')).status, 200);
    const limited = await server.admin.get('/v1/licenses');
    assertWebexError(limited, 429, /Too many requests/);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    // Another token has its own budget.
    const other = await createOrganization(server.anonymous);
    assert.equal((await other.admin.get('/v1/licenses')).status, 200);
    assert.equal((await server.anonymous.get('/healthz')).status, 200, 'health checks are not limited');
  });
});
