import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createLocation, createOrganization, defaultLocation, freeExtension, unique } from '../support/factories.ts';
import { newMac } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';

for (const dialect of dialects) {
  describe(`DECT Devices Settings API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let networks: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      networks = `${CONFIG}/locations/${hq.id}/dectNetworks`;
    });
    after(() => server.close());

    async function createNetwork(body: Record<string, unknown> = {}) {
      const reply = await admin.post(networks, { name: unique('Dect '), model: 'DMS Cisco DBS210', defaultAccessCodeEnabled: false, defaultAccessCode: '', ...body });
      assert.equal(reply.status, 201, reply.text);
      return `${networks}/${reply.body.dectNetworkId}`;
    }

    it('creates, reads, lists, updates and deletes a DECT network', async () => {
      const name = unique('Warehouse ');
      const created = await admin.post(networks, { name, displayName: 'Floor', model: 'Cisco DECT 110 Base', defaultAccessCodeEnabled: true, defaultAccessCode: '1234' });
      assert.equal(created.status, 201, created.text);
      const path = `${networks}/${created.body.dectNetworkId}`;
      const got = await admin.get(path);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual(
        [got.body.name, got.body.displayName, got.body.model, got.body.defaultAccessCodeEnabled, got.body.defaultAccessCode, got.body.numberOfBaseStations, got.body.location.id],
        [name, 'Floor', 'DMS Cisco DBS110', true, '1234', 0, hq.id],
      );
      const listed = await admin.get(`${CONFIG}/dectNetworks`, { name: name.slice(0, 12) });
      assert.ok(listed.body.dectNetworks.some((n: { id: string }) => n.id === created.body.dectNetworkId));
      assert.equal((await admin.put(path, { name: `${name} 2`, defaultAccessCodeEnabled: false, defaultAccessCode: '' })).status, 204);
      assert.deepEqual([(await admin.get(path)).body.name, (await admin.get(path)).body.defaultAccessCodeEnabled], [`${name} 2`, false]);
      assert.equal((await admin.delete(path)).status, 204);
      assertWebexError(await admin.get(path), 404);
    });

    it('refuses a duplicate name, a bad access code, a long name, and another location in the path', async () => {
      const name = unique('Dup ');
      const path = await createNetwork({ name, defaultAccessCodeEnabled: true, defaultAccessCode: '4321' });
      assertWebexError(await admin.post(networks, { name: name.toUpperCase(), model: 'DMS Cisco DBS210', defaultAccessCodeEnabled: false, defaultAccessCode: '' }), 409);
      assertWebexError(await admin.post(networks, { name: unique('N '), model: 'DMS Cisco DBS210', defaultAccessCodeEnabled: true, defaultAccessCode: '12a4' }), 400);
      assertWebexError(await admin.post(networks, { name: unique('N '), model: 'DMS Cisco DBS210', defaultAccessCodeEnabled: true, defaultAccessCode: '4321' }), 400);
      assertWebexError(await admin.post(networks, { name: 'x'.repeat(41), model: 'DMS Cisco DBS210', defaultAccessCodeEnabled: false, defaultAccessCode: '' }), 400);
      const branch = await createLocation(admin);
      const location = (await admin.get(`/v1/locations/${branch.id}`)).body;
      assert.equal((await admin.post('/v1/telephony/config/locations', location)).status, 201);
      assertWebexError(await admin.get(path.replace(hq.id, branch.id)), 404);
    });

    it('base stations: added by MAC within the model, each with its result; one or all deleted', async () => {
      const single = await createNetwork({ model: 'DMS Cisco DBS110' });
      const taken = newMac();
      const added = await admin.post(`${single}/baseStations`, { baseStationMacs: [taken, newMac(), 'nope'] });
      assert.equal(added.status, 201, added.text);
      assert.deepEqual(added.body.baseStations.map((b: any) => b.result.status), [200, 400, 400], 'a DBS-110 takes one base station');
      const multi = await createNetwork();
      const more = await admin.post(`${multi}/baseStations`, { baseStationMacs: [taken, newMac(), newMac()] });
      assert.deepEqual(more.body.baseStations.map((b: any) => b.result.status), [409, 200, 200]);
      const list = await admin.get(`${multi}/baseStations`);
      assert.equal(list.body.baseStations.length, 2);
      const one = list.body.baseStations[1].id;
      const details = await admin.get(`${multi}/baseStations/${one}`);
      assert.equal(details.status, 200, details.text);
      assert.equal((await admin.delete(`${multi}/baseStations/${one}`)).status, 204);
      assertWebexError(await admin.get(`${multi}/baseStations/${one}`), 404);
      assert.equal((await admin.delete(`${multi}/baseStations`)).status, 204);
      assert.deepEqual((await admin.get(`${multi}/baseStations`)).body.baseStations, []);
    });

    it('handsets: two lines each, listed with their members, found from the person; updated and deleted', async () => {
      const path = await createNetwork();
      await admin.post(`${path}/baseStations`, { baseStationMacs: [newMac()] });
      const alex = await createCallingUser(admin);
      const blair = await createCallingUser(admin);
      const added = await admin.post(`${path}/handsets`, { line1MemberId: alex.id, line2MemberId: blair.id, customDisplayName: 'Alex DECT' });
      assert.equal(added.status, 201, added.text);
      const list = await admin.get(`${path}/handsets`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual([list.body.numberOfHandsetsAssigned, list.body.numberOfLinesAssigned], [1, 2]);
      const handset = list.body.handsets[0];
      assert.deepEqual(handset.lines.map((l: any) => [l.memberId, l.external, l.memberType]), [
        [alex.id, alex.phoneNumber, 'PEOPLE'],
        [blair.id, blair.phoneNumber, 'PEOPLE'],
      ]);
      assert.match(handset.accessCode, /^\d{4}$/);
      const details = await admin.get(`${path}/handsets/${handset.id}`);
      assert.equal(details.status, 200, details.text);
      assert.equal(details.body.customDisplayName, 'Alex DECT');
      assert.ok(details.body.baseStationId);
      const mine = await admin.get(`${CONFIG}/people/${blair.id}/dectNetworks`);
      assert.deepEqual(mine.body.dectNetworks.map((n: any) => n.numberOfHandsetsAssigned), [1]);
      assert.deepEqual((await admin.get(`${path}/handsets`, { memberId: blair.id })).body.handsets.length, 1);

      assert.equal((await admin.put(`${path}/handsets/${handset.id}`, { line1MemberId: blair.id, customDisplayName: 'Blair' })).status, 204);
      assert.deepEqual((await admin.get(`${CONFIG}/people/${alex.id}/dectNetworks`)).body.dectNetworks, []);
      assertWebexError(await admin.put(`${path}/handsets/${handset.id}`, { line1MemberId: blair.id, line2MemberId: blair.id, customDisplayName: 'Blair' }), 400);
      assertWebexError(await admin.post(`${path}/handsets`, { line1MemberId: alex.id, customDisplayName: 'x'.repeat(17) }), 400);
      assertWebexError(await admin.post(`${path}/handsets`, { line1MemberId: 'nope', customDisplayName: 'x' }), 400);

      const bulk = await admin.post(`${path}/handsets/bulk`, { items: [{ line1MemberId: alex.id, customDisplayName: 'One' }, { line1MemberId: 'nope', customDisplayName: 'Two' }] });
      assert.equal(bulk.status, 206, bulk.text);
      assert.deepEqual(bulk.body.items.map((i: any) => i.result.status), [201, 400]);
      assert.equal((await admin.delete(`${path}/handsets/${handset.id}`)).status, 204);
      assertWebexError(await admin.get(`${path}/handsets/${handset.id}`), 404);
      assert.equal((await admin.request('DELETE', `${path}/handsets/`, { body: { handsetIds: [], deleteAll: true } })).status, 204);
      assert.deepEqual((await admin.get(`${path}/handsets`)).body.handsets, []);
    });

    it('the serviceability password: off, generated (and on), turned off', async () => {
      const path = await createNetwork();
      assert.deepEqual((await admin.get(`${path}/serviceabilityPassword`)).body, { enabled: false });
      const generated = await admin.post(`${path}/serviceabilityPassword/actions/generate/invoke`);
      assert.equal(generated.status, 201, generated.text);
      assert.equal(generated.body.password.length, 16);
      assert.deepEqual((await admin.get(`${path}/serviceabilityPassword`)).body, { enabled: true });
      assert.equal((await admin.put(`${path}/serviceabilityPassword`, { enabled: false })).status, 204);
      assert.deepEqual((await admin.get(`${path}/serviceabilityPassword`)).body, { enabled: false });
    });

    it('available members across the organization', async () => {
      const person = await createCallingUser(admin, { firstName: 'Quentin' });
      const reply = await admin.get(`${CONFIG}/devices/availableMembers`, { memberName: 'quentin' });
      assert.equal(reply.status, 200, reply.text);
      assert.ok(reply.body.members.some((m: any) => m.id === person.id && m.memberType === 'PEOPLE'));
    });

    it("a virtual line's DECT networks: none without a handset; another organization's line is not found", async () => {
      const line = await admin.post(`${CONFIG}/virtualLines`, { firstName: 'Desk', lastName: unique('Line'), locationId: hq.id, extension: freeExtension() });
      assert.equal(line.status, 201, line.text);
      const reply = await admin.get(`${CONFIG}/virtualLines/${line.body.id}/dectNetworks`);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body.dectNetworks, []);
      const other = await createOrganization(server.anonymous);
      const theirs = await other.admin.post(`${CONFIG}/virtualLines`, { firstName: 'Desk', lastName: 'Theirs', locationId: (await defaultLocation(other.admin)).id, extension: freeExtension() });
      assert.equal(theirs.status, 201, theirs.text);
      assertWebexError(await admin.get(`${CONFIG}/virtualLines/${theirs.body.id}/dectNetworks`), 404);
    });
  });
}
