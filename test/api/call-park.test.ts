import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, defaultLocation, freeExtension, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const parksOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callParks`;
const extensionsOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callParkExtensions`;

for (const dialect of dialects) {
  describe(`Features: Call Park API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const createExtension = async (body: Record<string, unknown> = {}, locationId = hq.id) => {
      const reply = await admin.post(extensionsOf(locationId), { name: unique('Bay '), extension: freeExtension(), ...body });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };
    const createHuntGroup = async () => {
      const reply = await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, {
        name: unique('Desk '),
        extension: freeExtension(),
        enabled: true,
        callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 3, forwardEnabled: false, numberOfRings: 5, destinationVoicemailEnabled: false } },
        agents: [],
      });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a call park with agents, extensions and a hunt group recall (201 {id}) and shows it whole', async () => {
      const ann = await createCallingUser(admin, { firstName: 'Ann' });
      const bob = await createCallingUser(admin, { firstName: 'Bob' });
      const bay = await createExtension({ name: 'Bay 1' });
      const desk = await createHuntGroup();
      const name = unique('Lobby ');
      const reply = await admin.post(parksOf(hq.id), {
        name,
        recall: { option: 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP', huntGroupId: desk },
        agents: [ann.id, bob.id],
        parkOnAgentsEnabled: true,
        callParkExtensions: [bay],
      });
      assert.equal(reply.status, 201, reply.text);
      const id = reply.body.id as string;
      assert.match(Buffer.from(id, 'base64url').toString(), /\/CALL_PARK\//);
      const park = (await admin.get(`${parksOf(hq.id)}/${id}`)).body;
      assert.equal(park.name, name);
      assert.equal(park.recall.option, 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP');
      assert.equal(park.recall.huntGroupId, desk);
      assert.deepEqual(park.agents.map((a: { id: string }) => a.id), [ann.id, bob.id]);
      assert.deepEqual(park.agents[0].numbers, [{ external: ann.phoneNumber, extension: (ann as unknown as { extension: string }).extension }]);
      assert.equal(park.agents[0].type, 'PEOPLE');
      assert.equal(park.parkOnAgentsEnabled, true);
      assert.deepEqual(park.callParkExtensions.map((e: { id: string; name: string }) => [e.id, e.name]), [[bay, 'Bay 1']]);
      const list = await admin.get(parksOf(hq.id), { name });
      assert.deepEqual(list.body.callParks, [{ id, name, locationName: hq.name, locationId: hq.id }]);
    });

    it('updates a call park (200 {id}) and deletes it; its extensions are free again', async () => {
      const ann = await createCallingUser(admin);
      const bay = await createExtension();
      const created = await admin.post(parksOf(hq.id), { name: unique('P '), recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: [ann.id], callParkExtensions: [bay] });
      const id = created.body.id;
      const updated = await admin.put(`${parksOf(hq.id)}/${id}`, { name: 'Renamed park', agents: [], parkOnAgentsEnabled: true });
      assert.equal(updated.status, 200, updated.text);
      assert.equal(updated.body.id, id);
      const park = (await admin.get(`${parksOf(hq.id)}/${id}`)).body;
      assert.deepEqual([park.name, park.agents, park.parkOnAgentsEnabled], ['Renamed park', [], true]);
      assert.equal((await admin.delete(`${parksOf(hq.id)}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${parksOf(hq.id)}/${id}`), 404);
      const other = await admin.post(parksOf(hq.id), { name: unique('P '), recall: { option: 'ALERT_PARKING_USER_ONLY' }, callParkExtensions: [bay] });
      assert.equal(other.status, 201, other.text);
    });

    it('refuses a recall to a hunt group without one, a person in two call parks, and a duplicate name', async () => {
      assertWebexError(await admin.post(parksOf(hq.id), { name: unique('P '), recall: { option: 'ALERT_HUNT_GROUP_ONLY' } }), 400, /huntGroupId/);
      const ann = await createCallingUser(admin);
      const name = unique('P ');
      assert.equal((await admin.post(parksOf(hq.id), { name, recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: [ann.id] })).status, 201);
      assertWebexError(await admin.post(parksOf(hq.id), { name: unique('P '), recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: [ann.id] }), 409, /one call park/);
      assertWebexError(await admin.post(parksOf(hq.id), { name, recall: { option: 'ALERT_PARKING_USER_ONLY' } }), 409);
      assertWebexError(await admin.post(parksOf(hq.id), { name: unique('P '), recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: ['nobody'] }), 400);
    });

    it('lists available agents (people in no call park) and recall hunt groups', async () => {
      const ann = await createCallingUser(admin);
      const bob = await createCallingUser(admin);
      const name = unique('P ');
      await admin.post(parksOf(hq.id), { name, recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: [ann.id] });
      const available = (await admin.get(`${parksOf(hq.id)}/availableUsers`, { max: 1000 })).body.agents.map((a: { id: string }) => a.id);
      assert.ok(!available.includes(ann.id) && available.includes(bob.id));
      const withOwn = (await admin.get(`${parksOf(hq.id)}/availableUsers`, { callParkName: name, max: 1000 })).body.agents.map((a: { id: string }) => a.id);
      assert.ok(withOwn.includes(ann.id));
      const desk = await createHuntGroup();
      const groups = (await admin.get(`${parksOf(hq.id)}/availableRecallHuntGroups`)).body.huntGroups.map((g: { id: string }) => g.id);
      assert.ok(groups.includes(desk));
    });

    it('reads the location call park settings with Webex defaults and updates them within 30 to 600 s', async () => {
      const branch = await createCallingLocation(admin);
      const settings = await admin.get(`${parksOf(branch.id)}/settings`);
      assert.equal(settings.status, 200, settings.text);
      assert.deepEqual(settings.body, { callParkRecall: { option: 'ALERT_PARKING_USER_ONLY' }, callParkSettings: { ringPattern: 'NORMAL', recallTime: 45, huntWaitTime: 45 } });
      const put = await admin.put(`${parksOf(branch.id)}/settings`, { callParkSettings: { ringPattern: 'LONG_LONG', recallTime: 60 } });
      assert.equal(put.status, 204, put.text);
      assert.deepEqual((await admin.get(`${parksOf(branch.id)}/settings`)).body.callParkSettings, { ringPattern: 'LONG_LONG', recallTime: 60, huntWaitTime: 45 });
      assertWebexError(await admin.put(`${parksOf(branch.id)}/settings`, { callParkSettings: { ringPattern: 'NORMAL', recallTime: 10 } }), 400, /recallTime/);
    });

    it('creates, reads, lists, updates and deletes call park extensions; an extension in use is a 409', async () => {
      const extension = freeExtension();
      const id = await createExtension({ name: 'Dock', extension });
      const got = await admin.get(`${extensionsOf(hq.id)}/${id}`);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.extension, extension);
      assert.equal(got.body.name, 'Dock');
      const list = await admin.get('/v1/telephony/config/callParkExtensions', { extension, locationId: hq.id });
      assert.deepEqual(list.body.callParkExtensions.map((e: { id: string; locationName: string }) => [e.id, e.locationName]), [[id, hq.name]]);
      assertWebexError(await admin.post(extensionsOf(hq.id), { name: 'Again', extension }), 409);
      const ann = await createCallingUser(admin);
      assertWebexError(await admin.post(extensionsOf(hq.id), { name: 'Ann', extension: (ann as unknown as { extension: string }).extension }), 409);
      const next = freeExtension();
      assert.equal((await admin.put(`${extensionsOf(hq.id)}/${id}`, { extension: next })).status, 204);
      assert.equal((await admin.get(`${extensionsOf(hq.id)}/${id}`)).body.extension, next);
      assert.equal((await admin.delete(`${extensionsOf(hq.id)}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${extensionsOf(hq.id)}/${id}`), 404);
    });
  });
}
