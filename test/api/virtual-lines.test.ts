import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, createLocation, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const LINES = '/v1/telephony/config/virtualLines';

for (const dialect of dialects) {
  describe(`Virtual Line Call Settings API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (body: Record<string, unknown> = {}) => {
      const reply = await admin.post(LINES, { firstName: 'Front', lastName: unique('Desk'), locationId: hq.id, extension: freeExtension(), ...body });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a virtual line with a number and an extension, answers 201 {id}, and shows it with its location', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const lastName = unique('Desk');
      const id = await create({ lastName, phoneNumber: number, extension, displayName: 'Front desk' });
      assert.match(Buffer.from(id, 'base64url').toString(), /^ciscospark:\/\/us\/VIRTUAL_LINE\//);
      const got = await admin.get(`${LINES}/${id}`);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.lastName, lastName);
      assert.equal(got.body.displayName, 'Front desk');
      assert.deepEqual(got.body.number, { external: number, extension, primary: true });
      assert.equal(got.body.directorySearchEnabled, true);
      assert.equal(got.body.location.id, hq.id);
      assert.deepEqual(got.body.devices, []);
      const assigned = await admin.get(`${LINES}/${id}/number`);
      assert.deepEqual(assigned.body.phoneNumber, { directNumber: number, extension, primary: true });
      const list = await admin.get(LINES, { ownerName: lastName });
      assert.deepEqual(list.body.virtualLines.map((l: { id: string; number: { external?: string }; location: { name: string } }) => [l.id, l.number.external, l.location.name]), [[id, number, hq.name]]);
      // Taken from then on: by a workspace, a person, or another virtual line.
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: hq.id, phoneNumber: number }), 409);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W'), calling: { type: 'webexCalling', webexCalling: { extension, locationId: hq.id } } }), 409);
      const available = await admin.get('/v1/telephony/config/numbers', { locationId: hq.id, available: true, phoneNumber: number!.slice(2) });
      assert.deepEqual(available.body.phoneNumbers, []);
    });

    it('refuses a virtual line without a number or extension, names, or a calling location', async () => {
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: hq.id }), 400, /phoneNumber or an extension/);
      assertWebexError(await admin.post(LINES, { firstName: ' ', lastName: 'B', locationId: hq.id, extension: freeExtension() }), 400);
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: 'nope', extension: freeExtension() }), 400);
      const plain = await createLocation(admin);
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: plain.id, extension: freeExtension() }), 400);
      const person = await createCallingUser(admin);
      const personExtension = (await admin.get(`/v1/people/${person.id}`, { callingData: true })).body.extension;
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: hq.id, extension: personExtension }), 409);
    });

    it('updates a virtual line (names, extension, caller ID, time zone) and its directory search', async () => {
      const id = await create();
      const extension = freeExtension();
      const reply = await admin.put(`${LINES}/${id}`, { firstName: 'Back', extension, timeZone: 'Europe/Paris', callerIdNumber: '' });
      assert.equal(reply.status, 204, reply.text);
      assert.equal((await admin.put(`${LINES}/${id}/directorySearch`, { enabled: false })).status, 204);
      const got = (await admin.get(`${LINES}/${id}`)).body;
      assert.deepEqual([got.firstName, got.number.extension, got.timeZone, got.directorySearchEnabled], ['Back', extension, 'Europe/Paris', false]);
      assertWebexError(await admin.put(`${LINES}/${id}`, { extension: '' }), 400);
      assertWebexError(await admin.put(`${LINES}/${id}`, { timeZone: 'Mars/Olympus' }), 400);
    });

    it('lists virtual lines by location, with an extension, a page at a time', async () => {
      const branch = await createCallingLocation(admin);
      const a = await create({ locationId: branch.id, lastName: 'Aa' });
      const b = await create({ locationId: branch.id, lastName: 'Bb' });
      assert.deepEqual((await admin.get(LINES, { locationId: branch.id })).body.virtualLines.map((l: { id: string }) => l.id), [a, b]);
      const page = await admin.get(LINES, { locationId: branch.id, max: 1 });
      assert.deepEqual(page.body.virtualLines.map((l: { id: string }) => l.id), [a]);
      assert.match(page.headers.get('link') ?? '', /start=1/);
      assert.deepEqual((await admin.get(LINES, { locationId: branch.id, hasDnAssigned: true })).body.virtualLines, []);
      assert.deepEqual((await admin.get(LINES, { locationId: branch.id, hasDeviceAssigned: true })).body.virtualLines, []);
    });

    it('serves its settings through the settings mechanism, and has no devices yet', async () => {
      const id = await create();
      assert.deepEqual((await admin.get(`${LINES}/${id}/doNotDisturb`)).body, { enabled: false, ringSplashEnabled: false });
      assert.equal((await admin.put(`${LINES}/${id}/doNotDisturb`, { enabled: true })).status, 204);
      assert.deepEqual((await admin.get(`${LINES}/${id}/doNotDisturb`)).body, { enabled: true, ringSplashEnabled: false });
      assert.deepEqual((await admin.get(`${LINES}/${id}/callWaiting`)).body, { enabled: true });
      assert.deepEqual((await admin.get(`${LINES}/${id}/bargeIn`)).body, { enabled: false, toneEnabled: false });
      assert.equal((await admin.get(`${LINES}/${id}/callForwarding`)).body.callForwarding.noAnswer.numberOfRings, 3);
      assert.deepEqual((await admin.get(`${LINES}/${id}/devices`)).body, { devices: [], availableEndpointType: 'PRIMARY', maxDeviceCount: 35 });
    });

    it('deletes a virtual line: 404 afterwards, its settings and extension free', async () => {
      const extension = freeExtension();
      const id = await create({ extension });
      assert.equal((await admin.delete(`${LINES}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${LINES}/${id}`), 404);
      assertWebexError(await admin.get(`${LINES}/${id}/doNotDisturb`), 404);
      assertWebexError(await admin.delete(`${LINES}/${id}`), 404);
      await create({ extension });
    });
  });
}
