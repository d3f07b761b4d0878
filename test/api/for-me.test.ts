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

    it('given other calling users, when Ann lists speed dial members and available assistants, then she sees them but not herself', async () => {
      const dials = await ann.api.get(`${ME}/settings/speedDials/availableMembers`, { max: 1000 });
      assert.equal(dials.status, 200, dials.text);
      const ids = dials.body.members.map((m: { id: string }) => m.id);
      assert.ok(ids.includes(bob.id) && !ids.includes(ann.id));
      const bobs = dials.body.members.find((m: { id: string }) => m.id === bob.id);
      assert.deepEqual(
        [bobs.type, bobs.extension, bobs.phoneNumber, bobs.locationId, bobs.locationName],
        ['PEOPLE', bob.body.extension, bob.body.phoneNumbers.find((n: { type: string }) => n.type === 'work').value, hq.id, hq.name],
      );
      const byName = await ann.api.get(`${ME}/settings/speedDials/availableMembers`, { name: bob.body.firstName.toUpperCase() });
      assert.deepEqual(byName.body.members.map((m: { id: string }) => m.id), [bob.id]);
      const byNumber = await ann.api.get(`${ME}/settings/speedDials/availableMembers`, { phoneNumber: bob.body.extension });
      assert.deepEqual(byNumber.body.members.map((m: { id: string }) => m.id), [bob.id]);
      // A member listed is one the speed dials accept.
      const saved = await ann.api.put(`${ME}/settings/speedDials`, { speedDials: [{ id: bob.id }] });
      assert.equal(saved.status, 204, saved.text);
      assertWebexError(await ann.api.get(`${ME}/settings/speedDials/availableMembers`, { locationId: 'nope' }), 400);

      const assistants = await ann.api.get(`${ME}/settings/executive/availableAssistants`);
      assert.equal(assistants.status, 200, assistants.text);
      const ids2 = assistants.body.assistants.map((m: { id: string }) => m.id);
      assert.ok(ids2.includes(bob.id) && !ids2.includes(ann.id));
    });

    it("given a schedule of Ann's location, when she reads it, then she sees it; another location's is a 404", async () => {
      const name = unique('Office ');
      const event = { name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', allDayEnabled: false };
      const created = await admin.post(`/v1/telephony/config/locations/${hq.id}/schedules`, { type: 'businessHours', name, events: [event] });
      assert.equal(created.status, 201, created.text);
      const reply = await ann.api.get(`${ME}/locations/schedules/businessHours/${created.body.id}`);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body, (await admin.get(`/v1/telephony/config/locations/${hq.id}/schedules/businessHours/${created.body.id}`)).body);
      const branch = await createCallingLocation(admin);
      const elsewhere = await admin.post(`/v1/telephony/config/locations/${branch.id}/schedules`, { type: 'businessHours', name: unique('Far '), events: [event] });
      assertWebexError(await ann.api.get(`${ME}/locations/schedules/businessHours/${elsewhere.body.id}`), 404);
      assertWebexError(await ann.api.get(`${ME}/locations/schedules/weekends/${created.body.id}`), 400);
    });

    it('given a person, when they list their announcement languages, then they are the organization languages', async () => {
      const mine = await ann.api.get(`${ME}/announcementLanguages`);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body, (await admin.get('/v1/telephony/config/announcementLanguages')).body);
      assert.ok(mine.body.languages.some((l: { code: string }) => l.code === 'en_us'));
    });

    it('given Bob enables hoteling on his phone, when Ann lists hoteling hosts, then Bob is one and can be her host', async () => {
      const hosts = async (query: Record<string, string> = {}) => {
        const reply = await ann.api.get(`${ME}/settings/hoteling/availableHosts`, query);
        assert.equal(reply.status, 200, reply.text);
        return reply.body.hosts.map((h: { hostId: string }) => h.hostId);
      };
      assert.ok(!(await hosts()).includes(bob.id), 'not a host yet');
      assert.equal((await admin.put(`/v1/people/${bob.id}/features/hoteling`, { enabled: true })).status, 204);
      assert.ok((await hosts()).includes(bob.id));
      assert.deepEqual(await hosts({ name: bob.body.firstName, phoneNumber: bob.body.extension }), [bob.id]);
      const [host] = (await ann.api.get(`${ME}/settings/hoteling/availableHosts`, { name: bob.body.firstName })).body.hosts;
      assert.deepEqual(host, { hostId: bob.id, firstName: bob.body.firstName, lastName: 'Lee', phoneNumber: host.phoneNumber, extension: bob.body.extension, allowedAssociationDuration: 24 });
      const guest = await ann.api.put(`${ME}/settings/hoteling/guest`, { enabled: true, hostId: bob.id });
      assert.equal(guest.status, 204, guest.text);
    });

    it("given Ann's simulated phone, when she reads her endpoints and prefers it for answering, then it shows as preferred; null clears it", async () => {
      const list = await ann.api.get(`${ME}/endpoints`);
      assert.equal(list.status, 200, list.text);
      const [phone, ...others] = list.body.endpoints;
      assert.deepEqual(others, []);
      assert.deepEqual({ ...phone, id: undefined }, { id: undefined, type: 'CALLING_DEVICE', name: 'Callplane simulated phone', autoAndForcedAnswerEnabled: false, ownerId: ann.id, ownerType: 'PEOPLE' });
      // The phone answering by itself (the simulator) is its auto answer.
      assert.equal((await admin.put(`/sandbox/v1/people/${ann.id}/phone`, { autoAnswer: true })).status, 200);
      assert.equal((await ann.api.get(`${ME}/endpoints/${phone.id}`)).body.autoAndForcedAnswerEnabled, true);
      assertWebexError(await bob.api.get(`${ME}/endpoints/${phone.id}`), 404);
      assertWebexError(await ann.api.put(`${ME}/endpoints/${phone.id}`, { mobilitySettings: { alertingEnabled: true } }), 400, /mobility/);

      assert.deepEqual((await ann.api.get(`${ME}/settings/preferredAnswerEndpoint`)).body, {});
      const set = await ann.api.put(`${ME}/settings/preferredAnswerEndpoint`, { preferredAnswerEndpointId: phone.id });
      assert.equal(set.status, 204, set.text);
      assert.deepEqual((await ann.api.get(`${ME}/settings/preferredAnswerEndpoint`)).body, { id: phone.id, type: 'DEVICE', name: 'Callplane simulated phone' });
      const available = await ann.api.get(`${ME}/settings/availablePreferredAnswerEndpoints`);
      assert.deepEqual(available.body, { endpoints: [{ id: phone.id, type: 'DEVICE', name: 'Callplane simulated phone', isPreferredAnswerEndpoint: true }] });
      // Bob's phone is not Ann's to prefer.
      const bobs = (await bob.api.get(`${ME}/endpoints`)).body.endpoints[0].id;
      assertWebexError(await ann.api.put(`${ME}/settings/preferredAnswerEndpoint`, { preferredAnswerEndpointId: bobs }), 400);
      assertWebexError(await ann.api.put(`${ME}/settings/preferredAnswerEndpoint`, { preferredAnswerEndpointId: 42 }), 400);
      assert.equal((await ann.api.put(`${ME}/settings/preferredAnswerEndpoint`, { preferredAnswerEndpointId: null })).status, 204);
      assert.deepEqual((await ann.api.get(`${ME}/settings/preferredAnswerEndpoint`)).body, {});
    });

    it("given numbers of Ann's location, when she lists its assigned numbers, then she sees the owned ones with their owner", async () => {
      const reply = await ann.api.get(`${ME}/location/assignedNumbers`);
      assert.equal(reply.status, 200, reply.text);
      const work = (p: { body: any }) => p.body.phoneNumbers.find((n: { type: string }) => n.type === 'work').value;
      const bobs = reply.body.phoneNumbers.find((n: { phoneNumber?: string }) => n.phoneNumber === work(bob));
      assert.deepEqual(bobs, {
        phoneNumber: work(bob),
        extension: bob.body.extension,
        state: 'ACTIVE',
        phoneNumberType: 'PRIMARY',
        tollFreeNumber: false,
        owner: { type: 'PEOPLE', firstName: bob.body.firstName, lastName: 'Lee', displayName: bob.body.displayName },
      });
      const byNumber = await ann.api.get(`${ME}/location/assignedNumbers`, { phoneNumber: work(bob).slice(-7) });
      assert.deepEqual(byNumber.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber), [work(bob)]);
      const byName = await ann.api.get(`${ME}/location/assignedNumbers`, { name: bob.body.firstName });
      assert.deepEqual(byName.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber), [work(bob)]);
      const asc = (await ann.api.get(`${ME}/location/assignedNumbers`, { order: 'dn-asc' })).body.phoneNumbers;
      const desc = (await ann.api.get(`${ME}/location/assignedNumbers`, { order: 'dn-desc' })).body.phoneNumbers;
      assert.deepEqual(desc, [...asc].reverse());
      assertWebexError(await ann.api.get(`${ME}/location/assignedNumbers`, { start: -1 }), 400);
    });

    it('given a small organization, when a person asks whether it is large, then it is not, as the organization status says', async () => {
      const mine = await ann.api.get(`${ME}/organization/largeOrgStatus`);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body, { isLargeOrg: (await admin.get('/v1/telephony/config/largeOrgStatus')).body.isLargeOrg });
      assert.equal(mine.body.isLargeOrg, false);
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
