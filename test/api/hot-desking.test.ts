import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createPerson, defaultLocation } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

for (const dialect of dialects) {
  describe(`Hot desking: voice portal sign-in and guest profile members (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it("a location's and a person's switch: off until set, kept when a PUT leaves it out", async () => {
      const hq = await defaultLocation(admin);
      const person = await createCallingUser(admin);
      for (const path of [`/v1/telephony/config/locations/${hq.id}/features/hotDesking`, `/v1/telephony/config/people/${person.id}/features/hotDesking/guest`]) {
        assert.deepEqual((await admin.get(path)).body, { voicePortalHotDeskSignInEnabled: false });
        assert.equal((await admin.put(path, { voicePortalHotDeskSignInEnabled: true })).status, 204);
        assert.equal((await admin.put(path, {})).status, 204);
        assert.deepEqual((await admin.get(path)).body, { voicePortalHotDeskSignInEnabled: true });
        assertWebexError(await admin.put(path, { voicePortalHotDeskSignInEnabled: 'yes' }), 400);
      }
    });

    it('a person without calling, or an unknown location, is a 404', async () => {
      const plain = await createPerson(admin);
      assertWebexError(await admin.get(`/v1/telephony/config/people/${plain.id}/features/hotDesking/guest`), 404);
      assertWebexError(await admin.get('/v1/telephony/config/locations/nope/features/hotDesking'), 404);
    });

    it("holds the person's own line until set, then the lines given; available members leave out those on it", async () => {
      const ann = await createCallingUser(admin);
      const bob = await createCallingUser(admin);
      const path = `/v1/telephony/config/people/${ann.id}/features/hotDesking/members`;
      const initial = await admin.get(path);
      assert.equal(initial.status, 200, initial.text);
      assert.deepEqual(initial.body.members.map((m: any) => [m.id, m.port, m.primaryOwner, m.lineType, m.memberType]), [[ann.id, 1, true, 'PRIMARY', 'PEOPLE']]);
      assert.equal(initial.body.maxLineCount, 10);
      const available = `/v1/telephony/config/people/${ann.id}/features/hotDesking/availableMembers`;
      const before = (await admin.get(available, { max: 1000 })).body.members.map((m: { id: string }) => m.id);
      assert.ok(before.includes(bob.id) && !before.includes(ann.id));

      const members = [
        { id: ann.id, port: 1, primaryOwner: true, lineType: 'PRIMARY', lineWeight: 1 },
        { id: bob.id, port: 2, primaryOwner: false, lineType: 'SHARED_CALL_APPEARANCE', lineWeight: 1, hotlineEnabled: false },
      ];
      assert.equal((await admin.put(path, { members })).status, 204);
      assert.deepEqual((await admin.get(path)).body.members.map((m: any) => [m.id, m.port, m.lineType]), [[ann.id, 1, 'PRIMARY'], [bob.id, 2, 'SHARED_CALL_APPEARANCE']]);
      assert.ok(!(await admin.get(available, { max: 1000 })).body.members.some((m: { id: string }) => m.id === bob.id));

      assertWebexError(await admin.put(path, { members: [members[1]] }), 400, /port 1/);
      assertWebexError(await admin.put(path, { members: [members[0], { ...members[1], port: 11 }] }), 400);
      assertWebexError(await admin.put(path, { members: [members[0], { ...members[1], lineType: 'MOBILITY' }] }), 400);
      const plain = await createPerson(admin);
      assertWebexError(await admin.get(`/v1/telephony/config/people/${plain.id}/features/hotDesking/members`), 404);
    });
  });
}
