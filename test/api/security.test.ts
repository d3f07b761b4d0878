import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { nextLink } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createPerson } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// What a server reachable by others must not do (docs/security.md): rate limits that a spelling
// of the header cannot dodge, the demo token for any Host, links built from a malformed or
// foreign Host, a console that another site can frame.

/** A GET with a Host header of our choosing (fetch would set its own). */
function getWithHost(url: string, path: string, host: string, token?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET', headers: { host, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const webexError = (reply: { body: any }) => typeof reply.body?.message === 'string' && typeof reply.body?.trackingId === 'string';

for (const dialect of dialects) {
  describe(`The rate limiter (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { config: { rateLimit: { max: 3, windowMs: 60_000 } } });
    });
    after(() => server.close());

    it('given a token’s budget spent, when the same token comes as `bearer  X` (case, spaces), then it is still 429', async () => {
      const me = (await server.admin.get('/v1/people/me')).body.id;
      const token = (await server.admin.post('/sandbox/v1/tokens', { personId: me })).body.access_token as string;
      const spellings = [`Bearer ${token}`, `bearer  ${token}`, `BEARER ${token} `];
      for (const authorization of spellings) {
        const reply = await server.anonymous.request('GET', '/v1/people/me', { headers: { authorization } });
        assert.equal(reply.status, 200, `${authorization}: ${reply.text}`);
      }
      const spent = await server.anonymous.request('GET', '/v1/people/me', { headers: { authorization: `bEaReR   ${token}` } });
      assertWebexError(spent, 429);
      assert.ok(Number(spent.headers.get('retry-after')) > 0);
    });

    it('given requests without a valid token (none, or a different junk token each time), when they exceed the budget, then they are limited per client address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await server.anonymous.withToken(`junk-${i}`).get('/v1/people')).status);
      assert.deepEqual(statuses.slice(0, 2), [401, 401]);
      assert.equal(statuses.at(-1), 429, `statuses: ${statuses.join(' ')}`);
    });
  });

  describe(`GET /sandbox/v1/demo and the Host header (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      // A generated demo token: the one the sign-in page may offer on a loopback server.
      server = await startServer(dialect, { config: { adminToken: undefined, publicUrl: new URL('https://callplane.example.com') } });
    });
    after(() => server.close());

    it('given a loopback name or the public name in Host, when asking for the demo, then it answers, with the token', async () => {
      const port = new URL(server.url).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'callplane.example.com']) {
        const reply = await getWithHost(server.url, '/sandbox/v1/demo', host);
        assert.equal(reply.status, 200, `${host}: ${JSON.stringify(reply.body)}`);
        assert.equal(reply.body.adminToken, server.demo.adminToken);
      }
    });

    it('given another name in Host (a DNS rebinding page), when asking for the demo, then it answers 403 without the token', async () => {
      for (const host of ['evil.example', `evil.example:${new URL(server.url).port}`, '127.0.0.1.evil.example', 'a b']) {
        const reply = await getWithHost(server.url, '/sandbox/v1/demo', host);
        assert.equal(reply.status, 403, host);
        assert.ok(webexError(reply));
        assert.ok(!JSON.stringify(reply.body).includes(server.demo.adminToken));
      }
    });
  });

  describe(`Links and a malformed Host header (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
      for (let i = 0; i < 2; i++) await createPerson(server.admin);
    });
    after(() => server.close());

    it('given a malformed Host (`a b`, `[::1`, `x:99999`), when a list has a next page, then it answers 400, never 500, and echoes nothing', async () => {
      for (const host of ['a b', '[::1', 'x:99999', 'user@evil.example']) {
        const reply = await getWithHost(server.url, '/v1/people?max=1', host, server.demo.adminToken);
        assert.equal(reply.status, 400, `${host}: ${JSON.stringify(reply.body)}`);
        assert.ok(webexError(reply));
        assert.equal(reply.headers.link, undefined);
      }
    });

    it('given a valid Host, when a list has a next page, then the link is built on it', async () => {
      const reply = await getWithHost(server.url, '/v1/people?max=1', 'localhost:1234', server.demo.adminToken);
      assert.equal(reply.status, 200);
      assert.match(String(reply.headers.link), /^<http:\/\/localhost:1234\/v1\/people\?/);
    });
  });

  describe(`Links on CALLPLANE_PUBLIC_URL (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { config: { publicUrl: new URL('https://api.callplane.example/base/') } });
      for (let i = 0; i < 2; i++) await createPerson(server.admin);
    });
    after(() => server.close());

    it('given a public URL, when a list has a next page, then the link is on it whatever the Host says', async () => {
      for (const host of ['evil.example', 'a b']) {
        const reply = await getWithHost(server.url, '/v1/people?max=1', host, server.demo.adminToken);
        assert.equal(reply.status, 200, host);
        assert.match(String(reply.headers.link), /^<https:\/\/api\.callplane\.example\/base\/v1\/people\?max=1&after=/);
      }
      const page = await server.admin.get('/v1/people', { max: 1 });
      assert.match(nextLink(page.headers)!, /^https:\/\/api\.callplane\.example\/base\/v1\/people\?/);
    });
  });

  describe(`The console's framing and content policy (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server.close());

    it('given any console page, when it is served, then it forbids framing (CSP frame-ancestors, X-Frame-Options) and limits what it loads', async () => {
      for (const path of ['/console/', '/console/index.html', '/console/no-such-file.js']) {
        const reply = await server.anonymous.get(path);
        const csp = reply.headers.get('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors 'none'/, `${path} → ${reply.status}`);
        assert.match(csp, /default-src 'self'/);
        assert.equal(reply.headers.get('x-frame-options'), 'DENY');
      }
    });
  });
}

describe('Sign-up configuration', () => {
  it('given no CALLPLANE_SIGNUP, sign-up is open on a loopback server and the operator’s beyond it; the setting chooses', () => {
    assert.equal(loadConfig({ HOST: '127.0.0.1' }).signup.mode, 'open');
    assert.equal(loadConfig({ HOST: 'localhost' }).signup.mode, 'open');
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).signup.mode, 'operator');
    assert.equal(loadConfig({ HOST: '0.0.0.0', CALLPLANE_SIGNUP: 'open' }).signup.mode, 'open');
    assert.equal(loadConfig({ HOST: '127.0.0.1', CALLPLANE_SIGNUP: 'operator' }).signup.mode, 'operator');
    assert.deepEqual(loadConfig({}).signup.rateLimit, { max: 10, windowMs: 60_000 });
    assert.deepEqual(loadConfig({ CALLPLANE_SIGNUP_RATE_LIMIT: '3/10s' }).signup.rateLimit, { max: 3, windowMs: 10_000 });
    assert.throws(() => loadConfig({ CALLPLANE_SIGNUP: 'maybe' }), /CALLPLANE_SIGNUP/);
    assert.throws(() => loadConfig({ CALLPLANE_SIGNUP_RATE_LIMIT: 'off' }), /CALLPLANE_SIGNUP_RATE_LIMIT/);
    assert.throws(() => loadConfig({ CALLPLANE_PUBLIC_URL: 'https://user:pw@x.example' }), /CALLPLANE_PUBLIC_URL/);
    assert.equal(loadConfig({ CALLPLANE_PUBLIC_URL: 'https://x.example' }).publicUrl?.host, 'x.example');
  });
});
