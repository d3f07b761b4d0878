import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  createCallingLocation,
  createCallingUser,
  createLocation,
  defaultLocation,
  freeExtension,
  freeNumbers,
  licenses,
  unique,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

for (const dialect of dialects) {
  describe(`Workspaces API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (body: Record<string, unknown> = {}) => {
      const reply = await admin.post('/v1/workspaces', { displayName: unique('Room '), ...body });
      assert.equal(reply.status, 201, reply.text);
      return reply.body;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it("creates a workspace with Webex's defaults (free calling, no calendar) and reads it back", async () => {
      const name = unique('Lobby ');
      const w = await create({ displayName: name, locationId: hq.id, capacity: 6, type: 'meetingRoom', notes: 'by the door' });
      assert.match(Buffer.from(w.id, 'base64url').toString(), /^ciscospark:\/\/us\/PLACE\//);
      assert.equal(w.displayName, name);
      assert.equal(w.locationId, hq.id);
      assert.deepEqual(w.calling, { type: 'freeCalling' });
      assert.deepEqual(w.calendar, { type: 'none' });
      assert.equal(w.hotdeskingStatus, 'off');
      assert.equal(w.supportedDevices, 'collaborationDevices');
      const got = await admin.get(`/v1/workspaces/${w.id}`, { includeDevices: true });
      assert.equal(got.status, 200, got.text);
      assert.deepEqual({ ...got.body, devices: undefined }, { ...w, devices: undefined });
      assert.deepEqual(got.body.devices, []);
    });

    it('gives a workspace a Webex Calling line: number and extension are taken from then on', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const { workspaces } = await licenses(admin);
      const w = await create({ supportedDevices: 'phones', calling: { type: 'webexCalling', webexCalling: { phoneNumber: number, extension, locationId: hq.id, licenses: [workspaces] } } });
      assert.deepEqual(w.calling, { type: 'webexCalling', webexCalling: { licenses: [workspaces] } });
      const numbers = await admin.get(`/v1/workspaces/${w.id}/features/numbers`);
      assert.equal(numbers.status, 200, numbers.text);
      assert.deepEqual(numbers.body.phoneNumbers, [{ external: number, extension, primary: true }]);
      // Nobody else may have the number or the extension.
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('Desk '), calling: { type: 'webexCalling', webexCalling: { phoneNumber: number, locationId: hq.id } } }), 409);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('Desk '), calling: { type: 'webexCalling', webexCalling: { extension, locationId: hq.id } } }), 409);
      const person = await admin.post('/v1/people', { emails: [`${unique('p')}@example.com`], displayName: 'P', extension, locationId: hq.id, licenses: [(await licenses(admin)).professional] });
      assertWebexError(person, 409);
      const available = await admin.get('/v1/telephony/config/numbers', { locationId: hq.id, available: true, phoneNumber: number!.slice(2) });
      assert.deepEqual(available.body.phoneNumbers, []);
    });

    it('refuses a Webex Calling workspace without a line, or outside a calling location', async () => {
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W '), calling: { type: 'webexCalling', webexCalling: { locationId: hq.id } } }), 400, /phoneNumber or extension/);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W '), calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } }), 400, /locationId/);
      const plain = await createLocation(admin);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W '), calling: { type: 'webexCalling', webexCalling: { extension: freeExtension(), locationId: plain.id } } }), 400);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: '  ' }), 400);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W '), capacity: -1 }), 400);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W '), locationId: 'nope' }), 400);
    });

    it('lists workspaces by name, location, type and calling, a page at a time', async () => {
      const tag = unique('Floor');
      const branch = await createCallingLocation(admin);
      const a = await create({ displayName: `${tag} A`, locationId: branch.id, type: 'desk' });
      const b = await create({ displayName: `${tag} B`, locationId: branch.id, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
      const all = await admin.get('/v1/workspaces', { displayName: tag });
      assert.deepEqual(all.body.items.map((w: { id: string }) => w.id), [a.id, b.id]);
      const page = await admin.get('/v1/workspaces', { displayName: tag, max: 1 });
      assert.deepEqual(page.body.items.map((w: { id: string }) => w.id), [a.id]);
      assert.match(page.headers.get('link') ?? '', /start=1/);
      assert.deepEqual((await admin.get('/v1/workspaces', { locationId: branch.id, type: 'desk' })).body.items.map((w: { id: string }) => w.id), [a.id]);
      assert.deepEqual((await admin.get('/v1/workspaces', { displayName: tag, calling: 'webexCalling' })).body.items.map((w: { id: string }) => w.id), [b.id]);
    });

    it('updates a workspace (capacity, type and notes left out are cleared) and moves its line', async () => {
      const w = await create({ locationId: hq.id, capacity: 4, type: 'huddle', notes: 'n', calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
      const ext = freeExtension();
      const reply = await admin.put(`/v1/workspaces/${w.id}`, { displayName: 'Renamed', calling: { type: 'webexCalling', webexCalling: { extension: ext } } });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.displayName, 'Renamed');
      assert.equal(reply.body.capacity, undefined);
      assert.equal(reply.body.type, 'notSet');
      assert.equal(reply.body.notes, undefined);
      const numbers = await admin.get(`/v1/workspaces/${w.id}/features/numbers`);
      assert.equal(numbers.body.phoneNumbers[0].extension, ext);
      const off = await admin.put(`/v1/workspaces/${w.id}`, { displayName: 'Renamed', calling: { type: 'none' } });
      assert.deepEqual(off.body.calling, { type: 'none' });
    });

    it('deletes a workspace: 404 afterwards, and its extension is free again', async () => {
      const extension = freeExtension();
      const w = await create({ calling: { type: 'webexCalling', webexCalling: { extension, locationId: hq.id } } });
      const reply = await admin.delete(`/v1/workspaces/${w.id}`);
      assert.equal(reply.status, 204, reply.text);
      assertWebexError(await admin.get(`/v1/workspaces/${w.id}`), 404);
      assertWebexError(await admin.delete(`/v1/workspaces/${w.id}`), 404);
      await create({ calling: { type: 'webexCalling', webexCalling: { extension, locationId: hq.id } } });
    });

    it('answers the capabilities of a workspace: no sensors', async () => {
      const w = await create();
      const reply = await admin.get(`/v1/workspaces/${w.id}/capabilities`);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body.capabilities.temperature, { supported: false, configured: false });
    });

    it('needs the workspaces scopes; a person is refused', async () => {
      const user = await createCallingUser(admin);
      const token = await admin.post('/sandbox/v1/tokens', { personId: user.id, scopes: ['spark:people_read'] });
      const client = admin.withToken(token.body.access_token);
      assertWebexError(await client.get('/v1/workspaces'), 403);
    });
    it("serves a calling workspace's settings through the settings mechanism: defaults, a PUT merged over them, the rules", async () => {
      const extension = freeExtension();
      const w = await create({ calling: { type: 'webexCalling', webexCalling: { extension, locationId: hq.id } } });
      const dnd = `/v1/telephony/config/workspaces/${w.id}/doNotDisturb`;
      assert.deepEqual((await admin.get(dnd)).body, { enabled: false, ringSplashEnabled: false });
      assert.equal((await admin.put(dnd, { enabled: true })).status, 204);
      assert.deepEqual((await admin.get(dnd)).body, { enabled: true, ringSplashEnabled: false });
      assert.deepEqual((await admin.get(`/v1/workspaces/${w.id}/features/callWaiting`)).body, { enabled: true });
      const forwarding = `/v1/workspaces/${w.id}/features/callForwarding`;
      const before = await admin.get(forwarding);
      assert.equal(before.body.callForwarding.noAnswer.numberOfRings, 3);
      // Cisco's document wants the whole document in a workspace's PUT.
      const { systemMaxNumberOfRings: _max, ...noAnswer } = before.body.callForwarding.noAnswer;
      const whole = (change: Record<string, unknown>) => ({ callForwarding: { ...before.body.callForwarding, noAnswer, ...change }, businessContinuity: before.body.businessContinuity });
      const { always, busy } = before.body.callForwarding;
      assertWebexError(await admin.put(forwarding, whole({ always: { ...always, enabled: true, destination: extension } })), 400, /own number/);
      assertWebexError(await admin.put(forwarding, whole({ busy: { ...busy, enabled: true } })), 400);
      const person = await createCallingUser(admin);
      assert.equal((await admin.put(forwarding, whole({ busy: { ...busy, enabled: true, destination: person.phoneNumber } }))).status, 204);
      assert.equal((await admin.get(forwarding)).body.callForwarding.busy.destination, person.phoneNumber);
      assert.deepEqual((await admin.get(`/v1/telephony/config/workspaces/${w.id}/bargeIn`)).body, { enabled: false, toneEnabled: false });
      assert.deepEqual((await admin.get(`/v1/telephony/config/workspaces/${w.id}/anonymousCallReject`)).body, { enabled: false });
    });

    it('has no call settings for a workspace without Webex Calling, or of another organization', async () => {
      const w = await create();
      assertWebexError(await admin.get(`/v1/telephony/config/workspaces/${w.id}/doNotDisturb`), 404);
      assertWebexError(await admin.get(`/v1/workspaces/${w.id}/features/numbers`), 404);
      assertWebexError(await admin.get('/v1/workspaces/nope/features/callWaiting'), 404);
    });
  });
}
