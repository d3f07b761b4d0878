import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createPerson } from '../support/factories.ts';
import { assertOAuthError, authorizationUrl, postToken, registerApp, REDIRECT_URI, submitConsent, type PkceRequest, type RegisteredApp } from '../support/oauth.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Every way an authorization request or a token request can fail, over real HTTP.

for (const dialect of dialects) {
  describe(`OAuth errors (${dialect})`, () => {
    let server: TestServer;
    let clock: SandboxClock;
    let app: RegisteredApp;
    let userId: string;

    /** A fresh code for the user, through the consent form. */
    const codeFor = async (scope = 'spark:people_read', target = app): Promise<{ code: string; request: PkceRequest }> => {
      const request = await authorizationUrl(server.url, target, scope);
      const consent = await submitConsent(server.url, request, userId);
      assert.equal(consent.status, 302);
      return { code: new URL(consent.headers.get('location')!).searchParams.get('code')!, request };
    };
    const exchange = (code: string, request: PkceRequest, overrides: Record<string, string> = {}) =>
      postToken(server.url, {
        grant_type: 'authorization_code',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: request.verifier,
        ...overrides,
      });
    /** Where GET /v1/authorize sends the browser, for a request changed by `change`. */
    const authorizeRedirect = async (change: (url: URL) => void) => {
      const request = await authorizationUrl(server.url, app, 'spark:people_read');
      change(request.url);
      const response = await fetch(request.url, { redirect: 'manual', headers: { accept: 'text/html' } });
      return { response, request, location: response.headers.get('location') ? new URL(response.headers.get('location')!) : undefined };
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      app = await registerApp(server.admin, { redirectUris: [REDIRECT_URI, 'http://127.0.0.1:9/other'] });
      userId = (await createPerson(server.admin)).id;
    });
    after(() => server.close());

    describe('GET /v1/authorize', () => {
      it('given an unknown client_id, when authorizing, then the page shows the problem (400) and redirects nowhere', async () => {
        const { response } = await authorizeRedirect((url) => url.searchParams.set('client_id', 'Cunknown'));
        assert.equal(response.status, 400);
        assert.equal(response.headers.get('location'), null);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/);
        assert.match(await response.text(), /Unknown client_id/);
        // A client that does not ask for a page gets Webex's error body.
        const url = new URL(`/v1/authorize?client_id=Cunknown&response_type=code&scope=spark:people_read`, server.url);
        const json = await server.anonymous.get(url.toString());
        assertWebexError(json, 400, /Unknown client_id/);
      });

      it('given a redirect_uri the app did not register, when authorizing, then the page shows the problem (400) and redirects nowhere', async () => {
        for (const uri of ['http://evil.example/callback', `${REDIRECT_URI}/more`, `${REDIRECT_URI}?x=1`]) {
          const { response } = await authorizeRedirect((url) => url.searchParams.set('redirect_uri', uri));
          assert.equal(response.status, 400, uri);
          assert.equal(response.headers.get('location'), null);
          assert.match(await response.text(), /redirect_uri is not one the app registered/);
        }
      });

      it('given an app with two redirect URIs and none named, when authorizing, then the page refuses to guess', async () => {
        const { response } = await authorizeRedirect((url) => url.searchParams.delete('redirect_uri'));
        assert.equal(response.status, 400);
        assert.equal(response.headers.get('location'), null);
      });

      it('given a scope the app did not register, when authorizing, then the browser goes back with error=invalid_scope and the state', async () => {
        const { response, request, location } = await authorizeRedirect((url) => url.searchParams.set('scope', 'spark:people_read spark-admin:people_write'));
        assert.equal(response.status, 302);
        assert.equal(`${location!.origin}${location!.pathname}`, REDIRECT_URI);
        assert.equal(location!.searchParams.get('error'), 'invalid_scope');
        assert.equal(location!.searchParams.get('state'), request.state);
        assert.equal(location!.searchParams.get('code'), null);
      });

      it('given response_type token, plain PKCE or a method without a challenge, when authorizing, then the browser goes back with the OAuth error', async () => {
        const cases: [(url: URL) => void, string][] = [
          [(url) => url.searchParams.set('response_type', 'token'), 'unsupported_response_type'],
          [(url) => url.searchParams.set('code_challenge_method', 'plain'), 'invalid_request'],
          [(url) => url.searchParams.set('code_challenge', 'short'), 'invalid_request'],
          [(url) => url.searchParams.delete('code_challenge'), 'invalid_request'],
        ];
        for (const [change, error] of cases) {
          const { response, location } = await authorizeRedirect(change);
          assert.equal(response.status, 302);
          assert.equal(location!.searchParams.get('error'), error);
        }
      });

      it('given the person denies, when the form is answered, then the browser goes back with error=access_denied and the state', async () => {
        const request = await authorizationUrl(server.url, app, 'spark:people_read');
        const response = await submitConsent(server.url, request, userId, 'deny');
        assert.equal(response.status, 302);
        const location = new URL(response.headers.get('location')!);
        assert.equal(location.searchParams.get('error'), 'access_denied');
        assert.equal(location.searchParams.get('state'), request.state);
      });

      it('given no person or a person of no organization, when the form is answered, then the page asks again (400)', async () => {
        const request = await authorizationUrl(server.url, app, 'spark:people_read');
        const response = await submitConsent(server.url, request, Buffer.from('ciscospark://us/PEOPLE/00000000-0000-4000-8000-000000000000').toString('base64url'));
        assert.equal(response.status, 400);
        assert.match(await response.text(), /Choose a person/);
      });

      it('given an app whose name and scopes hold markup, when the page shows them, then they are text, not HTML', async () => {
        const marked = await registerApp(server.admin, { name: '<img src=x onerror=alert(1)>' });
        const request = await authorizationUrl(server.url, marked, 'spark:people_read');
        request.url.searchParams.set('state', '"><script>alert(2)</script>');
        const html = await (await fetch(request.url, { headers: { accept: 'text/html' } })).text();
        assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
        assert.ok(!html.includes('<img src=x') && !html.includes('<script>alert(2)'));
      });

      it('given a service app, when authorizing, then the page says nobody signs in to it', async () => {
        const service = await registerApp(server.admin, { type: 'service', redirectUris: [] , scopes: 'spark:people_read' });
        const response = await fetch(new URL(`/v1/authorize?client_id=${service.clientId}&response_type=code&scope=spark:people_read`, server.url), {
          redirect: 'manual',
          headers: { accept: 'text/html' },
        });
        assert.equal(response.status, 400);
        assert.match(await response.text(), /service app/);
      });
    });

    describe('POST /v1/access_token', () => {
      it('given a wrong client secret or an unknown client, when exchanging a code, then it answers 401 invalid_client', async () => {
        const { code, request } = await codeFor();
        const reply = await exchange(code, request, { client_secret: 'wrong' });
        assertOAuthError(reply, 401, 'invalid_client');
        assert.match(reply.headers.get('www-authenticate') ?? '', /^Basic/);
        assertOAuthError(await exchange(code, request, { client_id: 'Cnobody' }), 401, 'invalid_client');
        const basic = Buffer.from(`${app.clientId}:wrong`).toString('base64');
        assertOAuthError(await postToken(server.url, { grant_type: 'authorization_code', code }, { authorization: `Basic ${basic}` }), 401, 'invalid_client');
        assert.equal((await exchange(code, request)).status, 200, 'a failed client authentication does not use the code');
      });

      it('given a code used once, when it is exchanged again, then it answers invalid_grant and the first exchange’s token is revoked', async () => {
        const { code, request } = await codeFor();
        const first = await exchange(code, request);
        assert.equal(first.status, 200, JSON.stringify(first.body));
        const api = server.anonymous.withToken(first.body.access_token);
        assert.equal((await api.get('/v1/people/me')).status, 200);
        assertOAuthError(await exchange(code, request), 400, 'invalid_grant');
        assert.equal((await api.get('/v1/people/me')).status, 401);
        const refresh = await postToken(server.url, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: app.clientId, client_secret: app.clientSecret });
        assertOAuthError(refresh, 400, 'invalid_grant');
      });

      it('given two exchanges of one code at once, when both arrive, then exactly one gets tokens', async () => {
        const { code, request } = await codeFor();
        const replies = await Promise.all([exchange(code, request), exchange(code, request)]);
        assert.deepEqual(replies.map((r) => r.status).sort(), [200, 400]);
        assertOAuthError(replies.find((r) => r.status === 400)!, 400, 'invalid_grant');
      });

      it('given a code older than 10 minutes, when exchanging it, then it answers invalid_grant', async () => {
        const { code, request } = await codeFor();
        await clock.advance(600_000);
        const reply = await exchange(code, request);
        assertOAuthError(reply, 400, 'invalid_grant');
        assert.match(reply.body.error_description, /expired/);
      });

      it('given a redirect_uri other than the authorization request’s, when exchanging, then it answers invalid_grant', async () => {
        const { code, request } = await codeFor();
        assertOAuthError(await exchange(code, request, { redirect_uri: 'http://127.0.0.1:9/other' }), 400, 'invalid_grant');
        const { redirect_uri: _omit, ...rest } = { grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.clientSecret, code, redirect_uri: '', code_verifier: request.verifier };
        assertOAuthError(await postToken(server.url, rest), 400, 'invalid_grant');
      });

      it('given a wrong or missing PKCE verifier, when exchanging, then it answers invalid_grant', async () => {
        const { code, request } = await codeFor();
        assertOAuthError(await exchange(code, request, { code_verifier: 'x'.repeat(43) }), 400, 'invalid_grant');
        const { code_verifier: _omit, ...rest } = { grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.clientSecret, code, redirect_uri: REDIRECT_URI, code_verifier: '' };
        assertOAuthError(await postToken(server.url, rest), 400, 'invalid_grant');
      });

      it('given another app’s code or an unknown code, when exchanging, then it answers invalid_grant', async () => {
        const other = await registerApp(server.admin);
        const { code, request } = await codeFor('spark:people_read', other);
        assertOAuthError(await exchange(code, request), 400, 'invalid_grant');
        assertOAuthError(await exchange('not-a-code', request), 400, 'invalid_grant');
      });

      it('given no grant_type, another grant type or no code, when asking for a token, then it answers the OAuth error', async () => {
        const creds = { client_id: app.clientId, client_secret: app.clientSecret };
        assertOAuthError(await postToken(server.url, creds), 400, 'invalid_request');
        assertOAuthError(await postToken(server.url, { ...creds, grant_type: 'password' }), 400, 'unsupported_grant_type');
        assertOAuthError(await postToken(server.url, { ...creds, grant_type: 'authorization_code' }), 400, 'invalid_request');
        assertOAuthError(await postToken(server.url, { ...creds, grant_type: 'refresh_token' }), 400, 'invalid_request');
        assertOAuthError(await postToken(server.url, { ...creds, grant_type: 'refresh_token', refresh_token: 'nope' }), 400, 'invalid_grant');
      });

      it('given a refresh asking for a scope the authorization lacks, when refreshing, then it answers invalid_scope; fewer scopes are fine', async () => {
        const { code, request } = await codeFor('spark:people_read spark:calls_read');
        const pair = (await exchange(code, request)).body;
        const creds = { grant_type: 'refresh_token', refresh_token: pair.refresh_token, client_id: app.clientId, client_secret: app.clientSecret };
        assertOAuthError(await postToken(server.url, { ...creds, scope: 'spark:people_read spark:kms' }), 400, 'invalid_scope');
        const narrower = await postToken(server.url, { ...creds, scope: 'spark:people_read' });
        assert.equal(narrower.status, 200);
        assert.equal(narrower.body.scope, 'spark:people_read');
        const otherApp = await registerApp(server.admin);
        assertOAuthError(await postToken(server.url, { ...creds, client_id: otherApp.clientId, client_secret: otherApp.clientSecret }), 400, 'invalid_grant');
      });

      it('given a form body on a JSON route, when posting, then it answers 415 as before', async () => {
        const response = await fetch(new URL('/v1/webhooks', server.url), {
          method: 'POST',
          body: new URLSearchParams({ name: 'x' }),
          headers: { authorization: `Bearer ${server.admin.token}` },
        });
        assert.equal(response.status, 415);
      });
    });

    describe('registering apps (/sandbox/v1/apps)', () => {
      it('given a registered app, when listing or reading it, then the secret is never shown again and is stored as an scrypt hash', async () => {
        const listed = await server.admin.get('/sandbox/v1/apps');
        assert.equal(listed.status, 200);
        const item = listed.body.items.find((a: { id: string }) => a.id === app.id);
        assert.equal(item.clientSecret, undefined);
        assert.match(item.clientId, /^C[0-9a-f]{64}$/);
        assert.equal((await server.admin.get(`/sandbox/v1/apps/${app.id}`)).body.clientSecret, undefined);
        const stored = await server.app.store.oauth.findAppByClientId(app.clientId);
        assert.match(stored!.secretHash, /^scrypt\$/);
        assert.ok(!stored!.secretHash.includes(app.clientSecret));
      });

      it('given a user’s token, a scope the token lacks, an unknown scope or a bad redirect URI, when registering, then it answers 403 or 400', async () => {
        const user = await clientWithScopes(server.admin, userId, ['spark:people_read']);
        assertWebexError(await user.post('/sandbox/v1/apps', { name: 'x', redirectUris: [REDIRECT_URI], scopes: 'spark:people_read' }), 403);
        const narrow = await clientWithScopes(server.admin, (await server.admin.get('/v1/people/me')).body.id, ['spark-admin:people_write', 'spark:people_read']);
        assertWebexError(await narrow.post('/sandbox/v1/apps', { name: 'x', redirectUris: [REDIRECT_URI], scopes: 'spark:calls_read' }), 403, /spark:calls_read/);
        assert.equal((await narrow.post('/sandbox/v1/apps', { name: 'x', redirectUris: [REDIRECT_URI], scopes: 'spark:people_read spark:applications_token' })).status, 201);
        assertWebexError(await server.admin.post('/sandbox/v1/apps', { name: 'x', redirectUris: [REDIRECT_URI], scopes: 'spark:nothing' }), 400, /Unknown scopes/);
        assertWebexError(await server.admin.post('/sandbox/v1/apps', { name: 'x', scopes: 'spark:people_read' }), 400, /redirect URI/);
        assertWebexError(await server.admin.post('/sandbox/v1/apps', { name: 'x', redirectUris: ['http://x.example/cb#frag'], scopes: 'spark:people_read' }), 400, /fragment/);
        assertWebexError(await server.admin.post('/sandbox/v1/apps', { name: 'x', redirectUris: ['not a uri'], scopes: 'spark:people_read' }), 400);
        assertWebexError(await server.admin.post('/sandbox/v1/apps', { name: 'x', type: 'robot', scopes: 'spark:people_read' }), 400, /type/);
      });

      it('given an app with authorized tokens, when deleting the app, then its tokens answer 401 and it is gone', async () => {
        const doomed = await registerApp(server.admin);
        const { code, request } = await codeFor('spark:people_read', doomed);
        const pair = await postToken(server.url, {
          grant_type: 'authorization_code', client_id: doomed.clientId, client_secret: doomed.clientSecret, code, redirect_uri: REDIRECT_URI, code_verifier: request.verifier,
        });
        assert.equal(pair.status, 200);
        assert.equal((await server.admin.delete(`/sandbox/v1/apps/${doomed.id}`)).status, 204);
        assert.equal((await server.anonymous.withToken(pair.body.access_token).get('/v1/people/me')).status, 401);
        assertWebexError(await server.admin.get(`/sandbox/v1/apps/${doomed.id}`), 404);
      });
    });
  });
}

describe('OAuth with the sandbox off', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer('sqlite', { config: { sandbox: false } });
  });
  after(() => server.close());

  it('given CALLPLANE_SANDBOX=off, when a browser asks for the consent page, then there is none, while the token endpoint still answers', async () => {
    const page = await fetch(new URL('/v1/authorize?client_id=C1&response_type=code&scope=spark:people_read', server.url), { headers: { accept: 'text/html' } });
    assert.notEqual(page.status, 200);
    assert.ok(page.status >= 400 && page.status < 600 && page.status !== 500, String(page.status));
    assertOAuthError(await postToken(server.url, { grant_type: 'authorization_code', client_id: 'C1', client_secret: 'x', code: 'x' }), 401, 'invalid_client');
    assert.equal((await server.admin.post('/sandbox/v1/apps', { name: 'x', scopes: 'spark:people_read' })).status, 404);
  });
});
