import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as oauth from 'oauth4webapi';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { dialects } from '../support/dialects.ts';
import { createPerson } from '../support/factories.ts';
import { authorizationServer, authorizationUrl, insecure, registerApp, REDIRECT_URI, submitConsent, type RegisteredApp } from '../support/oauth.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The whole flow with oauth4webapi, a well-kept OAuth client configured by hand: authorization
// code with PKCE through the consent form, the token used on the API, refresh after the access
// token's 14 days pass on the server's clock, and revocation by deleting the authorization.

const DAY_MS = 24 * 3600 * 1000;

for (const dialect of dialects) {
  describe(`OAuth authorization code flow with oauth4webapi (${dialect})`, () => {
    let server: TestServer;
    let clock: SandboxClock;
    let app: RegisteredApp;
    let user: { id: string; emails: string[] };
    let as: oauth.AuthorizationServer;
    let client: oauth.Client;
    let clientAuth: oauth.ClientAuth;
    let tokens: oauth.TokenEndpointResponse;
    let refreshed: oauth.TokenEndpointResponse;

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      app = await registerApp(server.admin, { scopes: ['spark:people_read', 'spark:calls_read', 'spark-admin:people_read'] });
      user = (await createPerson(server.admin)) as { id: string; emails: string[] };
      as = authorizationServer(server.url);
      client = { client_id: app.clientId };
      clientAuth = oauth.ClientSecretPost(app.clientSecret);
    });
    after(() => server.close());

    it('given a registered integration, when a user accepts on the consent page, then the code exchanged with PKCE gives Webex-shaped tokens with the scopes the user may hold', async () => {
      const request = await authorizationUrl(server.url, app, 'spark:people_read spark:calls_read spark-admin:people_read');
      const page = await fetch(request.url, { redirect: 'manual' });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      const html = await page.text();
      assert.ok(html.includes(app.name) && html.includes('spark-admin:people_read'), html);

      const consent = await submitConsent(server.url, request, user.id);
      assert.equal(consent.status, 302);
      const location = new URL(consent.headers.get('location')!);
      assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
      const params = oauth.validateAuthResponse(as, client, location, request.state);
      const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, REDIRECT_URI, request.verifier, insecure);
      tokens = await oauth.processAuthorizationCodeResponse(as, client, response);

      assert.equal(tokens.token_type, 'bearer');
      assert.equal(tokens.expires_in, 1_209_600);
      assert.equal(tokens.refresh_token_expires_in, 7_776_000);
      assert.equal(typeof tokens.refresh_token, 'string');
      // Requested ∩ registered ∩ allowed by the roles: a user holds no admin scope.
      assert.equal(tokens.scope, 'spark:people_read spark:calls_read');
    });

    it('given the access token, when calling the API, then it acts as the person who signed in and its webhooks carry the app ID', async () => {
      const api = server.anonymous.withToken(tokens.access_token);
      const me = await api.get('/v1/people/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.id, user.id);
      assert.equal((await api.get('/v1/locations')).status, 403, 'no admin scope was granted');
      const webhook = await api.post('/v1/webhooks', { name: 'app hook', targetUrl: 'http://127.0.0.1:9/hook', resource: 'telephony_calls', event: 'all' });
      assert.equal(webhook.status, 200, webhook.text);
      assert.equal(webhook.body.appId, app.id);
      const expiry = await api.get('/v1/authorizations/tokenExpiry');
      assert.equal(expiry.status, 200, expiry.text);
      assert.equal(expiry.body.exp, clock.now().getTime() + 14 * DAY_MS);
    });

    it('given 14 days pass on the server clock, when the access token is used, then it answers 401 and a refresh gives a working one', async () => {
      await clock.advance(14 * DAY_MS + 1000);
      assert.equal((await server.anonymous.withToken(tokens.access_token).get('/v1/people/me')).status, 401);
      const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token!, insecure);
      refreshed = await oauth.processRefreshTokenResponse(as, client, response);
      assert.equal(refreshed.expires_in, 1_209_600);
      assert.equal(refreshed.refresh_token, tokens.refresh_token, 'Webex keeps the refresh token');
      assert.equal(refreshed.refresh_token_expires_in, 7_776_000 - 14 * 24 * 3600 - 1);
      assert.equal(refreshed.scope, 'spark:people_read spark:calls_read');
      assert.equal((await server.anonymous.withToken(refreshed.access_token).get('/v1/people/me')).body.id, user.id);
    });

    it('given the person’s authorizations listed, when deleting the authorization, then its tokens answer 401 at once and the refresh token is refused', async () => {
      const listed = await server.admin.get('/v1/authorizations', { personId: user.id });
      assert.equal(listed.status, 200, listed.text);
      assert.equal(listed.body.items.length, 1);
      const [authorization] = listed.body.items;
      assert.deepEqual(Object.keys(authorization).sort(), ['applicationId', 'applicationName', 'clientId', 'created', 'id', 'personId', 'type']);
      assert.equal(authorization.applicationId, app.id);
      assert.equal(authorization.applicationName, app.name);
      assert.equal(authorization.clientId, app.clientId);
      assert.equal(authorization.personId, user.id);
      assert.equal(authorization.type, 'refresh');
      const byEmail = await server.admin.get('/v1/authorizations', { personEmail: user.emails[0]! });
      assert.deepEqual(byEmail.body.items, listed.body.items);

      const deleted = await server.admin.delete(`/v1/authorizations/${authorization.id}`);
      assert.equal(deleted.status, 204, deleted.text);
      assert.equal((await server.anonymous.withToken(refreshed.access_token).get('/v1/people/me')).status, 401);
      const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token!, insecure);
      await assert.rejects(oauth.processRefreshTokenResponse(as, client, response), (error: oauth.ResponseBodyError) => {
        assert.equal(error.error, 'invalid_grant');
        assert.equal(error.status, 400);
        return true;
      });
      assert.deepEqual((await server.admin.get('/v1/authorizations', { personId: user.id })).body.items, []);
    });

    it('given client_secret_basic and the sandbox consent API, when the refresh token outlives 90 days, then refreshing answers invalid_grant', async () => {
      const basic = oauth.ClientSecretBasic(app.clientSecret);
      const request = await authorizationUrl(server.url, app, 'spark:people_read');
      const consent = await server.admin.post('/sandbox/v1/authorize', {
        clientId: app.clientId,
        redirectUri: REDIRECT_URI,
        scope: 'spark:people_read',
        state: request.state,
        codeChallenge: request.challenge,
        codeChallengeMethod: 'S256',
        personId: user.id,
      });
      assert.equal(consent.status, 200, consent.text);
      assert.equal(consent.body.state, request.state);
      const params = oauth.validateAuthResponse(as, client, new URL(consent.body.location), request.state);
      assert.equal(params.get('code'), consent.body.code);
      const pair = await oauth.processAuthorizationCodeResponse(
        as,
        client,
        await oauth.authorizationCodeGrantRequest(as, client, basic, params, REDIRECT_URI, request.verifier, insecure),
      );
      await clock.advance(90 * DAY_MS);
      const response = await oauth.refreshTokenGrantRequest(as, client, basic, pair.refresh_token!, insecure);
      await assert.rejects(oauth.processRefreshTokenResponse(as, client, response), (error: oauth.ResponseBodyError) => error.error === 'invalid_grant');
    });
  });
}
