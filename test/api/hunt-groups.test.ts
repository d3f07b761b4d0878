import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingLocation,
  createCallingUser,
  createOrganization,
  createPerson,
  defaultLocation,
  freeExtension,
  freeNumbers,
  unique,
  usNational,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const groupsOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/huntGroups`;
const groupOf = (locationId: string, id: string) => `${groupsOf(locationId)}/${id}`;
const noAnswer = { nextAgentEnabled: true, nextAgentRings: 3, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };

for (const dialect of dialects) {
  describe(`Features: Hunt Group API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let ann: Awaited<ReturnType<typeof createCallingUser>>;
    let bob: Awaited<ReturnType<typeof createCallingUser>>;

    const create = async (body: Record<string, unknown> = {}, locationId = hq.id) => {
      const reply = await admin.post(groupsOf(locationId), {
        name: unique('Sales '),
        extension: freeExtension(),
        callPolicies: { policy: 'REGULAR', noAnswer },
        agents: [],
        enabled: true,
        ...body,
      });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.id as string;
    };
    const get = async (id: string, locationId = hq.id) => {
      const reply = await admin.get(groupOf(locationId, id));
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      ann = await createCallingUser(admin, { firstName: 'Ann' });
      bob = await createCallingUser(admin, { firstName: 'Bob' });
    });
    after(() => server.close());

    it('creates a hunt group with a number, an extension and agents, answers 200 {id}, and shows it whole', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const name = unique('Sales ');
      const id = await create({ name, phoneNumber: number, extension, agents: [{ id: ann.id }, { id: bob.id }] });
      assert.match(Buffer.from(id, 'base64url').toString(), /^ciscospark:\/\/us\/HUNT_GROUP\//);
      const g = await get(id);
      assert.equal(g.name, name);
      assert.equal(g.phoneNumber, number);
      assert.equal(g.extension, extension);
      assert.equal(g.enabled, true);
      assert.deepEqual(g.callPolicies.noAnswer, { ...noAnswer, systemMaxNumberOfRings: 20 });
      assert.equal(g.callPolicies.policy, 'REGULAR');
      assert.deepEqual(g.agents.map((a: { id: string }) => a.id), [ann.id, bob.id]);
      assert.equal(g.agents[0].phoneNumber, ann.phoneNumber);
      assert.equal(g.agents[0].firstName, 'Ann');
      assert.equal(g.agents[0].weight, undefined);
      const list = await admin.get('/v1/telephony/config/huntGroups', { locationId: hq.id, name });
      assert.deepEqual(list.body.huntGroups.map((h: { id: string; phoneNumber: string; locationName: string }) => [h.id, h.phoneNumber, h.locationName]), [[id, number, hq.name]]);
      // The number is taken now: not available any more, and no person may have it.
      const available = await admin.get('/v1/telephony/config/numbers', { locationId: hq.id, available: true, phoneNumber: number!.slice(1) });
      assert.deepEqual(available.body.phoneNumbers, []);
      assertWebexError(await admin.put(`/v1/people/${ann.id}`, { ...(await admin.get(`/v1/people/${ann.id}`)).body, phoneNumbers: [{ type: 'work', value: usNational(number!) }] }, { callingData: true }), 409);
    });

    it('refuses numbers and extensions that are not free or not the location\'s: 400/409', async () => {
      const taken = await create();
      const takenExt = (await get(taken)).extension;
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), extension: takenExt, callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 409, /Extension/);
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), extension: (await admin.get(`/v1/people/${ann.id}`, { callingData: true })).body.extension, callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 409);
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), phoneNumber: ann.phoneNumber, callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 409, /assigned/);
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), phoneNumber: '+14155550199', callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 400, /inventory/);
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 400, /phoneNumber or an extension/);
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), extension: '1', callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 400, /extension/);
    });

    it('keeps names unique per location (409), checks agents, rings and forwarding (400)', async () => {
      const name = unique('Support ');
      await create({ name });
      assertWebexError(await admin.post(groupsOf(hq.id), { name: name.toLowerCase(), extension: freeExtension(), callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 409, /already exists/);
      await create({ name }, (await createCallingLocation(admin)).id);
      const bad = async (body: Record<string, unknown>, pattern: RegExp) => {
        assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('B'), extension: freeExtension(), callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true, ...body }), 400, pattern);
      };
      const plain = await createPerson(admin);
      await bad({ agents: [{ id: plain.id }] }, /agents/);
      await bad({ agents: [{ id: 'nope' }] }, /agents/);
      await bad({ callPolicies: { policy: 'REGULAR', noAnswer: { ...noAnswer, nextAgentRings: 0 } } }, /nextAgentRings/);
      await bad({ callPolicies: { policy: 'REGULAR', noAnswer: { ...noAnswer, numberOfRings: 21 } } }, /numberOfRings/);
      await bad({ callPolicies: { policy: 'REGULAR', noAnswer: { ...noAnswer, forwardEnabled: true } } }, /destination/);
      await bad({ callPolicies: { policy: 'REGULAR', noAnswer, busyRedirect: { enabled: true } } }, /busyRedirect/);
      await bad({ callPolicies: { policy: 'WEIGHTED', noAnswer }, agents: [{ id: ann.id, weight: '60' }, { id: bob.id, weight: '30' }] }, /100/);
      await bad({ callPolicies: { policy: 'WEIGHTED', noAnswer }, agents: [{ id: ann.id }] }, /weight/);
      await bad({ name: 'x'.repeat(31) }, /name/);
      await bad({ timeZone: 'Mars/Olympus' }, /timeZone/);
    });

    it('updates fields, agents and weights (WEIGHTED), 204; removing the last of number and extension is 400', async () => {
      const id = await create({ agents: [{ id: ann.id }] });
      const [number] = await freeNumbers(admin, hq.id);
      const put = await admin.put(groupOf(hq.id, id), {
        name: unique('Renamed '),
        phoneNumber: number,
        enabled: false,
        callPolicies: { policy: 'WEIGHTED', noAnswer: { ...noAnswer, forwardEnabled: true, destination: '+14155550100' }, busyRedirect: { enabled: true, destination: '1234' } },
        agents: [{ id: bob.id, weight: '70' }, { id: ann.id, weight: '30' }],
        directLineCallerIdName: { selection: 'CUSTOM_NAME', customName: 'Sales line' },
      });
      assert.equal(put.status, 204, put.text);
      const g = await get(id);
      assert.equal(g.enabled, false);
      assert.equal(g.phoneNumber, number);
      assert.equal(g.callPolicies.policy, 'WEIGHTED');
      assert.equal(g.callPolicies.noAnswer.destination, '+14155550100');
      assert.deepEqual(g.callPolicies.busyRedirect, { enabled: true, destination: '1234', destinationVoicemailEnabled: false });
      assert.deepEqual(g.agents.map((a: { id: string; weight: string }) => [a.id, a.weight]), [[bob.id, '70'], [ann.id, '30']]);
      assert.deepEqual(g.directLineCallerIdName, { selection: 'CUSTOM_NAME', customName: 'Sales line' });
      // Back to REGULAR: the weights go.
      assert.equal((await admin.put(groupOf(hq.id, id), { callPolicies: { policy: 'REGULAR', noAnswer } })).status, 204);
      assert.equal((await get(id)).agents[0].weight, undefined);
      assert.equal((await admin.put(groupOf(hq.id, id), { extension: '' })).status, 204);
      assertWebexError(await admin.put(groupOf(hq.id, id), { phoneNumber: '' }), 400, /phoneNumber or an extension/);
    });

    it('deletes a hunt group: 204, then 404, and its number is free again; a deleted agent leaves it', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const carl = await createCallingUser(admin);
      const keep = await create({ agents: [{ id: carl.id }, { id: ann.id }] });
      assert.equal((await admin.delete(`/v1/people/${carl.id}`)).status, 204);
      assert.deepEqual((await get(keep)).agents.map((a: { id: string }) => a.id), [ann.id]);
      const id = await create({ phoneNumber: number });
      const numbersOfHq = `/v1/telephony/config/locations/${hq.id}/numbers`;
      assertWebexError(await admin.delete(numbersOfHq, { phoneNumbers: [number] }), 409, /assigned/);
      assert.equal((await admin.delete(groupOf(hq.id, id))).status, 204);
      assertWebexError(await admin.get(groupOf(hq.id, id)), 404);
      assertWebexError(await admin.delete(groupOf(hq.id, id)), 404);
      await create({ phoneNumber: number });
    });

    it('lists across locations, filtered and paged', async () => {
      const branch = await createCallingLocation(admin);
      const tag = unique('Page');
      for (const n of ['A', 'B', 'C']) await create({ name: `${tag} ${n}` }, branch.id);
      const first = await admin.get('/v1/telephony/config/huntGroups', { name: tag, max: 2 });
      assert.deepEqual(first.body.huntGroups.map((g: { name: string }) => g.name), [`${tag} A`, `${tag} B`]);
      const second = await admin.get(nextLink(first.headers)!);
      assert.deepEqual(second.body.huntGroups.map((g: { name: string }) => g.name), [`${tag} C`]);
      assert.equal((await admin.get('/v1/telephony/config/huntGroups', { locationId: branch.id })).body.huntGroups.length, 3);
    });

    it('isolates organizations (404) and needs the telephony_config scopes (403)', async () => {
      const other = await createOrganization(server.anonymous);
      const theirHq = await defaultLocation(other.admin);
      const theirs = await other.admin.post(groupsOf(theirHq.id), { name: 'Theirs', extension: '5555', callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true });
      assert.equal(theirs.status, 200, theirs.text);
      assertWebexError(await admin.get(groupOf(theirHq.id, theirs.body.id)), 404);
      assertWebexError(await admin.get(groupOf(hq.id, theirs.body.id)), 404);
      assertWebexError(await admin.put(groupOf(hq.id, theirs.body.id), { enabled: false }), 404);
      assertWebexError(await admin.delete(groupOf(hq.id, theirs.body.id)), 404);
      assert.ok(!(await admin.get('/v1/telephony/config/huntGroups')).body.huntGroups.some((g: { id: string }) => g.id === theirs.body.id));
      assertWebexError(await admin.post(groupsOf(hq.id), { name: unique('X'), extension: freeExtension(), callPolicies: { policy: 'REGULAR', noAnswer }, agents: [{ id: (await defaultAdmin(other.admin)) }], enabled: true }), 400, /agents/);
      const me = (await admin.get('/v1/people/me')).body;
      const reader = await clientWithScopes(admin, me.id, ['spark-admin:telephony_config_read']);
      assert.equal((await reader.get('/v1/telephony/config/huntGroups')).status, 200);
      assertWebexError(await reader.post(groupsOf(hq.id), { name: unique('X'), extension: freeExtension(), callPolicies: { policy: 'REGULAR', noAnswer }, agents: [], enabled: true }), 403);
      const nobody = await clientWithScopes(admin, me.id, ['spark:people_read']);
      assertWebexError(await nobody.get('/v1/telephony/config/huntGroups'), 403);
    });
  });
}

async function defaultAdmin(client: Client): Promise<string> {
  return (await client.get('/v1/people/me')).body.id;
}
