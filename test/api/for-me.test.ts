import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CALL_SCOPES } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingLocation, createCallingUser, createPerson, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Call Settings For Me beyond the settings documents: the person's organization's calling
// locations and the call park and pickup groups they are in, read with their own token.

const ME = '/v1/telephony/config/people/me';

for (const dialect of dialects) {
  describe(`Call Settings For Me: groups and locations (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let ann: { id: string; api: Client; body: any };
    let bob: { id: string; api: Client; body: any };

    const user = async () => {
      const person = await createCallingUser(admin, { firstName: unique('Ann'), lastName: 'Lee', department: 'Sales' });
      return { id: person.id as string, body: person, api: await clientWithScopes(admin, person.id, CALL_SCOPES) };
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      ann = await user();
      bob = await user();
    });
    after(() => server.close());

    it('given no group, when a person reads their call park and pickup groups, then both are empty', async () => {
      for (const path of ['callPark', 'callPickupGroup']) {
        const reply = await ann.api.get(`${ME}/settings/${path}`);
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, { groupName: '', memberList: [] });
      }
    });

    it('given a call pickup group with Ann and Bob, when Ann reads hers, then she sees its name and both members with their lines', async () => {
      const name = unique('Floor ');
      const created = await admin.post(`/v1/telephony/config/locations/${hq.id}/callPickups`, { name, agents: [ann.id, bob.id] });
      assert.equal(created.status, 201, created.text);
      const reply = await ann.api.get(`${ME}/settings/callPickupGroup`);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.groupName, name);
      assert.deepEqual(
        reply.body.memberList.map((m: any) => [m.id, m.type, m.lastName, m.departmentName, m.extension, m.email]),
        [ann, bob].map((p) => [p.id, 'PEOPLE', 'Lee', 'Sales', p.body.extension, p.body.emails[0]]),
      );
    });

    it('given a call park group with Ann, when Ann reads hers, then she sees it', async () => {
      const name = unique('Park ');
      const created = await admin.post(`/v1/telephony/config/locations/${hq.id}/callParks`, { name, recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: [ann.id] });
      assert.equal(created.status, 201, created.text);
      const reply = await ann.api.get(`${ME}/settings/callPark`);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.groupName, name);
      assert.deepEqual(reply.body.memberList, [{ id: ann.id, type: 'PEOPLE', firstName: ann.body.firstName, lastName: 'Lee', displayName: ann.body.displayName }]);
    });

    it("given the organization's calling locations, when a person lists them, then they are paged and searched by name", async () => {
      const branch = await createCallingLocation(admin, { name: unique('Zeta branch ') });
      const all = await ann.api.get(`${ME}/organization/locations`);
      assert.equal(all.status, 200, all.text);
      const names = all.body.locations.map((l: { name: string }) => l.name);
      assert.ok(names.includes(hq.name) && names.includes(branch.name), names.join());
      assert.deepEqual(names, [...names].sort((a: string, b: string) => a.localeCompare(b)));
      const found = await ann.api.get(`${ME}/organization/locations`, { name: branch.name.slice(0, 12).toUpperCase() });
      assert.deepEqual(found.body.locations.map((l: { id: string }) => l.id), [branch.id]);
      const second = await ann.api.get(`${ME}/organization/locations`, { start: 1, max: 1 });
      assert.deepEqual(second.body.locations, [all.body.locations[1]]);
      const desc = await ann.api.get(`${ME}/organization/locations`, { order: 'name-desc' });
      assert.deepEqual(desc.body.locations, [...all.body.locations].reverse());
    });

    it('given a person without Webex Calling, or a token without a calling scope, then the For Me reads are refused', async () => {
      const plain = await createPerson(admin, { emails: [`${unique('p')}@example.com`], displayName: unique('Plain ') });
      const api = await clientWithScopes(admin, plain.id, ['spark:calls_read']);
      assertWebexError(await api.get(`${ME}/settings/callPark`), 403);
      const peopleOnly = await clientWithScopes(admin, ann.id, ['spark:people_read']);
      assertWebexError(await peopleOnly.get(`${ME}/settings/callPickupGroup`), 403);
    });
  });
}
