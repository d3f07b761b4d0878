import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createLocation, defaultLocation } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

for (const dialect of dialects) {
  describe(`Location floors API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it('creates, lists by number, shows, replaces and deletes the floors of a location', async () => {
      const { id: locationId } = await createLocation(admin);
      const floors = `/v1/locations/${locationId}/floors`;
      assert.deepEqual((await admin.get(floors)).body, { items: [] });
      const basement = await admin.post(floors, { floorNumber: -1, displayName: 'The basement' });
      assert.equal(basement.status, 201, basement.text);
      assert.deepEqual(basement.body, { id: basement.body.id, locationId, floorNumber: -1, displayName: 'The basement' });
      assert.match(Buffer.from(basement.body.id, 'base64url').toString(), /\/WORKSPACE_LOCATION_FLOOR\//);
      const top = await admin.post(floors, { floorNumber: 3 });
      assert.deepEqual(top.body, { id: top.body.id, locationId, floorNumber: 3 });
      assert.deepEqual((await admin.get(floors)).body.items.map((f: { floorNumber: number }) => f.floorNumber), [-1, 3]);
      assert.deepEqual((await admin.get(`${floors}/${basement.body.id}`)).body, basement.body);
      // A PUT replaces the floor: the name left out is cleared.
      const replaced = await admin.put(`${floors}/${basement.body.id}`, { floorNumber: 0 });
      assert.equal(replaced.status, 200, replaced.text);
      assert.deepEqual(replaced.body, { id: basement.body.id, locationId, floorNumber: 0 });
      assert.equal((await admin.delete(`${floors}/${basement.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${floors}/${basement.body.id}`), 404);
      assert.deepEqual((await admin.get(floors)).body.items.map((f: { floorNumber: number }) => f.floorNumber), [3]);
    });

    it('refuses a repeated number, a number out of range, another location’s floor and an unknown location', async () => {
      const { id: locationId } = await createLocation(admin);
      const floors = `/v1/locations/${locationId}/floors`;
      const first = await admin.post(floors, { floorNumber: 1 });
      assertWebexError(await admin.post(floors, { floorNumber: 1 }), 409);
      assertWebexError(await admin.post(floors, { floorNumber: 1.5 }), 400);
      assertWebexError(await admin.post(floors, { floorNumber: 5000 }), 400);
      assertWebexError(await admin.post(floors, { displayName: 'No number' }), 400);
      const second = await admin.post(floors, { floorNumber: 2 });
      assertWebexError(await admin.put(`${floors}/${second.body.id}`, { floorNumber: 1 }), 409);
      const hq = await defaultLocation(admin);
      assertWebexError(await admin.get(`/v1/locations/${hq.id}/floors/${first.body.id}`), 404);
      assertWebexError(await admin.get('/v1/locations/nope/floors'), 404);
      assertWebexError(await admin.delete(`${floors}/nope`), 404);
    });
  });
}
