import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingUser,
  createOrganization,
  createPerson,
  defaultLocation,
  freeExtension,
  freeNumbers,
  licenses,
  unique,
  usNational,
  type Licenses,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { assertWebexShape } from '../support/webex-schemas.ts';

type License = {
  id: string;
  name: string;
  totalUnits: number;
  consumedUnits: number;
  consumedByUsers: number;
  consumedByWorkspaces: number;
  subscriptionId: string;
  siteUrl?: string;
  siteType?: string;
};

const CALLING_LICENSES = ['Webex Calling - Professional', 'Webex Calling - Basic', 'Webex Calling - Workspaces'];

/** A well-formed ID of the given type that names nothing. */
const ghostId = (type: string, value = '00000000-0000-4000-8000-000000000000') =>
  Buffer.from(`ciscospark://us/${type}/${value}`).toString('base64url');

for (const dialect of dialects) {
  describe(`Licenses API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let lic: Licenses;
    let hq: { id: string };
    let adminPersonId: string;
    let orgId: string;

    /** Whether a number is free in the inventory. */
    const isFree = async (phoneNumber: string) => {
      const reply = await admin.get('/v1/telephony/config/numbers', { phoneNumber, available: true });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.phoneNumbers.some((n: { phoneNumber: string }) => n.phoneNumber === phoneNumber);
    };
    /** Whether an extension is taken in the organization. */
    const extensionTaken = async (extension: string) => {
      const reply = await admin.get('/v1/telephony/config/numbers', { extension });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.phoneNumbers.some((n: { extension?: string }) => n.extension === extension);
    };
    const list = async (api: Client = admin): Promise<License[]> => {
      const reply = await api.get('/v1/licenses');
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items;
    };
    const byName = (items: License[], name: string) => {
      const license = items.find((l) => l.name === name);
      assert.ok(license, `license ${name}`);
      return license;
    };
    const consumed = async (licenseId: string) => {
      const reply = await admin.get(`/v1/licenses/${licenseId}`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.consumedUnits as number;
    };
    const person = async (id: string) => {
      const reply = await admin.get(`/v1/people/${id}`, { callingData: true });
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const assign = (body: Record<string, unknown>, api: Client = admin) => api.patch('/v1/licenses/users', body);

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      lic = await licenses(admin);
      hq = await defaultLocation(admin);
      const me = (await admin.get('/v1/people/me')).body;
      adminPersonId = me.id;
      orgId = me.orgId;
    });
    after(() => server.close());

    describe('listing licenses', () => {
      // First test of the file: the demo organization's usage is still as the demo created it.
      it('given the demo organization, when an admin lists licenses, then the five demo licenses come back in Webex’s shape with their usage', async () => {
        const reply = await admin.get('/v1/licenses');
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('LicenseCollectionResponse', reply.body);
        assert.deepEqual(Object.keys(reply.body), ['items']);
        const items: License[] = reply.body.items;
        for (const item of items) assertWebexShape('License', item);
        assert.deepEqual(
          items.map((l) => [l.name, l.totalUnits, l.consumedUnits]).sort(),
          [
            ['Meeting - Webex Meeting Center', 50, 0],
            ['Messaging', 200, 5],
            ['Webex Calling - Basic', 50, 1],
            ['Webex Calling - Professional', 100, 4],
            ['Webex Calling - Workspaces', 20, 0],
          ],
        );
        for (const item of items) {
          assert.equal(item.consumedByUsers, item.consumedUnits, item.name);
          assert.equal(item.consumedByWorkspaces, 0, item.name);
          assert.equal(typeof item.subscriptionId, 'string');
          const decoded = Buffer.from(item.id, 'base64url').toString();
          assert.match(decoded, /^ciscospark:\/\/us\/LICENSE\/[0-9a-f-]{36}:[A-Z]+_[0-9a-f-]{36}$/);
        }
        const meetings = byName(items, 'Meeting - Webex Meeting Center');
        assert.equal(typeof meetings.siteUrl, 'string');
        assert.equal(meetings.siteType, 'Control Hub managed site');
        for (const other of items.filter((l) => l !== meetings)) {
          assert.equal(other.siteUrl, undefined, `${other.name} has no siteUrl`);
          assert.equal(other.siteType, undefined, `${other.name} has no siteType`);
        }
      });

      it('given a new calling user, when listing licenses, then its calling license counts one more unit until the user is deleted', async () => {
        const before = await list();
        const user = await createCallingUser(admin);
        const during = await list();
        assert.equal(byName(during, 'Webex Calling - Professional').consumedUnits, byName(before, 'Webex Calling - Professional').consumedUnits + 1);
        assert.equal(byName(during, 'Webex Calling - Basic').consumedUnits, byName(before, 'Webex Calling - Basic').consumedUnits);
        assert.equal(byName(during, 'Messaging').consumedUnits, byName(before, 'Messaging').consumedUnits);
        assert.equal((await admin.delete(`/v1/people/${user.id}`)).status, 204);
        const afterwards = await list();
        assert.deepEqual(afterwards, before);
      });
    });

    describe('consumedUnits of Webex Calling licenses', () => {
      it('given a token with only spark-admin:licenses_read, when reading licenses, then Webex Calling licenses show 0 consumed units and the others their real count', async () => {
        const real = await list();
        const readOnly = await clientWithScopes(admin, adminPersonId, ['spark-admin:licenses_read']);
        const shown = await list(readOnly);
        assert.ok(byName(real, 'Webex Calling - Professional').consumedUnits > 0, 'the demo has professional users');
        for (const name of CALLING_LICENSES) assert.equal(byName(shown, name).consumedUnits, 0, name);
        assert.equal(byName(shown, 'Messaging').consumedUnits, byName(real, 'Messaging').consumedUnits);
        assert.ok(byName(shown, 'Messaging').consumedUnits > 0);
        const one = await readOnly.get(`/v1/licenses/${lic.professional}`);
        assert.equal(one.status, 200, one.text);
        assert.equal(one.body.consumedUnits, 0);
        assert.equal(one.body.totalUnits, 100);
      });

      it('given a token with spark-admin:licenses_read and spark-admin:people_write, when reading licenses, then Webex Calling licenses show their real consumed units', async () => {
        const user = await createCallingUser(admin);
        const withWrite = await clientWithScopes(admin, adminPersonId, ['spark-admin:licenses_read', 'spark-admin:people_write']);
        const shown = await list(withWrite);
        const real = await list();
        for (const name of CALLING_LICENSES) assert.equal(byName(shown, name).consumedUnits, byName(real, name).consumedUnits, name);
        assert.ok(byName(shown, 'Webex Calling - Professional').consumedUnits >= 5, 'the demo users and the new user');
        const one = await withWrite.get(`/v1/licenses/${lic.professional}`);
        assert.equal(one.body.consumedUnits, byName(real, 'Webex Calling - Professional').consumedUnits);
        await admin.delete(`/v1/people/${user.id}`);
      });
    });

    describe('getting a license', () => {
      it('given a license ID, when getting it, then it answers that license alone, as in the list', async () => {
        const reply = await admin.get(`/v1/licenses/${lic.meetings}`);
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('License', reply.body);
        assert.equal(reply.body.users, undefined);
        assert.deepEqual(reply.body, byName(await list(), 'Meeting - Webex Meeting Center'));
      });

      it('given includeAssignedTo=user, when getting a license, then it lists its holders as INTERNAL users with id, displayName and email', async () => {
        const user = await createCallingUser(admin);
        const reply = await admin.get(`/v1/licenses/${lic.professional}`, { includeAssignedTo: 'user' });
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('LicensewithUsers', reply.body);
        const users: { id: string; type: string; displayName: string; email: string }[] = reply.body.users;
        assert.equal(users.length, reply.body.consumedUnits);
        for (const u of users) assert.deepEqual(Object.keys(u).sort(), ['displayName', 'email', 'id', 'type']);
        assert.deepEqual(
          users.find((u) => u.id === user.id),
          { id: user.id, type: 'INTERNAL', displayName: user.displayName, email: user.emails[0] },
        );
        assert.ok(users.some((u) => u.id === adminPersonId && u.email === server.demo.adminEmail));
        const meetings = await admin.get(`/v1/licenses/${lic.meetings}`, { includeAssignedTo: 'user' });
        assert.deepEqual(meetings.body.users, []);
      });

      it('given a limit, when listing holders, then users come in pages linked by Link rel="next", followed verbatim', async () => {
        for (let i = 0; i < 2; i++) await createPerson(admin, { licenses: [lic.messaging] });
        const total = await consumed(lic.messaging);
        assert.ok(total >= 7);
        const seen = new Set<string>();
        let reply = await admin.get(`/v1/licenses/${lic.messaging}`, { includeAssignedTo: 'user', limit: 2 });
        let pages = 0;
        for (;;) {
          assert.equal(reply.status, 200, reply.text);
          assert.equal(reply.body.id, lic.messaging);
          assert.ok(reply.body.users.length <= 2 && reply.body.users.length > 0);
          for (const u of reply.body.users) {
            assert.ok(!seen.has(u.id), 'no user twice');
            seen.add(u.id);
          }
          pages++;
          const next = nextLink(reply.headers);
          if (!next) break;
          reply = await admin.follow(next);
        }
        assert.equal(seen.size, total);
        assert.equal(pages, Math.ceil(total / 2));
        const all = await admin.get(`/v1/licenses/${lic.messaging}`, { includeAssignedTo: 'user', limit: 100000 });
        assert.equal(all.status, 200, all.text);
        assert.equal(all.body.users.length, total);
        assert.equal(nextLink(all.headers), undefined);
      });

      it('given an unknown or malformed license ID, when getting it, then it answers 404', async () => {
        const orgUuid = Buffer.from(orgId, 'base64url').toString().split('/').pop();
        assertWebexError(await admin.get(`/v1/licenses/${ghostId('LICENSE', `${orgUuid}:BCSTD_00000000-0000-4000-8000-000000000000`)}`), 404);
        assertWebexError(await admin.get('/v1/licenses/not-a-license'), 404);
        assertWebexError(await admin.get(`/v1/licenses/${adminPersonId}`), 404);
      });
    });

    describe('assigning licenses (PATCH /v1/licenses/users)', () => {
      it('given a non-calling person, when assigning a calling license with extension and locationId, then the person becomes a calling user', async () => {
        const target = await createPerson(admin);
        const extension = freeExtension();
        const before = await consumed(lic.professional);
        const reply = await assign({ personId: target.id, licenses: [{ id: lic.professional, properties: { extension, locationId: hq.id } }] });
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('UserLicensesResponse', reply.body);
        assert.equal(reply.body.personId, target.id);
        assert.equal(reply.body.email, target.emails[0]);
        assert.equal(reply.body.orgId, orgId);
        assert.deepEqual(reply.body.licenses, [lic.professional]);
        assert.deepEqual(reply.body.siteUrls, []);
        const after = await person(target.id);
        assert.equal(after.extension, extension);
        assert.equal(after.locationId, hq.id);
        assert.ok(after.licenses.includes(lic.professional));
        assert.equal(await extensionTaken(extension), true);
        assert.equal(await consumed(lic.professional), before + 1);
      });

      it('given a phoneNumber in E.164 and no locationId, when assigning a calling license, then the person gets that number in the number’s location', async () => {
        const target = await createPerson(admin);
        const [number] = await freeNumbers(admin, hq.id);
        const reply = await assign({ personId: target.id, licenses: [{ id: lic.professional, properties: { phoneNumber: number } }] });
        assert.equal(reply.status, 200, reply.text);
        assert.ok(reply.body.licenses.includes(lic.professional));
        const after = await person(target.id);
        assert.equal(after.locationId, hq.id);
        assert.deepEqual(after.phoneNumbers, [{ type: 'work', value: number, primary: true }]);
        assert.equal(await isFree(number!), false);
      });

      it('given a 10-digit national phoneNumber, an extension and a locationId, when assigning a calling license, then the person gets both', async () => {
        const target = await createPerson(admin);
        const [number] = await freeNumbers(admin, hq.id);
        const extension = freeExtension();
        const reply = await assign({
          personId: target.id,
          licenses: [{ id: lic.basic, operation: 'add', properties: { phoneNumber: usNational(number!), extension, locationId: hq.id } }],
        });
        assert.equal(reply.status, 200, reply.text);
        assert.ok(reply.body.licenses.includes(lic.basic));
        const after = await person(target.id);
        assert.equal(after.extension, extension);
        assert.equal(after.phoneNumbers[0].value, number);
        assert.equal(await isFree(number!), false);
        assert.equal(await extensionTaken(extension), true);
      });

      it('given the person’s email instead of personId, when assigning a license, then that person gets it', async () => {
        const target = await createPerson(admin);
        const extension = freeExtension();
        const reply = await assign({ email: target.emails[0], licenses: [{ id: lic.basic, properties: { extension, locationId: hq.id } }] });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.personId, target.id);
        assert.equal(reply.body.email, target.emails[0]);
        assert.ok(reply.body.licenses.includes(lic.basic));
        assert.equal((await person(target.id)).extension, extension);
      });

      it('given operation remove on a calling user’s calling license, when patching, then the number, the extension and the unit are freed', async () => {
        const user = await createCallingUser(admin);
        const extension = (await person(user.id)).extension;
        assert.equal(await extensionTaken(extension), true);
        const before = await consumed(lic.professional);
        const reply = await assign({ personId: user.id, licenses: [{ id: lic.professional, operation: 'remove' }] });
        assert.equal(reply.status, 200, reply.text);
        assert.ok(!reply.body.licenses.includes(lic.professional));
        const after = await person(user.id);
        assert.equal(after.extension, undefined);
        assert.equal(after.locationId, undefined);
        assert.equal(after.phoneNumbers, undefined);
        assert.equal(await isFree(user.phoneNumber), true);
        assert.equal(await extensionTaken(extension), false);
        assert.equal(await consumed(lic.professional), before - 1);
      });

      it('given a calling license without phoneNumber or extension, when patching, then it answers 400 and assigns nothing', async () => {
        const target = await createPerson(admin);
        const before = await consumed(lic.professional);
        const reply = await assign({ personId: target.id, licenses: [{ id: lic.professional, properties: { locationId: hq.id } }] });
        assertWebexError(reply, 400, /phone number or extension/);
        const after = await person(target.id);
        assert.ok(!after.licenses.includes(lic.professional));
        assert.equal(after.locationId, undefined);
        assert.equal(await consumed(lic.professional), before);
      });

      it('given a calling license with an extension but neither phoneNumber nor locationId, when patching, then it answers 400 and assigns nothing', async () => {
        const target = await createPerson(admin);
        const extension = freeExtension();
        const reply = await assign({ personId: target.id, licenses: [{ id: lic.professional, properties: { extension } }] });
        assertWebexError(reply, 400, /locationId/);
        const after = await person(target.id);
        assert.ok(!after.licenses.includes(lic.professional));
        assert.equal(after.extension, undefined);
        assert.equal(await extensionTaken(extension), false);
      });

      it('given one good and one bad operation, when patching, then it answers 206 and applies the good one only', async () => {
        const target = await createPerson(admin);
        const reply = await assign({
          personId: target.id,
          licenses: [{ id: lic.messaging }, { id: lic.professional, properties: { locationId: hq.id } }],
        });
        assert.equal(reply.status, 206, reply.text);
        assertWebexShape('UserLicensesResponse', reply.body);
        assert.ok(reply.body.licenses.includes(lic.messaging), 'the good operation applied');
        assert.ok(!reply.body.licenses.includes(lic.professional), 'the bad one did not');
        const after = await person(target.id);
        assert.ok(after.licenses.includes(lic.messaging));
        assert.ok(!after.licenses.includes(lic.professional));
      });

      it('given only bad operations, when patching, then it answers 400 with the Webex error body and changes nothing', async () => {
        const target = await createPerson(admin);
        const reply = await assign({
          personId: target.id,
          licenses: [
            { id: lic.professional, properties: { locationId: hq.id } },
            { id: lic.workspaces, properties: { extension: freeExtension(), locationId: hq.id } },
          ],
        });
        assertWebexError(reply, 400, /phone number or extension/);
        const after = await person(target.id);
        assert.deepEqual(after.licenses, target.licenses ?? []);
        assert.equal(after.extension, undefined);
      });

      it('given the meetings license’s siteUrl, when adding then removing it, then the person’s sites follow', async () => {
        const target = await createPerson(admin);
        const siteUrl = byName(await list(), 'Meeting - Webex Meeting Center').siteUrl!;
        const added = await assign({ personId: target.id, siteUrls: [{ siteUrl, accountType: 'attendee', operation: 'add' }] });
        assert.equal(added.status, 200, added.text);
        assertWebexShape('UserLicensesResponse', added.body);
        assert.deepEqual(added.body.siteUrls, [{ siteUrl, accountType: 'attendee' }]);
        assert.deepEqual((await person(target.id)).siteUrls, [`${siteUrl}#attendee`]);
        const removed = await assign({ personId: target.id, siteUrls: [{ siteUrl, operation: 'remove' }] });
        assert.equal(removed.status, 200, removed.text);
        assert.deepEqual(removed.body.siteUrls, []);
        assert.equal((await person(target.id)).siteUrls, undefined);
        assertWebexError(await assign({ personId: target.id, siteUrls: [{ siteUrl: 'elsewhere.webex.com' }] }), 400, /siteUrl/);
      });

      it('given an unknown personId or email, when patching, then it answers 404', async () => {
        assertWebexError(await assign({ personId: ghostId('PEOPLE'), licenses: [{ id: lic.messaging }] }), 404);
        assertWebexError(await assign({ email: `${unique('ghost')}@example.com`, licenses: [{ id: lic.messaging }] }), 404);
      });

      it('given personId and email naming different people, when patching, then it answers 400 and changes nothing', async () => {
        const one = await createPerson(admin);
        const other = await createPerson(admin);
        assertWebexError(await assign({ personId: one.id, email: other.emails[0], licenses: [{ id: lic.messaging }] }), 400, /different people/);
        assert.ok(!(await person(one.id)).licenses.includes(lic.messaging));
        assert.ok(!(await person(other.id)).licenses.includes(lic.messaging));
      });

      it('given neither personId nor email, when patching, then it answers 400', async () => {
        assertWebexError(await assign({ licenses: [{ id: lic.messaging }] }), 400, /personId or email/);
      });
    });

    describe('isolation and scopes', () => {
      it('given another organization’s license, when getting it, then it answers 404, and when assigning it, 400', async () => {
        const other = await createOrganization(server.anonymous);
        const theirs = await licenses(other.admin);
        assertWebexError(await admin.get(`/v1/licenses/${theirs.professional}`), 404);
        assertWebexError(await admin.get(`/v1/licenses/${theirs.messaging}`, { includeAssignedTo: 'user' }), 404);
        const ours = await createPerson(admin);
        assertWebexError(await assign({ personId: ours.id, licenses: [{ id: theirs.messaging }] }), 400, /not a license of this organization/);
        assert.ok(!(await person(ours.id)).licenses.includes(theirs.messaging));
        // Our licenses are as unknown to them.
        assertWebexError(await other.admin.get(`/v1/licenses/${lic.messaging}`), 404);
      });

      it('given another organization’s person, when assigning them a license, then it answers 404', async () => {
        const other = await createOrganization(server.anonymous);
        const stranger = await createPerson(other.admin);
        assertWebexError(await assign({ personId: stranger.id, licenses: [{ id: lic.messaging }] }), 404);
        assertWebexError(await assign({ email: stranger.emails[0], licenses: [{ id: lic.messaging }] }), 404);
        const theirs = await licenses(other.admin);
        const holders = await other.admin.get(`/v1/licenses/${theirs.messaging}`, { includeAssignedTo: 'user' });
        assert.ok(!holders.body.users.some((u: { id: string }) => u.id === stranger.id));
      });

      it('given orgId of another organization in the query or the body, when calling, then it answers 403', async () => {
        const other = await createOrganization(server.anonymous);
        const target = await createPerson(admin);
        assertWebexError(await admin.get('/v1/licenses', { orgId: other.orgId }), 403);
        assertWebexError(await admin.get(`/v1/licenses/${lic.messaging}`, { orgId: other.orgId }), 403);
        assertWebexError(await assign({ orgId: other.orgId, personId: target.id, licenses: [{ id: lic.messaging }] }), 403);
        assert.ok(!(await person(target.id)).licenses.includes(lic.messaging));
        const own = await admin.get('/v1/licenses', { orgId });
        assert.equal(own.status, 200, own.text);
        assert.equal(own.body.items.length, 5);
      });

      it('given a token without the needed scope, when calling, then it answers 403', async () => {
        const target = await createPerson(admin);
        const noLicenses = await clientWithScopes(admin, adminPersonId, ['spark-admin:people_read', 'spark-admin:people_write']);
        assertWebexError(await noLicenses.get('/v1/licenses'), 403);
        assertWebexError(await noLicenses.get(`/v1/licenses/${lic.messaging}`), 403);
        const readOnly = await clientWithScopes(admin, adminPersonId, ['spark-admin:licenses_read', 'spark-admin:people_read']);
        assertWebexError(await assign({ personId: target.id, licenses: [{ id: lic.messaging }] }, readOnly), 403);
        assert.ok(!(await person(target.id)).licenses.includes(lic.messaging));
        const user = await createPerson(admin);
        const asUser = await clientWithScopes(admin, user.id, ['spark:people_read', 'spark:calls_read']);
        assertWebexError(await asUser.get('/v1/licenses'), 403);
        assertWebexError(await assign({ personId: user.id, licenses: [{ id: lic.messaging }] }, asUser), 403);
      });

      it('given no token, when calling, then it answers 401', async () => {
        const target = await createPerson(admin);
        assertWebexError(await server.anonymous.get('/v1/licenses'), 401);
        assertWebexError(await server.anonymous.get(`/v1/licenses/${lic.messaging}`), 401);
        assertWebexError(await server.anonymous.patch('/v1/licenses/users', { personId: target.id, licenses: [{ id: lic.messaging }] }), 401);
        assertWebexError(await admin.withToken('not-a-token').get('/v1/licenses'), 401);
        assert.ok(!(await person(target.id)).licenses.includes(lic.messaging));
      });
    });
  });
}
