import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const pickupsOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callPickups`;

for (const dialect of dialects) {
  describe(`Features: Call Pickup API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a call pickup (201 {id}) with Webex defaults and agents, lists, updates (200 {id}) and deletes it', async () => {
      const ann = await createCallingUser(admin, { firstName: 'Ann' });
      const bob = await createCallingUser(admin);
      const name = unique('Floor ');
      const created = await admin.post(pickupsOf(hq.id), { name, agents: [ann.id, bob.id] });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.match(Buffer.from(id, 'base64url').toString(), /\/CALL_PICKUP\//);
      const got = (await admin.get(`${pickupsOf(hq.id)}/${id}`)).body;
      assert.equal(got.name, name);
      assert.equal(got.notificationType, 'NONE');
      assert.equal(got.notificationDelayTimerSeconds, 6);
      assert.deepEqual(got.agents.map((a: { id: string }) => a.id), [ann.id, bob.id]);
      assert.deepEqual(got.agents[0].phoneNumber, [{ external: ann.phoneNumber, extension: (ann as unknown as { extension: string }).extension }]);
      assert.equal(got.agents[0].firstName, 'Ann');
      const list = await admin.get(pickupsOf(hq.id), { name });
      assert.deepEqual(list.body.callPickups, [{ id, name, locationName: hq.name, locationId: hq.id }]);
      const updated = await admin.put(`${pickupsOf(hq.id)}/${id}`, { notificationType: 'AUDIO_AND_VISUAL', notificationDelayTimerSeconds: 12, agents: [bob.id] });
      assert.equal(updated.status, 200, updated.text);
      assert.equal(updated.body.id, id);
      const after = (await admin.get(`${pickupsOf(hq.id)}/${id}`)).body;
      assert.deepEqual([after.notificationType, after.notificationDelayTimerSeconds, after.agents.length], ['AUDIO_AND_VISUAL', 12, 1]);
      assert.equal((await admin.delete(`${pickupsOf(hq.id)}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${pickupsOf(hq.id)}/${id}`), 404);
    });

    it('keeps a person in one call pickup, names unique per location, members in the location', async () => {
      const ann = await createCallingUser(admin);
      const name = unique('Floor ');
      assert.equal((await admin.post(pickupsOf(hq.id), { name, agents: [ann.id] })).status, 201);
      assertWebexError(await admin.post(pickupsOf(hq.id), { name: unique('Floor '), agents: [ann.id] }), 409, /one call pickup/);
      assertWebexError(await admin.post(pickupsOf(hq.id), { name }), 409);
      const branch = await createCallingLocation(admin);
      const bob = await createCallingUser(admin);
      assertWebexError(await admin.post(pickupsOf(branch.id), { name: unique('Floor '), agents: [bob.id] }), 400, /not in the location/);
      assertWebexError(await admin.post(pickupsOf(hq.id), { name: unique('Floor '), notificationDelayTimerSeconds: 0 }), 400);
    });

    it('lists the people of the location in no call pickup as available', async () => {
      const ann = await createCallingUser(admin);
      const bob = await createCallingUser(admin);
      const name = unique('Floor ');
      await admin.post(pickupsOf(hq.id), { name, agents: [ann.id] });
      const ids = (await admin.get(`${pickupsOf(hq.id)}/availableUsers`, { max: 1000 })).body.agents.map((a: { id: string }) => a.id);
      assert.ok(!ids.includes(ann.id) && ids.includes(bob.id));
      const own = (await admin.get(`${pickupsOf(hq.id)}/availableUsers`, { callPickupName: name, max: 1000 })).body.agents.map((a: { id: string }) => a.id);
      assert.ok(own.includes(ann.id));
    });
  });
}
