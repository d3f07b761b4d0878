import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createPerson, defaultLocation, freeExtension, unique } from '../support/factories.ts';
import { createDevice, newMac } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

const VALIDATE = '/v1/telephony/config/devices/actions/validateMacs/invoke';
for (const dialect of dialects) {
  describe(`Devices API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it("adds a phone by MAC to a person: the Devices API shows it with the person's line", async () => {
      const person = await createCallingUser(admin);
      const mac = newMac();
      const created = await admin.post('/v1/devices', { mac: mac.toLowerCase().match(/../g)!.join(':'), model: 'Cisco 8865', personId: person.id });
      assert.equal(created.status, 200, created.text);
      assert.equal(created.body.personId, person.id);
      assert.equal(created.body.product, 'Cisco 8865');
      assert.equal(created.body.type, 'phone');
      assert.equal(created.body.mac, mac.match(/../g)!.join(':'));
      assert.equal(created.body.connectionStatus, 'connected');
      assert.equal(created.body.locationId, person.locationId);
      const got = await admin.get(`/v1/devices/${created.body.id}`);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual(got.body, created.body);

      const listed = await admin.get('/v1/devices', { personId: person.id });
      assert.deepEqual(listed.body.items.map((d: { id: string }) => d.id), [created.body.id]);
      assert.deepEqual((await admin.get('/v1/devices', { mac })).body.items.map((d: { id: string }) => d.id), [created.body.id]);
      assert.deepEqual((await admin.get('/v1/devices', { personId: person.id, type: 'roomdesk' })).body.items, []);
      assert.deepEqual((await admin.get('/v1/devices', { personId: person.id, connectionStatus: 'connected' })).body.items.length, 1);

      // The MAC is now in use: validation says so, and a second phone with it is refused.
      const validated = await admin.post(VALIDATE, { macs: [mac] });
      assert.deepEqual(validated.body.macStatus.map((m: { state: string }) => m.state), ['UNAVAILABLE']);
      assertWebexError(await admin.post('/v1/devices', { mac, model: 'DMS Cisco 8865', personId: person.id }), 409);
    });

    it('refuses a bad MAC, an unknown model, both or neither owner, and a person without calling', async () => {
      const person = await createCallingUser(admin);
      assertWebexError(await admin.post('/v1/devices', { mac: 'xyz', model: 'DMS Cisco 8865', personId: person.id }), 400);
      assertWebexError(await admin.post('/v1/devices', { mac: newMac(), model: 'Cisco 9999', personId: person.id }), 400);
      assertWebexError(await admin.post('/v1/devices', { mac: newMac(), model: 'DMS Cisco 8865' }), 400);
      const workspace = await admin.post('/v1/workspaces', { displayName: unique('Lobby '), locationId: person.locationId, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
      assertWebexError(await admin.post('/v1/devices', { mac: newMac(), model: 'DMS Cisco 8865', personId: person.id, workspaceId: workspace.body.id }), 400);
      const plain = await createPerson(admin);
      assertWebexError(await admin.post('/v1/devices', { mac: newMac(), model: 'DMS Cisco 8865', personId: plain.id }), 400);
      // Third-party phones need their SIP password.
      assertWebexError(await admin.post('/v1/devices', { mac: newMac(), model: 'Generic IPPhone Customer Managed', personId: person.id }), 400);
      assert.equal((await admin.post('/v1/devices', { mac: newMac(), model: 'Generic IPPhone Customer Managed', personId: person.id, password: 'Secret123!' })).status, 200);
    });

    it('a workspace phone lists under the workspace and its location', async () => {
      const hq = await defaultLocation(admin);
      const workspace = await admin.post('/v1/workspaces', { displayName: unique('Lobby '), locationId: hq.id, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
      assert.equal(workspace.status, 201, workspace.text);
      const device = await createDevice(admin, { workspaceId: workspace.body.id }, 'DMS Cisco 7841');
      assert.equal(device.workspaceId, workspace.body.id);
      assert.equal(device.workspaceLocationId, hq.id);
      assert.deepEqual((await admin.get('/v1/devices', { workspaceId: workspace.body.id })).body.items.map((d: { id: string }) => d.id), [device.id]);
    });

    it('an activation code with a phone model adds the phone, activating, until the code is used', async () => {
      const person = await createCallingUser(admin);
      const code = await admin.post('/v1/devices/activationCode', { personId: person.id, model: 'DMS Cisco 8845' });
      assert.equal(code.status, 200, code.text);
      assert.match(code.body.code, /^\d{16}$/);
      assert.ok(Date.parse(code.body.expiryTime) > Date.now());
      const listed = (await admin.get('/v1/devices', { personId: person.id })).body.items;
      assert.equal(listed.length, 1);
      assert.equal(listed[0].connectionStatus, 'activating');
      assert.equal(listed[0].mac, undefined);
      // Without a model the code is for a RoomOS device: nothing is added.
      const roomOs = await admin.post('/v1/devices/activationCode', { personId: person.id });
      assert.equal(roomOs.status, 200, roomOs.text);
      assert.equal((await admin.get('/v1/devices', { personId: person.id })).body.items.length, 1);
      assertWebexError(await admin.post('/v1/devices/activationCode', {}), 400);
    });

    it('patches tags with JSON Patch (add, replace, remove) and lists devices by tag', async () => {
      const person = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: person.id });
      const patch = (body: unknown) => admin.request('PATCH', `/v1/devices/${device.id}`, { body, headers: { 'content-type': 'application/json-patch+json' } });
      let reply = await patch([{ op: 'replace', path: 'tags', value: ['First Tag', 'Second Tag'] }]);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body.tags, ['First Tag', 'Second Tag']);
      reply = await patch([{ op: 'add', path: 'tags', value: ['Third', 'First Tag'] }]);
      assert.deepEqual(reply.body.tags, ['First Tag', 'Second Tag', 'Third']);
      const byTags = await admin.get('/v1/devices', { tag: 'First Tag,Third' });
      assert.deepEqual(byTags.body.items.map((d: { id: string }) => d.id), [device.id]);
      assert.deepEqual((await admin.get('/v1/devices', { tag: 'First' })).body.items, []);
      reply = await patch([{ op: 'remove', path: 'tags' }]);
      assert.deepEqual(reply.body.tags, []);
      assertWebexError(await patch([{ op: 'replace', path: 'displayName', value: ['x'] }]), 400);
      assertWebexError(await patch({ op: 'replace', path: 'tags', value: [] }), 400);
      assert.deepEqual((await admin.get(`/v1/devices/${device.id}`)).body.tags, []);
    });

    it('deletes a device; an unknown or malformed ID is a 404, and deleting the owner deletes the device', async () => {
      const person = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: person.id });
      assert.equal((await admin.delete(`/v1/devices/${device.id}`)).status, 204);
      assertWebexError(await admin.get(`/v1/devices/${device.id}`), 404);
      assertWebexError(await admin.delete(`/v1/devices/${device.id}`), 404);
      assertWebexError(await admin.get('/v1/devices/nope'), 404);
      const other = await createDevice(admin, { personId: person.id });
      assert.equal((await admin.delete(`/v1/people/${person.id}`)).status, 204);
      assertWebexError(await admin.get(`/v1/devices/${other.id}`), 404);
    });

    it('a person owns at most 5 devices', async () => {
      const person = await createCallingUser(admin);
      for (let i = 0; i < 5; i++) await createDevice(admin, { personId: person.id });
      assertWebexError(await admin.post('/v1/devices', { mac: newMac(), model: 'DMS Cisco 8865', personId: person.id }), 400);
    });

    it('needs the devices scopes', async () => {
      const user = await createCallingUser(admin);
      const token = await admin.post('/sandbox/v1/tokens', { personId: user.id, scopes: ['spark:people_read'] });
      const client = admin.withToken(token.body.access_token);
      assertWebexError(await client.get('/v1/devices'), 403);
      assertWebexError(await client.post('/v1/devices', { mac: newMac(), model: 'DMS Cisco 8865', personId: user.id }), 403);
    });
  });

  describe(`Device Call Settings API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it("validates a list of MAC addresses: each one's state, OK only when all are available", async () => {
      const ok = await admin.post(VALIDATE, { macs: ['ab125678cdef', '00:1B:54:12:34:56'] });
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body, {
        status: 'OK',
        macStatus: [
          { mac: 'ab125678cdef', state: 'AVAILABLE' },
          { mac: '00:1B:54:12:34:56', state: 'AVAILABLE' },
        ],
      });
      const errors = await admin.post(VALIDATE, { macs: ['ab125678cdef', 'AB-12-56-78-CD-EF', 'xyz'] });
      assert.equal(errors.status, 200, errors.text);
      assert.equal(errors.body.status, 'ERRORS');
      assert.deepEqual(
        errors.body.macStatus.map((m: { state: string }) => m.state),
        ['AVAILABLE', 'DUPLICATE_IN_LIST', 'INVALID'],
      );
    });

    it('refuses an empty or too long list, and a token without the write scope', async () => {
      assertWebexError(await admin.post(VALIDATE, { macs: [] }), 400);
      assertWebexError(await admin.post(VALIDATE, {}), 400);
      assertWebexError(await admin.post(VALIDATE, { macs: Array.from({ length: 101 }, (_, i) => `0000000001${String(i).padStart(2, '0')}`) }), 400);
      const user = await createCallingUser(admin);
      const token = await admin.post('/sandbox/v1/tokens', { personId: user.id, scopes: ['spark:people_read'] });
      assertWebexError(await admin.withToken(token.body.access_token).post(VALIDATE, { macs: ['ab125678cdef'] }), 403);
    });
  });
}
