import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, freeExtension, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// What a person's settings are read against: their numbers, enabled services, and the members
// their monitoring, speed dials and executive assistants may name.

const CONFIG = '/v1/telephony/config/people';

for (const dialect of dialects) {
  describe(`a person's numbers, services and candidates (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it('shows the person’s number and extension', async () => {
      const person = await createCallingUser(admin);
      const extension = (await admin.get(`/v1/people/${person.id}`, { callingData: true })).body.extension;
      const reply = await admin.get(`/v1/people/${person.id}/features/numbers`);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.phoneNumbers.length, 1);
      assert.deepEqual([reply.body.phoneNumbers[0].directNumber, reply.body.phoneNumbers[0].extension, reply.body.phoneNumbers[0].primary], [person.phoneNumber, extension, true]);
      assertWebexError(await admin.get('/v1/people/nobody/features/numbers'), 404);
    });

    it('lists the calling services the person’s settings turn on', async () => {
      const person = await createCallingUser(admin);
      assert.deepEqual((await admin.get(`${CONFIG}/${person.id}/services`)).body, { services: ['Call Waiting'] });
      const dnd = await admin.put(`/v1/people/${person.id}/features/doNotDisturb`, { enabled: true, ringSplashEnabled: false, webexGoOverrideEnabled: false });
      assert.equal(dnd.status, 204, dnd.text);
      assert.equal((await admin.put(`${CONFIG}/${person.id}/anonymousCallReject`, { enabled: true })).status, 204);
      assert.deepEqual((await admin.get(`${CONFIG}/${person.id}/services`)).body, { services: ['Anonymous Call Rejection', 'Call Waiting', 'Do Not Disturb'] });
    });

    it('lists the people and virtual lines a person may monitor, by location, name and number, never the person', async () => {
      const branch = await createCallingLocation(admin);
      const lastName = unique('Watch');
      const person = await createCallingUser(admin);
      const watched = await createCallingUser(admin, { lastName, displayName: `Ann ${lastName}` });
      const line = await admin.post('/v1/telephony/config/virtualLines', { firstName: 'Desk', lastName, locationId: branch.id, extension: freeExtension() });
      assert.equal(line.status, 201, line.text);
      for (const path of ['monitoring/availableMembers', 'monitoring/speedDials/availableMembers']) {
        const all = await admin.get(`${CONFIG}/${person.id}/${path}`, { memberName: lastName });
        assert.equal(all.status, 200, all.text);
        assert.deepEqual(all.body.members.map((m: { id: string; type: string }) => [m.id, m.type]).sort(), [[watched.id, 'PEOPLE'], [line.body.id, 'VIRTUAL_LINE']].sort());
        const there = await admin.get(`${CONFIG}/${person.id}/${path}`, { memberName: lastName, locationId: branch.id });
        assert.deepEqual(there.body.members.map((m: { id: string }) => m.id), [line.body.id]);
      }
      const byNumber = await admin.get(`${CONFIG}/${person.id}/monitoring/availableMembers`, { phoneNumber: watched.phoneNumber });
      assert.deepEqual(byNumber.body.members.map((m: { id: string }) => m.id), [watched.id]);
      const self = await admin.get(`${CONFIG}/${person.id}/monitoring/availableMembers`, { phoneNumber: person.phoneNumber });
      assert.deepEqual(self.body.members, []);
      const page = await admin.get(`${CONFIG}/${person.id}/monitoring/availableMembers`, { memberName: lastName, max: 1 });
      assert.equal(page.body.members.length, 1);
      assert.match(page.headers.get('link') ?? '', /start=1/);
    });

    it('has no preferred answer endpoint to select: none is listed, only clearing is accepted', async () => {
      const person = await createCallingUser(admin);
      const path = `${CONFIG}/${person.id}/preferredAnswerEndpoint`;
      assert.deepEqual((await admin.get(path)).body, { endpoints: [] });
      assert.equal((await admin.put(path, { preferredAnswerEndpointId: null })).status, 204);
      assertWebexError(await admin.put(path, { preferredAnswerEndpointId: person.id }), 400, /not an endpoint/);
      assertWebexError(await admin.get(`${CONFIG}/nobody/preferredAnswerEndpoint`), 404);
    });

    it('lists the people who may be an executive’s assistants', async () => {
      const lastName = unique('Aide');
      const executive = await createCallingUser(admin);
      const aide = await createCallingUser(admin, { lastName, displayName: `Bo ${lastName}` });
      const reply = await admin.get(`${CONFIG}/${executive.id}/executive/availableAssistants`, { name: lastName });
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body.assistants.map((a: { id: string; directNumber: string }) => [a.id, a.directNumber]), [[aide.id, aide.phoneNumber]]);
      assertWebexError(await admin.get(`${CONFIG}/nobody/executive/availableAssistants`), 404);
    });
  });
}
