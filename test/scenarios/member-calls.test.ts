import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { encodeId } from '../../src/domain/webex-ids.ts';
import { callsOf, demoCallers, pstnCall, type Caller, type CallView } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The Call Controls of a member (/telephony/calls/members/{memberId}/…: an administrator acting on
// a person's, workspace's or virtual line's calls) and of the token's own person
// (/telephony/calls/members/me/…): the same calls as /telephony/calls and the simulated phones see.

const MEMBERS = '/v1/telephony/calls/members';
const CALLER = '+14155550123';

for (const dialect of dialects) {
  describe(`Call Controls by member (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let alex: Caller;
    let blair: Caller;

    const memberCalls = async (memberId: string): Promise<CallView[]> => {
      const reply = await admin.get(`${MEMBERS}/${memberId}/calls`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items;
    };
    const myCalls = async (caller: Caller): Promise<CallView[]> => {
      const reply = await caller.api.get(`${MEMBERS}/me/calls`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items;
    };
    const hangUpAll = async () => {
      for (const caller of [alex, blair]) {
        for (const call of await callsOf(caller)) await caller.api.post('/v1/telephony/calls/hangup', { callId: call.id });
      }
    };

    before(async () => {
      server = await startServer(dialect, { clock: new SandboxClock('manual') });
      admin = server.admin;
      ({ alex, blair } = await demoCallers(admin));
    });
    after(() => server.close());

    it("given an administrator, when they dial for Alex by memberId and answer Alex's phone, then Blair rings and answers with members/me", async () => {
      const dialled = await admin.post(`${MEMBERS}/${alex.id}/dial`, { destination: blair.extension });
      assert.equal(dialled.status, 201, dialled.text);
      const [own] = await memberCalls(alex.id);
      assert.equal(own!.id, dialled.body.callId);
      assert.equal(own!.personality, 'clickToDial');
      assert.equal(own!.state, 'alerting');

      const answered = await admin.post(`${MEMBERS}/${alex.id}/answer`, { callId: dialled.body.callId });
      assert.equal(answered.status, 204, answered.text);
      const [incoming] = await myCalls(blair);
      assert.equal(incoming!.state, 'alerting');
      assert.equal(incoming!.remoteParty.personId, alex.id);

      const blairAnswers = await blair.api.post(`${MEMBERS}/me/answer`, { callId: incoming!.id });
      assert.equal(blairAnswers.status, 204, blairAnswers.text);
      const details = await blair.api.get(`${MEMBERS}/me/calls/${incoming!.id}`);
      assert.equal(details.status, 200, details.text);
      assert.equal(details.body.state, 'connected');
      const byAdmin = await admin.get(`${MEMBERS}/${alex.id}/calls/${dialled.body.callId}`);
      assert.equal(byAdmin.status, 200, byAdmin.text);
      assert.equal(byAdmin.body.state, 'connected');

      const hungUp = await admin.post(`${MEMBERS}/${alex.id}/hangup`, { callId: dialled.body.callId });
      assert.equal(hungUp.status, 204, hungUp.text);
      assert.deepEqual(await myCalls(blair), []);
      assert.deepEqual(await memberCalls(alex.id), []);
    });

    it('given a user, when they dial with members/me, then their own call alerts and members/me/hangup ends it', async () => {
      const dialled = await alex.api.post(`${MEMBERS}/me/dial`, { destination: blair.extension });
      assert.equal(dialled.status, 201, dialled.text);
      assert.deepEqual(
        (await callsOf(alex)).map((c) => c.id),
        [dialled.body.callId],
      );
      const hungUp = await alex.api.post(`${MEMBERS}/me/hangup`, { callId: dialled.body.callId });
      assert.equal(hungUp.status, 204, hungUp.text);
      assert.deepEqual(await myCalls(alex), []);
    });

    it('given a workspace with a line, when a PSTN caller rings it, then the administrator lists and answers its call by memberId', async () => {
      const hq = await defaultLocation(admin);
      const [number] = await freeNumbers(admin, hq.id);
      const created = await admin.post('/v1/workspaces', {
        displayName: unique('Lobby '),
        locationId: hq.id,
        supportedDevices: 'phones',
        calling: { type: 'webexCalling', webexCalling: { phoneNumber: number, extension: freeExtension() } },
      });
      assert.equal(created.status, 201, created.text);
      const lobby = created.body.id as string;
      await pstnCall(admin, CALLER, number!);
      const [ringing] = await memberCalls(lobby);
      assert.equal(ringing!.state, 'alerting');
      assert.equal(ringing!.remoteParty.number, CALLER);
      assert.equal((await admin.post(`${MEMBERS}/${lobby}/answer`, { callId: ringing!.id })).status, 204);
      assert.equal((await admin.get(`${MEMBERS}/${lobby}/calls/${ringing!.id}`)).body.state, 'connected');
      assert.equal((await admin.post(`${MEMBERS}/${lobby}/hangup`, { callId: ringing!.id })).status, 204);
      assert.deepEqual(await memberCalls(lobby), []);
    });

    it("given someone else's call, when a member's path names it, then it is a 404 and nothing changes", async () => {
      try {
        const dialled = await admin.post(`${MEMBERS}/${alex.id}/dial`, { destination: blair.extension });
        assertWebexError(await admin.post(`${MEMBERS}/${blair.id}/hangup`, { callId: dialled.body.callId }), 404);
        assertWebexError(await blair.api.get(`${MEMBERS}/me/calls/${dialled.body.callId}`), 404);
        assert.equal((await memberCalls(alex.id)).length, 1);
      } finally {
        await hangUpAll();
      }
    });

    it('given bad member IDs, scopes or organizations, then Webex errors answer', async () => {
      assertWebexError(await admin.get(`${MEMBERS}/${encodeId('LOCATION', '00000000-0000-4000-8000-000000000000')}/calls`), 404);
      assertWebexError(await admin.get(`${MEMBERS}/${encodeId('PEOPLE', '00000000-0000-4000-8000-000000000000')}/calls`), 404);
      // A user's calling token reaches only their own calls.
      assertWebexError(await alex.api.get(`${MEMBERS}/${alex.id}/calls`), 403);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(`${MEMBERS}/${alex.id}/calls`), 404);
      assertWebexError(await admin.get(`${MEMBERS}/${alex.id}/calls`, { orgId: other.orgId }), 403);
      assertWebexError(await alex.api.get(`${MEMBERS}/me/calls`, { lineOwnerId: blair.id }), 400);
      assertWebexError(await alex.api.post(`${MEMBERS}/me/dial`, {}), 400);
    });
  });
}
