import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createPerson, defaultLocation } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

for (const dialect of dialects) {
  describe(`Hot desking sign-in via the voice portal (${dialect})`, () => {
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
  });
}
