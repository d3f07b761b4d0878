import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson } from '../support/factories.ts';
import type { Client } from '../support/client.ts';
import { authorizationUrl, postToken, registerApp, REDIRECT_URI, type RegisteredApp } from '../support/oauth.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Service apps (an administrator authorizes one for the organization; an integration holding
// spark:applications_token then fetches its tokens) and the Authorizations API's edges.

for (const dialect of dialects) {
  describe(`Service apps and the Authorizations API (${dialect})`, () => {
    let server: TestServer;
    let service: RegisteredApp;
    let integration: RegisteredApp;
    /** An integration token holding spark:applications_token. */
    let fetcher: Client;
    let other: Awaited<ReturnType<typeof createOrganization>>;

    before(async () => {
      server = await startServer(dialect);
      service = await registerApp(server.admin, { type: 'service', redirectUris: [], name: 'Nightly sync', scopes: ['spark-admin:people_read', 'spark:people_read'] });
      integration = await registerApp(server.admin, { scopes: 'spark:applications_token' });
      const request = await authorizationUrl(server.url, integration, 'spark:applications_token');
      const consent = await server.admin.post('/sandbox/v1/authorize', {
        clientId: integration.clientId,
        redirectUri: REDIRECT_URI,
        scope: 'spark:applications_token',
        codeChallenge: request.challenge,
        codeChallengeMethod: 'S256',
      });
      assert.equal(consent.status, 200, consent.text);
      const pair = await postToken(server.url, {
        grant_type: 'authorization_code',
        client_id: integration.clientId,
        client_secret: integration.clientSecret,
        code: consent.body.code,
        redirect_uri: REDIRECT_URI,
        code_verifier: request.verifier,
      });
      assert.equal(pair.status, 200, JSON.stringify(pair.body));
      assert.equal(pair.body.scope, 'spark:applications_token');
      fetcher = server.anonymous.withToken(pair.body.access_token);
      other = await createOrganization(server.anonymous);
    });
    after(() => server.close());

    const fetchToken = (body: Record<string, unknown>, appId = service.id, api = fetcher) =>
      api.post(`/v1/applications/${appId}/token`, { clientId: service.clientId, clientSecret: service.clientSecret, targetOrgId: other.orgId, ...body });

    it('given a service app nobody authorized, when fetching its token, then it answers 403', async () => {
      assertWebexError(await fetchToken({}), 403, /not authorized/);
    });

    it('given an administrator of another organization authorizes it, when fetching its token, then the pair acts in that organization', async () => {
      const authorized = await other.admin.post('/sandbox/v1/authorizations', { clientId: service.clientId });
      assert.equal(authorized.status, 201, authorized.text);
      assert.equal((await other.admin.post('/sandbox/v1/authorizations', { clientId: service.clientId })).status, 200, 'authorizing again changes nothing');
      const reply = await fetchToken({});
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(Object.keys(reply.body).sort(), ['access_token', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'token_type']);
      assert.equal(reply.body.expires_in, 1_209_600);
      assert.equal(reply.body.refresh_token_expires_in, 7_776_000);
      const api = server.anonymous.withToken(reply.body.access_token);
      const people = await api.get('/v1/people');
      assert.equal(people.status, 200, people.text);
      assert.ok(people.body.items.some((p: { id: string }) => p.id === other.personId));
      assert.equal((await api.post('/v1/people', { emails: ['x@y.example'] })).status, 403, 'the app did not declare people_write');

      // The service app refreshes at /v1/access_token like any client.
      const refreshed = await postToken(server.url, { grant_type: 'refresh_token', refresh_token: reply.body.refresh_token, client_id: service.clientId, client_secret: service.clientSecret });
      assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
      assert.equal(refreshed.body.scope, 'spark-admin:people_read spark:people_read');
    });

    it('given a wrong secret, an unknown app, a bad targetOrgId or a token without spark:applications_token, when fetching, then it answers 401, 404, 400 or 403', async () => {
      assertWebexError(await fetchToken({ clientSecret: 'wrong' }), 401);
      assertWebexError(await fetchToken({}, integration.id), 404);
      assertWebexError(await fetchToken({}, 'not-an-id'), 404);
      assertWebexError(await fetchToken({ targetOrgId: 'nope' }), 400);
      assertWebexError(await fetchToken({}, service.id, server.admin), 403);
      assertWebexError(await server.anonymous.post(`/v1/applications/${service.id}/token`, {}), 401);
    });

    it('given the service app’s authorization, when the organization deletes it by client ID, then its tokens answer 401 and fetching answers 403', async () => {
      const reply = await fetchToken({});
      const api = server.anonymous.withToken(reply.body.access_token);
      assert.equal((await api.get('/v1/people/me')).status, 200);
      const listed = await other.admin.get('/sandbox/v1/authorizations');
      assert.equal(listed.body.items.length, 1);
      assert.equal(listed.body.items[0].applicationName, 'Nightly sync');
      const deleted = await other.admin.delete('/v1/authorizations', undefined, { clientId: service.clientId, orgId: other.orgId });
      assert.equal(deleted.status, 204, deleted.text);
      assert.equal((await api.get('/v1/people/me')).status, 401);
      assertWebexError(await fetchToken({}), 403);
      assertWebexError(await other.admin.delete('/v1/authorizations', undefined, { clientId: service.clientId }), 404);
      assertWebexError(await other.admin.delete('/v1/authorizations', undefined, { clientId: 'Cnobody' }), 404);
      assertWebexError(await other.admin.delete('/v1/authorizations', undefined, { clientId: service.clientId, orgId: Buffer.from(`ciscospark://us/ORGANIZATION/${server.demo.orgId}`).toString('base64url') }), 403);
    });

    it('given a user, an integration or an unknown client, when authorizing a service app, then it answers 403 or 404', async () => {
      const userId = (await createPerson(server.admin)).id;
      const user = await clientWithScopes(server.admin, userId, ['spark:people_read']);
      assertWebexError(await user.post('/sandbox/v1/authorizations', { clientId: service.clientId }), 403);
      assertWebexError(await server.admin.post('/sandbox/v1/authorizations', { clientId: integration.clientId }), 404, /Application not found/);
      assertWebexError(await server.admin.post('/sandbox/v1/authorizations', { clientId: 'Cnobody' }), 404);
    });

    it('given the Authorizations API, when asked wrongly, then it answers 400, 403 or 404', async () => {
      assertWebexError(await server.admin.get('/v1/authorizations'), 400, /personId or personEmail/);
      assertWebexError(await server.admin.get('/v1/authorizations', { personId: other.personId }), 404);
      assertWebexError(await server.admin.get('/v1/authorizations', { personEmail: 'nobody@nowhere.example' }), 404);
      assertWebexError(await server.admin.get('/v1/authorizations', { personId: 'garbage' }), 404);
      const userId = (await createPerson(server.admin)).id;
      const user = await clientWithScopes(server.admin, userId, ['spark:people_read']);
      assertWebexError(await user.get('/v1/authorizations', { personId: userId }), 403);
      assertWebexError(await user.delete('/v1/authorizations/x'), 403);
      assertWebexError(await server.admin.delete('/v1/authorizations/not-an-id'), 404);
      // Another organization's authorization is not found here.
      const theirs = (await server.admin.get('/sandbox/v1/authorizations')).body.items[0];
      assertWebexError(await other.admin.delete(`/v1/authorizations/${theirs.id}`), 404);
    });

    it('given an integration granted identity:tokens_read by an administrator, when its token lists authorizations, then it may; a user cannot grant it', async () => {
      const reader = await registerApp(server.admin, { scopes: 'identity:tokens_read spark:people_read' });
      const consent = await server.admin.post('/sandbox/v1/authorize', { clientId: reader.clientId, scope: 'identity:tokens_read spark:people_read' });
      const pair = await postToken(server.url, {
        grant_type: 'authorization_code', client_id: reader.clientId, client_secret: reader.clientSecret, code: consent.body.code, redirect_uri: REDIRECT_URI,
      });
      assert.equal(pair.body.scope, 'identity:tokens_read spark:people_read');
      const me = (await server.admin.get('/v1/people/me')).body.id;
      const listed = await server.anonymous.withToken(pair.body.access_token).get('/v1/authorizations', { personId: me });
      assert.equal(listed.status, 200, listed.text);
      assert.ok(listed.body.items.some((a: { clientId: string }) => a.clientId === reader.clientId));

      const userId = (await createPerson(server.admin)).id;
      const forUser = await server.admin.post('/sandbox/v1/authorize', { clientId: reader.clientId, scope: 'identity:tokens_read spark:people_read', personId: userId });
      const userPair = await postToken(server.url, {
        grant_type: 'authorization_code', client_id: reader.clientId, client_secret: reader.clientSecret, code: forUser.body.code, redirect_uri: REDIRECT_URI,
      });
      assert.equal(userPair.body.scope, 'spark:people_read', 'a user’s roles do not allow identity:tokens_read');
    });

    it('given the configured admin token, when reading its expiry, then it never expires', async () => {
      const reply = await server.admin.get('/v1/authorizations/tokenExpiry');
      assert.equal(reply.status, 200);
      assert.equal(reply.body.exp, Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    });
  });
}
