import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation } from '../support/factories.ts';
import { hotDeskWorkspace, signIn, voicePortalSignIn } from '../support/hotdesk.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// A hot desk guest's calls ring the workspace phone the guest is signed in to: Blair signs in to a
// hot desk (the sandbox's voice portal sign-in), a caller calls Blair, and Blair's phone and the
// hot desk ring together; the hot desk answers. Once the session is deleted (Hot Desk API) or its
// booking is over on the server clock, only Blair rings.

const CALLER = '+14155550123';
const start = Date.parse('2026-01-07T09:00:00Z');

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect, { at: start });
  const hq = await defaultLocation(admin);
  const desk = await hotDeskWorkspace(admin, hq.id);
  await voicePortalSignIn(admin, hq.id, [people.blair.id]);
  return { server, clock, admin, desk, ...people };
}
type World = Awaited<ReturnType<typeof world>>;

/** Who is ringing in the call session: people by personId, workspaces by workspaceId. */
const ringing = async (w: World, callSessionId: string) =>
  (await session(w.admin, callSessionId)).legs
    .filter((l: { state: string }) => l.state === 'alerting')
    .map((l: { party: { personId?: string; workspaceId?: string } }) => l.party.personId ?? l.party.workspaceId)
    .sort();

async function deskCalls(w: World) {
  const reply = await w.admin.get(`/sandbox/v1/workspaces/${w.desk.id}/calls`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items as { id: string; state: string }[];
}

for (const dialect of dialects) {
  describe(`Hot desk sessions in calls (${dialect})`, () => {
    it('given Blair signed in to a hot desk, when a caller calls Blair, then the hot desk rings too and answers; after the session is deleted only Blair rings', () =>
      inWorld(() => world(dialect), async (w) => {
        const signedIn = await signIn(w.blair.api, w.blair.id, w.desk.id);
        const first = await pstnCall(w.admin, CALLER, w.blair.extension);
        assert.deepEqual(await ringing(w, first.callSessionId), [w.blair.id, w.desk.id].sort());
        const [call] = await deskCalls(w);
        assert.equal((await w.admin.post(`/sandbox/v1/workspaces/${w.desk.id}/calls/answer`, { callId: call!.id })).status, 204);
        assert.equal((await deskCalls(w))[0]!.state, 'connected');
        assert.deepEqual(await callsOf(w.blair), []);
        assert.equal((await w.admin.post(`/sandbox/v1/workspaces/${w.desk.id}/calls/hangup`, { callId: call!.id })).status, 204);

        const deleted = await w.admin.delete(`/v1/hotdesk/sessions/${signedIn.body.sessionId}`);
        assert.equal(deleted.status, 204, deleted.text);
        const second = await pstnCall(w.admin, CALLER, w.blair.extension);
        assert.deepEqual(await ringing(w, second.callSessionId), [w.blair.id]);
        await callAction(w.blair, 'answer', { callId: (await onlyCall(w.blair)).id });
        assert.deepEqual(await deskCalls(w), []);
      }));

    it("given Casey's line on Blair's hot desking profile, when a caller calls Casey, then Blair's hot desk rings too; past the booking end it does not", () =>
      inWorld(() => world(dialect), async (w) => {
        const profile = await w.admin.put(`/v1/telephony/config/people/${w.blair.id}/features/hotDesking/members`, {
          members: [
            { id: w.blair.id, port: 1, primaryOwner: true, lineType: 'PRIMARY', lineWeight: 1 },
            { id: w.casey.id, port: 2, primaryOwner: false, lineType: 'SHARED_CALL_APPEARANCE', lineWeight: 1 },
          ],
        });
        assert.equal(profile.status, 204, profile.text);
        await signIn(w.admin, w.blair.id, w.desk.id);
        const first = await pstnCall(w.admin, CALLER, w.casey.extension);
        assert.deepEqual(await ringing(w, first.callSessionId), [w.casey.id, w.desk.id].sort());
        await callAction(w.casey, 'answer', { callId: (await onlyCall(w.casey)).id });
        await callAction(w.casey, 'hangup', { callId: (await onlyCall(w.casey)).id });

        // The booking lasts 8 hours: after it, the session is over and the desk rings no more.
        await w.clock.advance(8 * 3_600_000 + 1000);
        assert.deepEqual((await w.admin.get('/v1/hotdesk/sessions')).body.items, []);
        const second = await pstnCall(w.admin, CALLER, w.blair.extension);
        assert.deepEqual(await ringing(w, second.callSessionId), [w.blair.id]);
      }));
  });
}
