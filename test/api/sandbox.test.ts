import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization, createPerson, defaultLocation, licenses, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const USER_SCOPES = ['spark:calls_read', 'spark:calls_write', 'spark:kms', 'spark:people_read'];
const ADMIN_READ_SCOPES = [
  'spark-admin:calls_read',
  'spark-admin:device_read',
  'spark-admin:licenses_read',
  'spark-admin:locations_read',
  'spark-admin:organizations_read',
  'spark-admin:people_read',
  'spark-admin:telephony_config_read',
];
const ADMIN_WRITE_SCOPES = ['spark-admin:calls_write', 'spark-admin:locations_write', 'spark-admin:people_write', 'spark-admin:telephony_config_write'];
const ALL_SCOPES = [...USER_SCOPES, ...ADMIN_READ_SCOPES, ...ADMIN_WRITE_SCOPES].sort();
const FOURTEEN_DAYS = 14 * 24 * 3600;

const roleId = (role: string) => Buffer.from(`ciscospark://us/ROLE/${role}`).toString('base64url');
const scopesOf = (scope: string) => scope.split(' ').sort();
const issue = (api: Client, body: Record<string, unknown>) => api.post('/sandbox/v1/tokens', body);

for (const dialect of dialects) {
  describe(`Sandbox API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let adminPersonId: string;

    /** The IDs of every person the token's organization holds (one page). */
    const allPeople = async (api: Client): Promise<string[]> => {
      const reply = await api.get('/v1/people', { max: 1000 });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.headers.get('link'), null);
      return reply.body.items.map((p: { id: string }) => p.id);
    };
    const allNumbers = async (api: Client, query: Record<string, string | boolean> = {}) => {
      const reply = await api.get('/v1/telephony/config/numbers', { numberType: 'NUMBER', ...query });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.phoneNumbers as { phoneNumber: string; mainNumber: boolean; location: { id: string } }[];
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      adminPersonId = (await admin.get('/v1/people/me')).body.id;
    });
    after(() => server.close());

    describe('creating an organization (POST /sandbox/v1/orgs)', () => {
      it('given a displayName and no token, when creating an organization, then it answers 201 with orgId, personId and a working access token', async () => {
        const displayName = unique('Acme ');
        const reply = await server.anonymous.post('/sandbox/v1/orgs', { displayName });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body).sort(), ['accessToken', 'orgId', 'personId']);
        const { orgId, personId, accessToken } = reply.body;
        assert.match(Buffer.from(orgId, 'base64url').toString(), /^ciscospark:\/\/us\/ORGANIZATION\/[0-9a-f-]{36}$/);
        assert.match(Buffer.from(personId, 'base64url').toString(), /^ciscospark:\/\/us\/PEOPLE\/[0-9a-f-]{36}$/);
        const theirs = server.anonymous.withToken(accessToken);
        const orgs = await theirs.get('/v1/organizations');
        assert.equal(orgs.status, 200, orgs.text);
        assert.deepEqual(orgs.body.items.map((o: { id: string; displayName: string }) => [o.id, o.displayName]), [[orgId, displayName]]);
        const me = await theirs.get('/v1/people/me');
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.id, personId);
        assert.equal(me.body.orgId, orgId);
        assert.ok(me.body.roles.includes(roleId('id_full_admin')));
      });

      it('given a new organization, when its admin looks around, then it has its own licenses, a default location, 100 numbers with one main number, and the admin has extension 1000', async () => {
        const other = await createOrganization(server.anonymous);
        const theirLicenses = await other.admin.get('/v1/licenses');
        assert.equal(theirLicenses.status, 200, theirLicenses.text);
        assert.deepEqual(theirLicenses.body.items.map((l: { name: string }) => l.name).sort(), [
          'Meeting - Webex Meeting Center',
          'Messaging',
          'Webex Calling - Basic',
          'Webex Calling - Professional',
          'Webex Calling - Workspaces',
        ]);
        const ours = new Set((await admin.get('/v1/licenses')).body.items.map((l: { id: string }) => l.id));
        assert.ok(theirLicenses.body.items.every((l: { id: string }) => !ours.has(l.id)), 'no license shared with the demo');
        const lic = await licenses(other.admin);
        assert.equal((await other.admin.get(`/v1/licenses/${lic.professional}`)).body.consumedUnits, 1, 'the admin’s');

        const locations = await other.admin.get('/v1/locations');
        assert.equal(locations.status, 200, locations.text);
        assert.equal(locations.body.items.length, 1);
        const location = await defaultLocation(other.admin);

        const numbers = await allNumbers(other.admin);
        assert.equal(numbers.length, 100);
        assert.equal(numbers.filter((n) => n.mainNumber).length, 1);
        assert.ok(numbers.every((n) => n.location.id === location.id));
        assert.equal((await allNumbers(other.admin, { available: true })).length, 99);

        const me = await other.admin.get('/v1/people/me', { callingData: true });
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.id, other.personId);
        assert.equal(me.body.extension, '1000');
        assert.equal(me.body.locationId, location.id);
        assert.ok(me.body.licenses.includes(lic.professional));
      });

      it('given a new organization and the demo one, when each lists its people, numbers and locations, then each sees only its own', async () => {
        const other = await createOrganization(server.anonymous);
        const stranger = await createPerson(other.admin);
        const ourPeople = await allPeople(admin);
        const theirPeople = await allPeople(other.admin);
        assert.deepEqual(theirPeople.sort(), [other.personId, stranger.id].sort());
        assert.ok(ourPeople.includes(adminPersonId));
        assert.ok(ourPeople.every((id) => !theirPeople.includes(id)));
        assertWebexError(await admin.get(`/v1/people/${other.personId}`), 404);
        assertWebexError(await other.admin.get(`/v1/people/${adminPersonId}`), 404);
        assert.deepEqual((await admin.get('/v1/people', { email: stranger.emails[0] })).body.items, []);

        const ourNumbers = new Set((await allNumbers(admin)).map((n) => n.phoneNumber));
        assert.ok((await allNumbers(other.admin)).every((n) => !ourNumbers.has(n.phoneNumber)), 'no number shared');
        const ourLocation = await defaultLocation(admin);
        const theirLocation = await defaultLocation(other.admin);
        assert.notEqual(ourLocation.id, theirLocation.id);
        assertWebexError(await admin.get(`/v1/locations/${theirLocation.id}`), 404);
      });

      it('given a missing, empty, blank or non-string displayName, when creating an organization, then it answers 400 and creates nothing', async () => {
        const countOrgs = () => server.app.store.organizations.count();
        const before = await countOrgs();
        assertWebexError(await server.anonymous.post('/sandbox/v1/orgs', {}), 400, /displayName/);
        assertWebexError(await server.anonymous.post('/sandbox/v1/orgs', { displayName: '' }), 400, /displayName/);
        assertWebexError(await server.anonymous.post('/sandbox/v1/orgs', { displayName: 42 }), 400, /displayName/);
        assertWebexError(await server.anonymous.post('/sandbox/v1/orgs', { displayName: '   ' }), 400, /displayName/);
        assert.equal(await countOrgs(), before);
      });
    });

    describe('issuing tokens (POST /sandbox/v1/tokens)', () => {
      it('given only a regular user’s personId, when an admin issues a token, then it holds exactly the user scopes for 14 days', async () => {
        const user = await createPerson(admin);
        const reply = await issue(admin, { personId: user.id });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
        assert.equal(reply.body.token_type, 'Bearer');
        assert.equal(reply.body.expires_in, FOURTEEN_DAYS);
        assert.deepEqual(scopesOf(reply.body.scope), USER_SCOPES);
        const asUser = admin.withToken(reply.body.access_token);
        const me = await asUser.get('/v1/people/me');
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.id, user.id);
        assertWebexError(await asUser.get('/v1/licenses'), 403);
      });

      it('given only an admin’s personId, when an admin issues a token, then it holds every scope', async () => {
        const reply = await issue(admin, { personId: adminPersonId });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(scopesOf(reply.body.scope), ALL_SCOPES);
        const asAdmin = admin.withToken(reply.body.access_token);
        assert.equal((await asAdmin.get('/v1/licenses')).status, 200);
        assert.equal((await asAdmin.get('/v1/organizations')).status, 200);
      });

      it('given only a read-only admin’s personId, when an admin issues a token, then it holds the user and admin read scopes', async () => {
        const reader = await createPerson(admin, { roles: [roleId('id_readonly_admin')] });
        const reply = await issue(admin, { personId: reader.id });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(scopesOf(reply.body.scope), [...USER_SCOPES, ...ADMIN_READ_SCOPES].sort());
      });

      it('given an admin scope for a regular user, when issuing a token, then it answers 400', async () => {
        const user = await createPerson(admin);
        const reply = await issue(admin, { personId: user.id, scopes: ['spark:people_read', 'spark-admin:people_read'] });
        assertWebexError(reply, 400, /spark-admin:people_read/);
        assertWebexError(await issue(admin, { personId: user.id, scopes: 'spark-admin:licenses_read' }), 400, /spark-admin:licenses_read/);
      });

      it('given scopes as a space-separated string, when issuing a token, then it holds exactly those scopes', async () => {
        const reply = await issue(admin, { personId: adminPersonId, scopes: 'spark-admin:licenses_read  spark-admin:people_read' });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(scopesOf(reply.body.scope), ['spark-admin:licenses_read', 'spark-admin:people_read']);
        const limited = admin.withToken(reply.body.access_token);
        assert.equal((await limited.get('/v1/licenses')).status, 200);
        assert.equal((await limited.get('/v1/people')).status, 200);
        assertWebexError(await limited.get('/v1/organizations'), 403);
      });

      it('given scopes as an array, when issuing a token, then it holds exactly those scopes', async () => {
        const reply = await issue(admin, { personId: adminPersonId, scopes: ['spark-admin:organizations_read'] });
        assert.equal(reply.status, 201, reply.text);
        assert.equal(reply.body.scope, 'spark-admin:organizations_read');
        const limited = admin.withToken(reply.body.access_token);
        assert.equal((await limited.get('/v1/organizations')).status, 200);
        assertWebexError(await limited.get('/v1/licenses'), 403);
      });

      it('given a caller who is not a full administrator, when issuing a token, then it answers 403', async () => {
        const user = await createPerson(admin);
        const userToken = (await issue(admin, { personId: user.id })).body.access_token;
        assertWebexError(await issue(admin.withToken(userToken), { personId: user.id }), 403);
        const reader = await createPerson(admin, { roles: [roleId('id_readonly_admin')] });
        const readerToken = (await issue(admin, { personId: reader.id })).body.access_token;
        assertWebexError(await issue(admin.withToken(readerToken), { personId: reader.id }), 403);
      });

      it('given a person of another organization, or no person, when issuing a token, then it answers 404', async () => {
        const other = await createOrganization(server.anonymous);
        assertWebexError(await issue(admin, { personId: other.personId }), 404);
        assertWebexError(await issue(other.admin, { personId: adminPersonId }), 404);
        assertWebexError(await issue(admin, { personId: 'not-a-person' }), 404);
      });

      it('given an expiresIn of 0 or beyond a year, when issuing a token, then it answers 400', async () => {
        assertWebexError(await issue(admin, { personId: adminPersonId, expiresIn: 0 }), 400, /expiresIn/);
        assertWebexError(await issue(admin, { personId: adminPersonId, expiresIn: 366 * 24 * 3600 }), 400, /expiresIn/);
      });

      it('given a token of a person since deleted, when it is used, then it answers 401', async () => {
        const user = await createPerson(admin);
        const asUser = admin.withToken((await issue(admin, { personId: user.id })).body.access_token);
        assert.equal((await asUser.get('/v1/people/me')).status, 200);
        assert.equal((await admin.delete(`/v1/people/${user.id}`)).status, 204);
        assertWebexError(await asUser.get('/v1/people/me'), 401);
      });

      it('given no token or an unknown one, when issuing a token, then it answers 401', async () => {
        assertWebexError(await issue(server.anonymous, { personId: adminPersonId }), 401);
        assertWebexError(await issue(admin.withToken('not-a-token'), { personId: adminPersonId }), 401);
      });
    });
  });

  // Its own server with a clock the test moves; started after the other suite's server is closed.
  describe(`Sandbox token expiry (${dialect})`, () => {
    let clock: SandboxClock;
    let timed: TestServer;

    before(async () => {
      clock = new SandboxClock('manual');
      timed = await startServer(dialect, { clock });
    });
    after(() => timed.close());

    it('given a token issued with expiresIn 60, when 61 seconds pass, then it answers 401 while a longer one still works', async () => {
      const timedAdminId = (await timed.admin.get('/v1/people/me')).body.id;
      const short = await issue(timed.admin, { personId: timedAdminId, expiresIn: 60 });
      assert.equal(short.status, 201, short.text);
      assert.equal(short.body.expires_in, 60);
      const long = await issue(timed.admin, { personId: timedAdminId, expiresIn: 120 });
      const shortClient = timed.anonymous.withToken(short.body.access_token);
      const longClient = timed.anonymous.withToken(long.body.access_token);
      assert.equal((await shortClient.get('/v1/people/me')).status, 200);
      await clock.advance(59_000);
      assert.equal((await shortClient.get('/v1/people/me')).status, 200, 'still valid before its 60 seconds are up');
      await clock.advance(2_000);
      assertWebexError(await shortClient.get('/v1/people/me'), 401);
      assertWebexError(await shortClient.get('/v1/licenses'), 401);
      assert.equal((await longClient.get('/v1/people/me')).status, 200);
      assert.equal((await timed.admin.get('/v1/people/me')).status, 200, 'the configured admin token never expires');
    });
  });
}
