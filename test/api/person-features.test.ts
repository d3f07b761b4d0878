import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization, createPerson } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A person's call recording settings as Cisco's document shapes them (recording itself is tested
// with the calls, in calls.test.ts).

const recordingOf = (personId: string) => `/v1/people/${personId}/features/callRecording`;

for (const dialect of dialects) {
  describe(`Person features: call recording settings (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it('answers the recording vendor’s identities the document requires: serviceProvider, externalGroup, externalIdentifier (regression: issue 12)', async () => {
      const person = await createPerson(admin);
      const reply = await admin.get(recordingOf(person.id));
      assert.equal(reply.status, 200, reply.text);
      const { serviceProvider, externalGroup, externalIdentifier } = reply.body;
      assert.match(serviceProvider, /^CP[0-9A-F]{8}$/);
      assert.ok(externalGroup.startsWith(serviceProvider), 'the group belongs to the service provider');
      assert.match(externalIdentifier, /^[0-9a-f]{12}@[0-9a-f]{8}\.bcld\.callplane\.example$/);

      const again = (await admin.get(recordingOf(person.id))).body;
      assert.deepEqual([again.serviceProvider, again.externalGroup, again.externalIdentifier], [serviceProvider, externalGroup, externalIdentifier], 'stable across reads');
      const colleague = (await admin.get(recordingOf((await createPerson(admin)).id))).body;
      assert.equal(colleague.serviceProvider, serviceProvider, 'one service provider per organization');
      assert.notEqual(colleague.externalIdentifier, externalIdentifier, 'one identifier per person');

      const other = await createOrganization(server.anonymous);
      const theirs = (await other.admin.get(recordingOf(other.personId))).body;
      assert.notEqual(theirs.serviceProvider, serviceProvider, 'another organization has its own');
    });

    it('an update changes the settings and leaves the identities as they were', async () => {
      const person = await createPerson(admin);
      const before = (await admin.get(recordingOf(person.id))).body;
      assert.equal((await admin.put(recordingOf(person.id), { enabled: true, record: 'Always' })).status, 204);
      const after = await admin.get(recordingOf(person.id));
      assert.deepEqual([after.body.enabled, after.body.record], [true, 'Always']);
      assert.equal(after.body.externalIdentifier, before.externalIdentifier);
      assertWebexError(await admin.get(recordingOf('not-a-person')), 404);
    });
  });
}
