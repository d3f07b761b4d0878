import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, defaultLocation, freeExtension, freeNumbers, licenses, unique, usNational, type Licenses } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Creating calling users at once against a license with fewer free units than creates: the
// unit is taken in the create's last statement (issue 17), and however the creates interleave,
// exactly the free units are taken, the others fail with Webex's error and leave nothing behind.
// Also the create's one-statement extension check, for the holder it finds by another route.

for (const dialect of dialects) {
  describe(`People API: license units under concurrent creates (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let lic: Licenses;
    let locationId: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      lic = await licenses(admin);
      locationId = (await defaultLocation(admin)).id;
    });
    after(() => server?.close());

    const units = async (licenseId: string) => {
      const reply = await admin.get(`/v1/licenses/${licenseId}`);
      assert.equal(reply.status, 200, reply.text);
      return { consumed: reply.body.consumedUnits as number, total: reply.body.totalUnits as number };
    };
    const setTotal = async (licenseId: string, totalUnits: number) => assert.equal((await admin.put(`/sandbox/v1/licenses/${licenseId}`, { totalUnits })).status, 200);
    const body = (number: string, licenseIds: string[]) => ({
      emails: [`${unique('units')}@example.com`],
      displayName: unique('Units '),
      phoneNumbers: [{ type: 'work', value: usNational(number) }],
      extension: freeExtension(),
      licenses: licenseIds,
    });

    it('12 parallel creates with 3 free units: 3 calling users, 9 errors, consumedUnits exact, nothing else written', async () => {
      const { consumed } = await units(lic.professional);
      await setTotal(lic.professional, consumed + 3);
      const numbers = await freeNumbers(admin, locationId, 12);
      const bodies = numbers.map((number) => body(number, [lic.professional]));
      const replies = await Promise.all(bodies.map((b) => admin.post('/v1/people', b, { callingData: 'true' })));

      const created = replies.filter((r) => r.status === 200);
      assert.equal(created.length, 3, replies.map((r) => `${r.status} ${r.text}`).join('\n'));
      for (const reply of replies.filter((r) => r.status !== 200)) {
        assertWebexError(reply, 400, /^License "Webex Calling - Professional" has no units left to assign\.$/);
      }
      assert.deepEqual(await units(lic.professional), { consumed: consumed + 3, total: consumed + 3 });

      // The created: their answer is what reading them back gives (it was built from what was written).
      for (const reply of created) {
        const read = await admin.get(`/v1/people/${reply.body.id}`, { callingData: 'true' });
        assert.equal(read.status, 200, read.text);
        assert.deepEqual(reply.body, read.body);
        assert.deepEqual(reply.body.licenses, [lic.professional]);
      }
      // The refused: no person, and their numbers are still free.
      const inventory = await admin.get('/v1/telephony/config/numbers', { locationId, available: true, numberType: 'NUMBER', max: 1000 });
      const free = new Set(inventory.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber));
      for (const [i, reply] of replies.entries()) {
        const found = await admin.get('/v1/people', { email: bodies[i]!.emails[0]! });
        assert.equal(found.body.items.length, reply.status === 200 ? 1 : 0);
        assert.equal(free.has(numbers[i]!), reply.status !== 200, numbers[i]);
      }
      // A unit given back (a person deleted) can be taken again, by one create only.
      assert.equal((await admin.delete(`/v1/people/${created[0]!.body.id}`)).status, 204);
      const again = await Promise.all((await freeNumbers(admin, locationId, 4)).map((n) => admin.post('/v1/people', body(n, [lic.professional]))));
      assert.deepEqual(again.map((r) => r.status).sort(), [200, 400, 400, 400]);
      assert.equal((await units(lic.professional)).consumed, consumed + 3);
    });

    it('the first license without a unit is the one named, and no other license loses a unit', async () => {
      const professional = await units(lic.professional);
      await setTotal(lic.professional, professional.consumed + 10);
      const messaging = await units(lic.messaging);
      await setTotal(lic.messaging, messaging.consumed);
      const [number] = await freeNumbers(admin, locationId, 1);
      assertWebexError(await admin.post('/v1/people', body(number!, [lic.messaging, lic.professional])), 400, /^License "Messaging" has no units left to assign\.$/);
      assert.equal((await units(lic.professional)).consumed, professional.consumed);
      assert.equal((await units(lic.messaging)).consumed, messaging.consumed);
      // With a unit for each, both are held.
      await setTotal(lic.messaging, messaging.consumed + 1);
      const reply = await admin.post('/v1/people', body(number!, [lic.messaging, lic.professional]));
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual([...reply.body.licenses].sort(), [lic.messaging, lic.professional].sort());
      assert.equal((await units(lic.professional)).consumed, professional.consumed + 1);
      assert.equal((await units(lic.messaging)).consumed, messaging.consumed + 1);
    });

    it("an extension held by an alternate number of the location is refused, in that location only (the check's one statement)", async () => {
      await setTotal(lic.professional, (await units(lic.professional)).consumed + 10);
      const [primary, alternate, other] = await freeNumbers(admin, locationId, 3);
      const holder = await admin.post('/v1/people', body(primary!, [lic.professional]));
      assert.equal(holder.status, 200, holder.text);
      const extension = freeExtension();
      const added = await admin.put(`/v1/telephony/config/people/${holder.body.id}/numbers`, {
        phoneNumbers: [{ action: 'ADD', primary: false, directNumber: alternate, extension, ringPattern: 'NORMAL' }],
      });
      assert.equal(added.status, 204, added.text);
      assertWebexError(await admin.post('/v1/people', { ...body(other!, [lic.professional]), extension }), 409, /^Extension \d+ is already assigned in this location\.$/);
      const elsewhere = await createCallingLocation(admin);
      const { phoneNumbers: _, ...withoutNumber } = body(other!, [lic.professional]);
      const there = await admin.post('/v1/people', { ...withoutNumber, extension, locationId: elsewhere.id }, { callingData: 'true' });
      assert.equal(there.status, 200, there.text);
      assert.equal(there.body.extension, extension);
    });
  });
}
