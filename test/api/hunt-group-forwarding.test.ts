import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createOrganization, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const groupsOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/huntGroups`;
const noAnswer = { nextAgentEnabled: false, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };

for (const dialect of dialects) {
  describe(`Features: Hunt Group call forwarding and number lists (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let forwarding: string;
    let rules: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      const created = await admin.post(groupsOf(hq.id), { name: unique('Fwd '), extension: freeExtension(), callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true });
      assert.equal(created.status, 200, created.text);
      forwarding = `${groupsOf(hq.id)}/${created.body.id}/callForwarding`;
      rules = `${forwarding}/selectiveRules`;
      const schedules = `/v1/telephony/config/locations/${hq.id}/schedules`;
      assert.equal((await admin.post(schedules, { type: 'businessHours', name: 'Open' })).status, 201);
      assert.equal((await admin.post(schedules, { type: 'holidays', name: 'Closed days' })).status, 201);
    });
    after(() => server.close());

    it('starts with forwarding off and no rules, and turns always forwarding on (a destination is required)', async () => {
      const off = { enabled: false, ringReminderEnabled: false, destinationVoicemailEnabled: false };
      assert.deepEqual((await admin.get(forwarding)).body, { callForwarding: { always: off, selective: off, rules: [] } });
      assertWebexError(await admin.put(forwarding, { callForwarding: { always: { enabled: true } } }), 400, /destination/);
      assert.equal((await admin.put(forwarding, { callForwarding: { always: { enabled: true, destination: '+14155550123' } } })).status, 204);
      assert.deepEqual((await admin.get(forwarding)).body.callForwarding.always, { ...off, enabled: true, destination: '+14155550123' });
      assertWebexError(await admin.put(forwarding, { callForwarding: { operatingModes: { enabled: true, modes: [] } } }), 400, /operating modes/);
    });

    it('creates, reads, lists, enables, updates and deletes selective rules that name the location\'s schedules', async () => {
      const rule = {
        name: 'After hours',
        enabled: true,
        businessSchedule: 'Open',
        holidaySchedule: 'Closed days',
        forwardTo: { selection: 'FORWARD_TO_SPECIFIED_NUMBER', phoneNumber: '+14155550124' },
        callsFrom: { selection: 'ANY', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false, numbers: [] } },
        callsTo: { numbers: [] },
      };
      const created = await admin.post(rules, rule);
      assert.equal(created.status, 201, created.text);
      assert.deepEqual((await admin.get(`${rules}/${created.body.id}`)).body, { id: created.body.id, ...rule });
      assertWebexError(await admin.post(rules, rule), 409, /After hours/);
      assertWebexError(await admin.post(rules, { ...rule, name: 'x', businessSchedule: 'Nope' }), 400, /businessSchedule/);
      assertWebexError(await admin.post(rules, { ...rule, name: 'y', forwardTo: { selection: 'FORWARD_TO_SPECIFIED_NUMBER' } }), 400, /phoneNumber/);
      assertWebexError(await admin.post(rules, { ...rule, name: 'z', callsFrom: { selection: 'CUSTOM', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false } } }), 400, /CUSTOM/);
      const listed = (await admin.get(forwarding)).body.callForwarding.rules;
      assert.deepEqual(listed, [{ id: created.body.id, name: 'After hours', callFrom: 'Any', callsTo: 'Any', forwardTo: '+14155550124', enabled: true }]);
      assert.equal((await admin.put(forwarding, { callForwarding: { rules: [{ id: created.body.id, enabled: false }] } })).status, 204);
      assert.equal((await admin.get(`${rules}/${created.body.id}`)).body.enabled, false);
      const updated = await admin.put(`${rules}/${created.body.id}`, { name: 'Nights', forwardTo: { selection: 'DO_NOT_FORWARD' } });
      assert.equal(updated.status, 201, updated.text);
      const got = (await admin.get(`${rules}/${updated.body.id}`)).body;
      assert.equal(got.name, 'Nights');
      assert.equal(got.forwardTo.selection, 'DO_NOT_FORWARD');
      assert.equal((await admin.delete(`${rules}/${updated.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${rules}/${updated.body.id}`), 404);
      assertWebexError(await admin.delete(`${rules}/${updated.body.id}`), 404);
    });

    it('lists the numbers a hunt group may take (nobody\'s), and those it may forward to (someone\'s)', async () => {
      const user = await createCallingUser(admin);
      const [free] = await freeNumbers(admin, hq.id);
      const primary = (await admin.get(`${groupsOf(hq.id)}/availableNumbers`, { max: 2000 })).body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber);
      const alternate = (await admin.get(`${groupsOf(hq.id)}/alternate/availableNumbers`, { max: 2000 })).body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber);
      assert.ok(primary.includes(free) && !primary.includes(user.phoneNumber));
      assert.deepEqual(alternate, primary);
      const forward = (await admin.get(`${groupsOf(hq.id)}/callForwarding/availableNumbers`, { max: 2000 })).body.phoneNumbers;
      const mine = forward.find((n: { phoneNumber: string }) => n.phoneNumber === user.phoneNumber);
      assert.equal(mine.owner.id, user.id);
      assert.ok(!forward.some((n: { phoneNumber: string }) => n.phoneNumber === free));
      // Taken by a hunt group, a number leaves the list.
      const taken = await admin.post(groupsOf(hq.id), { name: unique('T'), phoneNumber: free, callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true });
      assert.equal(taken.status, 200, taken.text);
      const after = (await admin.get(`${groupsOf(hq.id)}/availableNumbers`, { max: 2000 })).body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber);
      assert.ok(!after.includes(free));
    });

    it('refuses switchMode (400): hunt group forwarding has no operating modes to switch back from', async () => {
      assertWebexError(await admin.post(`${forwarding}/actions/switchMode/invoke`, {}), 400, /no operating modes/);
    });

    it('is 404 for another organization\'s hunt group', async () => {
      const other = await createOrganization(server.anonymous);
      const theirHq = await defaultLocation(other.admin);
      const theirs = await other.admin.post(groupsOf(theirHq.id), { name: 'Theirs', extension: '5555', callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true });
      assertWebexError(await admin.get(`${groupsOf(theirHq.id)}/${theirs.body.id}/callForwarding`), 404);
      assertWebexError(await admin.get(`${groupsOf(hq.id)}/${theirs.body.id}/callForwarding`), 404);
      assertWebexError(await admin.post(`${groupsOf(hq.id)}/${theirs.body.id}/callForwarding/selectiveRules`, { name: 'x', callsFrom: { selection: 'ANY', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false } }, callsTo: {} }), 404);
    });
  });
}
