import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeId } from '../../src/domain/webex-ids.ts';
import {
  certificateBased,
  createDialPlan,
  createRouteGroup,
  createTrunk,
  DIAL_PLANS,
  newDialPattern,
  ROUTE_GROUPS,
  setPstnConnection,
  TRUNKS,
  type Named,
} from '../support/call-routing.ts';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, defaultLocation } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// What Cisco's own clients found missing in Call Routing (issue 12): the shapes of trunk details
// and dial plan creation, the trunk types, and the usage operations of trunks and route groups.
// Every answer is also checked against the operation's schema in Cisco's Webex Calling document.

const GHOST = '00000000-0000-4000-8000-000000000000';
const DOC_TRUNK = '/telephony/config/premisePstn/trunks/{trunkId}';
const DOC_ROUTE_GROUP = '/telephony/config/premisePstn/routeGroups/{routeGroupId}';

for (const dialect of dialects) {
  describe(`Call Routing API: trunk details, trunk types and usage (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    /** GETs, asserts 200 and the document's schema for `docPath`, answers the body. */
    const read = async (path: string, docPath: string, query?: Record<string, string | number>) => {
      const reply = await admin.get(path, query);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };

    describe('trunk details', () => {
      it('given a registering trunk, answers every field the document requires and wxc_sdk reads', async () => {
        const t = await createTrunk(admin, hq.id);
        const details = await read(`${TRUNKS}/${t.id}`, DOC_TRUNK);
        assert.deepEqual(details.customer, details.organization, 'customer (the document) and organization (wxc_sdk) name the same organization');
        assert.equal(details.outboundProxy, null);
        assert.deepEqual(details.responseStatus, []);
        assert.deepEqual(details.errorCodes, []);
        assert.equal(details.port, 5061);
        assert.equal(details.maxConcurrentCalls, 1000);
        assert.equal(details.pChargeInfoSupportPolicy, 'DISABLED');
      });

      it('given a P-Charge-Info policy at creation and then a change, shows each', async () => {
        const t = await createTrunk(admin, hq.id, certificateBased({ pChargeInfoSupportPolicy: 'ASSERTED_IDENTITY' }));
        assert.equal((await read(`${TRUNKS}/${t.id}`, DOC_TRUNK)).pChargeInfoSupportPolicy, 'ASSERTED_IDENTITY');
        const put = await admin.put(`${TRUNKS}/${t.id}`, { name: t.name, pChargeInfoSupportPolicy: 'CONFIGURABLE_CHARGE_NUMBER' });
        assert.equal(put.status, 204, put.text);
        const details = await read(`${TRUNKS}/${t.id}`, DOC_TRUNK);
        assert.equal(details.pChargeInfoSupportPolicy, 'CONFIGURABLE_CHARGE_NUMBER');
        assert.equal(details.maxConcurrentCalls, 250, 'its own call limit stays');
        const untouched = await admin.put(`${TRUNKS}/${t.id}`, { name: t.name });
        assert.equal(untouched.status, 204, untouched.text);
        assert.equal((await read(`${TRUNKS}/${t.id}`, DOC_TRUNK)).pChargeInfoSupportPolicy, 'CONFIGURABLE_CHARGE_NUMBER', 'left out, the policy stays');
      });

      it('given a policy Webex does not know, answers 400', async () => {
        assertWebexError(await admin.post(TRUNKS, certificateBased({ name: 'Bad policy', locationId: hq.id, pChargeInfoSupportPolicy: 'ALWAYS' })), 400);
      });
    });

    it('creating a dial plan answers {id, dialPatternErrors: []} as the document and wxc_sdk expect', async () => {
      const t = await createTrunk(admin, hq.id);
      const reply = await admin.post(DIAL_PLANS, { name: `DP ${Date.now()}`, routeId: t.id, routeType: 'TRUNK', dialPatterns: [newDialPattern()] });
      assert.equal(reply.status, 201, reply.text);
      assert.deepEqual(reply.body.dialPatternErrors, []);
    });

    it('Read the List of Trunk Types answers each type with its device types (not a trunk ID: 404)', async () => {
      const body = await read(`${TRUNKS}/trunkTypes`, '/telephony/config/premisePstn/trunks/trunkTypes');
      const byType = Object.fromEntries(body.trunkTypes.map((t: any) => [t.trunkType, t.deviceTypes.map((d: any) => d.deviceType)]));
      assert.deepEqual(byType.REGISTERING, ['Cisco Unified Border Element']);
      assert.ok(byType.CERTIFICATE_BASED.includes('AudioCodes Session Border Controller'));
      for (const t of body.trunkTypes) for (const d of t.deviceTypes) assert.ok(d.minConcurrentCalls <= d.maxConcurrentCalls);
    });

    describe('usage of a trunk and of a route group', () => {
      let used: Named;
      let group: Named;
      let plans: Named[];
      let direct: { id: string; name: string };
      let throughGroup: { id: string; name: string };

      before(async () => {
        used = await createTrunk(admin, hq.id);
        const partner = await createTrunk(admin, hq.id);
        group = await createRouteGroup(admin, [used.id, partner.id]);
        plans = [
          await createDialPlan(admin, { id: used.id, type: 'TRUNK' }, [], { name: `B usage plan ${Date.now()}` }),
          await createDialPlan(admin, { id: used.id, type: 'TRUNK' }, [], { name: `a usage plan ${Date.now()}` }),
          await createDialPlan(admin, { id: group.id, type: 'ROUTE_GROUP' }),
        ];
        direct = await createCallingLocation(admin);
        throughGroup = await createCallingLocation(admin);
        await setPstnConnection(server, direct.id, { type: 'TRUNK', id: used.id });
        await setPstnConnection(server, throughGroup.id, { type: 'ROUTE_GROUP', id: group.id });
      });

      it('a trunk: counts of PSTN connections, dial plans and route groups; none for call to extension', async () => {
        assert.deepEqual(await read(`${TRUNKS}/${used.id}/usage`, `${DOC_TRUNK}/usage`), {
          pstnConnectionCount: 1,
          callToExtensionCount: 0,
          dialPlanCount: 2,
          routeGroupCount: 1,
        });
      });

      it('a trunk: its dial plans, filtered, ordered and paged', async () => {
        const path = `${TRUNKS}/${used.id}/usageDialPlan`;
        const all = await read(path, `${DOC_TRUNK}/usageDialPlan`);
        assert.deepEqual(all.dialPlans, [plans[1], plans[0]].map((p) => ({ id: p.id, name: p.name })), 'by name regardless of case');
        const desc = await read(path, `${DOC_TRUNK}/usageDialPlan`, { order: 'desc' });
        assert.deepEqual(desc.dialPlans.map((p: Named) => p.id), [plans[0].id, plans[1].id]);
        const named = await read(path, `${DOC_TRUNK}/usageDialPlan`, { name: 'A USAGE' });
        assert.deepEqual(named.dialPlans.map((p: Named) => p.id), [plans[1].id]);
        const first = await admin.get(path, { max: 1 });
        assert.equal(first.body.dialPlans.length, 1);
        const next = nextLink(first.headers);
        assert.ok(next, 'Link rel="next" to the second page');
        assert.deepEqual((await admin.follow(next)).body.dialPlans.map((p: Named) => p.id), [plans[0].id]);
        assertWebexError(await admin.get(path, { order: 'routeName' }), 400);
      });

      it('a trunk: the locations connected to it directly, its route groups with inUse, and no call-to-extension locations', async () => {
        const pstn = await read(`${TRUNKS}/${used.id}/usagePstnConnection`, `${DOC_TRUNK}/usagePstnConnection`);
        assert.deepEqual(pstn.locations, [{ id: direct.id, name: direct.name }]);
        const groups = await read(`${TRUNKS}/${used.id}/usageRouteGroup`, `${DOC_TRUNK}/usageRouteGroup`);
        assert.deepEqual(groups.routeGroup, [{ id: group.id, name: group.name, inUse: true }]);
        const extensions = await read(`${TRUNKS}/${used.id}/usageCallToExtension`, `${DOC_TRUNK}/usageCallToExtension`);
        assert.deepEqual(extensions.locations, []);
      });

      it('a route group: counts (strings, as Webex writes them), dial plans, PSTN connection locations, no route lists', async () => {
        assert.deepEqual(await read(`${ROUTE_GROUPS}/${group.id}/usage`, `${DOC_ROUTE_GROUP}/usage`), {
          pstnConnectionCount: '1',
          callToExtensionCount: '0',
          dialPlanCount: '1',
          routeListCount: '0',
        });
        const dialPlans = await read(`${ROUTE_GROUPS}/${group.id}/usageDialPlan`, `${DOC_ROUTE_GROUP}/usageDialPlan`);
        assert.deepEqual(dialPlans.locations, [{ id: plans[2].id, name: plans[2].name }]);
        const pstn = await read(`${ROUTE_GROUPS}/${group.id}/usagePstnConnection`, `${DOC_ROUTE_GROUP}/usagePstnConnection`);
        assert.deepEqual(pstn.locations, [{ id: throughGroup.id, name: throughGroup.name }]);
        const none = await read(`${ROUTE_GROUPS}/${group.id}/usagePstnConnection`, `${DOC_ROUTE_GROUP}/usagePstnConnection`, { locationName: 'no such' });
        assert.deepEqual(none.locations, []);
        const extensions = await read(`${ROUTE_GROUPS}/${group.id}/usageCallToExtension`, `${DOC_ROUTE_GROUP}/usageCallToExtension`);
        assert.deepEqual(extensions.locations, []);
        const routeLists = await read(`${ROUTE_GROUPS}/${group.id}/usageRouteList`, `${DOC_ROUTE_GROUP}/usageRouteList`);
        assert.deepEqual(routeLists, { routeGroupUsageRouteListGet: [] });
      });

      it('an unused trunk counts nothing; an unknown trunk or route group is 404 on every usage operation', async () => {
        const idle = await createTrunk(admin, hq.id);
        assert.deepEqual(await read(`${TRUNKS}/${idle.id}/usage`, `${DOC_TRUNK}/usage`), {
          pstnConnectionCount: 0,
          callToExtensionCount: 0,
          dialPlanCount: 0,
          routeGroupCount: 0,
        });
        const ghostTrunk = encodeId('TRUNK', GHOST);
        for (const op of ['usage', 'usageCallToExtension', 'usageDialPlan', 'usagePstnConnection', 'usageRouteGroup']) {
          assertWebexError(await admin.get(`${TRUNKS}/${ghostTrunk}/${op}`), 404);
        }
        const ghostGroup = encodeId('ROUTE_GROUP', GHOST);
        for (const op of ['usage', 'usageCallToExtension', 'usageDialPlan', 'usagePstnConnection', 'usageRouteList']) {
          assertWebexError(await admin.get(`${ROUTE_GROUPS}/${ghostGroup}/${op}`), 404);
        }
      });
    });
  });
}
