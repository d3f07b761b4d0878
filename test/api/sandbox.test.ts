import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization, createPerson, defaultLocation, licenses, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const USER_SCOPES = ['spark:calls_read', 'spark:calls_write', 'spark:kms', 'spark:people_read', 'spark:recordings_read', 'spark:recordings_write'];
const ADMIN_READ_SCOPES = [
  'analytics:read_all',
  'spark-admin:calling_cdr_read',
  'spark-admin:calls_read',
  'spark-admin:device_read',
  'spark-admin:devices_read',
  'spark-admin:licenses_read',
  'spark-admin:locations_read',
  'spark-admin:organizations_read',
  'spark-admin:people_read',
  'spark-admin:recordings_read',
  'spark-admin:reports_read',
  'spark-admin:telephony_config_read',
  'spark-admin:telephony_pstn_read',
  'spark-admin:workspaces_read',
];
const ADMIN_WRITE_SCOPES = [
  'spark-admin:calls_write',
  'spark-admin:devices_write',
  'spark-admin:locations_write',
  'spark-admin:people_write',
  'spark-admin:recordings_write',
  'spark-admin:reports_write',
  'spark-admin:telephony_config_write',
  'spark-admin:telephony_pstn_write',
  'spark-admin:workspaces_write',
];
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
        assert.deepEqual(Object.keys(reply.body).sort(), ['accessToken', 'access_token', 'orgId', 'personId']);
        const { orgId, personId, access_token: accessToken } = reply.body;
        assert.equal(reply.body.accessToken, accessToken, 'the older spelling carries the same token');
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

      it('given a token limited to spark:kms (the issue’s repro), when it asks for a full token, then it answers 403 naming the scope it lacks, and reaches no admin sandbox route', async () => {
        const k = admin.withToken((await issue(admin, { personId: adminPersonId, scopes: ['spark:kms'] })).body.access_token);
        assertWebexError(await k.get('/v1/people'), 403, /spark-admin:people_read/);
        assertWebexError(await issue(k, { personId: adminPersonId }), 403, /spark-admin:people_write/);
        const license = (await licenses(admin)).professional;
        assertWebexError(await k.put(`/sandbox/v1/licenses/${license}`, { totalUnits: 5 }), 403, /spark-admin:people_write/);
        assertWebexError(await k.get('/sandbox/v1/calls'), 403, /spark-admin:calls_read/);
        assertWebexError(await k.post('/sandbox/v1/calls', { from: '+14155550000', to: '1001' }), 403, /spark-admin:calls_write/);
        assertWebexError(await k.get('/sandbox/v1/faults'), 403, /spark-admin:organizations_read/);
        assertWebexError(await k.post('/sandbox/v1/faults', { path: '/v1/people', status: 500 }), 403, /spark-admin:telephony_config_write/);
        assertWebexError(await k.get('/sandbox/v1/events'), 403, /spark-admin:calls_read/);
        assert.equal((await k.get('/sandbox/v1/clock')).status, 200, 'any token reads the clock');
      });

      it('given a token holding only spark-admin:people_write, when it issues tokens, then they hold at most that scope', async () => {
        const writer = admin.withToken((await issue(admin, { personId: adminPersonId, scopes: ['spark-admin:people_write'] })).body.access_token);
        const own = await issue(writer, { personId: adminPersonId });
        assert.equal(own.status, 201, own.text);
        assert.equal(own.body.scope, 'spark-admin:people_write', 'the admin’s roles allow every scope; the caller holds one');
        assertWebexError(await issue(writer, { personId: adminPersonId, scopes: ['spark-admin:people_write', 'spark-admin:licenses_read'] }), 403, /spark-admin:licenses_read/);
        const user = await createPerson(admin);
        assertWebexError(await issue(writer, { personId: user.id }), 403, /none of the scopes/);
      });

      it('given a full token, when it issues one without scopes, then it gets every scope the person’s roles allow (nothing lost)', async () => {
        const full = admin.withToken((await issue(admin, { personId: adminPersonId })).body.access_token);
        const again = await issue(full, { personId: adminPersonId });
        assert.deepEqual(scopesOf(again.body.scope), ALL_SCOPES);
      });

      it('given a caller who is not a full administrator and a broken body, when issuing a token, then it answers 403, not 400: the role is checked first', async () => {
        const reader = await createPerson(admin, { roles: [roleId('id_readonly_admin')] });
        const asReader = admin.withToken((await issue(admin, { personId: reader.id })).body.access_token);
        assertWebexError(await issue(asReader, { personId: 42, scopes: { no: 1 } }), 403);
        const user = await createPerson(admin);
        const asUser = admin.withToken((await issue(admin, { personId: user.id })).body.access_token);
        assertWebexError(await issue(asUser, { expiresIn: 'soon' }), 403);
        assertWebexError(await asUser.put('/sandbox/v1/clock', { mode: 'sideways' }), 403);
        assertWebexError(await asUser.put(`/sandbox/v1/licenses/${(await licenses(admin)).basic}`, { totalUnits: -1 }), 403);
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

  describe(`The server clock is the operator's (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server.close());

    it('given a full administrator who is not the operator (a signed-up organization, or a full token of the demo admin), when moving the clock, then it answers 403 and the clock stays', async () => {
      const other = await createOrganization(server.anonymous);
      const me = (await server.admin.get('/v1/people/me')).body.id;
      const fullToken = server.admin.withToken((await issue(server.admin, { personId: me })).body.access_token);
      for (const api of [other.admin, fullToken]) {
        assertWebexError(await api.put('/sandbox/v1/clock', { mode: 'manual' }), 403, /operator/);
        assertWebexError(await api.post('/sandbox/v1/clock/advance', { ms: 1000 }), 403, /operator/);
        assert.equal((await api.get('/sandbox/v1/clock')).status, 200, 'reading stays open');
      }
      assert.equal(server.app.clock.currentMode, 'real');
    });

    it('given the operator (CALLPLANE_ADMIN_TOKEN), when moving the clock, then it moves', async () => {
      const manual = await server.admin.put('/sandbox/v1/clock', { mode: 'manual' });
      assert.equal(manual.status, 200, manual.text);
      const before = Date.parse(manual.body.now);
      const moved = await server.admin.post('/sandbox/v1/clock/advance', { ms: 5000 });
      assert.equal(moved.status, 200, moved.text);
      assert.equal(Date.parse(moved.body.now) - before, 5000);
      assert.equal((await server.admin.put('/sandbox/v1/clock', { mode: 'real' })).status, 200);
    });
  });

  describe(`Without CALLPLANE_ADMIN_TOKEN the generated demo token is the operator's (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { config: { adminToken: undefined } });
    });
    after(() => server.close());

    it('given the generated demo admin token, when moving the clock, then it moves', async () => {
      const reply = await server.admin.put('/sandbox/v1/clock', { mode: 'manual' });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.mode, 'manual');
    });
  });

  describe(`Organization sign-up for the operator only (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { config: { signup: { mode: 'operator', rateLimit: { max: 100, windowMs: 60_000 } } } });
    });
    after(() => server.close());

    it('given CALLPLANE_SIGNUP=operator, when anyone else signs up, then 401 without a token and 403 with another one; the operator may', async () => {
      const me = (await server.admin.get('/v1/people/me')).body.id;
      const notOperator = server.admin.withToken((await issue(server.admin, { personId: me })).body.access_token);
      assertWebexError(await server.anonymous.post('/sandbox/v1/orgs', { displayName: 'Nope' }), 401);
      assertWebexError(await notOperator.post('/sandbox/v1/orgs', { displayName: 'Nope' }), 403, /operator/);
      const made = await server.admin.post('/sandbox/v1/orgs', { displayName: 'By the operator' });
      assert.equal(made.status, 201, made.text);
    });
  });

  describe(`Organization sign-up is rate-limited per client address (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      // The general rate limit is off (undefined): sign-up keeps its own.
      server = await startServer(dialect, { config: { rateLimit: undefined, signup: { mode: 'open', rateLimit: { max: 2, windowMs: 60_000 } } } });
    });
    after(() => server.close());

    it('given two sign-ups from one address, when a third comes within the window, then it answers 429 with Retry-After, whatever headers it sends', async () => {
      assert.equal((await server.anonymous.post('/sandbox/v1/orgs', { displayName: 'One' })).status, 201);
      assert.equal((await server.anonymous.withToken('junk-1').post('/sandbox/v1/orgs', { displayName: 'Two' })).status, 201);
      const third = await server.anonymous.withToken('junk-2').post('/sandbox/v1/orgs', { displayName: 'Three' });
      assertWebexError(third, 429);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
      assert.equal((await server.admin.get('/v1/people/me')).status, 200, 'other routes are not limited');
    });
  });
}
