import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization, defaultLocation, freeExtension, freeNumbers, licenses, unique } from '../support/factories.ts';
import { addNumbers, callingLocation, callingUserIn, newNumber } from '../support/location-numbers.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Alternate numbers of a person and of a workspace (Assign or Unassign numbers): the same rules for
// both owners; the numbers lists show them; a held number is nobody else's.

for (const dialect of dialects) {
  describe(`Alternate numbers of people and workspaces (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let professional: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      professional = (await licenses(admin)).professional;
    });
    after(() => server.close());

    it('adds a person’s alternate number with an extension and ring pattern, lists it, and deletes it', async () => {
      const branch = await callingLocation(admin);
      const [primary, alternate] = [newNumber(), newNumber()];
      await addNumbers(admin, branch.id, [primary, alternate]);
      const ann = await callingUserIn(admin, branch.id, professional, primary);
      const path = `/v1/telephony/config/people/${ann.id}/numbers`;
      const extension = freeExtension();
      const added = await admin.put(path, { distinctiveRingEnabled: true, phoneNumbers: [{ action: 'ADD', primary: false, directNumber: alternate, extension, ringPattern: 'LONG_LONG' }] });
      assert.equal(added.status, 204, added.text);
      const list = await admin.get(`/v1/people/${ann.id}/features/numbers`);
      assert.equal(list.status, 200, list.text);
      assert.equal(list.body.distinctiveRingEnabled, true);
      assert.deepEqual(list.body.phoneNumbers.map((n: any) => [n.primary, n.directNumber, n.extension ?? null, n.ringPattern ?? null]), [
        [true, primary, ann.extension, null],
        [false, alternate, extension, 'LONG_LONG'],
      ]);
      // Held: not available, nobody else may take it or its extension.
      const free = await admin.get('/v1/telephony/config/numbers', { locationId: branch.id, available: true, max: 100 });
      assert.ok(!free.body.phoneNumbers.some((n: { phoneNumber: string }) => n.phoneNumber === alternate));
      const bob = await callingUserIn(admin, branch.id, professional);
      assertWebexError(await admin.put(`/v1/telephony/config/people/${bob.id}/numbers`, { phoneNumbers: [{ action: 'ADD', primary: false, directNumber: alternate }] }), 409);
      assertWebexError(await admin.put(`/v1/telephony/config/people/${bob.id}/numbers`, { phoneNumbers: [{ action: 'DELETE', primary: false, directNumber: alternate }] }), 404);

      assert.equal((await admin.put(path, { phoneNumbers: [{ action: 'DELETE', primary: false, directNumber: alternate }] })).status, 204);
      assert.equal((await admin.get(`/v1/people/${ann.id}/features/numbers`)).body.phoneNumbers.length, 1);
    });

    it('refuses numbers Webex refuses: another location’s, the main number, a primary change, a bad number', async () => {
      const branch = await callingLocation(admin);
      const other = await callingLocation(admin);
      const [mine, theirs] = [newNumber(), newNumber()];
      await addNumbers(admin, branch.id, [mine]);
      await addNumbers(admin, other.id, [theirs]);
      const ann = await callingUserIn(admin, branch.id, professional);
      const path = `/v1/telephony/config/people/${ann.id}/numbers`;
      assertWebexError(await admin.put(path, { phoneNumbers: [{ action: 'ADD', primary: false, directNumber: theirs }] }), 400, /inventory/);
      assertWebexError(await admin.put(path, { phoneNumbers: [{ action: 'ADD', primary: true, directNumber: mine }] }), 400, /primary/);
      assertWebexError(await admin.put(path, { phoneNumbers: [{ action: 'ADD', primary: false, directNumber: 'twelve' }] }), 400);
      const hq = await defaultLocation(admin);
      const main = (await admin.get('/v1/telephony/config/numbers', { locationId: hq.id, max: 100 })).body.phoneNumbers.find((n: { mainNumber: boolean }) => n.mainNumber);
      if (main) {
        const person = await callingUserIn(admin, hq.id, professional);
        assertWebexError(await admin.put(`/v1/telephony/config/people/${person.id}/numbers`, { phoneNumbers: [{ action: 'ADD', primary: false, directNumber: main.phoneNumber }] }), 409);
      }
    });

    it('gives a workspace alternate numbers by the same rules, and keeps another organization out', async () => {
      const hq = await defaultLocation(admin);
      const [number] = await freeNumbers(admin, hq.id);
      const workspace = await admin.post('/v1/workspaces', { displayName: unique('Desk '), locationId: hq.id, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
      assert.equal(workspace.status, 201, workspace.text);
      const path = `/v1/telephony/config/workspaces/${workspace.body.id}/numbers`;
      assert.equal((await admin.put(path, { phoneNumbers: [{ action: 'ADD', primary: false, directNumber: number }] })).status, 204);
      const list = await admin.get(`/v1/workspaces/${workspace.body.id}/features/numbers`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.phoneNumbers.map((n: any) => [n.primary, n.external ?? null, n.ringPattern ?? null]), [[true, null, null], [false, number, 'NORMAL']]);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.put(path, { phoneNumbers: [{ action: 'DELETE', primary: false, directNumber: number! }] }), 404);
      assert.equal((await admin.delete(`/v1/workspaces/${workspace.body.id}`)).status, 204);
      const free = await admin.get('/v1/telephony/config/numbers', { phoneNumber: number, available: true });
      assert.equal(free.body.phoneNumbers.length, 1, 'a deleted workspace’s alternate number is free again');
    });
  });
}
