import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createOrganization } from '../support/factories.ts';
import { memberLine } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

// User Call Settings: shared line appearances on a person's Webex App, by the app's ID (the
// desktopClientId of the person's application services) and on the "New" paths by the person.

const CONFIG = '/v1/telephony/config';
const line = memberLine;

for (const dialect of dialects) {
  describe(`User Call Settings: shared lines on a Webex App (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    const appOf = async (personId: string) => {
      const apps = await admin.get(`/v1/people/${personId}/features/applications`);
      assert.equal(apps.status, 200, apps.text);
      return apps.body.desktopClientId as string;
    };

    it("a person's app carries their own line on port 1 until shared lines are added; both paths show the same lines", async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin);
      const appId = await appOf(owner.id);
      assert.equal(typeof appId, 'string');
      assert.equal(appId, await appOf(owner.id), 'the ID is stable');
      const byId = `${CONFIG}/people/${owner.id}/applications/${appId}/members`;
      let got = await admin.get(byId);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.maxLineCount, 10);
      assert.deepEqual(
        got.body.members.map((m: any) => [m.id, m.port, m.primaryOwner, m.lineType, m.memberType]),
        [[owner.id, 1, true, 'PRIMARY', 'PEOPLE']],
      );

      const put = await admin.put(byId, { members: [line(owner.id, 1), line(other.id, 2, { lineLabel: 'Front desk' })] });
      assert.equal(put.status, 204, put.text);
      got = await admin.get(`${CONFIG}/people/${owner.id}/applications/members`);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual(
        got.body.members.map((m: any) => [m.id, m.port, m.lineType, m.lineLabel, m.phoneNumber, m.extension]),
        [
          [owner.id, 1, 'PRIMARY', undefined, owner.phoneNumber, (owner as { extension?: string }).extension],
          [other.id, 2, 'SHARED_CALL_APPEARANCE', 'Front desk', other.phoneNumber, (other as { extension?: string }).extension],
        ],
      );

      // The New PUT leaves the hotline and call decline fields out: Webex's defaults apply.
      const putNew = await admin.put(`${CONFIG}/people/${owner.id}/applications/members`, {
        members: [
          { id: owner.id, port: 1, primaryOwner: true, lineType: 'PRIMARY', lineWeight: 1 },
          { id: other.id, port: 3, primaryOwner: false, lineType: 'SHARED_CALL_APPEARANCE', lineWeight: 2 },
        ],
      });
      assert.equal(putNew.status, 204, putNew.text);
      got = await admin.get(byId);
      assert.deepEqual(
        got.body.members.map((m: any) => [m.port, m.lineWeight, m.hotlineEnabled, m.allowCallDeclineEnabled]),
        [
          [1, 1, false, true],
          [3, 2, false, true],
        ],
      );
    });

    it('available members leave out the owner and the lines on the app; the count agrees and filters', async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin, { firstName: 'Quillon', lastName: 'Shared' });
      const appId = await appOf(owner.id);
      const available = async (path: string, query: Record<string, string> = {}) => {
        const reply = await admin.get(path, query);
        assert.equal(reply.status, 200, reply.text);
        return reply.body;
      };
      const ids = (body: any) => body.members.map((m: any) => m.id);
      let list = await available(`${CONFIG}/people/${owner.id}/applications/availableMembers`, { max: '1000' });
      assert.ok(!ids(list).includes(owner.id));
      assert.ok(ids(list).includes(other.id));
      const count = await available(`${CONFIG}/people/${owner.id}/applications/availableMembers/count`);
      assert.equal(count.totalCount, list.members.length);
      const byName = await available(`${CONFIG}/people/${owner.id}/applications/${appId}/availableMembers`, { name: 'Quillon' });
      assert.deepEqual(ids(byName), [other.id]);
      assert.equal(byName.members[0].lineType, 'SHARED_CALL_APPEARANCE');
      const byNumber = await available(`${CONFIG}/people/${owner.id}/applications/availableMembers`, { phoneNumber: other.phoneNumber });
      assert.deepEqual(ids(byNumber), [other.id]);
      assert.equal((await available(`${CONFIG}/people/${owner.id}/applications/availableMembers/count`, { memberName: 'Quillon' })).totalCount, 1);

      await admin.put(`${CONFIG}/people/${owner.id}/applications/members`, { members: [line(owner.id, 1), line(other.id, 2)] });
      list = await available(`${CONFIG}/people/${owner.id}/applications/availableMembers`, { max: '1000' });
      assert.ok(!ids(list).includes(other.id));
    });

    it('rejects what Webex rejects: another app ID, the owner off port 1, too many lines, a stranger', async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin);
      const appId = await appOf(owner.id);
      assertWebexError(await admin.get(`${CONFIG}/people/${owner.id}/applications/${await appOf(other.id)}/members`), 404);
      const put = (members: unknown[]) => admin.put(`${CONFIG}/people/${owner.id}/applications/${appId}/members`, { members });
      assertWebexError(await put([line(other.id, 1, { primaryOwner: false }), line(owner.id, 2, { primaryOwner: true })]), 400);
      assertWebexError(await put([line(owner.id, 1), line(other.id, 10, { lineWeight: 2 })]), 400, /10 lines/);
      assertWebexError(await put([line(owner.id, 1), line(other.id, 2), line(other.id, 3)]), 400);
      const stranger = await createOrganization(server.anonymous);
      assertWebexError(await put([line(owner.id, 1), line(stranger.personId, 2)]), 400);
      assertWebexError(await admin.get(`${CONFIG}/people/${stranger.personId}/applications/members`), 404);
    });

    it("another organization's administrator sees none of it", async () => {
      const owner = await createCallingUser(admin);
      const appId = await appOf(owner.id);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(`${CONFIG}/people/${owner.id}/applications/${appId}/members`), 404);
      assertWebexError(await other.admin.put(`${CONFIG}/people/${owner.id}/applications/members`, { members: [line(owner.id, 1)] }), 404);
      assertWebexError(await other.admin.get(`${CONFIG}/people/${owner.id}/applications/availableMembers/count`), 404);
    });
  });
}
