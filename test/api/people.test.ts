import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingUser,
  createLocation,
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

for (const dialect of dialects) {
  describe(`People API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let lic: Licenses;
    let hq: { id: string };

    /** Whether a number is free in the inventory. */
    const isFree = async (phoneNumber: string) => {
      const reply = await admin.get('/v1/telephony/config/numbers', { phoneNumber, available: true });
      return reply.body.phoneNumbers.some((n: { phoneNumber: string }) => n.phoneNumber === phoneNumber);
    };
    /** Whether an extension is taken in a location. */
    const extensionTaken = async (extension: string) => {
      const reply = await admin.get('/v1/telephony/config/numbers', { extension });
      return reply.body.phoneNumbers.length > 0;
    };
    const consumed = async (licenseId: string) => (await admin.get(`/v1/licenses/${licenseId}`)).body.consumedUnits as number;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      lic = await licenses(admin);
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    describe('creating a Webex Calling user', () => {
      it('given a number, extension and calling license, creates the user with calling data', async () => {
        const [number] = await freeNumbers(admin, hq.id);
        const extension = freeExtension();
        const reply = await admin.post(
          '/v1/people',
          {
            emails: [`${unique('calling')}@example.com`],
            displayName: 'Calling User',
            firstName: 'Calling',
            lastName: 'User',
            phoneNumbers: [{ type: 'work', value: usNational(number!) }],
            extension,
            locationId: hq.id,
            licenses: [lic.professional],
          },
          { callingData: true },
        );
        assert.equal(reply.status, 200, reply.text);
        assertWebexShape('Person', reply.body);
        assert.equal(reply.body.extension, extension);
        assert.equal(reply.body.locationId, hq.id);
        assert.deepEqual(reply.body.phoneNumbers, [
          { type: 'work', value: number, primary: true },
          { type: 'work_extension', value: extension, primary: false },
        ]);
        assert.ok(reply.body.licenses.includes(lic.professional));
        assert.equal(await isFree(number!), false);
      });

      it('given no locationId, puts the user in the organization’s default location', async () => {
        const person = await createPerson(admin, { extension: freeExtension(), licenses: [lic.basic] }, { callingData: 'true' });
        assert.equal(person.locationId, hq.id);
      });

      it('given an extension only, creates a calling user without a number', async () => {
        const extension = freeExtension();
        const person = await createPerson(admin, { extension, licenses: [lic.professional] }, { callingData: 'true' });
        assert.equal(person.extension, extension);
        assert.deepEqual(person.phoneNumbers, [{ type: 'work_extension', value: extension, primary: false }]);
      });

      it('given a calling license without number or extension, refuses and creates nothing', async () => {
        const email = `${unique('nonumber')}@example.com`;
        const reply = await admin.post('/v1/people', { emails: [email], displayName: 'No Number', licenses: [lic.professional] });
        assertWebexError(reply, 400, /phone number or extension/);
        assert.deepEqual((await admin.get('/v1/people', { email })).body.items, []);
      });

      it('given a number or extension without a calling license, refuses and creates nothing', async () => {
        const email = `${unique('nolicense')}@example.com`;
        const reply = await admin.post('/v1/people', { emails: [email], displayName: 'No License', extension: freeExtension() });
        assertWebexError(reply, 400, /Webex Calling license/);
        assert.deepEqual((await admin.get('/v1/people', { email })).body.items, []);
      });

      for (const invalid of ['+1NUMBER', '1NUMBER', 'AAA-BBB-CCCC']) {
        it(`given the US number written as ${invalid}, creates the person without number or extension, both stay free`, async () => {
          const [number] = await freeNumbers(admin, hq.id);
          const national = usNational(number!);
          const value = invalid
            .replace('NUMBER', national)
            .replace('AAA', national.slice(0, 3))
            .replace('BBB', national.slice(3, 6))
            .replace('CCCC', national.slice(6));
          const extension = freeExtension();
          const email = `${unique('badnumber')}@example.com`;
          const professionalBefore = await consumed(lic.professional);
          const reply = await admin.post('/v1/people', {
            emails: [email],
            displayName: 'Bad Number',
            phoneNumbers: [{ type: 'work', value }],
            extension,
            licenses: [lic.professional],
          });
          assertWebexError(reply, 400, /without a phone number or extension.*US numbers are 10 digits/);
          const found = await admin.get('/v1/people', { email, callingData: true });
          assert.equal(found.body.items.length, 1, 'the person exists');
          const person = found.body.items[0];
          assert.equal(person.extension, undefined);
          assert.equal(person.phoneNumbers, undefined);
          assert.equal(person.locationId, undefined);
          assert.ok(!person.licenses.includes(lic.professional), 'no calling license without a line');
          assert.equal(await isFree(number!), true, 'the number stays free');
          assert.equal(await extensionTaken(extension), false, 'the extension stays free');
          assert.equal(await consumed(lic.professional), professionalBefore);
        });
      }

      it('given a number outside the location’s inventory, creates the person without calling data', async () => {
        const email = `${unique('foreign')}@example.com`;
        const reply = await admin.post('/v1/people', {
          emails: [email],
          displayName: 'Foreign Number',
          phoneNumbers: [{ type: 'work', value: '2025550199' }],
          extension: freeExtension(),
          licenses: [lic.professional],
        });
        assertWebexError(reply, 400, /not in the number inventory/);
        const found = await admin.get('/v1/people', { email, callingData: true });
        assert.equal(found.body.items[0].extension, undefined);
      });

      it('given a non-US location, takes E.164 numbers and refuses national ones', async () => {
        const paris = await createLocation(admin, {
          name: unique('Paris '),
          timeZone: 'Europe/Paris',
          address: { address1: '1 Rue de Rivoli', city: 'Paris', state: 'IDF', postalCode: '75001', country: 'FR' },
        });
        // Enable calling and stock numbers the way the store would after the Location Call Settings API.
        await server.app.store.transaction(async (tx) => {
          const id = Buffer.from(paris.id, 'base64url').toString().split('/').pop()!;
          const location = (await tx.locations.get(server.demo.orgId, id))!;
          await tx.locations.update({ ...location, callingEnabled: true });
        });
        const added = await admin.post(`/v1/telephony/config/locations/${paris.id}/numbers`, { phoneNumbers: ['+33157155121', '+33157155122'] });
        assert.equal(added.status, 201, added.text);
        const ok = await createPerson(
          admin,
          { phoneNumbers: [{ type: 'work', value: '+33157155121' }], locationId: paris.id, licenses: [lic.professional] },
          { callingData: 'true' },
        );
        assert.equal((ok.phoneNumbers as { value: string }[])[0]!.value, '+33157155121');
        const national = await admin.post('/v1/people', {
          emails: [`${unique('fr')}@example.com`],
          displayName: 'French National',
          phoneNumbers: [{ type: 'work', value: '0157155122' }],
          locationId: paris.id,
          licenses: [lic.professional],
        });
        assertWebexError(national, 400, /E\.164/);
      });

      it('given an extension already used in the location, answers 409 and creates nothing', async () => {
        const extension = freeExtension();
        await createPerson(admin, { extension, licenses: [lic.professional] });
        const email = `${unique('dupext')}@example.com`;
        const reply = await admin.post('/v1/people', { emails: [email], displayName: 'Dup', extension, licenses: [lic.professional] });
        assertWebexError(reply, 409, /Extension/);
        assert.deepEqual((await admin.get('/v1/people', { email })).body.items, []);
      });

      it('given a number already assigned, creates the person without calling data', async () => {
        const taken = await createCallingUser(admin);
        const email = `${unique('taken')}@example.com`;
        const reply = await admin.post('/v1/people', {
          emails: [email],
          displayName: 'Taken',
          phoneNumbers: [{ type: 'work', value: usNational(taken.phoneNumber) }],
          licenses: [lic.professional],
        });
        assertWebexError(reply, 400, /already assigned/);
      });

      it('given two work numbers, refuses: only the primary number is supported', async () => {
        const numbers = await freeNumbers(admin, hq.id, 2);
        const reply = await admin.post('/v1/people', {
          emails: [`${unique('two')}@example.com`],
          displayName: 'Two Numbers',
          phoneNumbers: numbers.map((n) => ({ type: 'work', value: usNational(n) })),
          licenses: [lic.professional],
        });
        assertWebexError(reply, 400, /primary phone number/);
      });

      it('given a duplicate email, answers 409', async () => {
        const person = await createPerson(admin);
        const reply = await admin.post('/v1/people', { emails: person.emails, displayName: 'Again' });
        assertWebexError(reply, 409, /already exists/);
      });

      it('given no name at all, or a bad email, answers 400', async () => {
        assertWebexError(await admin.post('/v1/people', { emails: [`${unique()}@example.com`] }), 400, /displayName/);
        assertWebexError(await admin.post('/v1/people', { emails: ['not-an-email'], displayName: 'X' }), 400, /email/);
        assertWebexError(await admin.post('/v1/people', { displayName: 'X' }), 400, /emails/);
        assertWebexError(await admin.post('/v1/people', { emails: 'x@example.com', displayName: 'X' }), 400, /emails/);
      });

      it('given a Workspaces license, refuses it for a person', async () => {
        const reply = await admin.post('/v1/people', {
          emails: [`${unique()}@example.com`],
          displayName: 'W',
          extension: freeExtension(),
          licenses: [lic.workspaces],
        });
        assertWebexError(reply, 400, /Workspaces/);
      });

      it('given locationId without a calling license, refuses', async () => {
        const reply = await admin.post('/v1/people', { emails: [`${unique()}@example.com`], displayName: 'L', locationId: hq.id });
        assertWebexError(reply, 400, /locationId/);
      });

      it('given minResponse, answers with the ID only', async () => {
        const reply = await admin.post('/v1/people', { emails: [`${unique()}@example.com`], displayName: 'Min' }, { minResponse: true });
        assert.equal(reply.status, 200);
        assert.deepEqual(Object.keys(reply.body), ['id']);
      });
    });

    describe('updating a person', () => {
      it('given a new number and extension for a calling user, changes both and frees the old ones', async () => {
        const user = await createCallingUser(admin);
        const [next] = await freeNumbers(admin, hq.id);
        const extension = freeExtension();
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const reply = await admin.put(
          `/v1/people/${user.id}`,
          { ...current, phoneNumbers: [{ type: 'work', value: usNational(next!) }], extension },
          { callingData: true },
        );
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.extension, extension);
        assert.equal(reply.body.phoneNumbers[0].value, next);
        assert.equal(await isFree(user.phoneNumber), true, 'the old number is free');
        assert.equal(await isFree(next!), false);
      });

      it('given the body of its own GET, changes nothing but what was edited', async () => {
        const user = await createCallingUser(admin);
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const reply = await admin.put(`/v1/people/${user.id}`, { ...current, title: 'Engineer' }, { callingData: true });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.title, 'Engineer');
        assert.deepEqual(reply.body.phoneNumbers, current.phoneNumbers);
        assert.equal(reply.body.locationId, current.locationId);
      });

      it('given another locationId for an existing calling user, refuses and changes nothing', async () => {
        const user = await createCallingUser(admin);
        const other = await createLocation(admin);
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const reply = await admin.put(`/v1/people/${user.id}`, { ...current, locationId: other.id, title: 'Moved' });
        assertWebexError(reply, 400, /cannot update the locationId/);
        const after = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        assert.deepEqual(after, current);
      });

      it('given a calling license for an existing user, applies it with the default location', async () => {
        const person = await createPerson(admin);
        const reply = await admin.put(
          `/v1/people/${person.id}`,
          { displayName: person.displayName, licenses: [lic.professional], extension: freeExtension() },
          { callingData: true },
        );
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.locationId, hq.id);
      });

      it('given a calling license and locationId for an existing user, uses that location', async () => {
        const person = await createPerson(admin);
        const [number] = await freeNumbers(admin, hq.id);
        const reply = await admin.put(
          `/v1/people/${person.id}`,
          { displayName: person.displayName, licenses: [lic.professional], locationId: hq.id, phoneNumbers: [{ type: 'work', value: usNational(number!) }] },
          { callingData: true },
        );
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.phoneNumbers[0].value, number);
      });

      it('given a locationId without a new calling license, refuses', async () => {
        const person = await createPerson(admin);
        const reply = await admin.put(`/v1/people/${person.id}`, { displayName: person.displayName, locationId: hq.id });
        assertWebexError(reply, 400, /locationId/);
      });

      it('given an invalid US number format, refuses and changes nothing', async () => {
        const user = await createCallingUser(admin);
        const [next] = await freeNumbers(admin, hq.id);
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const reply = await admin.put(`/v1/people/${user.id}`, { ...current, phoneNumbers: [{ type: 'work', value: next }] });
        assertWebexError(reply, 400, /10 digits/);
        assert.deepEqual((await admin.get(`/v1/people/${user.id}`, { callingData: true })).body, current);
        assert.equal(await isFree(next!), true);
      });

      it('given the calling license left out of licenses, removes calling and frees the line', async () => {
        const user = await createCallingUser(admin);
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const reply = await admin.put(
          `/v1/people/${user.id}`,
          { displayName: current.displayName, emails: current.emails, licenses: [lic.messaging] },
          { callingData: true },
        );
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.extension, undefined);
        assert.equal(await isFree(user.phoneNumber), true);
      });

      it('given no displayName, answers 400; given an unknown person, 404', async () => {
        const person = await createPerson(admin);
        assertWebexError(await admin.put(`/v1/people/${person.id}`, { title: 'x' }), 400, /displayName/);
        const ghost = Buffer.from('ciscospark://us/PEOPLE/00000000-0000-4000-8000-000000000000').toString('base64url');
        assertWebexError(await admin.put(`/v1/people/${ghost}`, { displayName: 'x' }), 404);
      });
    });

    describe('reading people', () => {
      it('shows calling fields only with callingData=true', async () => {
        const user = await createCallingUser(admin);
        const plain = (await admin.get(`/v1/people/${user.id}`)).body;
        assert.equal(plain.extension, undefined);
        assert.equal(plain.phoneNumbers, undefined);
        assert.equal(plain.locationId, undefined);
        const calling = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        assert.equal(calling.locationId, hq.id);
        assertWebexShape('Person', calling);
      });

      it('queries calling users by location', async () => {
        const branch = await createLocation(admin);
        const reply = await admin.get('/v1/people', { locationId: hq.id, callingData: true, max: 50 });
        assert.equal(reply.status, 200);
        assert.ok(reply.body.items.length > 0);
        assert.ok(reply.body.items.every((p: { locationId: string }) => p.locationId === hq.id));
        assert.deepEqual((await admin.get('/v1/people', { locationId: branch.id })).body.items, []);
        assertWebexShape('PersonCollectionResponse', reply.body);
      });

      it('finds people by email, displayName prefix and id, with notFoundIds', async () => {
        const person = await createPerson(admin);
        const byEmail = await admin.get('/v1/people', { email: person.emails[0] });
        assert.deepEqual(byEmail.body.items.map((p: { id: string }) => p.id), [person.id]);
        const byName = await admin.get('/v1/people', { displayName: person.displayName.slice(0, 10).toLowerCase() });
        assert.ok(byName.body.items.some((p: { id: string }) => p.id === person.id));
        const ghost = Buffer.from('ciscospark://us/PEOPLE/00000000-0000-4000-8000-000000000000').toString('base64url');
        const byId = await admin.get('/v1/people', { id: `${person.id},${ghost}` });
        assert.deepEqual(byId.body.items.map((p: { id: string }) => p.id), [person.id]);
        assert.deepEqual(byId.body.notFoundIds, [ghost]);
        assert.equal(byId.body.items[0].licenses, undefined, 'no admin fields on ?id= lookups');
      });

      it('pages with max and Link rel="next", clamping max instead of refusing it', async () => {
        for (let i = 0; i < 3; i++) await createPerson(admin);
        const seen = new Set<string>();
        let reply = await admin.get('/v1/people', { max: 2 });
        let pages = 0;
        for (;;) {
          assert.equal(reply.status, 200, reply.text);
          assert.ok(reply.body.items.length <= 2);
          for (const p of reply.body.items) {
            assert.ok(!seen.has(p.id), 'no person twice');
            seen.add(p.id);
          }
          pages++;
          const next = nextLink(reply.headers);
          if (!next) break;
          reply = await admin.follow(next);
        }
        const all = await admin.get('/v1/people', { max: 100000 });
        assert.equal(all.status, 200);
        assert.equal(all.body.items.length, seen.size);
        assert.ok(pages >= 3);
        assert.equal((await admin.get('/v1/people', { max: 0 })).body.items.length, 1);
      });

      it('GET /people/me answers the token’s own person', async () => {
        const me = await admin.get('/v1/people/me', { callingData: true });
        assert.equal(me.status, 200);
        assert.equal(me.body.emails[0], server.demo.adminEmail);
        assert.equal(me.body.extension, '1000');
      });

      it('a user token needs email or displayName to list, and sees no admin or calling fields', async () => {
        const user = await createCallingUser(admin);
        const asUser = await clientWithScopes(admin, user.id, ['spark:people_read']);
        assertWebexError(await asUser.get('/v1/people'), 400, /email, displayName or id/);
        const found = await asUser.get('/v1/people', { email: user.emails[0], callingData: true });
        assert.equal(found.status, 200);
        assert.equal(found.body.items[0].licenses, undefined);
        assert.equal(found.body.items[0].extension, undefined);
        const me = await asUser.get('/v1/people/me');
        assert.equal(me.body.id, user.id);
      });
    });

    describe('deleting a person', () => {
      it('frees the number, the extension and the license unit', async () => {
        const before = await consumed(lic.professional);
        const user = await createCallingUser(admin);
        const extension = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body.extension;
        assert.equal(await consumed(lic.professional), before + 1);
        const reply = await admin.delete(`/v1/people/${user.id}`);
        assert.equal(reply.status, 204);
        assert.equal(reply.text, '');
        assertWebexError(await admin.get(`/v1/people/${user.id}`), 404);
        assert.equal(await isFree(user.phoneNumber), true);
        assert.equal(await extensionTaken(extension), false);
        assert.equal(await consumed(lic.professional), before);
        assertWebexError(await admin.delete(`/v1/people/${user.id}`), 404);
      });
    });

    describe('isolation and scopes', () => {
      it('another organization’s people are 404 and its tokens cannot read ours', async () => {
        const other = await createOrganization(server.anonymous);
        const stranger = await createPerson(other.admin);
        assertWebexError(await admin.get(`/v1/people/${stranger.id}`), 404);
        assertWebexError(await admin.put(`/v1/people/${stranger.id}`, { displayName: 'Hijack' }), 404);
        assertWebexError(await admin.delete(`/v1/people/${stranger.id}`), 404);
        const ours = await createPerson(admin);
        assertWebexError(await other.admin.get(`/v1/people/${ours.id}`), 404);
        assert.deepEqual((await other.admin.get('/v1/people', { email: ours.emails[0] })).body.items, []);
        assertWebexError(await admin.get('/v1/people', { orgId: other.orgId }), 403);
        assertWebexError(await admin.post('/v1/people', { emails: [`${unique()}@example.com`], displayName: 'X', orgId: other.orgId }), 403);
      });

      it('another organization’s location or license cannot be given to our people', async () => {
        const other = await createOrganization(server.anonymous);
        const theirs = await licenses(other.admin);
        const theirLocation = await defaultLocation(other.admin);
        assertWebexError(
          await admin.post('/v1/people', { emails: [`${unique()}@example.com`], displayName: 'X', extension: freeExtension(), licenses: [theirs.professional] }),
          400,
          /not a license of this organization/,
        );
        assertWebexError(
          await admin.post('/v1/people', {
            emails: [`${unique()}@example.com`],
            displayName: 'X',
            extension: freeExtension(),
            licenses: [lic.professional],
            locationId: theirLocation.id,
          }),
          400,
          /not a location of this organization/,
        );
      });

      it('writing needs spark-admin:people_write and spark-admin:people_read', async () => {
        const readOnly = await clientWithScopes(admin, server.demo.adminPersonId ? (await admin.get('/v1/people/me')).body.id : '', [
          'spark-admin:people_read',
        ]);
        assertWebexError(await readOnly.post('/v1/people', { emails: [`${unique()}@example.com`], displayName: 'X' }), 403);
        const person = await createPerson(admin);
        assertWebexError(await readOnly.put(`/v1/people/${person.id}`, { displayName: 'X' }), 403);
        assertWebexError(await readOnly.delete(`/v1/people/${person.id}`), 403);
        const noPeople = await clientWithScopes(admin, (await admin.get('/v1/people/me')).body.id, ['spark:calls_read']);
        assertWebexError(await noPeople.get('/v1/people'), 403);
        assertWebexError(await server.anonymous.get('/v1/people'), 401);
      });
    });
  });
}
