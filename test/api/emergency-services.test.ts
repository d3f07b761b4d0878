import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, createLocation, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';

for (const dialect of dialects) {
  describe(`Emergency Services Settings API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    const ok = async (reply: Promise<{ status: number; text: string; body: any }>, status = 204) => {
      const r = await reply;
      assert.equal(r.status, status, r.text);
      return r.body;
    };

    it('shows a person’s ECBN with each option and its fallback, and stores a member choice', async () => {
      const person = await createCallingUser(admin);
      const member = await createCallingUser(admin);
      const path = `${CONFIG}/people/${person.id}/emergencyCallbackNumber`;
      const view = await ok(admin.get(path), 200);
      assert.equal(view.selected, 'DIRECT_LINE');
      assert.deepEqual(
        [view.directLineInfo.phoneNumber, view.directLineInfo.effectiveLevel, view.directLineInfo.effectiveValue, view.directLineInfo.quality],
        [person.phoneNumber, 'DIRECT_LINE', person.phoneNumber, 'RECOMMENDED'],
      );
      assert.equal(view.locationECBNInfo.effectiveLevel, 'LOCATION_NUMBER');
      assert.deepEqual([view.elinEnabled, view.elinForWebexAppEnabled], [false, false]);
      assert.equal(view.locationMemberInfo, undefined);

      await ok(admin.put(path, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: member.id, elinEnabled: true }));
      const after = await ok(admin.get(path), 200);
      assert.equal(after.selected, 'LOCATION_MEMBER_NUMBER');
      assert.equal(after.elinEnabled, true);
      assert.deepEqual(
        [after.locationMemberInfo.memberId, after.locationMemberInfo.memberType, after.locationMemberInfo.phoneNumber, after.locationMemberInfo.effectiveLevel],
        [member.id, 'PEOPLE', member.phoneNumber, 'LOCATION_MEMBER_NUMBER'],
      );
      const deps = await ok(admin.get(`${CONFIG}/people/${member.id}/emergencyCallbackNumber/dependencies`), 200);
      assert.deepEqual(deps, { isLocationEcbnDefault: false, isSelfEcbnDefault: true, dependentMemberCount: 1 });
      // The member loses their number: the option falls back to the location's ECBN.
      await ok(admin.delete(`/v1/people/${member.id}`));
      const fallen = await ok(admin.get(path), 200);
      assert.deepEqual([fallen.locationMemberInfo.quality, fallen.locationMemberInfo.effectiveLevel], ['INVALID', 'LOCATION_NUMBER']);
    });

    it('refuses a member without a number, outside the location, the line itself, or missing; DIRECT_LINE without a number', async () => {
      const person = await createCallingUser(admin);
      const path = `${CONFIG}/people/${person.id}/emergencyCallbackNumber`;
      assertWebexError(await admin.put(path, { selected: 'LOCATION_MEMBER_NUMBER' }), 400, /locationMemberId is required/);
      assertWebexError(await admin.put(path, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: person.id }), 400);
      assertWebexError(await admin.put(path, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: 'nope' }), 400);
      const branch = await createCallingLocation(admin);
      const line = await admin.post(`${CONFIG}/virtualLines`, { firstName: 'Far', lastName: unique('Line'), locationId: branch.id, extension: freeExtension() });
      assertWebexError(await admin.put(path, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: line.body.id }), 400, /not another member/);
      const extOnly = await admin.post(`${CONFIG}/virtualLines`, { firstName: 'Ext', lastName: unique('Only'), locationId: hq.id, extension: freeExtension() });
      assertWebexError(await admin.put(path, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: extOnly.body.id }), 400, /no phone number/);
      assertWebexError(await admin.put(`${CONFIG}/virtualLines/${extOnly.body.id}/emergencyCallbackNumber`, { selected: 'DIRECT_LINE' }), 400, /only an extension/);
      assertWebexError(await admin.put(path, { selected: 'SOMETHING' }), 400);
      assertWebexError(await admin.get(`${CONFIG}/people/nope/emergencyCallbackNumber`), 404);
    });

    it('serves the ECBN of workspaces and virtual lines, and a hunt group’s dependents', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const line = await ok(admin.post(`${CONFIG}/virtualLines`, { firstName: 'Lobby', lastName: unique('Line'), locationId: hq.id, phoneNumber: number, extension: freeExtension() }), 201);
      const linePath = `${CONFIG}/virtualLines/${line.id}/emergencyCallbackNumber`;
      const view = await ok(admin.get(linePath), 200);
      assert.equal(view.selected, 'DIRECT_LINE');
      // A virtual line's number is usable, though not a person's or a workspace's.
      assert.deepEqual([view.directLineInfo.quality, view.directLineInfo.effectiveValue], ['NOT_RECOMMENDED', number]);
      const workspace = await ok(admin.post('/v1/workspaces', { displayName: unique('Room '), locationId: hq.id, calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } } }), 201);
      const wsPath = `${CONFIG}/workspaces/${workspace.id}/emergencyCallbackNumber`;
      assert.equal((await ok(admin.get(wsPath), 200)).selected, 'LOCATION_ECBN');
      const [groupNumber] = await freeNumbers(admin, hq.id);
      const group = await ok(admin.post(`${CONFIG}/locations/${hq.id}/huntGroups`, { name: unique('Group '), phoneNumber: groupNumber, enabled: true, callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 3, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } }, agents: [] }), 200);
      await ok(admin.put(wsPath, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: group.id, elinEnabled: true }));
      const ws = await ok(admin.get(wsPath), 200);
      assert.deepEqual([ws.locationMemberInfo.memberId, ws.locationMemberInfo.quality, ws.elinEnabled], [group.id, 'NOT_RECOMMENDED', true]);
      const deps = await ok(admin.get(`${CONFIG}/huntGroups/${group.id}/emergencyCallbackNumber/dependencies`), 200);
      assert.deepEqual(deps, { isLocationEcbnDefault: false, isSelfEcbnDefault: false, dependentMemberCount: 1 });
      assert.deepEqual(await ok(admin.get(`${CONFIG}/workspaces/${workspace.id}/emergencyCallbackNumber/dependencies`), 200), {
        isLocationEcbnDefault: false,
        isSelfEcbnDefault: false,
        dependentMemberCount: 0,
      });
      assertWebexError(await admin.get(`${CONFIG}/huntGroups/nope/emergencyCallbackNumber/dependencies`), 404);
    });

    it('keeps the emergency call notification of the organization and of a location', async () => {
      const org = `${CONFIG}/emergencyCallNotification`;
      const location = `${CONFIG}/locations/${hq.id}/emergencyCallNotification`;
      assert.deepEqual(await ok(admin.get(org), 200), { emergencyCallNotificationEnabled: false, allowEmailNotificationAllLocationEnabled: false });
      assertWebexError(await admin.put(org, { emergencyCallNotificationEnabled: true }), 400, /emailAddress is required/);
      assertWebexError(await admin.put(org, { emailAddress: 'not-an-email' }), 400);
      assertWebexError(await admin.put(location, { emergencyCallNotificationEnabled: true, emailAddress: 'site@example.com' }), 400, /organization/);
      await ok(admin.put(org, { emergencyCallNotificationEnabled: true, allowEmailNotificationAllLocationEnabled: true, emailAddress: 'safety@example.com' }));
      await ok(admin.put(location, { emergencyCallNotificationEnabled: true, emailAddress: 'site@example.com' }));
      assert.deepEqual(await ok(admin.get(location), 200), {
        emergencyCallNotificationEnabled: true,
        emailAddress: 'site@example.com',
        organization: { emergencyCallNotificationEnabled: true, allowEmailNotificationAllLocationEnabled: true, emailAddress: 'safety@example.com' },
      });
      const plain = await createLocation(admin);
      assertWebexError(await admin.get(`${CONFIG}/locations/${plain.id}/emergencyCallNotification`), 404);
    });

    it('creates a RedSky account, logs in, and walks the organization and a location through the compliance stages', async () => {
      const red = `${CONFIG}/redSky`;
      assert.deepEqual(await ok(admin.get(red), 200), { enabled: false, locationsEnabled: false });
      assert.equal((await ok(admin.get(`${red}/status`), 200)).orgStatus, 'INITIALISE');
      assertWebexError(await admin.post(`${CONFIG}/locations/${hq.id}/redSky/building`, { alertingEmail: 'alerts@example.com' }), 400, /no RedSky account/);
      assertWebexError(await admin.post(red, { email: 'nope' }), 400);
      await ok(admin.post(red, { email: 'e911@example.com', orgPrefix: 'wxc' }), 201);
      assertWebexError(await admin.post(red, { email: 'e911@example.com' }), 409);
      const account = await ok(admin.get(red), 200);
      assert.deepEqual([account.enabled, account.secret, typeof account.companyId], [true, '*****', 'string']);
      const login = await ok(admin.post(`${red}/actions/login/invoke`, { email: 'E911@example.com', password: 'secret' }), 200);
      assert.deepEqual(login, { accountMatch: true, externalTenantEnabled: false, companyId: account.companyId });
      assert.equal((await ok(admin.post(`${red}/actions/login/invoke`, { email: 'other@example.com', password: 'x' }), 200)).accountMatch, false);
      assertWebexError(await admin.put(`${red}/serviceSettings`, { enabled: true, externalTenantEnabled: true }), 400, /email and password/);

      const site = `${CONFIG}/locations/${hq.id}/redSky`;
      assert.deepEqual(await ok(admin.get(site), 200), { integrationEnabled: false, routingEnabled: false });
      assertWebexError(await admin.put(`${site}/status`, { complianceStatus: 'ALERTS' }), 400, /building/);
      assertWebexError(await admin.put(`${site}/building`, { address: { city: 'Reston' } }), 400);
      await ok(admin.post(`${site}/building`, { alertingEmail: 'alerts@example.com' }), 201);
      assertWebexError(await admin.post(`${site}/building`, { alertingEmail: 'alerts@example.com' }), 409);
      await ok(admin.put(`${site}/building`, { address: { addressLine2: 'Floor 2' } }));
      assert.deepEqual(await ok(admin.get(site), 200), { integrationEnabled: true, routingEnabled: false });
      const moved = await ok(admin.put(`${site}/status`, { complianceStatus: 'ROUTING_ENABLED' }), 200);
      assert.ok(moved.locationsStatus);
      assert.equal((await ok(admin.get(`${site}/status`), 200)).locationsStatus.state, 'ROUTING_ENABLE');
      assert.deepEqual(await ok(admin.get(site), 200), { integrationEnabled: true, routingEnabled: true });

      const status = await ok(admin.put(`${red}/status`, { complianceStatus: 'ROUTING_ENABLED' }), 200);
      assert.equal(status.orgStatus, 'ENABLED');
      const list = await ok(admin.get(`${red}/complianceStatus`, { max: 50 }), 200);
      const mine = list.locationsStatus.locations.find((l: { id: string }) => l.id === hq.id);
      assert.equal(mine.state, 'ROUTING_ENABLE');
      assert.equal(list.locationsStatus.count >= 1, true);
      assertWebexError(await admin.get(`${red}/complianceStatus`, { order: 'sideways' }), 400);
      const out = await ok(admin.put(`${red}/status`, { complianceStatus: 'OPTED_OUT' }), 200);
      assert.deepEqual([out.orgStatus, out.complianceStatus], ['OPTED_OUT', 'OPTED_OUT']);
    });
  });
}
