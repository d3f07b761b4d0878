import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { createRouteGroup, createTrunk } from '../support/call-routing.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createLocation, createPerson, licenses, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The seed's own example of "Update Location Webex Calling Details": its PUT body (fr_fr,
// outside dial digit 12, routing prefix 212, a trunk connection, pAccessNetworkInfo, a charge
// number) on a location where every field is allowed, answered 200 with a batchJobId, and the
// job rewriting the members' numbers.

const LOCATIONS = '/v1/telephony/config/locations';

for (const dialect of dialects) {
  describe(`the seed's Update Location Webex Calling Details example (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let locationId: string;

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      // pAccessNetworkInfo is only allowed in Belgium, Germany and France: a French location.
      ({ id: locationId } = await createLocation(admin, {
        name: unique('Paris '),
        timeZone: 'Europe/Paris',
        preferredLanguage: 'fr_fr',
        announcementLanguage: 'en_us',
        address: { address1: '1 Rue de Rivoli', city: 'Paris', state: 'IDF', postalCode: '75001', country: 'FR' },
      }));
      const body = (await admin.get(`/v1/locations/${locationId}`)).body;
      assert.equal((await admin.post(LOCATIONS, body)).status, 201);
      const added = await admin.post(`/v1/telephony/config/locations/${locationId}/numbers`, { phoneNumbers: ['+33142860000', '+33142860001', '+33142860002'] });
      assert.equal(added.status, 201, added.text);
    });
    after(() => server.close());

    it('given the seed body with a trunk connection, answers 200 with a batchJobId and the job rewrites every member’s numbers', async () => {
      const { professional } = await licenses(admin);
      const members = [];
      for (const extension of ['5001', '5002', '5003']) {
        members.push(await createPerson(admin, { extension, locationId, licenses: [professional] }, { callingData: 'true' }));
      }
      const trunk = await createTrunk(admin, locationId);
      const seedBody = {
        announcementLanguage: 'fr_fr',
        outsideDialDigit: '12',
        routingPrefix: '212',
        callingLineId: { name: 'Denver Incoming', phoneNumber: '+33142860000' },
        connection: { type: 'TRUNK', id: trunk.id },
        externalCallerIdName: 'Big Corp-Denver',
        pAccessNetworkInfo: 'Richardson-TX',
        chargeNumber: '+33142860001',
        enforceOutsideDialDigit: true,
      };
      const reply = await admin.put(`${LOCATIONS}/${locationId}`, seedBody);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(Object.keys(reply.body), ['batchJobId']);

      const details = (await admin.get(`${LOCATIONS}/${locationId}`)).body;
      assert.deepEqual(
        {
          announcementLanguage: details.announcementLanguage,
          outsideDialDigit: details.outsideDialDigit,
          routingPrefix: details.routingPrefix,
          callingLineId: details.callingLineId,
          connection: details.connection,
          externalCallerIdName: details.externalCallerIdName,
          pAccessNetworkInfo: details.pAccessNetworkInfo,
          chargeNumber: details.chargeNumber,
          enforceOutsideDialDigit: details.enforceOutsideDialDigit,
        },
        seedBody,
      );

      await clock.advance(1000);
      const job = (await admin.get(`/v1/telephony/config/jobs/updateRoutingPrefix/${reply.body.batchJobId}`)).body;
      assert.equal(job.latestExecutionStatus, 'COMPLETED');
      assert.deepEqual(job.counts, { routingPrefixUpdated: 3, routingPrefixFailed: 0 });
      for (const member of members) {
        const person = (await admin.get(`/v1/people/${member.id}`, { callingData: true })).body;
        const workExtension = person.phoneNumbers.find((n: { type: string }) => n.type === 'work_extension').value;
        assert.equal(workExtension, `212${person.extension}`);
      }
      const esns = (await admin.get('/v1/telephony/config/numbers', { locationId, numberType: 'EXTENSION' })).body.phoneNumbers.map((n: { esn: string }) => n.esn);
      assert.deepEqual(esns.sort(), ['2125001', '2125002', '2125003']);
    });

    it('given a route group connection, keeps it; a trunk in use by the location cannot be deleted', async () => {
      const trunk = await createTrunk(admin, locationId);
      const group = await createRouteGroup(admin, [trunk.id]);
      assert.equal((await admin.put(`${LOCATIONS}/${locationId}`, { connection: { type: 'ROUTE_GROUP', id: group.id } })).status, 204);
      assert.deepEqual((await admin.get(`${LOCATIONS}/${locationId}`)).body.connection, { type: 'ROUTE_GROUP', id: group.id });
      assertWebexError(await admin.delete(`/v1/telephony/config/premisePstn/routeGroups/${group.id}`), 409);
      assertWebexError(await admin.put(`${LOCATIONS}/${locationId}`, { connection: { type: 'TRUNK', id: group.id } }), 400, /not a trunk/);
    });
  });
}
