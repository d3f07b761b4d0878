import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, defaultLocation, freeExtension, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { createDevice } from '../support/devices.ts';

const CONFIG = '/v1/telephony/config';

const line = (id: string, port: number, primaryOwner: boolean, extra: Record<string, unknown> = {}) => ({
  id,
  port,
  primaryOwner,
  lineType: primaryOwner ? 'PRIMARY' : 'SHARED_CALL_APPEARANCE',
  lineWeight: 1,
  hotlineEnabled: false,
  hotlineDestination: '',
  allowCallDeclineEnabled: true,
  ...extra,
});

for (const dialect of dialects) {
  describe(`Device Call Settings: members and device lists (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it("a new phone carries its owner's primary line on port 1; members can add shared lines", async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: owner.id }, 'DMS Cisco 7841');
      const members = `${CONFIG}/devices/${device.id}/members`;
      let got = await admin.get(members);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.model, 'DMS Cisco 7841');
      assert.equal(got.body.maxLineCount, 4);
      assert.deepEqual(
        got.body.members.map((m: any) => [m.id, m.port, m.primaryOwner, m.lineType, m.memberType, m.phoneNumber]),
        [[owner.id, 1, true, 'PRIMARY', 'PEOPLE', owner.phoneNumber]],
      );
      assert.equal(got.body.members[0].location.id, owner.locationId);

      const put = await admin.put(members, { members: [line(owner.id, 1, true), line(other.id, 2, false, { lineLabel: 'Reception', lineWeight: 2 })] });
      assert.equal(put.status, 204, put.text);
      got = await admin.get(members);
      assert.deepEqual(
        got.body.members.map((m: any) => [m.id, m.port, m.lineType, m.lineWeight, m.lineLabel]),
        [
          [owner.id, 1, 'PRIMARY', 1, undefined],
          [other.id, 2, 'SHARED_CALL_APPEARANCE', 2, 'Reception'],
        ],
      );

      // The other person's devices show the shared line; counts follow.
      const theirs = await admin.get(`${CONFIG}/people/${other.id}/devices`);
      assert.equal(theirs.status, 200, theirs.text);
      assert.deepEqual(
        theirs.body.devices.map((d: any) => [d.id, d.primaryOwner, d.type, d.owner.id, d.activationState]),
        [[device.id, false, 'SHARED_CALL_APPEARANCE', owner.id, 'activated']],
      );
      assert.deepEqual((await admin.get(`${CONFIG}/people/${other.id}/devices/count`)).body, { totalDeviceCount: 1, applicationsCount: 0 });
      const mine = await admin.get(`${CONFIG}/people/${owner.id}/devices`);
      assert.deepEqual(mine.body.devices.map((d: any) => [d.primaryOwner, d.type, d.mac]), [[true, 'PRIMARY', device.mac.replace(/:/g, '')]]);
    });

    it('refuses members that do not fit: ports past the model, overlapping lines, the owner moved or missing, unknown people', async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: owner.id }, 'DMS Cisco 6821');
      const members = `${CONFIG}/devices/${device.id}/members`;
      assertWebexError(await admin.put(members, { members: [line(owner.id, 1, true), line(other.id, 3, false)] }), 400);
      assertWebexError(await admin.put(members, { members: [line(owner.id, 1, true, { lineWeight: 2 }), line(other.id, 2, false)] }), 400);
      assertWebexError(await admin.put(members, { members: [line(other.id, 1, false), line(owner.id, 2, true)] }), 400);
      assertWebexError(await admin.put(members, { members: [line(other.id, 2, false)] }), 400);
      assertWebexError(await admin.put(members, { members: [line(owner.id, 1, true), line(other.id, 2, true)] }), 400);
      assertWebexError(await admin.put(members, { members: [line(owner.id, 1, true), line(other.id, 2, false, { hotlineEnabled: true })] }), 400);
      assertWebexError(await admin.put(members, { members: [line(owner.id, 1, true), line('nope', 2, false)] }), 400);
      assert.equal((await admin.get(members)).body.members.length, 1, 'nothing changed');
    });

    it('available members: calling people and workspaces not on the device yet, by name', async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin, { firstName: 'Zebedee' });
      const device = await createDevice(admin, { personId: owner.id });
      const search = await admin.get(`${CONFIG}/devices/${device.id}/availableMembers`, { memberName: 'zebedee' });
      assert.equal(search.status, 200, search.text);
      assert.deepEqual(search.body.members.map((m: any) => [m.id, m.lineType, m.memberType]), [[other.id, 'SHARED_CALL_APPEARANCE', 'PEOPLE']]);
      const all = (await admin.get(`${CONFIG}/devices/${device.id}/availableMembers`, { max: 1000 })).body.members.map((m: any) => m.id);
      assert.ok(!all.includes(owner.id), 'the owner is on the device already');
      const count = await admin.get(`${CONFIG}/devices/${device.id}/availableMembers/count`);
      assert.equal(count.body.totalCount, all.length);
      const orgCount = await admin.get(`${CONFIG}/devices/availableMembers/count`);
      assert.equal(orgCount.body.totalCount, all.length + 1);
    });

    it("a workspace's devices and their hoteling", async () => {
      const hq = await defaultLocation(admin);
      const workspace = await admin.post('/v1/workspaces', { displayName: unique('Desk '), locationId: hq.id, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } });
      const device = await createDevice(admin, { workspaceId: workspace.body.id });
      const path = `${CONFIG}/workspaces/${workspace.body.id}/devices`;
      let got = await admin.get(path);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual(got.body.devices.map((d: any) => [d.id, d.activationState, d.owner.type, d.hoteling.enabled]), [[device.id, 'ACTIVATED', 'PLACE', false]]);
      assert.equal((await admin.put(path, { enabled: true, limitGuestUse: true, guestHoursLimit: 12 })).status, 204);
      got = await admin.get(path);
      assert.deepEqual(got.body.devices[0].hoteling, { enabled: true, limitGuestUse: true, guestHoursLimit: 12 });
      assertWebexError(await admin.put(path, { enabled: true, limitGuestUse: true, guestHoursLimit: 1000 }), 400);
    });

    it("a person's hoteling on their primary devices", async () => {
      const person = await createCallingUser(admin);
      await createDevice(admin, { personId: person.id });
      const put = await admin.put(`${CONFIG}/people/${person.id}/devices/settings/hoteling`, { hoteling: { enabled: true, limitGuestUse: false } });
      assert.equal(put.status, 204, put.text);
      const got = await admin.get(`${CONFIG}/people/${person.id}/devices`);
      assert.deepEqual(got.body.devices[0].hoteling, { enabled: true, limitGuestUse: false });
      assertWebexError(await admin.put(`${CONFIG}/people/${person.id}/devices/settings/hoteling`, {}), 400);
    });

    it('device details, apply changes, and the DECT types', async () => {
      const person = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: person.id });
      const details = await admin.get(`${CONFIG}/devices/${device.id}`);
      assert.equal(details.status, 200, details.text);
      assert.equal(details.body.model, 'DMS Cisco 8865');
      assert.equal(details.body.activationState, 'activated');
      assert.equal(details.body.mac, device.mac.replace(/:/g, ''));
      assert.equal((await admin.post(`${CONFIG}/devices/${device.id}/actions/applyChanges/invoke`)).status, 204);
      // A SIP password is for third-party phones only, and must not be weak.
      assertWebexError(await admin.put(`${CONFIG}/devices/${device.id}`, { sipPassword: 'Secret1234' }), 400);
      const generic = await createDevice(admin, { personId: person.id }, 'Generic IPPhone Customer Managed').catch(() => undefined);
      assert.equal(generic, undefined, 'a third-party phone needs its password when added');
      const added = await admin.post('/v1/devices', { mac: 'A1B2C3D4E5F6', model: 'Generic IPPhone Customer Managed', personId: person.id, password: 'Secret1234' });
      assert.equal(added.status, 200, added.text);
      assert.equal((await admin.put(`${CONFIG}/devices/${added.body.id}`, { sipPassword: 'Another99x' })).status, 204);
      assertWebexError(await admin.put(`${CONFIG}/devices/${added.body.id}`, { sipPassword: 'short' }), 400);
      assertWebexError(await admin.post(`${CONFIG}/devices/nope/actions/applyChanges/invoke`), 404);
      const supported = await admin.get(`${CONFIG}/supportedDevices`);
      assert.equal(supported.status, 200, supported.text);
      const m8865 = supported.body.devices.find((d: any) => d.model === 'DMS Cisco 8865');
      assert.deepEqual([m8865.displayName, m8865.type, m8865.numberOfLinePorts], ['Cisco 8865', 'MPP', 10]);
      const notMpp = (await admin.get(`${CONFIG}/supportedDevices`, { type: 'not:MPP' })).body.devices;
      assert.ok(notMpp.length > 0 && notMpp.every((d: any) => d.type !== 'MPP'));
      const ata = (await admin.get(`${CONFIG}/supportedDevices`, { type: 'ATA' })).body.devices.map((d: any) => d.model);
      assert.deepEqual(ata, ['DMS Cisco 191', 'DMS Cisco 192']);
      for (const path of ['dectNetworks', 'dects']) {
        const types = await admin.get(`${CONFIG}/devices/${path}/supportedDevices`);
        assert.equal(types.status, 200, types.text);
        assert.ok(types.body.devices.some((d: any) => d.model === 'DMS Cisco DBS210'));
      }
    });
  });
}
