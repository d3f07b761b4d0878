import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeId } from '../../src/domain/webex-ids.ts';
import { CALL_SCOPES } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization, defaultLocation } from '../support/factories.ts';
import { hotDeskWorkspace, signIn, voicePortalSignIn } from '../support/hotdesk.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The Hot Desk API (/v1/hotdesk/sessions) over sessions started by the sandbox's voice portal
// sign-in (/sandbox/v1/hotdesk/sessions). Every answer is checked against Cisco's document by the
// test client.

const SESSIONS = '/v1/hotdesk/sessions';

for (const dialect of dialects) {
  describe(`Hot Desk sessions API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let locationId: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      locationId = (await defaultLocation(admin)).id;
    });
    after(() => server.close());

    it('lists sessions filtered by person and workspace (AND), deletes one (204, then 404), and a new sign-in ends the old ones', async () => {
      const [ann, bob] = [await createCallingUser(admin), await createCallingUser(admin)];
      const [north, south] = [await hotDeskWorkspace(admin, locationId), await hotDeskWorkspace(admin, locationId)];
      await voicePortalSignIn(admin, locationId, [ann.id, bob.id]);
      const a = (await signIn(admin, ann.id, north.id)).body;
      const b = (await signIn(admin, bob.id, south.id)).body;
      assert.equal(Date.parse(a.bookingEndTime) - Date.parse(a.bookingStartTime), 8 * 3_600_000);
      assert.match(Buffer.from(a.sessionId, 'base64url').toString(), /\/HOTDESK_SESSION\//);

      const all = (await admin.get(SESSIONS)).body.items.map((s: { sessionId: string }) => s.sessionId);
      assert.ok(all.includes(a.sessionId) && all.includes(b.sessionId));
      assert.deepEqual((await admin.get(SESSIONS, { personId: ann.id })).body, { items: [a] });
      assert.deepEqual((await admin.get(SESSIONS, { workspaceId: south.id })).body, { items: [b] });
      assert.deepEqual((await admin.get(SESSIONS, { personId: ann.id, workspaceId: north.id })).body, { items: [a] });
      assert.deepEqual((await admin.get(SESSIONS, { personId: ann.id, workspaceId: south.id })).body, { items: [] });
      assert.deepEqual((await admin.get(SESSIONS, { personId: 'nobody' })).body, { items: [] });

      // Ann signs in at the south desk: her north session and Bob's south one end.
      const moved = (await signIn(admin, ann.id, south.id)).body;
      assert.deepEqual((await admin.get(SESSIONS, { personId: bob.id })).body, { items: [] });
      assert.deepEqual((await admin.get(SESSIONS, { workspaceId: north.id })).body, { items: [] });
      assertWebexError(await admin.delete(`${SESSIONS}/${a.sessionId}`), 404);

      assert.equal((await admin.delete(`${SESSIONS}/${moved.sessionId}`)).status, 204);
      assertWebexError(await admin.delete(`${SESSIONS}/${moved.sessionId}`), 404);
      assert.deepEqual((await admin.get(SESSIONS, { personId: ann.id })).body, { items: [] });
    });

    it("answers 404 for another organization's session and lists none of it", async () => {
      const ann = await createCallingUser(admin);
      const desk = await hotDeskWorkspace(admin, locationId);
      await voicePortalSignIn(admin, locationId, [ann.id]);
      const session = (await signIn(admin, ann.id, desk.id)).body;
      const other = await createOrganization(server.anonymous);
      assert.deepEqual((await other.admin.get(SESSIONS)).body, { items: [] });
      assertWebexError(await other.admin.delete(`${SESSIONS}/${session.sessionId}`), 404);
      assertWebexError(await other.admin.post('/sandbox/v1/hotdesk/sessions', { personId: ann.id, workspaceId: desk.id }), 404);
      assert.equal((await admin.get(SESSIONS, { personId: ann.id })).body.items.length, 1);
    });

    it('refuses a sign-in while the voice portal sign-in is off, at a desk without hot desking, and for someone else with a user token', async () => {
      const ann = await createCallingUser(admin);
      const bob = await createCallingUser(admin);
      const desk = await hotDeskWorkspace(admin, locationId);
      await voicePortalSignIn(admin, locationId, [ann.id, bob.id], false);
      assertWebexError(await signIn(admin, ann.id, desk.id, 400), 400, /voicePortalHotDeskSignInEnabled.*false|disabled for this location/);
      await voicePortalSignIn(admin, locationId, [bob.id]);
      assertWebexError(await signIn(admin, ann.id, desk.id, 400), 400, /disabled for this person/);
      await voicePortalSignIn(admin, locationId, [ann.id]);

      const plain = (await admin.put(`/v1/workspaces/${desk.id}`, { displayName: desk.name, hotdeskingStatus: 'off' })).status;
      assert.equal(plain, 200);
      assertWebexError(await signIn(admin, ann.id, desk.id, 400), 400, /Hot desking is not enabled/);
      assert.equal((await admin.put(`/v1/workspaces/${desk.id}`, { displayName: desk.name, hotdeskingStatus: 'on' })).status, 200);

      // Ann with her own user token signs herself in, not Bob.
      const annApi = await clientWithScopes(admin, ann.id, CALL_SCOPES);
      await signIn(annApi, ann.id, desk.id);
      assertWebexError(await signIn(annApi, bob.id, desk.id, 403), 403);
      assertWebexError(await annApi.get(SESSIONS), 403);
    });

    it('validates IDs and bodies', async () => {
      const desk = await hotDeskWorkspace(admin, locationId);
      assertWebexError(await admin.delete(`${SESSIONS}/nope`), 404);
      assertWebexError(await admin.delete(`${SESSIONS}/${encodeId('PEOPLE', '00000000-0000-4000-8000-000000000000')}`), 404);
      assertWebexError(await signIn(admin, encodeId('PEOPLE', '00000000-0000-4000-8000-000000000000'), desk.id, 404), 404);
      assertWebexError(await admin.post('/sandbox/v1/hotdesk/sessions', { workspaceId: desk.id }), 400);
      assertWebexError(await admin.post('/sandbox/v1/hotdesk/sessions', { personId: 'x', workspaceId: desk.id, extra: 1 }), 400);
    });
  });
}
