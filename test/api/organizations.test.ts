import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { assertWebexShape } from '../support/webex-schemas.ts';

/** Webex writes organization timestamps with an offset and no milliseconds: 2015-10-18T14:26:16+00:00. */
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

for (const dialect of dialects) {
  describe(`Organizations API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let adminPersonId: string;
    let orgId: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      const me = (await admin.get('/v1/people/me')).body;
      adminPersonId = me.id;
      orgId = me.orgId;
    });
    after(() => server.close());

    describe('listing organizations', () => {
      it('given several organizations, when an admin lists organizations, then only the token’s own comes back, in Webex’s shape', async () => {
        const other = await createOrganization(server.anonymous);
        const reply = await admin.get('/v1/organizations');
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('OrganizationCollectionResponse', reply.body);
        assert.deepEqual(Object.keys(reply.body), ['items']);
        assert.equal(reply.body.items.length, 1);
        const [org] = reply.body.items;
        assertWebexShape('Organization', org);
        assert.deepEqual(Object.keys(org).sort(), ['created', 'displayName', 'id']);
        assert.equal(org.id, orgId);
        assert.equal(Buffer.from(org.id, 'base64url').toString(), `ciscospark://us/ORGANIZATION/${server.demo.orgId}`);
        assert.equal(org.displayName, 'Callplane Demo');
        assert.match(org.created, OFFSET_TIME);
        assert.equal(reply.headers.get('link'), null, 'not paginated');
        assert.ok(!reply.body.items.some((o: { id: string }) => o.id === other.orgId));
      });

      it('given another organization’s admin, when listing organizations, then it sees its own organization only', async () => {
        const displayName = unique('Listed Org ');
        const other = await createOrganization(server.anonymous, displayName);
        const reply = await other.admin.get('/v1/organizations');
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.items.length, 1);
        assert.equal(reply.body.items[0].id, other.orgId);
        assert.equal(reply.body.items[0].displayName, displayName);
        assert.match(reply.body.items[0].created, OFFSET_TIME);
      });
    });

    describe('getting an organization', () => {
      it('given the token’s own orgId, when getting it, then it answers the organization as listed', async () => {
        const reply = await admin.get(`/v1/organizations/${orgId}`);
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('Organization', reply.body);
        const listed = (await admin.get('/v1/organizations')).body.items[0];
        assert.deepEqual(reply.body, listed);
      });

      it('given the orgId a person of the organization carries, when getting it, then it answers that organization', async () => {
        const person = await createPerson(admin);
        const reply = await admin.get(`/v1/organizations/${person.orgId}`);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.id, orgId);
      });

      it('given another organization’s id, when getting it, then it answers 404 both ways', async () => {
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.get(`/v1/organizations/${other.orgId}`), 404);
        assertWebexError(await other.admin.get(`/v1/organizations/${orgId}`), 404);
        const own = await other.admin.get(`/v1/organizations/${other.orgId}`);
        assert.equal(own.status, 200, own.text);
      });

      it('given a garbage or unknown id, when getting it, then it answers 404', async () => {
        assertWebexError(await admin.get('/v1/organizations/not-an-org'), 404);
        assertWebexError(await admin.get(`/v1/organizations/${adminPersonId}`), 404, /Organization not found/);
        const ghost = Buffer.from('ciscospark://us/ORGANIZATION/00000000-0000-4000-8000-000000000000').toString('base64url');
        assertWebexError(await admin.get(`/v1/organizations/${ghost}`), 404);
      });
    });

    describe('scopes and tokens', () => {
      it('given a token with only spark-admin:organizations_read, when reading organizations, then it answers 200', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:organizations_read']);
        const listed = await reader.get('/v1/organizations');
        assert.equal(listed.status, 200, listed.text);
        assert.equal(listed.body.items[0].id, orgId);
        assert.equal((await reader.get(`/v1/organizations/${orgId}`)).status, 200);
      });

      it('given a token without spark-admin:organizations_read, when reading organizations, then it answers 403', async () => {
        const noScope = await clientWithScopes(admin, adminPersonId, ['spark-admin:people_read', 'spark-admin:licenses_read']);
        assertWebexError(await noScope.get('/v1/organizations'), 403);
        assertWebexError(await noScope.get(`/v1/organizations/${orgId}`), 403);
        const user = await createPerson(admin);
        const asUser = await clientWithScopes(admin, user.id, ['spark:people_read', 'spark:calls_read', 'spark:calls_write', 'spark:kms']);
        assertWebexError(await asUser.get('/v1/organizations'), 403);
        assertWebexError(await asUser.get(`/v1/organizations/${orgId}`), 403);
      });

      it('given no token or an unknown one, when reading organizations, then it answers 401', async () => {
        assertWebexError(await server.anonymous.get('/v1/organizations'), 401);
        assertWebexError(await server.anonymous.get(`/v1/organizations/${orgId}`), 401);
        assertWebexError(await admin.withToken('not-a-token').get('/v1/organizations'), 401);
      });
    });

    describe('the target organization of a request (resolved once, before the handler)', () => {
      it('given the token’s own orgId in the query or the body, acts on it; another organization’s or a malformed one is 403', async () => {
        const other = await createOrganization(server.anonymous);
        assert.equal((await admin.get('/v1/telephony/config/locations', { orgId })).status, 200);
        assert.equal((await admin.get('/v1/telephony/config/locations', { orgId: '' })).status, 200, 'empty: the token’s');
        assertWebexError(await admin.get('/v1/telephony/config/locations', { orgId: other.orgId }), 403);
        assertWebexError(await admin.get('/v1/telephony/config/locations', { orgId: 'not-an-org' }), 403);
        const created = await admin.post('/v1/people', { emails: [`${unique('own')}@example.com`], displayName: 'Own Org', orgId });
        assert.equal(created.status, 200, created.text);
        assert.equal(created.body.orgId, orgId);
        assertWebexError(await admin.post('/v1/people', { emails: [`${unique('theirs')}@example.com`], displayName: 'X', orgId: other.orgId }), 403);
      });

      it('given a route that takes no orgId, ignores one (Get My Own Details acts on the token’s person)', async () => {
        const other = await createOrganization(server.anonymous);
        const me = await admin.get('/v1/people/me', { orgId: other.orgId });
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.orgId, orgId);
      });

      it('given a body that fails validation and another organization, answers the 400 first (validation runs before the organization is resolved)', async () => {
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.post('/v1/telephony/config/premisePstn/trunks', { name: 1 }, { orgId: other.orgId }), 400);
      });
    });
  });
}
