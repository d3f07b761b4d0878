import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const PSTN = '/v1/telephony/pstn';
const ADDRESS = { address1: '3487 Chase Ave', address2: 'Apt 112', city: 'Miami Beach', state: 'fl', postalCode: '33140', country: 'US' };

for (const dialect of dialects) {
  describe(`PSTN: connections and emergency addresses (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let branch: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      branch = await createCallingLocation(admin);
    });
    after(() => server.close());

    it('lists the connection options, starts on the simulated cloud PSTN and moves to a premises trunk and back', async () => {
      const options = await admin.get(`${PSTN}/locations/${branch.id}/connectionOptions`);
      assert.equal(options.status, 200, options.text);
      const [premises, cloud] = options.body.items as { id: string; displayName: string }[];
      assert.equal(premises!.displayName, 'Premises-based PSTN');
      const first = (await admin.get(`${PSTN}/locations/${branch.id}/connection`)).body;
      assert.equal(first.id, cloud!.id);
      assert.equal(first.pstnConnectionType, 'NON_INTEGRATED_CCP');

      const trunk = await admin.post('/v1/telephony/config/premisePstn/trunks', { name: unique('P').slice(0, 20), locationId: branch.id, trunkType: 'REGISTERING', password: 'Secret#2024x' });
      assert.equal(trunk.status, 201, trunk.text);
      assert.equal((await admin.put(`${PSTN}/locations/${branch.id}/connection`, { id: premises!.id, premiseRouteType: 'TRUNK', premiseRouteId: trunk.body.id })).status, 204);
      const now = (await admin.get(`${PSTN}/locations/${branch.id}/connection`)).body;
      assert.deepEqual({ type: now.pstnConnectionType, routeType: now.routeType, routeId: now.routeId }, { type: 'LOCAL_GATEWAY', routeType: 'TRUNK', routeId: trunk.body.id });
      // The same connection Location Call Settings shows, and the trunk is in use.
      assert.deepEqual((await admin.get(`/v1/telephony/config/locations/${branch.id}`)).body.connection, { type: 'TRUNK', id: trunk.body.id });
      assertWebexError(await admin.delete(`/v1/telephony/config/premisePstn/trunks/${trunk.body.id}`), 409);

      assertWebexError(await admin.put(`${PSTN}/locations/${branch.id}/connection`, { id: premises!.id }), 400);
      assertWebexError(await admin.put(`${PSTN}/locations/${branch.id}/connection`, { id: 'nope' }), 400);
      assert.equal((await admin.put(`${PSTN}/locations/${branch.id}/connection`, { id: cloud!.id })).status, 204);
      assert.equal((await admin.get(`${PSTN}/locations/${branch.id}/connection`)).body.routeId, undefined);
      assert.equal((await admin.delete(`/v1/telephony/config/premisePstn/trunks/${trunk.body.id}`)).status, 204);
    });

    it('looks addresses up, adds and updates a location’s emergency addresses, and sets a number’s', async () => {
      const ok = await admin.post(`${PSTN}/locations/${branch.id}/emergencyAddress/lookup`, ADDRESS);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.addresses[0].state, 'FL');
      assert.equal(ok.body.addresses[0].errors, undefined);
      const bad = await admin.post(`${PSTN}/locations/${branch.id}/emergencyAddress/lookup`, { address1: '1 Main St', country: 'CA' });
      assert.ok(bad.body.addresses[0].errors.some((e: { code: string }) => e.code === 'MISSING_FIELD'));
      assert.ok(bad.body.addresses[0].errors.some((e: { code: string }) => e.code === 'COUNTRY_MISMATCH'));

      const added = await admin.post(`${PSTN}/locations/${branch.id}/emergencyAddress`, ADDRESS);
      assert.equal(added.status, 201, added.text);
      assert.match(Buffer.from(added.body.id, 'base64url').toString(), /EMERGENCY_ADDRESS\//);
      assert.equal((await admin.put(`${PSTN}/locations/${branch.id}/emergencyAddresses/${added.body.id}`, { address2: 'Apt 114' })).status, 204);
      assertWebexError(await admin.put(`${PSTN}/locations/${branch.id}/emergencyAddresses/${added.body.id}`, { city: ' ' }), 400);
      assertWebexError(await admin.put(`${PSTN}/locations/${branch.id}/emergencyAddresses/Y2lzY29zcGFyazovL3VzL0VNRVJHRU5DWV9BRERSRVNTLzAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA`, ADDRESS), 404);
      assertWebexError(await admin.post(`${PSTN}/locations/${branch.id}/emergencyAddress`, { address1: 'x' }), 400);

      const number = '+15125559871';
      assert.equal((await admin.post(`/v1/telephony/config/locations/${branch.id}/numbers`, { phoneNumbers: [number] })).status, 201);
      assert.equal((await admin.put(`${PSTN}/numbers/${encodeURIComponent(number)}/emergencyAddress`, { emergencyAddress: ADDRESS })).status, 204);
      assert.equal((await admin.put(`${PSTN}/numbers/${encodeURIComponent(number)}/emergencyAddress`, {})).status, 204);
      assertWebexError(await admin.put(`${PSTN}/numbers/${encodeURIComponent('+15125550000')}/emergencyAddress`, { emergencyAddress: ADDRESS }), 404);
    });

    it('needs the PSTN scopes', async () => {
      const me = (await admin.get('/v1/people/me')).body;
      const config = await clientWithScopes(admin, me.id, ['spark-admin:telephony_config_read', 'spark-admin:telephony_config_write']);
      assertWebexError(await config.get(`${PSTN}/locations/${branch.id}/connection`), 403);
    });
  });
}
