import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeId, encodeId } from '../../src/domain/webex-ids.ts';
import {
  certificateBased,
  createDialPlan,
  createRouteGroup,
  createTrunk,
  DIAL_PLANS,
  dialPatternsOf,
  newDialPattern,
  ROUTE_CHOICES,
  ROUTE_GROUPS,
  setPstnConnection,
  TRUNK_PASSWORD,
  trunkName,
  TRUNKS,
  VALIDATE_DIAL_PATTERNS,
  type Named,
} from '../support/call-routing.ts';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createLocation, createOrganization, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const GHOST = '00000000-0000-4000-8000-000000000000';
const trunkRoute = (t: Named) => ({ id: t.id, type: 'TRUNK' as const });
const groupRoute = (g: Named) => ({ id: g.id, type: 'ROUTE_GROUP' as const });

/** Enterprise dial patterns (digits then X, no +) never issued twice in this file. */
let enterprise = 0;
const newEnterprisePattern = () => `9${String(++enterprise).padStart(5, '0')}${String(Math.floor(Math.random() * 10))}XX`;

for (const dialect of dialects) {
  describe(`Call Routing API: premises PSTN (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let orgId: string;
    let adminPersonId: string;
    let other: { orgId: string; admin: Client };
    let theirHq: { id: string; name: string };

    const trunk = (overrides: Record<string, unknown> = {}) => createTrunk(admin, hq.id, overrides);
    const ok = async (reply: Promise<{ status: number; text: string; body: any; headers: Headers }>, status = 200) => {
      const r = await reply;
      assert.equal(r.status, status, r.text);
      return r.body;
    };
    /** Every item of a list, following Link rel="next" verbatim. */
    const listAll = async (path: string, key: string, query: Record<string, string | number> = {}, client: Client = admin) => {
      const items: any[] = [];
      let reply = await client.get(path, query);
      for (;;) {
        assert.equal(reply.status, 200, reply.text);
        items.push(...reply.body[key]);
        const next = nextLink(reply.headers);
        if (!next) return items;
        reply = await client.follow(next);
      }
    };
    const names = (items: { name: string }[]) => items.map((i) => i.name);
    const patternsOf = async (dialPlanId: string) => (await ok(admin.get(dialPatternsOf(dialPlanId)))).dialPatterns as string[];

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      const me = (await admin.get('/v1/people/me')).body;
      orgId = me.orgId;
      adminPersonId = me.id;
      other = await createOrganization(server.anonymous);
      theirHq = await defaultLocation(other.admin);
    });
    after(() => server.close());

    describe('creating and reading trunks', () => {
      it('given a registering trunk, answers 201 {id} and shows its details without the password', async () => {
        const reply = await admin.post(TRUNKS, { name: 'Austin LGW', locationId: hq.id, password: TRUNK_PASSWORD, trunkType: 'REGISTERING' });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id']);
        assert.ok(decodeId(reply.body.id, 'TRUNK'), 'a TRUNK ID');
        const details = await admin.get(`${TRUNKS}/${reply.body.id}`);
        assert.equal(details.status, 200, details.text);
        const { otgDtgId, linePort, pilotUserId, sipAuthenticationUserName, ...rest } = details.body;
        assert.deepEqual(rest, {
          id: reply.body.id,
          name: 'Austin LGW',
          customer: { id: orgId, name: 'Callplane Demo' },
          organization: { id: orgId, name: 'Callplane Demo' },
          location: { id: hq.id, name: hq.name },
          locationsUsingTrunk: [],
          outboundProxy: null,
          status: 'OFFLINE',
          errorCodes: [],
          responseStatus: [],
          dualIdentitySupportEnabled: false,
          trunkType: 'REGISTERING',
          deviceType: 'Cisco Unified Border Element',
          port: 5061,
          maxConcurrentCalls: 1000,
          isRestrictedToDedicatedInstance: false,
          pChargeInfoSupportPolicy: 'DISABLED',
        });
        assert.match(otgDtgId, /^austin_lgw_\d+_lgu$/);
        assert.match(sipAuthenticationUserName, /^austin_lgw_\d+_LGU$/);
        assert.equal(pilotUserId, `${sipAuthenticationUserName}@${linePort.split('@')[1]}`);
        assert.match(linePort, /^austin_lgw_\d+_LGU@[0-9a-f]{8}\.bcld\.callplane\.example$/);
        assert.doesNotMatch(details.text, /password|Trunk-Pass/i, 'the password is never returned');
        assert.doesNotMatch(details.text.replace('"outboundProxy":null', ''), /null/, 'absent fields are omitted (only the outbound proxy is null)');
      });

      it('given a certificate-based trunk, shows its address, domain, port, call limit and device type', async () => {
        const created = await trunk(certificateBased({ deviceType: 'AudioCodes Session Border Controller', dualIdentitySupportEnabled: true }));
        const details = await ok(admin.get(`${TRUNKS}/${created.id}`));
        assert.equal(details.trunkType, 'CERTIFICATE_BASED');
        assert.equal(details.deviceType, 'AudioCodes Session Border Controller');
        assert.equal(details.address, 'sbc1.example.com');
        assert.equal(details.domain, 'example.com');
        assert.equal(details.port, 5061);
        assert.equal(details.maxConcurrentCalls, 250);
        assert.equal(details.dualIdentitySupportEnabled, true);
        assert.match(details.linePort, /@example\.com$/);
        assert.equal(details.pilotUserId, undefined, 'only registering trunks register');
        assert.equal(details.sipAuthenticationUserName, undefined);
      });

      it('given invalid or incomplete bodies, answers 400 with the Webex error body and creates nothing', async () => {
        const name = trunkName();
        const base = { name, locationId: hq.id, password: TRUNK_PASSWORD, trunkType: 'REGISTERING' };
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ ...base, password: undefined }, /password is required for a REGISTERING trunk/],
          [{ ...base, address: 'sbc.example.com' }, /address applies only to CERTIFICATE_BASED/],
          [{ ...base, port: 5061 }, /port applies only to CERTIFICATE_BASED/],
          [{ ...base, ...certificateBased({ address: undefined }) }, /address is required for a CERTIFICATE_BASED/],
          [{ ...base, ...certificateBased({ maxConcurrentCalls: undefined }) }, /maxConcurrentCalls is required/],
          [{ ...base, ...certificateBased({ domain: 'not a host' }) }, /domain "not a host" is not a host name/],
          [{ ...base, ...certificateBased({ port: 70000 }) }, /port/],
          [{ ...base, deviceType: 'Ribbon Session Border Controller' }, /not a device type of REGISTERING trunks/],
          [{ ...base, trunkType: 'SIP' }, /trunkType/],
          [{ ...base, trunkType: undefined }, /trunkType/],
          [{ ...base, name: 'x'.repeat(25) }, /name/],
          [{ ...base, name: '   ' }, /name must not be blank/],
          [{ ...base, name: 42 }, /name/],
          [{ ...base, password: 'short' }, /password/],
          [{ ...base, locationId: undefined }, /locationId/],
          [{ ...base, locationId: 'not-an-id' }, /locationId is not a location of this organization/],
          [{ ...base, locationId: theirHq.id }, /locationId is not a location of this organization/],
          [{ ...base, locationId: encodeId('TRUNK', GHOST) }, /locationId is not a location/],
        ];
        for (const [body, pattern] of cases) assertWebexError(await admin.post(TRUNKS, body), 400, pattern);
        assert.deepEqual((await ok(admin.get(TRUNKS, { name }))).trunks, []);
      });

      it('given a location not enabled for Webex Calling, answers 400', async () => {
        const branch = await createLocation(admin);
        assertWebexError(
          await admin.post(TRUNKS, { name: trunkName(), locationId: branch.id, password: TRUNK_PASSWORD, trunkType: 'REGISTERING' }),
          400,
          /not enabled for Webex Calling/,
        );
      });

      it('given the name of another trunk in any case, answers 409', async () => {
        const first = await trunk();
        const reply = await admin.post(TRUNKS, { name: first.name.toUpperCase(), locationId: hq.id, password: TRUNK_PASSWORD, trunkType: 'REGISTERING' });
        assertWebexError(reply, 409, /already exists/);
      });

      it('given the trunk of another organization, a trunk ID of the wrong type or no ID at all, answers 404', async () => {
        const theirs = await createTrunk(other.admin, theirHq.id);
        const group = await createRouteGroup(admin, [(await trunk()).id]);
        for (const id of [theirs.id, group.id, encodeId('TRUNK', GHOST), 'not-an-id']) {
          assertWebexError(await admin.get(`${TRUNKS}/${id}`), 404, /Trunk not found/);
        }
        assert.equal((await ok(other.admin.get(`${TRUNKS}/${theirs.id}`))).name, theirs.name);
      });
    });

    describe('listing trunks', () => {
      let prefix: string;
      let a: Named;
      let b: Named;
      let c: Named;
      before(async () => {
        prefix = unique('L');
        c = await trunk({ name: `${prefix} c` });
        a = await trunk({ name: `${prefix} a` });
        b = await trunk({ name: `${prefix} B`, ...certificateBased() });
      });

      it('given a name, answers {trunks} containing it, sorted by name regardless of case', async () => {
        const reply = await ok(admin.get(TRUNKS, { name: prefix }));
        assert.deepEqual(Object.keys(reply), ['trunks']);
        assert.deepEqual(reply.trunks, [
          { id: a.id, name: a.name, location: { id: hq.id, name: hq.name }, inUse: false, trunkType: 'REGISTERING', isRestrictedToDedicatedInstance: false },
          { id: b.id, name: b.name, location: { id: hq.id, name: hq.name }, inUse: false, trunkType: 'CERTIFICATE_BASED', isRestrictedToDedicatedInstance: false },
          { id: c.id, name: c.name, location: { id: hq.id, name: hq.name }, inUse: false, trunkType: 'REGISTERING', isRestrictedToDedicatedInstance: false },
        ]);
      });

      it('given several comma-separated names, answers the trunks matching any of them', async () => {
        assert.deepEqual(names((await ok(admin.get(TRUNKS, { name: `${prefix} a,${prefix} c` }))).trunks), [a.name, c.name]);
      });

      it('given trunkType or locationName, answers only the trunks of that type or location', async () => {
        assert.deepEqual(names((await ok(admin.get(TRUNKS, { name: prefix, trunkType: 'CERTIFICATE_BASED' }))).trunks), [b.name]);
        assert.deepEqual(names((await ok(admin.get(TRUNKS, { name: prefix, locationName: hq.name }))).trunks), [a.name, b.name, c.name]);
        assert.deepEqual((await ok(admin.get(TRUNKS, { name: prefix, locationName: 'No such location' }))).trunks, []);
        assertWebexError(await admin.get(TRUNKS, { trunkType: 'SIP' }), 400);
      });

      it('given order name-desc or locationName, sorts that way; given an unknown order, answers 400', async () => {
        assert.deepEqual(names((await ok(admin.get(TRUNKS, { name: prefix, order: 'name-desc' }))).trunks), [c.name, b.name, a.name]);
        assert.deepEqual(names((await ok(admin.get(TRUNKS, { name: prefix, order: 'locationName' }))).trunks), [a.name, b.name, c.name]);
        assertWebexError(await admin.get(TRUNKS, { order: 'created' }), 400, /order "created" is not a sort order/);
      });

      it('given max, pages with start and a Link header that is absent on the last page', async () => {
        const first = await admin.get(TRUNKS, { name: prefix, max: 2 });
        assert.deepEqual(names(first.body.trunks), [a.name, b.name]);
        const next = nextLink(first.headers);
        assert.ok(next, 'a next page');
        assert.match(next!, /start=2/);
        const second = await admin.follow(next!);
        assert.deepEqual(names(second.body.trunks), [c.name]);
        assert.equal(nextLink(second.headers), undefined);
        assert.deepEqual(names(await listAll(TRUNKS, 'trunks', { name: prefix, max: 1 })), [a.name, b.name, c.name]);
      });

      it('given another organization, neither lists the other’s trunks', async () => {
        const theirs = await createTrunk(other.admin, theirHq.id, { name: `${prefix} z` });
        assert.ok(!(await listAll(TRUNKS, 'trunks')).some((t) => t.id === theirs.id));
        assert.deepEqual(names((await ok(other.admin.get(TRUNKS, { name: prefix }))).trunks), [theirs.name]);
      });
    });

    describe('modifying and deleting trunks', () => {
      it('given a new name, password, dual identity and call limit, answers 204 and keeps the type, location and identities', async () => {
        const created = await trunk();
        const before = await ok(admin.get(`${TRUNKS}/${created.id}`));
        const name = trunkName('R');
        const reply = await admin.put(`${TRUNKS}/${created.id}`, {
          name,
          password: 'Another-Pass-5678',
          dualIdentitySupportEnabled: true,
          maxConcurrentCalls: 100,
          trunkType: 'CERTIFICATE_BASED',
          locationId: theirHq.id,
        });
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        const after = await ok(admin.get(`${TRUNKS}/${created.id}`));
        assert.deepEqual(after, { ...before, name, dualIdentitySupportEnabled: true, maxConcurrentCalls: 100 });
      });

      it('given its own name in another case, renames it; given another trunk’s name, answers 409', async () => {
        const mine = await trunk();
        const theirs = await trunk();
        assert.equal((await admin.put(`${TRUNKS}/${mine.id}`, { name: mine.name.toUpperCase() })).status, 204);
        assertWebexError(await admin.put(`${TRUNKS}/${mine.id}`, { name: theirs.name.toLowerCase() }), 409, /already exists/);
        assert.equal((await ok(admin.get(`${TRUNKS}/${mine.id}`))).name, mine.name.toUpperCase());
      });

      it('given no name, a blank name, a short password or a zero call limit, answers 400 and changes nothing', async () => {
        const created = await trunk();
        const path = `${TRUNKS}/${created.id}`;
        assertWebexError(await admin.put(path, { dualIdentitySupportEnabled: true }), 400, /name/);
        assertWebexError(await admin.put(path, { name: ' ' }), 400, /must not be blank/);
        assertWebexError(await admin.put(path, { name: created.name, password: 'short' }), 400, /password/);
        assertWebexError(await admin.put(path, { name: created.name, maxConcurrentCalls: 0 }), 400, /maxConcurrentCalls/);
        assertWebexError(await admin.put(path, { name: created.name, dualIdentitySupportEnabled: 'yes' }), 400);
        const details = await ok(admin.get(path));
        assert.equal(details.name, created.name);
        assert.equal(details.dualIdentitySupportEnabled, false);
      });

      it('given another organization’s trunk or an ID of another type, answers 404 on PUT and DELETE and leaves it alone', async () => {
        const theirs = await createTrunk(other.admin, theirHq.id);
        const group = await createRouteGroup(admin, [(await trunk()).id]);
        for (const id of [theirs.id, group.id, 'not-an-id']) {
          assertWebexError(await admin.put(`${TRUNKS}/${id}`, { name: trunkName() }), 404, /Trunk not found/);
          assertWebexError(await admin.delete(`${TRUNKS}/${id}`), 404, /Trunk not found/);
        }
        assert.equal((await ok(other.admin.get(`${TRUNKS}/${theirs.id}`))).name, theirs.name);
        assert.ok((await ok(admin.get(`${ROUTE_GROUPS}/${group.id}`))).name);
      });

      it('given an unused trunk, deletes it: 204, then 404 and gone from the list', async () => {
        const created = await trunk();
        const reply = await admin.delete(`${TRUNKS}/${created.id}`);
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        assertWebexError(await admin.get(`${TRUNKS}/${created.id}`), 404);
        assertWebexError(await admin.delete(`${TRUNKS}/${created.id}`), 404);
        assert.deepEqual((await ok(admin.get(TRUNKS, { name: created.name }))).trunks, []);
      });

      it('given a trunk in a route group or routing a dial plan, lists it inUse and answers 409 naming them on DELETE', async () => {
        const grouped = await trunk();
        const group = await createRouteGroup(admin, [grouped.id]);
        const routing = await trunk();
        const plan = await createDialPlan(admin, trunkRoute(routing));
        for (const t of [grouped, routing]) assert.equal((await ok(admin.get(TRUNKS, { name: t.name }))).trunks[0].inUse, true);
        assertWebexError(await admin.delete(`${TRUNKS}/${grouped.id}`), 409, new RegExp(`route group "${group.name}"`));
        assertWebexError(await admin.delete(`${TRUNKS}/${routing.id}`), 409, new RegExp(`dial plan "${plan.name}"`));
        assert.equal((await ok(admin.get(`${TRUNKS}/${grouped.id}`))).name, grouped.name);
        assert.equal((await ok(admin.get(`${TRUNKS}/${routing.id}`))).name, routing.name);
      });

      it('given a trunk that is a location’s PSTN connection, directly or in its route group, shows the location as using it and refuses DELETE', async () => {
        const direct = await trunk();
        const grouped = await trunk();
        const group = await createRouteGroup(admin, [grouped.id]);
        try {
          await setPstnConnection(server, hq.id, trunkRoute(direct));
          assert.deepEqual((await ok(admin.get(`${TRUNKS}/${direct.id}`))).locationsUsingTrunk, [{ id: hq.id, name: hq.name }]);
          assert.equal((await ok(admin.get(TRUNKS, { name: direct.name }))).trunks[0].inUse, true);
          assertWebexError(await admin.delete(`${TRUNKS}/${direct.id}`), 409, new RegExp(`PSTN connection of location "${hq.name}"`));
          await setPstnConnection(server, hq.id, groupRoute(group));
          assert.deepEqual((await ok(admin.get(`${TRUNKS}/${grouped.id}`))).locationsUsingTrunk, [{ id: hq.id, name: hq.name }]);
          assert.deepEqual((await ok(admin.get(`${TRUNKS}/${direct.id}`))).locationsUsingTrunk, []);
          assert.equal((await admin.delete(`${TRUNKS}/${direct.id}`)).status, 204);
        } finally {
          await setPstnConnection(server, hq.id, null);
        }
      });
    });

    describe('route groups', () => {
      it('given trunks with priorities, creates a route group (201 {id}) that lists them by priority', async () => {
        const first = await trunk();
        const second = await trunk(certificateBased());
        const name = unique('RG ');
        const reply = await admin.post(ROUTE_GROUPS, {
          name,
          localGateways: [
            { id: first.id, priority: 2 },
            { id: second.id, priority: 1 },
          ],
        });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id']);
        assert.ok(decodeId(reply.body.id, 'ROUTE_GROUP'), 'a ROUTE_GROUP ID');
        assert.deepEqual(await ok(admin.get(`${ROUTE_GROUPS}/${reply.body.id}`)), {
          name,
          organization: { id: orgId, name: 'Callplane Demo' },
          localGateways: [
            { id: second.id, name: second.name, locationId: hq.id, priority: 1 },
            { id: first.id, name: first.name, locationId: hq.id, priority: 2 },
          ],
        });
      });

      it('given no trunk, more than 10, a trunk twice, a priority twice or a trunk not of this organization, answers 400 and creates nothing', async () => {
        const mine = await trunk();
        const spare = await trunk();
        const theirs = await createTrunk(other.admin, theirHq.id);
        const group = await createRouteGroup(admin, [spare.id]);
        const name = unique('RG ');
        const gateways = (...ids: string[]) => ids.map((id, i) => ({ id, priority: i + 1 }));
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ name, localGateways: [] }, /localGateways/],
          [{ name, localGateways: Array.from({ length: 11 }, (_, i) => ({ id: mine.id, priority: i + 1 })) }, /localGateways/],
          [{ name }, /localGateways/],
          [{ name, localGateways: gateways(mine.id, mine.id) }, /lists trunk .* more than once/],
          [{ name, localGateways: [{ id: mine.id, priority: 1 }, { id: spare.id, priority: 1 }] }, /priority 1 to more than one trunk/],
          [{ name, localGateways: gateways(mine.id, theirs.id) }, /localGateways\[1\]\.id is not a trunk of this organization/],
          [{ name, localGateways: gateways(group.id) }, /localGateways\[0\]\.id is not a trunk/],
          [{ name, localGateways: gateways('not-an-id') }, /localGateways\[0\]\.id is not a trunk/],
          [{ name, localGateways: [{ id: mine.id, priority: 0 }] }, /priority/],
          [{ name, localGateways: [{ id: mine.id, priority: '1' }] }, /priority/],
          [{ localGateways: gateways(mine.id) }, /name/],
          [{ name: '  ', localGateways: gateways(mine.id) }, /name must not be blank/],
        ];
        for (const [body, pattern] of cases) assertWebexError(await admin.post(ROUTE_GROUPS, body), 400, pattern);
        assert.deepEqual((await ok(admin.get(ROUTE_GROUPS, { name }))).routeGroups, []);
      });

      it('given the name of another route group in any case, answers 409', async () => {
        const existing = await createRouteGroup(admin, [(await trunk()).id]);
        assertWebexError(
          await admin.post(ROUTE_GROUPS, { name: existing.name.toUpperCase(), localGateways: [{ id: (await trunk()).id, priority: 1 }] }),
          409,
          /already exists/,
        );
      });

      it('given a name, lists {routeGroups} containing it with inUse, sorted, in either order, page by page', async () => {
        const prefix = unique('RGL ');
        const t = await trunk();
        const b = await createRouteGroup(admin, [t.id], { name: `${prefix} B` });
        const a = await createRouteGroup(admin, [t.id], { name: `${prefix} a` });
        const c = await createRouteGroup(admin, [t.id], { name: `${prefix} c` });
        await createDialPlan(admin, groupRoute(c));
        const reply = await ok(admin.get(ROUTE_GROUPS, { name: prefix }));
        assert.deepEqual(Object.keys(reply), ['routeGroups']);
        assert.deepEqual(reply.routeGroups, [
          { id: a.id, name: a.name, inUse: false },
          { id: b.id, name: b.name, inUse: false },
          { id: c.id, name: c.name, inUse: true },
        ]);
        assert.deepEqual(names((await ok(admin.get(ROUTE_GROUPS, { name: prefix, order: 'desc' }))).routeGroups), [c.name, b.name, a.name]);
        assert.deepEqual(names((await ok(admin.get(ROUTE_GROUPS, { name: prefix, order: 'name-desc' }))).routeGroups), [c.name, b.name, a.name]);
        const first = await admin.get(ROUTE_GROUPS, { name: prefix, max: 2 });
        assert.deepEqual(names(first.body.routeGroups), [a.name, b.name]);
        assert.deepEqual(names((await admin.follow(nextLink(first.headers)!)).body.routeGroups), [c.name]);
        assertWebexError(await admin.get(ROUTE_GROUPS, { order: 'routeName' }), 400, /order/);
      });

      it('given a route group that is a location’s PSTN connection, lists it inUse and refuses DELETE with 409', async () => {
        const group = await createRouteGroup(admin, [(await trunk()).id]);
        try {
          await setPstnConnection(server, hq.id, groupRoute(group));
          assert.equal((await ok(admin.get(ROUTE_GROUPS, { name: group.name }))).routeGroups[0].inUse, true);
          assertWebexError(await admin.delete(`${ROUTE_GROUPS}/${group.id}`), 409, new RegExp(`PSTN connection of location "${hq.name}"`));
        } finally {
          await setPstnConnection(server, hq.id, null);
        }
        assert.equal((await admin.delete(`${ROUTE_GROUPS}/${group.id}`)).status, 204);
      });

      it('given a new name and trunks, replaces them (204); without localGateways, keeps them', async () => {
        const [t1, t2, t3] = [await trunk(), await trunk(), await trunk()];
        const group = await createRouteGroup(admin, [t1.id, t2.id]);
        const name = unique('RG ');
        const replaced = await admin.put(`${ROUTE_GROUPS}/${group.id}`, { name, localGateways: [{ id: t3.id, priority: 5 }] });
        assert.equal(replaced.status, 204, replaced.text);
        const details = await ok(admin.get(`${ROUTE_GROUPS}/${group.id}`));
        assert.equal(details.name, name);
        assert.deepEqual(details.localGateways, [{ id: t3.id, name: t3.name, locationId: hq.id, priority: 5 }]);
        assert.equal((await ok(admin.get(TRUNKS, { name: t1.name }))).trunks[0].inUse, false, 'a trunk taken out is free again');
        assert.equal((await admin.delete(`${TRUNKS}/${t1.id}`)).status, 204);
        const renamed = unique('RG ');
        assert.equal((await admin.put(`${ROUTE_GROUPS}/${group.id}`, { name: renamed })).status, 204);
        const kept = await ok(admin.get(`${ROUTE_GROUPS}/${group.id}`));
        assert.equal(kept.name, renamed);
        assert.deepEqual(kept.localGateways, details.localGateways);
      });

      it('given a taken name, a bad trunk or no name, answers 409 or 400 and changes nothing', async () => {
        const t = await trunk();
        const group = await createRouteGroup(admin, [t.id]);
        const taken = await createRouteGroup(admin, [t.id]);
        const path = `${ROUTE_GROUPS}/${group.id}`;
        const before = await ok(admin.get(path));
        assertWebexError(await admin.put(path, { name: taken.name }), 409, /already exists/);
        assertWebexError(await admin.put(path, { name: unique('RG '), localGateways: [{ id: taken.id, priority: 1 }] }), 400, /not a trunk/);
        assertWebexError(await admin.put(path, { name: unique('RG '), localGateways: [] }), 400, /localGateways/);
        assertWebexError(await admin.put(path, { localGateways: [{ id: t.id, priority: 1 }] }), 400, /name/);
        assert.deepEqual(await ok(admin.get(path)), before);
      });

      it('given another organization’s route group or an ID of another type, answers 404 on GET, PUT and DELETE', async () => {
        const theirs = await createRouteGroup(other.admin, [(await createTrunk(other.admin, theirHq.id)).id]);
        const mine = await trunk();
        for (const id of [theirs.id, mine.id, encodeId('ROUTE_GROUP', GHOST), 'not-an-id']) {
          assertWebexError(await admin.get(`${ROUTE_GROUPS}/${id}`), 404, /Route group not found/);
          assertWebexError(await admin.put(`${ROUTE_GROUPS}/${id}`, { name: unique('RG ') }), 404, /Route group not found/);
          assertWebexError(await admin.delete(`${ROUTE_GROUPS}/${id}`), 404, /Route group not found/);
        }
        assert.equal((await ok(other.admin.get(`${ROUTE_GROUPS}/${theirs.id}`))).name, theirs.name);
        assert.ok(!(await listAll(ROUTE_GROUPS, 'routeGroups')).some((g) => g.id === theirs.id));
      });

      it('given an unused route group, deletes it (204) and frees its trunks; one routing a dial plan answers 409', async () => {
        const t = await trunk();
        const unused = await createRouteGroup(admin, [t.id]);
        const used = await createRouteGroup(admin, [(await trunk()).id]);
        const plan = await createDialPlan(admin, groupRoute(used));
        const reply = await admin.delete(`${ROUTE_GROUPS}/${unused.id}`);
        assert.equal(reply.status, 204, reply.text);
        assertWebexError(await admin.get(`${ROUTE_GROUPS}/${unused.id}`), 404);
        assert.equal((await admin.delete(`${TRUNKS}/${t.id}`)).status, 204, 'its trunk is free');
        assertWebexError(await admin.delete(`${ROUTE_GROUPS}/${used.id}`), 409, new RegExp(`dial plan "${plan.name}"`));
        assert.equal((await ok(admin.get(`${ROUTE_GROUPS}/${used.id}`))).name, used.name);
      });
    });

    describe('dial plans', () => {
      it('given a trunk route and dial patterns, creates a dial plan (201 {id, dialPatternErrors: []}) showing its route and patterns', async () => {
        const t = await trunk();
        const patterns = [newDialPattern(), newEnterprisePattern(), newDialPattern('!')];
        const name = unique('DP ');
        const reply = await admin.post(DIAL_PLANS, { name, routeId: t.id, routeType: 'TRUNK', dialPatterns: patterns });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id', 'dialPatternErrors']);
        assert.deepEqual(reply.body.dialPatternErrors, []);
        assert.ok(decodeId(reply.body.id, 'DIAL_PLAN'), 'a DIAL_PLAN ID');
        assert.deepEqual(await ok(admin.get(`${DIAL_PLANS}/${reply.body.id}`)), {
          id: reply.body.id,
          name,
          routeId: t.id,
          routeName: t.name,
          routeType: 'TRUNK',
          customer: { id: orgId, name: 'Callplane Demo' },
        });
        assert.deepEqual(await patternsOf(reply.body.id), [...patterns].sort());
      });

      it('given a route group route and no dial patterns, creates a dial plan without patterns', async () => {
        const group = await createRouteGroup(admin, [(await trunk()).id]);
        const plan = await createDialPlan(admin, groupRoute(group));
        const details = await ok(admin.get(`${DIAL_PLANS}/${plan.id}`));
        assert.deepEqual([details.routeId, details.routeName, details.routeType], [group.id, group.name, 'ROUTE_GROUP']);
        assert.deepEqual(await patternsOf(plan.id), []);
      });

      it('given a bad route, an invalid or repeated pattern, or missing fields, answers 400 and creates nothing', async () => {
        const t = await trunk();
        const group = await createRouteGroup(admin, [t.id]);
        const theirs = await createTrunk(other.admin, theirHq.id);
        const name = unique('DP ');
        const fresh = newDialPattern();
        const base = { name, routeId: t.id, routeType: 'TRUNK', dialPatterns: [fresh] };
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ ...base, routeType: 'ROUTE_GROUP' }, /routeId is not a route group of this organization/],
          [{ ...base, routeId: group.id }, /routeId is not a trunk of this organization/],
          [{ ...base, routeId: theirs.id }, /routeId is not a trunk of this organization/],
          [{ ...base, routeId: 'not-an-id' }, /routeId is not a trunk/],
          [{ ...base, routeType: 'PSTN' }, /routeType/],
          [{ ...base, routeId: undefined }, /routeId/],
          [{ ...base, name: undefined }, /name/],
          [{ ...base, name: ' ' }, /name must not be blank/],
          [{ ...base, dialPatterns: [fresh, '+1X08'] }, /Dial pattern \+1X08 is not valid: wildcards \(X\) must follow all the digits/],
          [{ ...base, dialPatterns: ['8XX!'] }, /! wildcard is allowed only at the end of an E\.164 pattern/],
          [{ ...base, dialPatterns: [fresh, fresh] }, /appears more than once/],
          [{ ...base, dialPatterns: fresh }, /dialPatterns/],
        ];
        for (const [body, pattern] of cases) assertWebexError(await admin.post(DIAL_PLANS, body), 400, pattern);
        assert.deepEqual((await ok(admin.get(DIAL_PLANS, { dialPlanName: name }))).dialPlans, []);
        assert.equal((await ok(admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [fresh] }))).status, 'OK', 'the pattern is still free');
      });

      it('given a pattern of another dial plan or another plan’s name, answers 409 and creates nothing', async () => {
        const t = await trunk();
        const held = newDialPattern();
        const existing = await createDialPlan(admin, trunkRoute(t), [held]);
        const name = unique('DP ');
        const fresh = newDialPattern();
        assertWebexError(
          await admin.post(DIAL_PLANS, { name, routeId: t.id, routeType: 'TRUNK', dialPatterns: [fresh, held] }),
          409,
          new RegExp(`Dial pattern \\${held} already exists in dial plan "${existing.name}"`),
        );
        assertWebexError(await admin.post(DIAL_PLANS, { name: existing.name.toLowerCase(), routeId: t.id, routeType: 'TRUNK' }), 409, /already exists/);
        assert.deepEqual((await ok(admin.get(DIAL_PLANS, { dialPlanName: name }))).dialPlans, []);
        assert.equal((await ok(admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [fresh] }))).status, 'OK');
      });

      it('given filters and orders, lists {dialPlans} with their routes, page by page', async () => {
        const prefix = unique('DPL ');
        const tA = await trunk({ name: trunkName('Z') });
        const tC = await trunk({ name: trunkName('A') });
        const group = await createRouteGroup(admin, [tA.id], { name: unique('M ') });
        const a = await createDialPlan(admin, trunkRoute(tA), [], { name: `${prefix} a` });
        const b = await createDialPlan(admin, groupRoute(group), [], { name: `${prefix} B` });
        const c = await createDialPlan(admin, trunkRoute(tC), [], { name: `${prefix} c` });
        const reply = await ok(admin.get(DIAL_PLANS, { dialPlanName: prefix }));
        assert.deepEqual(Object.keys(reply), ['dialPlans']);
        assert.deepEqual(reply.dialPlans, [
          { id: a.id, name: a.name, routeId: tA.id, routeName: tA.name, routeType: 'TRUNK' },
          { id: b.id, name: b.name, routeId: group.id, routeName: group.name, routeType: 'ROUTE_GROUP' },
          { id: c.id, name: c.name, routeId: tC.id, routeName: tC.name, routeType: 'TRUNK' },
        ]);
        const list = async (query: Record<string, string | number>) => names((await ok(admin.get(DIAL_PLANS, { dialPlanName: prefix, ...query }))).dialPlans);
        assert.deepEqual(await list({ trunkName: tA.name }), [a.name]);
        assert.deepEqual(await list({ routeGroupName: group.name }), [b.name]);
        assert.deepEqual(await list({ trunkName: tC.name, routeGroupName: group.name }), [b.name, c.name]);
        assert.deepEqual(await list({ trunkName: group.name }), [], 'trunkName matches trunks only');
        assert.deepEqual(await list({ order: 'name-desc' }), [c.name, b.name, a.name]);
        assert.deepEqual(await list({ order: 'routeName' }), [c.name, b.name, a.name], 'A… trunk, M… route group, Z… trunk');
        assert.deepEqual(await list({ order: 'routeType' }), [b.name, a.name, c.name], 'ROUTE_GROUP before TRUNK, then by name');
        assert.deepEqual(await list({ order: 'routeType-desc' }), [a.name, c.name, b.name]);
        const first = await admin.get(DIAL_PLANS, { dialPlanName: prefix, max: 2 });
        assert.deepEqual(names(first.body.dialPlans), [a.name, b.name]);
        const second = await admin.follow(nextLink(first.headers)!);
        assert.deepEqual(names(second.body.dialPlans), [c.name]);
        assert.equal(nextLink(second.headers), undefined);
        assertWebexError(await admin.get(DIAL_PLANS, { order: 'dialPattern' }), 400, /order/);
      });

      it('given a new name and route, modifies the dial plan (204) and keeps its patterns', async () => {
        const t = await trunk();
        const group = await createRouteGroup(admin, [(await trunk()).id]);
        const patterns = [newDialPattern()];
        const plan = await createDialPlan(admin, trunkRoute(t), patterns);
        const name = unique('DP ');
        const reply = await admin.put(`${DIAL_PLANS}/${plan.id}`, { name, routeId: group.id, routeType: 'ROUTE_GROUP' });
        assert.equal(reply.status, 204, reply.text);
        const details = await ok(admin.get(`${DIAL_PLANS}/${plan.id}`));
        assert.deepEqual([details.name, details.routeId, details.routeName, details.routeType], [name, group.id, group.name, 'ROUTE_GROUP']);
        assert.deepEqual(await patternsOf(plan.id), patterns);
        assert.equal((await ok(admin.get(TRUNKS, { name: t.name }))).trunks[0].inUse, false, 'the old trunk is free');
      });

      it('given a bad route, a taken name or a missing field, answers 400 or 409 and changes nothing', async () => {
        const t = await trunk();
        const plan = await createDialPlan(admin, trunkRoute(t));
        const taken = await createDialPlan(admin, trunkRoute(t));
        const theirs = await createTrunk(other.admin, theirHq.id);
        const path = `${DIAL_PLANS}/${plan.id}`;
        const before = await ok(admin.get(path));
        assertWebexError(await admin.put(path, { name: plan.name, routeId: theirs.id, routeType: 'TRUNK' }), 400, /routeId is not a trunk/);
        assertWebexError(await admin.put(path, { name: plan.name, routeId: t.id, routeType: 'ROUTE_GROUP' }), 400, /routeId is not a route group/);
        assertWebexError(await admin.put(path, { name: plan.name, routeId: t.id }), 400, /routeType/);
        assertWebexError(await admin.put(path, { routeId: t.id, routeType: 'TRUNK' }), 400, /name/);
        assertWebexError(await admin.put(path, { name: taken.name.toUpperCase(), routeId: t.id, routeType: 'TRUNK' }), 409, /already exists/);
        assert.deepEqual(await ok(admin.get(path)), before);
      });

      it('given another organization’s dial plan or an ID of another type, answers 404 on GET, PUT and DELETE', async () => {
        const theirs = await createDialPlan(other.admin, trunkRoute(await createTrunk(other.admin, theirHq.id)));
        const t = await trunk();
        for (const id of [theirs.id, t.id, encodeId('DIAL_PLAN', GHOST), 'not-an-id']) {
          assertWebexError(await admin.get(`${DIAL_PLANS}/${id}`), 404, /Dial plan not found/);
          assertWebexError(await admin.put(`${DIAL_PLANS}/${id}`, { name: unique('DP '), routeId: t.id, routeType: 'TRUNK' }), 404, /Dial plan not found/);
          assertWebexError(await admin.delete(`${DIAL_PLANS}/${id}`), 404, /Dial plan not found/);
        }
        assert.equal((await ok(other.admin.get(`${DIAL_PLANS}/${theirs.id}`))).name, theirs.name);
        assert.ok(!(await listAll(DIAL_PLANS, 'dialPlans')).some((d) => d.id === theirs.id));
      });

      it('given a dial plan, deletes it (204) with its patterns, which another plan may then take', async () => {
        const t = await trunk();
        const pattern = newDialPattern();
        const plan = await createDialPlan(admin, trunkRoute(t), [pattern]);
        const reply = await admin.delete(`${DIAL_PLANS}/${plan.id}`);
        assert.equal(reply.status, 204, reply.text);
        assertWebexError(await admin.get(`${DIAL_PLANS}/${plan.id}`), 404);
        assertWebexError(await admin.get(dialPatternsOf(plan.id)), 404);
        await createDialPlan(admin, trunkRoute(t), [pattern]);
      });
    });

    describe('dial patterns', () => {
      it('given a dial plan, lists {dialPatterns} sorted, filtered, in either order, page by page', async () => {
        const digits = String(3000000 + Math.floor(Math.random() * 999999));
        const patterns = [`+1${digits}XXX`, `+1${digits}1XX`, `+1${digits}2!`, newEnterprisePattern()];
        const plan = await createDialPlan(admin, trunkRoute(await trunk()), patterns);
        const sorted = [...patterns].sort();
        const reply = await ok(admin.get(dialPatternsOf(plan.id)));
        assert.deepEqual(reply, { dialPatterns: sorted });
        const list = async (query: Record<string, string | number>) => (await ok(admin.get(dialPatternsOf(plan.id), query))).dialPatterns;
        assert.deepEqual(await list({ dialPattern: digits }), sorted.filter((p) => p.includes(digits)));
        assert.deepEqual(await list({ dialPattern: `${digits}xxx` }), [`+1${digits}XXX`], 'X matches regardless of case');
        assert.deepEqual(await list({ order: 'dialPattern-desc' }), [...sorted].reverse());
        assert.deepEqual(await list({ order: 'desc' }), [...sorted].reverse());
        const first = await admin.get(dialPatternsOf(plan.id), { max: 3 });
        assert.deepEqual(first.body.dialPatterns, sorted.slice(0, 3));
        assert.deepEqual(await listAll(dialPatternsOf(plan.id), 'dialPatterns', { max: 1 }), sorted);
        assertWebexError(await admin.get(dialPatternsOf(plan.id), { order: 'name' }), 400, /order/);
      });

      it('given another organization’s dial plan or an ID of another type, answers 404 on GET and PUT', async () => {
        const theirPattern = newDialPattern();
        const theirs = await createDialPlan(other.admin, trunkRoute(await createTrunk(other.admin, theirHq.id)), [theirPattern]);
        const t = await trunk();
        for (const id of [theirs.id, t.id, 'not-an-id']) {
          assertWebexError(await admin.get(dialPatternsOf(id)), 404, /Dial plan not found/);
          assertWebexError(await admin.put(dialPatternsOf(id), { deleteAllDialPatterns: true }), 404, /Dial plan not found/);
        }
        assert.deepEqual((await ok(other.admin.get(dialPatternsOf(theirs.id)))).dialPatterns, [theirPattern]);
      });

      it('given ADD and DELETE actions, adds and deletes those patterns (204) and leaves the others', async () => {
        const [kept, removed, added1, added2] = [newDialPattern(), newDialPattern(), newDialPattern(), newEnterprisePattern()];
        const plan = await createDialPlan(admin, trunkRoute(await trunk()), [kept, removed]);
        const reply = await admin.put(dialPatternsOf(plan.id), {
          dialPatterns: [
            { dialPattern: added1, action: 'ADD' },
            { dialPattern: removed, action: 'DELETE' },
            { dialPattern: added2, action: 'ADD' },
          ],
        });
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        assert.deepEqual(await patternsOf(plan.id), [kept, added1, added2].sort());
        assert.equal((await ok(admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [removed] }))).status, 'OK', 'a deleted pattern is free');
      });

      it('given an invalid, repeated, taken or absent pattern, answers 400 or 409 and changes nothing', async () => {
        const t = await trunk();
        const [mine, theirs, fresh] = [newDialPattern(), newDialPattern(), newDialPattern()];
        const plan = await createDialPlan(admin, trunkRoute(t), [mine]);
        const otherPlan = await createDialPlan(admin, trunkRoute(t), [theirs]);
        const path = dialPatternsOf(plan.id);
        const change = (...changes: [string, string][]) => ({ dialPatterns: changes.map(([dialPattern, action]) => ({ dialPattern, action })) });
        assertWebexError(await admin.put(path, change([fresh, 'ADD'], ['+1X08', 'ADD'])), 400, /\+1X08 is not valid/);
        assertWebexError(await admin.put(path, change([fresh, 'ADD'], [fresh, 'DELETE'])), 400, /appears more than once in the request/);
        assertWebexError(await admin.put(path, change([fresh, 'ADD'], [theirs, 'ADD'])), 409, new RegExp(`already exists in dial plan "${otherPlan.name}"`));
        assertWebexError(await admin.put(path, change([mine, 'ADD'])), 409, /already exists in dial plan/);
        assertWebexError(await admin.put(path, change([fresh, 'ADD'], [theirs, 'DELETE'])), 400, /is not a dial pattern of this dial plan/);
        assertWebexError(await admin.put(path, change([newDialPattern(), 'DELETE'])), 400, /is not a dial pattern of this dial plan/);
        assertWebexError(await admin.put(path, change([fresh, 'REPLACE'])), 400, /action/);
        assertWebexError(await admin.put(path, {}), 400, /deleteAllDialPatterns/);
        assertWebexError(await admin.put(path, { deleteAllDialPatterns: false }), 400, /deleteAllDialPatterns/);
        assertWebexError(await admin.put(path, { dialPatterns: [{ dialPattern: fresh }] }), 400, /action/);
        assert.deepEqual(await patternsOf(plan.id), [mine]);
        assert.deepEqual(await patternsOf(otherPlan.id), [theirs]);
      });

      it('given deleteAllDialPatterns: true, deletes every pattern of the plan and ignores dialPatterns', async () => {
        const patterns = [newDialPattern(), newDialPattern()];
        const ignored = newDialPattern();
        const plan = await createDialPlan(admin, trunkRoute(await trunk()), patterns);
        const reply = await admin.put(dialPatternsOf(plan.id), { deleteAllDialPatterns: true, dialPatterns: [{ dialPattern: ignored, action: 'ADD' }] });
        assert.equal(reply.status, 204, reply.text);
        assert.deepEqual(await patternsOf(plan.id), []);
        assert.equal((await ok(admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [...patterns, ignored] }))).status, 'OK');
      });
    });

    describe('validating dial patterns', () => {
      it('given valid patterns no dial plan holds, answers 200 {status: OK} without problems', async () => {
        const reply = await admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [newDialPattern(), newDialPattern('!'), newEnterprisePattern()] });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, { status: 'OK', dialPatternStatus: [] });
      });

      it('given invalid, held and repeated patterns, answers ERRORS with INVALID, DUPLICATE and DUPLICATE_IN_LIST', async () => {
        const held = newDialPattern();
        const plan = await createDialPlan(admin, trunkRoute(await trunk()), [held]);
        const fresh = newDialPattern();
        const reply = await ok(admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [fresh, '+1X08', held, fresh, 'XXXX'] }));
        assert.equal(reply.status, 'ERRORS');
        assert.deepEqual(
          reply.dialPatternStatus.map((s: { dialPattern: string; patternStatus: string }) => [s.dialPattern, s.patternStatus]),
          [
            ['+1X08', 'INVALID'],
            [held, 'DUPLICATE'],
            [fresh, 'DUPLICATE_IN_LIST'],
            ['XXXX', 'INVALID'],
          ],
        );
        assert.match(reply.dialPatternStatus[1].message, new RegExp(`dial plan "${plan.name}"`));
        assert.ok(reply.dialPatternStatus.every((s: { message: string }) => s.message.length > 0));
      });

      it('given a pattern another organization holds, answers OK: dial patterns are unique per organization', async () => {
        const theirs = newDialPattern();
        await createDialPlan(other.admin, trunkRoute(await createTrunk(other.admin, theirHq.id)), [theirs]);
        assert.equal((await ok(admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [theirs] }))).status, 'OK');
        await createDialPlan(admin, trunkRoute(await trunk()), [theirs]);
      });

      it('given no patterns or not a list, answers 400', async () => {
        assertWebexError(await admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [] }), 400, /dialPatterns/);
        assertWebexError(await admin.post(VALIDATE_DIAL_PATTERNS, {}), 400, /dialPatterns/);
        assertWebexError(await admin.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: '+1408XXX' }), 400, /dialPatterns/);
      });
    });

    describe('route choices', () => {
      let prefix: string;
      let a: Named;
      let b: Named;
      let c: Named;
      before(async () => {
        prefix = unique('RC');
        a = await trunk({ name: `${prefix} a` });
        c = await trunk({ name: `${prefix} c` });
        b = await createRouteGroup(admin, [a.id], { name: `${prefix} B` });
      });
      const choices = async (query: Record<string, string | number>) => (await ok(admin.get(ROUTE_CHOICES, query))).routeIdentities;

      it('given trunkName and routeGroupName, answers {routeIdentities} of both kinds sorted by name', async () => {
        const reply = await ok(admin.get(ROUTE_CHOICES, { trunkName: prefix, routeGroupName: prefix }));
        assert.deepEqual(Object.keys(reply), ['routeIdentities']);
        assert.deepEqual(reply.routeIdentities, [
          { id: a.id, name: a.name, type: 'TRUNK' },
          { id: b.id, name: b.name, type: 'ROUTE_GROUP' },
          { id: c.id, name: c.name, type: 'TRUNK' },
        ]);
      });

      it('given only trunkName or only routeGroupName, answers only that kind', async () => {
        assert.deepEqual(names(await choices({ trunkName: prefix })), [a.name, c.name]);
        assert.deepEqual(names(await choices({ routeGroupName: prefix })), [b.name]);
        assert.deepEqual(await choices({ trunkName: `${prefix} B` }), []);
      });

      it('given order routeType or routeName-desc, sorts that way; given an unknown order, answers 400', async () => {
        const both = { trunkName: prefix, routeGroupName: prefix };
        assert.deepEqual(names(await choices({ ...both, order: 'routeType' })), [b.name, a.name, c.name]);
        assert.deepEqual(names(await choices({ ...both, order: 'routeName-desc' })), [c.name, b.name, a.name]);
        assertWebexError(await admin.get(ROUTE_CHOICES, { order: 'name' }), 400, /routeName, routeType/);
      });

      it('given max, pages with a Link header', async () => {
        const first = await admin.get(ROUTE_CHOICES, { trunkName: prefix, routeGroupName: prefix, max: 2 });
        assert.deepEqual(names(first.body.routeIdentities), [a.name, b.name]);
        const second = await admin.follow(nextLink(first.headers)!);
        assert.deepEqual(names(second.body.routeIdentities), [c.name]);
        assert.equal(nextLink(second.headers), undefined);
      });

      it('given no filter, answers every trunk and route group of the organization and none of another', async () => {
        const theirs = await createTrunk(other.admin, theirHq.id, { name: `${prefix} a` });
        const all = await listAll(ROUTE_CHOICES, 'routeIdentities', { max: 50 });
        const trunks = await listAll(TRUNKS, 'trunks');
        const groups = await listAll(ROUTE_GROUPS, 'routeGroups');
        assert.equal(all.length, trunks.length + groups.length);
        assert.ok([a, b, c].every((r) => all.some((choice) => choice.id === r.id)));
        assert.ok(!all.some((choice) => choice.id === theirs.id));
        assert.deepEqual(names(await listAll(ROUTE_CHOICES, 'routeIdentities', { trunkName: prefix }, other.admin)), [theirs.name]);
      });

      it('given a route ID and type, the service finds the route for a location’s PSTN connection, and nothing else', async () => {
        const routes = server.app.services.callRouting;
        const org = server.demo.orgId;
        assert.deepEqual(await routes.findRoute(org, 'TRUNK', a.id), { id: decodeId(a.id, 'TRUNK'), name: a.name, type: 'TRUNK' });
        assert.deepEqual(await routes.findRoute(org, 'ROUTE_GROUP', b.id), { id: decodeId(b.id, 'ROUTE_GROUP'), name: b.name, type: 'ROUTE_GROUP' });
        assert.equal(await routes.findRoute(org, 'ROUTE_GROUP', a.id), undefined);
        assert.equal(await routes.findRoute(org, 'TRUNK', 'not-an-id'), undefined);
        const theirs = await createTrunk(other.admin, theirHq.id);
        assert.equal(await routes.findRoute(org, 'TRUNK', theirs.id), undefined);
      });
    });

    describe('scopes and organizations', () => {
      let t: Named;
      let group: Named;
      let plan: Named;
      before(async () => {
        t = await trunk();
        group = await createRouteGroup(admin, [t.id]);
        plan = await createDialPlan(admin, trunkRoute(t), [newDialPattern()]);
      });
      const reads = () => [
        TRUNKS,
        `${TRUNKS}/${t.id}`,
        ROUTE_GROUPS,
        `${ROUTE_GROUPS}/${group.id}`,
        DIAL_PLANS,
        `${DIAL_PLANS}/${plan.id}`,
        dialPatternsOf(plan.id),
        ROUTE_CHOICES,
      ];
      const writes = (): [string, string, unknown][] => [
        ['POST', TRUNKS, { name: trunkName(), locationId: hq.id, password: TRUNK_PASSWORD, trunkType: 'REGISTERING' }],
        ['PUT', `${TRUNKS}/${t.id}`, { name: trunkName() }],
        ['DELETE', `${TRUNKS}/${t.id}`, undefined],
        ['POST', ROUTE_GROUPS, { name: unique('RG '), localGateways: [{ id: t.id, priority: 1 }] }],
        ['PUT', `${ROUTE_GROUPS}/${group.id}`, { name: unique('RG ') }],
        ['DELETE', `${ROUTE_GROUPS}/${group.id}`, undefined],
        ['POST', DIAL_PLANS, { name: unique('DP '), routeId: t.id, routeType: 'TRUNK' }],
        ['PUT', `${DIAL_PLANS}/${plan.id}`, { name: unique('DP '), routeId: t.id, routeType: 'TRUNK' }],
        ['DELETE', `${DIAL_PLANS}/${plan.id}`, undefined],
        ['PUT', dialPatternsOf(plan.id), { deleteAllDialPatterns: true }],
        ['POST', VALIDATE_DIAL_PATTERNS, { dialPatterns: [newDialPattern()] }],
      ];
      const unchanged = async () => {
        assert.equal((await ok(admin.get(`${TRUNKS}/${t.id}`))).name, t.name);
        assert.equal((await ok(admin.get(`${ROUTE_GROUPS}/${group.id}`))).name, group.name);
        assert.equal((await ok(admin.get(`${DIAL_PLANS}/${plan.id}`))).name, plan.name);
        assert.equal((await patternsOf(plan.id)).length, 1);
      };

      it('given only spark-admin:telephony_config_read, reads everything and every write answers 403', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
        for (const path of reads()) assert.equal((await reader.get(path)).status, 200, path);
        for (const [method, path, body] of writes()) assertWebexError(await reader.request(method, path, { body }), 403);
        await unchanged();
      });

      it('given only spark-admin:telephony_config_write, writes but every read answers 403', async () => {
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write']);
        for (const path of reads()) assertWebexError(await writer.get(path), 403);
        const created = await writer.post(TRUNKS, { name: trunkName(), locationId: hq.id, password: TRUNK_PASSWORD, trunkType: 'REGISTERING' });
        assert.equal(created.status, 201, created.text);
        assert.equal((await writer.post(VALIDATE_DIAL_PATTERNS, { dialPatterns: [newDialPattern()] })).status, 200);
      });

      it('given orgId of another organization, answers 403 on every operation; its own orgId changes nothing', async () => {
        const query = { orgId: other.orgId };
        for (const path of reads()) assertWebexError(await admin.get(path, query), 403);
        for (const [method, path, body] of writes()) assertWebexError(await admin.request(method, path, { body, query }), 403);
        await unchanged();
        for (const path of reads()) assert.deepEqual((await ok(admin.get(path, { orgId }))), await ok(admin.get(path)), path);
      });

      it('given no token or an unknown token, answers 401', async () => {
        for (const client of [server.anonymous, server.anonymous.withToken('not-a-real-token')]) {
          for (const path of reads()) assertWebexError(await client.get(path), 401);
          for (const [method, path, body] of writes()) assertWebexError(await client.request(method, path, { body }), 401);
        }
        await unchanged();
      });
    });
  });
}
