import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, demoCallers, onlyCall } from '../support/calls.ts';
import { createRouteGroup, createTrunk } from '../support/call-routing.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const LISTS = '/v1/telephony/config/premisePstn/routeLists';

for (const dialect of dialects) {
  describe(`Call Routing: route lists and trunk FQDN validation (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect, { clock: new SandboxClock('manual') });
      admin = server.admin;
    });
    after(() => server.close());

    it('creates, shows, lists, renames and deletes route lists; a route group in use by one is not deleted', async () => {
      const site = await createCallingLocation(admin);
      const trunk = await createTrunk(admin, site.id);
      const group = await createRouteGroup(admin, [trunk.id]);
      const other = await createRouteGroup(admin, [trunk.id]);
      const name = unique('DI ');
      const created = await admin.post(LISTS, { name, locationId: site.id, routeGroupId: group.id });
      assert.equal(created.status, 201, created.text);
      const one = (await admin.get(`${LISTS}/${created.body.id}`)).body;
      assert.deepEqual(one, { name, location: { id: site.id, name: site.name }, routeGroup: { id: group.id, name: group.name, inUse: true } });
      const listed = (await admin.get(LISTS, { locationId: site.id })).body.routeLists;
      assert.deepEqual(listed.map((r: { id: string }) => r.id), [created.body.id]);
      assert.equal(listed[0].routeGroupName, group.name);
      assertWebexError(await admin.post(LISTS, { name: name.toLowerCase(), locationId: site.id, routeGroupId: group.id }), 409);
      assertWebexError(await admin.post(LISTS, { name: unique('X '), locationId: site.id, routeGroupId: trunk.id }), 400);

      assert.equal((await admin.get(`/v1/telephony/config/premisePstn/routeGroups/${group.id}/usage`)).body.routeListCount, '1');
      assert.equal((await admin.get(`/v1/telephony/config/premisePstn/routeGroups/${group.id}/usageRouteList`)).body.routeGroupUsageRouteListGet[0].routeLists[0].id, created.body.id);
      assertWebexError(await admin.delete(`/v1/telephony/config/premisePstn/routeGroups/${group.id}`), 409, /route list/);

      assert.equal((await admin.put(`${LISTS}/${created.body.id}`, { name: `${name} 2`, routeGroupId: other.id })).status, 204);
      assert.equal((await admin.get(`${LISTS}/${created.body.id}`)).body.routeGroup.id, other.id);
      assert.equal((await admin.delete(`/v1/telephony/config/premisePstn/routeGroups/${group.id}`)).status, 204);
      assert.equal((await admin.delete(`${LISTS}/${created.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${LISTS}/${created.body.id}`), 404);
    });

    it('adds and deletes numbers of the location, reporting the ones it cannot take', async () => {
      const site = await createCallingLocation(admin);
      const group = await createRouteGroup(admin, [(await createTrunk(admin, site.id)).id]);
      const list = (await admin.post(LISTS, { name: unique('Numbers '), locationId: site.id, routeGroupId: group.id })).body.id;
      const numbers = ['+15125554401', '+15125554402', '+15125554403'];
      assert.equal((await admin.post(`/v1/telephony/config/locations/${site.id}/numbers`, { phoneNumbers: numbers })).status, 201);
      await createCallingUser(admin, { locationId: site.id, phoneNumbers: [{ type: 'work', value: '5125554403' }] });
      const changed = await admin.put(`${LISTS}/${list}/numbers`, {
        numbers: [
          { number: numbers[0], action: 'ADD' },
          { number: numbers[1], action: 'ADD' },
          { number: numbers[1], action: 'ADD' },
          { number: numbers[2], action: 'ADD' },
          { number: '+15125550000', action: 'ADD' },
          { number: 'abc', action: 'ADD' },
        ],
      });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(
        changed.body.numberStatus.map((s: { phoneNumber: string; numberStatus: string }) => [s.phoneNumber, s.numberStatus]),
        [
          [numbers[1], 'DUPLICATE_IN_LIST'],
          [numbers[2], 'UNAVAILABLE'],
          ['+15125550000', 'UNAVAILABLE'],
          ['abc', 'INVALID'],
        ],
      );
      assert.deepEqual((await admin.get(`${LISTS}/${list}/numbers`)).body.numbers, [numbers[0], numbers[1]]);
      assert.deepEqual((await admin.get(`${LISTS}/${list}/numbers`, { order: 'number-desc', max: 1 })).body.numbers, [numbers[1]]);
      const again = await admin.put(`${LISTS}/${list}/numbers`, { numbers: [{ number: numbers[0], action: 'ADD' }, { number: numbers[1], action: 'DELETE' }] });
      assert.deepEqual(again.body.numberStatus.map((s: { numberStatus: string }) => s.numberStatus), ['DUPLICATE']);
      assert.deepEqual((await admin.get(`${LISTS}/${list}/numbers`)).body.numbers, [numbers[0]]);
      assert.equal((await admin.put(`${LISTS}/${list}/numbers`, { deleteAllNumbers: true })).status, 200);
      assert.deepEqual((await admin.get(`${LISTS}/${list}/numbers`)).body.numbers, []);
      assertWebexError(await admin.put(`${LISTS}/${list}/numbers`, {}), 400);
    });

    it('routes a call to a route list number through its route group, and testCallRouting says so', async () => {
      const { alex } = await demoCallers(admin);
      const site = await createCallingLocation(admin);
      const group = await createRouteGroup(admin, [(await createTrunk(admin, site.id)).id]);
      const list = (await admin.post(LISTS, { name: unique('Dedicated '), locationId: site.id, routeGroupId: group.id })).body.id;
      const number = '+15125554471';
      assert.equal((await admin.post(`/v1/telephony/config/locations/${site.id}/numbers`, { phoneNumbers: [number] })).status, 201);
      assert.equal((await admin.put(`${LISTS}/${list}/numbers`, { numbers: [{ number, action: 'ADD' }] })).status, 200);
      const tested = await admin.post('/v1/telephony/config/actions/testCallRouting/invoke', { originatorId: alex.id, originatorType: 'PEOPLE', destination: number });
      assert.equal(tested.body.destinationType, 'ROUTE_LIST');
      assert.equal(tested.body.routeList.id, list);
      assert.equal(tested.body.routeList.routeGroupId, group.id);
      await callAction(alex, 'dial', { destination: number }, 201);
      await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
      const call = await onlyCall(alex);
      const s = (await admin.get(`/sandbox/v1/calls/${call.callSessionId}`)).body as { legs: { party: { kind: string; number?: string; name?: string } }[] };
      assert.deepEqual(s.legs.find((l) => l.party.kind === 'pstn')?.party, { kind: 'pstn', number, name: group.name });
      await callAction(alex, 'hangup', { callId: call.id });
    });

    it('validates a trunk’s FQDN and domain (204, or 400)', async () => {
      const fqdn = '/v1/telephony/config/premisePstn/trunks/actions/fqdnValidation/invoke';
      assert.equal((await admin.post(fqdn, { address: 'sbc1.example.com', domain: 'example.com', port: 5061 })).status, 204);
      assertWebexError(await admin.post(fqdn, { address: 'not a host', domain: 'example.com' }), 400);
      assertWebexError(await admin.post(fqdn, { address: 'sbc1.example.com', domain: 'example.com', port: 70000 }), 400);
      assertWebexError(await admin.post(fqdn, {}), 400);
    });
  });
}
