import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const pagingOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/paging`;

for (const dialect of dialects) {
  describe(`Features: Paging Group API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a paging group (201 {id}) with a number, an extension, originators and targets, and shows it whole', async () => {
      const ann = await createCallingUser(admin, { firstName: 'Ann' });
      const bob = await createCallingUser(admin);
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const name = unique('Page ');
      const created = await admin.post(pagingOf(hq.id), { name, phoneNumber: number, extension, originators: [ann.id], targets: [bob.id] });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.match(Buffer.from(id, 'base64url').toString(), /\/PAGING_GROUP\//);
      const g = (await admin.get(`${pagingOf(hq.id)}/${id}`)).body;
      assert.deepEqual([g.name, g.phoneNumber, g.extension, g.enabled, g.originatorCallerIdEnabled], [name, number, extension, true, false]);
      assert.equal(g.lastName, 'Paging Group');
      assert.deepEqual(g.originators.map((o: { id: string; firstName: string }) => [o.id, o.firstName]), [[ann.id, 'Ann']]);
      assert.deepEqual(g.targets.map((t: { id: string; phoneNumber: string }) => [t.id, t.phoneNumber]), [[bob.id, bob.phoneNumber]]);
      const list = await admin.get('/v1/telephony/config/paging', { locationId: hq.id, name });
      assert.deepEqual(list.body.locationPaging.map((p: { id: string; extension: string; locationName: string }) => [p.id, p.extension, p.locationName]), [[id, extension, hq.name]]);
      // The number is the group's now: not available to another paging group.
      const available = await admin.get(`${pagingOf(hq.id)}/availableNumbers`, { max: 1000 });
      assert.equal(available.status, 200, available.text);
      assert.ok(!available.body.phoneNumbers.some((n: { phoneNumber: string }) => n.phoneNumber === number));
      assertWebexError(await admin.post(pagingOf(hq.id), { name: unique('Page '), phoneNumber: number }), 409);
      assertWebexError(await admin.post(pagingOf(hq.id), { name: unique('Page '), extension }), 409);
    });

    it('updates (204) and deletes a paging group; one without a number or extension is a 400', async () => {
      const bob = await createCallingUser(admin);
      const created = await admin.post(pagingOf(hq.id), { name: unique('Page '), extension: freeExtension() });
      const id = created.body.id;
      const put = await admin.put(`${pagingOf(hq.id)}/${id}`, { enabled: false, targets: [bob.id], originatorCallerIdEnabled: true, directLineCallerIdName: { selection: 'CUSTOM_NAME', customName: 'Front' } });
      assert.equal(put.status, 204, put.text);
      const g = (await admin.get(`${pagingOf(hq.id)}/${id}`)).body;
      assert.deepEqual([g.enabled, g.targets.length, g.originatorCallerIdEnabled, g.directLineCallerIdName], [false, 1, true, { selection: 'CUSTOM_NAME', customName: 'Front' }]);
      assertWebexError(await admin.put(`${pagingOf(hq.id)}/${id}`, { extension: '' }), 400);
      assertWebexError(await admin.post(pagingOf(hq.id), { name: unique('Page ') }), 400);
      assertWebexError(await admin.post(pagingOf(hq.id), { name: unique('Page '), extension: freeExtension(), targets: ['nobody'] }), 400);
      assert.equal((await admin.delete(`${pagingOf(hq.id)}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${pagingOf(hq.id)}/${id}`), 404);
    });
  });
}
