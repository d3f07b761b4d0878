import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createLocation, createOrganization } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Location Call Settings: Call Handling — a location's intercept, internal dialing and outgoing
// permissions with access codes, auto transfer numbers and digit patterns.

const at = (locationId: string, path: string) => `/v1/telephony/config/locations/${locationId}/${path}`;

for (const dialect of dialects) {
  describe(`a location's call handling (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server.close());

    it('intercept: off by default; a change reads back; an enabled transfer without destination is a 400', async () => {
      const { id } = await createCallingLocation(server.admin);
      const read = await server.admin.get(at(id, 'intercept'));
      assert.equal(read.status, 200, read.text);
      assert.deepEqual([read.body.enabled, read.body.incoming.type, read.body.outgoing], [false, 'INTERCEPT_ALL', { type: 'INTERCEPT_ALL', transferEnabled: false }]);
      assert.equal((await server.admin.put(at(id, 'intercept'), { enabled: true, outgoing: { type: 'ALLOW_LOCAL_ONLY', transferEnabled: true, destination: '+14155550160' } })).status, 204);
      const changed = (await server.admin.get(at(id, 'intercept'))).body;
      assert.deepEqual([changed.enabled, changed.outgoing], [true, { type: 'ALLOW_LOCAL_ONLY', transferEnabled: true, destination: '+14155550160' }]);
      assertWebexError(await server.admin.put(at(id, 'intercept'), { enabled: true, incoming: { announcements: { zeroTransfer: { enabled: true } } } }), 400);
      assertWebexError(await server.admin.put(at(id, 'intercept'), { enabled: 'yes' }), 400);
    });

    it('internal dialing: off by default; routing unknown extensions needs a trunk or route group of the organization', async () => {
      const { id } = await createCallingLocation(server.admin);
      assert.deepEqual((await server.admin.get(at(id, 'internalDialing'))).body, { enableUnknownExtensionRoutePolicy: false });
      assertWebexError(await server.admin.put(at(id, 'internalDialing'), { enableUnknownExtensionRoutePolicy: true }), 400);
      assertWebexError(await server.admin.put(at(id, 'internalDialing'), { enableUnknownExtensionRoutePolicy: true, unknownExtensionRouteIdentity: { id: 'nope', type: 'TRUNK' } }), 400);
      const trunk = await server.admin.post('/v1/telephony/config/premisePstn/trunks', {
        name: `Trunk ${Date.now()}`,
        locationId: id,
        password: 'Trunk-pass-1234',
        trunkType: 'REGISTERING',
      });
      assert.equal(trunk.status, 201, trunk.text);
      const set = await server.admin.put(at(id, 'internalDialing'), { enableUnknownExtensionRoutePolicy: true, unknownExtensionRouteIdentity: { id: trunk.body.id, type: 'TRUNK' } });
      assert.equal(set.status, 204, set.text);
      const read = (await server.admin.get(at(id, 'internalDialing'))).body;
      assert.deepEqual([read.enableUnknownExtensionRoutePolicy, read.unknownExtensionRouteIdentity.id, read.unknownExtensionRouteIdentity.type], [true, trunk.body.id, 'TRUNK']);
    });

    it('outgoing permission: international and premium blocked by default; a PUT changes only the call types it lists', async () => {
      const { id } = await createCallingLocation(server.admin);
      const actions = async () => Object.fromEntries(((await server.admin.get(at(id, 'outgoingPermission'))).body.callingPermissions as any[]).map((p) => [p.callType, p.action]));
      assert.deepEqual(await actions(), {
        INTERNAL_CALL: 'ALLOW', TOLL_FREE: 'ALLOW', INTERNATIONAL: 'BLOCK', OPERATOR_ASSISTED: 'ALLOW', CHARGEABLE_DIRECTORY_ASSISTED: 'ALLOW',
        SPECIAL_SERVICES_I: 'ALLOW', SPECIAL_SERVICES_II: 'ALLOW', PREMIUM_SERVICES_I: 'BLOCK', PREMIUM_SERVICES_II: 'BLOCK', NATIONAL: 'ALLOW',
      });
      assert.equal((await server.admin.put(at(id, 'outgoingPermission'), { callingPermissions: [{ callType: 'TOLL_FREE', action: 'AUTH_CODE', transferEnabled: true }] })).status, 204);
      assert.equal((await server.admin.put(at(id, 'outgoingPermission'), { callingPermissions: [{ callType: 'NATIONAL', action: 'TRANSFER_NUMBER_1', transferEnabled: true }] })).status, 204);
      const after = await actions();
      assert.deepEqual([after.TOLL_FREE, after.NATIONAL, after.INTERNATIONAL], ['AUTH_CODE', 'TRANSFER_NUMBER_1', 'BLOCK']);
      assertWebexError(await server.admin.put(at(id, 'outgoingPermission'), { callingPermissions: [{ callType: 'LUNAR', action: 'BLOCK', transferEnabled: true }] }), 400);
    });

    it('access codes: a list posted at once, deleted by code or all', async () => {
      const { id } = await createCallingLocation(server.admin);
      const path = at(id, 'outgoingPermission/accessCodes');
      assert.deepEqual((await server.admin.get(path)).body, { accessCodes: [] });
      assert.equal((await server.admin.post(path, { accessCodes: [{ code: '1357', description: 'Main' }, { code: '2468', description: 'Alternate' }] })).status, 201);
      assert.deepEqual((await server.admin.get(path)).body.accessCodes.map((c: any) => c.code), ['1357', '2468']);
      assertWebexError(await server.admin.post(path, { accessCodes: [{ code: '1357', description: 'Again' }] }), 400);
      assert.equal((await server.admin.put(path, { deleteCodes: ['1357'] })).status, 204);
      assert.deepEqual((await server.admin.get(path)).body.accessCodes.map((c: any) => c.code), ['2468']);
      assert.equal((await server.admin.delete(path)).status, 204);
      assert.deepEqual((await server.admin.get(path)).body, { accessCodes: [] });
    });

    it('auto transfer numbers and digit patterns read back; a bad number or pattern is a 400', async () => {
      const { id } = await createCallingLocation(server.admin);
      const transfer = at(id, 'outgoingPermission/autoTransferNumbers');
      assert.deepEqual((await server.admin.get(transfer)).body, {});
      assert.equal((await server.admin.put(transfer, { autoTransferNumber1: '+14155550161', autoTransferNumber3: '1234' })).status, 204);
      assert.deepEqual((await server.admin.get(transfer)).body, { autoTransferNumber1: '+14155550161', autoTransferNumber3: '1234' });
      assertWebexError(await server.admin.put(transfer, { autoTransferNumber2: 'someone' }), 400);
      const patterns = at(id, 'outgoingPermission/digitPatterns');
      const created = await server.admin.post(patterns, { name: 'Premium', pattern: '1900XXXXXXX', action: 'BLOCK', transferEnabled: true });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual((await server.admin.get(patterns)).body.digitPatterns.map((p: any) => [p.id, p.pattern]), [[created.body.id, '1900XXXXXXX']]);
      assert.equal((await server.admin.put(`${patterns}/${created.body.id}`, { name: 'Premium lines' })).status, 204);
      assert.equal((await server.admin.get(`${patterns}/${created.body.id}`)).body.name, 'Premium lines');
      assertWebexError(await server.admin.post(patterns, { name: 'Bad', pattern: 'abc', action: 'BLOCK', transferEnabled: true }), 400);
      assert.equal((await server.admin.delete(`${patterns}/${created.body.id}`)).status, 204);
      assertWebexError(await server.admin.get(`${patterns}/${created.body.id}`), 404);
    });

    it('a location of another organization, one not enabled for calling, or an unknown ID is a 404', async () => {
      const { id } = await createCallingLocation(server.admin);
      const other = await createOrganization(server.anonymous);
      for (const path of ['intercept', 'internalDialing', 'outgoingPermission', 'outgoingPermission/accessCodes', 'outgoingPermission/digitPatterns', 'outgoingPermission/autoTransferNumbers']) {
        assertWebexError(await other.admin.get(at(id, path)), 404);
      }
      assertWebexError(await other.admin.put(at(id, 'intercept'), { enabled: true }), 404);
      const plain = await createLocation(server.admin);
      assertWebexError(await server.admin.get(at(plain.id, 'intercept')), 404);
      assertWebexError(await server.admin.get(at('nope', 'internalDialing')), 404);
    });
  });
}
