import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LEG_ACTIONS, TRANSITIONS, type LegAction } from '../../src/engine/transitions.ts';
import type { LegState } from '../../src/engine/types.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { CALL_SCOPES, callAction, callsOf, demoCallers, history, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization, createPerson } from '../support/factories.ts';
import { decodeId } from '../../src/domain/webex-ids.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CALLER = '+14155550123';
const CALLS = '/v1/telephony/calls';

/** The body each action needs, so that only the call's state can refuse it. */
function bodyFor(action: LegAction, callId: string, colleague: string): Record<string, unknown> {
  switch (action) {
    case 'reject':
      return { callId, action: 'busy' };
    case 'divert':
      return { callId, destination: colleague };
    case 'transfer':
      return { callId1: callId, destination: colleague };
    case 'transmitDtmf':
      return { callId, dtmf: '1' };
    default:
      return { callId };
  }
}

for (const dialect of dialects) {
  describe(`Call Controls API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let alex: Caller;
    let blair: Caller;
    let casey: Caller;

    /** Ends every call of the demo people, so each test starts without calls. */
    const hangUpAll = async () => {
      for (const caller of [alex, blair, casey]) {
        for (const call of await callsOf(caller)) await caller.api.post(`${CALLS}/hangup`, { callId: call.id });
      }
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      ({ alex, blair, casey } = await demoCallers(admin));
    });
    after(() => server.close());

    describe('every action refused in every state changes nothing', () => {
      const setups: Record<Exclude<LegState, 'disconnected'>, { personality: string; setup: () => Promise<string> }> = {
        alerting: {
          personality: 'terminator',
          setup: async () => {
            await pstnCall(admin, CALLER, alex.extension);
            return (await onlyCall(alex)).id;
          },
        },
        connecting: {
          personality: 'originator',
          setup: async () => {
            const { callId } = await callAction(alex, 'dial', { destination: blair.extension }, 201);
            await callAction(alex, 'answer', { callId });
            return callId;
          },
        },
        connected: {
          personality: 'terminator',
          setup: async () => {
            await pstnCall(admin, CALLER, alex.extension);
            const { id } = await onlyCall(alex);
            await callAction(alex, 'answer', { callId: id });
            return id;
          },
        },
        held: {
          personality: 'terminator',
          setup: async () => {
            const id = await setups.connected.setup();
            await callAction(alex, 'hold', { callId: id });
            return id;
          },
        },
        remoteHeld: {
          personality: 'originator',
          setup: async () => {
            const { callId } = await callAction(alex, 'dial', { destination: blair.extension }, 201);
            await callAction(alex, 'answer', { callId });
            const theirs = await onlyCall(blair);
            await callAction(blair, 'answer', { callId: theirs.id });
            await callAction(blair, 'hold', { callId: theirs.id });
            return callId;
          },
        },
      };
      for (const [state, { personality, setup }] of Object.entries(setups) as [Exclude<LegState, 'disconnected'>, (typeof setups)['alerting']][]) {
        const refused = LEG_ACTIONS.filter((action) => !TRANSITIONS[state].includes(action) || (personality === 'originator' && (action === 'answer' || action === 'reject')));
        it(`given a call ${state} (${personality}), each of ${refused.join(', ')} answers 409 and changes nothing`, async () => {
          await hangUpAll();
          const callId = await setup();
          const before = await onlyCall(alex);
          assert.equal(before.state, state);
          for (const action of refused) {
            const reply = await alex.api.post(`${CALLS}/${action}`, bodyFor(action, callId, casey.extension));
            assertWebexError(reply, 409, new RegExp(`Cannot ${action}`));
            assert.deepEqual(await onlyCall(alex), before, `${action} changed the call`);
          }
          await hangUpAll();
        });
      }
    });

    describe('bad input', () => {
      it('dial needs a destination that resolves, and not the caller', async () => {
        await hangUpAll();
        assertWebexError(await alex.api.post(`${CALLS}/dial`, {}), 400, /destination/);
        assertWebexError(await alex.api.post(`${CALLS}/dial`, { destination: '' }), 400);
        assertWebexError(await alex.api.post(`${CALLS}/dial`, { destination: '9999' }), 400, /9999/);
        assertWebexError(await alex.api.post(`${CALLS}/dial`, { destination: 'nobody@example.com' }), 400);
        assertWebexError(await alex.api.post(`${CALLS}/dial`, { destination: alex.extension }), 400, /own line/);
        assertWebexError(await alex.api.post(`${CALLS}/dial`, { destination: 42 }), 400);
        assert.deepEqual(await callsOf(alex), []);
      });

      it('dial takes the destination forms Webex documents', async () => {
        for (const destination of [blair.extension, blair.number!, blair.number!.slice(2), `tel:${blair.number}`, 'blair.chen@callplane-demo.example', 'sip:blair.chen@callplane-demo.example', '*73', '+12025550150']) {
          const { callId } = await callAction(alex, 'dial', { destination }, 201);
          const call = await alex.api.get(`${CALLS}/${callId}`);
          assert.equal(call.status, 200, destination);
          const expected = destination === '*73' ? 'other' : destination.startsWith('+1202') ? 'external' : 'location';
          assert.equal(call.body.remoteParty.callType, expected, destination);
          await callAction(alex, 'hangup', { callId });
        }
      });

      it('unknown, malformed and other people’s call IDs are 404', async () => {
        await hangUpAll();
        await pstnCall(admin, CALLER, blair.extension);
        const theirs = await onlyCall(blair);
        assertWebexError(await alex.api.post(`${CALLS}/answer`, { callId: theirs.id }), 404, /act only on the calls of the person the token belongs to/);
        assertWebexError(await alex.api.get(`${CALLS}/${theirs.id}`), 404, /token belongs to/);
        assertWebexError(await alex.api.post(`${CALLS}/hangup`, { callId: 'not-a-call' }), 404);
        assertWebexError(await alex.api.post(`${CALLS}/hangup`, {}), 400, /callId/);
        assertWebexError(await alex.api.post(`${CALLS}/reject`, { callId: theirs.id, action: 'later' }), 400, /action/);
        assertWebexError(await blair.api.post(`${CALLS}/transmitDtmf`, { callId: theirs.id, dtmf: 'hello' }), 400, /dtmf/);
        assertWebexError(await blair.api.post(`${CALLS}/divert`, { callId: theirs.id }), 400, /toVoicemail/);
        assertWebexError(await blair.api.post(`${CALLS}/transfer`, {}), 400, /callId1/);
        assertWebexError(await blair.api.post(`${CALLS}/park`, { callId: theirs.id, destination: '+12025550150' }), 400);
        assertWebexError(await blair.api.post(`${CALLS}/retrieve`, {}), 404, /parked/);
        assertWebexError(await blair.api.get(`${CALLS}/history`, { type: 'everything' }), 400, /type/);
        assertWebexError(await blair.api.post(`${CALLS}/answer`, { callId: theirs.id, lineOwnerId: alex.id }), 400, /lineOwnerId/);
        await callAction(blair, 'answer', { callId: theirs.id, lineOwnerId: blair.id });
        await callAction(blair, 'transmitDtmf', { callId: theirs.id, dtmf: '1,23#' });
        await callAction(blair, 'mute', { callId: theirs.id });
        assert.equal((await onlyCall(blair)).muted, true);
        assertWebexError(await blair.api.post(`${CALLS}/mute`, { callId: theirs.id }), 409, /already muted/);
        await callAction(blair, 'unmute', { callId: theirs.id });
        await hangUpAll();
      });
    });

    describe('operations whose body fields are all optional', () => {
      const noBody = (caller: Caller, action: string) => caller.api.request('POST', `${CALLS}/${action}`, {});
      const emptyJson = (caller: Caller, action: string) =>
        caller.api.request('POST', `${CALLS}/${action}`, { rawBody: '', headers: { 'content-type': 'application/json' } });

      it('take no body, or an empty JSON body, and act on the person’s only call', async () => {
        await hangUpAll();
        await pstnCall(admin, CALLER, casey.extension);
        await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
        for (const send of [noBody, emptyJson]) {
          for (const action of ['startRecording', 'pauseRecording', 'resumeRecording', 'stopRecording', 'transmitDtmf']) {
            const reply = await send(casey, action);
            assert.equal(reply.status, 204, `${action}: ${reply.text}`);
          }
          // Nothing parked, and one call only: the refusals of the operations, not of the body.
          assertWebexError(await send(casey, 'retrieve'), 404, /parked/);
          assertWebexError(await send(casey, 'transfer'), 400, /callId1 and callId2/);
        }
        assert.equal((await onlyCall(casey)).recordingState, 'stopped');
        // An operation with a required field still needs its body.
        assertWebexError(await noBody(casey, 'hangup'), 400, /body/);
        await hangUpAll();
      });
    });

    describe('isolation and scopes', () => {
      it('another organization’s people cannot see or act on our calls', async () => {
        await hangUpAll();
        await pstnCall(admin, CALLER, alex.extension);
        const call = await onlyCall(alex);
        const other = await createOrganization(server.anonymous);
        const stranger = await clientWithScopes(other.admin, other.personId, CALL_SCOPES);
        assertWebexError(await stranger.get(`${CALLS}/${call.id}`), 404);
        assertWebexError(await stranger.post(`${CALLS}/hangup`, { callId: call.id }), 404);
        assertWebexError(await other.admin.get(`/sandbox/v1/calls/${call.callSessionId}`), 404);
        assertWebexError(await other.admin.post('/sandbox/v1/calls', { from: CALLER, to: alex.extension }), 400, /not/);
        assert.equal((await onlyCall(alex)).state, 'alerting');
        await hangUpAll();
      });

      it('reading needs spark:calls_read, acting spark:calls_write; people without calling are 403', async () => {
        const readOnly = await clientWithScopes(admin, alex.id, ['spark:calls_read']);
        assert.equal((await readOnly.get(CALLS)).status, 200);
        assertWebexError(await readOnly.post(`${CALLS}/dial`, { destination: blair.extension }), 403);
        const writeOnly = await clientWithScopes(admin, alex.id, ['spark:calls_write']);
        assertWebexError(await writeOnly.get(CALLS), 403);
        assertWebexError(await writeOnly.get(`${CALLS}/history`), 403);
        assertWebexError(await server.anonymous.get(CALLS), 401);
        const plain = await createPerson(admin);
        const noCalling = await clientWithScopes(admin, plain.id, CALL_SCOPES);
        assertWebexError(await noCalling.get(CALLS), 403, /Webex Calling/);
      });
    });

    describe('call recording settings', () => {
      it('reads and changes a person’s settings; recording follows them', async () => {
        const settings = await admin.get(`/v1/people/${casey.id}/features/callRecording`);
        assert.equal(settings.status, 200, settings.text);
        assert.equal(settings.body.record, 'On Demand with User Initiated Start');
        assert.equal(settings.body.enabled, true);
        const plain = await createPerson(admin);
        assert.deepEqual(
          [(await admin.get(`/v1/people/${plain.id}/features/callRecording`)).body.enabled, (await admin.get(`/v1/people/${plain.id}/features/callRecording`)).body.record],
          [false, 'Never'],
        );
        assert.equal((await admin.put(`/v1/people/${casey.id}/features/callRecording`, { enabled: false })).status, 204);
        await hangUpAll();
        await pstnCall(admin, CALLER, casey.extension);
        const call = await onlyCall(casey);
        await callAction(casey, 'answer', { callId: call.id });
        assertWebexError(await casey.api.post(`${CALLS}/startRecording`, { callId: call.id }), 409, /Never/);
        assert.equal((await admin.put(`/v1/people/${casey.id}/features/callRecording`, { enabled: true, record: 'Always' })).status, 204);
        assertWebexError(await admin.put(`/v1/people/${casey.id}/features/callRecording`, { record: 'Sometimes' }), 400);
        assertWebexError(await admin.put(`/v1/people/${casey.id}/features/callRecording`, { repeat: { interval: 5 } }), 400, /interval/);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await other.admin.get(`/v1/people/${casey.id}/features/callRecording`), 404);
        assertWebexError(await casey.api.get(`/v1/people/${casey.id}/features/callRecording`), 403);
        await hangUpAll();
      });

      it('a person recording "Always" is recorded from the answer', async () => {
        await pstnCall(admin, CALLER, casey.extension);
        const call = await onlyCall(casey);
        await callAction(casey, 'answer', { callId: call.id });
        assert.equal((await onlyCall(casey)).recordingState, 'started');
        assert.equal((await admin.put(`/v1/people/${casey.id}/features/callRecording`, { record: 'On Demand with User Initiated Start' })).status, 204);
        await hangUpAll();
      });
    });

    describe('deleting a person during a call', () => {
      it('ends their connected and ringing calls as a hang-up would; the others keep history naming them', async () => {
        await hangUpAll();
        const created = await createCallingUser(admin);
        const gone: Caller = { id: created.id, name: created.displayName, extension: String((created as Record<string, unknown>).extension), api: await clientWithScopes(admin, created.id, CALL_SCOPES) };
        const { callId } = await callAction(alex, 'dial', { destination: gone.extension }, 201);
        await callAction(alex, 'answer', { callId });
        await callAction(gone, 'answer', { callId: (await onlyCall(gone)).id });
        const ringing = await pstnCall(admin, CALLER, gone.extension);
        assert.deepEqual((await callsOf(gone)).map((c) => c.state).sort(), ['alerting', 'connected']);
        const goneCallIds = (await callsOf(gone)).map((c) => c.id);

        assert.equal((await admin.delete(`/v1/people/${gone.id}`)).status, 204);

        assert.deepEqual(await callsOf(alex), [], 'the call with the deleted person ended');
        assert.deepEqual((await session(admin, ringing.callSessionId)).legs, [], 'their ringing call ended too');
        const placed = (await history(alex, 'placed')).filter((h) => h.name === gone.name);
        assert.deepEqual(
          placed.map((h) => h.number),
          [gone.extension],
          'history keeps their name and number as they were',
        );
        // The hang-ups were published: a disconnected event for each of the person's calls.
        const personId = decodeId(gone.id, 'PEOPLE')!;
        const events = await server.app.store.calls.events(server.demo.orgId, null, 10_000);
        const disconnected = events.filter((e) => e.personId === personId && e.eventType === 'disconnected').map((e) => e.callId);
        assert.deepEqual(disconnected.sort(), [...goneCallIds].sort());
      });
    });

    describe('the simulator', () => {
      it('places PSTN calls, acts as phones and PSTN parties, and lists the organization’s calls', async () => {
        await hangUpAll();
        const placed = await pstnCall(admin, CALLER, blair.number!.slice(2));
        assert.deepEqual(placed.legs.map((l) => [l.party.kind, l.state]), [
          ['pstn', 'connecting'],
          ['person', 'alerting'],
        ]);
        const phoneCall = placed.legs[1]!.callId;
        const answered = await admin.post(`/sandbox/v1/people/${blair.id}/calls/answer`, { callId: phoneCall });
        assert.equal(answered.status, 204, answered.text);
        assert.equal((await onlyCall(blair)).state, 'connected');
        const listed = (await admin.get('/sandbox/v1/calls')).body.items;
        assert.ok(listed.some((s: { callSessionId: string }) => s.callSessionId === placed.callSessionId));
        assert.equal((await admin.post(`/sandbox/v1/calls/${placed.callSessionId}/pstn/hangup`)).status, 204);
        assert.deepEqual(await callsOf(blair), []);

        const outgoing = await admin.post('/sandbox/v1/calls', { from: alex.id, to: '+12025550150' });
        assert.equal(outgoing.status, 201, outgoing.text);
        assert.deepEqual((await onlyCall(alex)).personality, 'originator');
        await clock.advance(2000);
        assert.equal((await onlyCall(alex)).state, 'connected', 'the external party answers after the configured delay');
        await hangUpAll();
      });

      it('a phone set to auto-answer answers by itself; a busy phone refuses', async () => {
        const set = await admin.put(`/sandbox/v1/people/${casey.id}/phone`, { autoAnswer: true, autoAnswerDelayMs: 1500 });
        assert.equal(set.status, 200, set.text);
        assert.deepEqual(set.body, { autoAnswer: true, autoAnswerDelayMs: 1500, busy: false, offline: false });
        await pstnCall(admin, CALLER, casey.extension);
        await clock.advance(1500);
        assert.equal((await onlyCall(casey)).state, 'connected');
        await hangUpAll();
        await admin.put(`/sandbox/v1/people/${casey.id}/phone`, { autoAnswer: false, busy: true });
        const busy = await pstnCall(admin, CALLER, casey.extension);
        await clock.advance(0);
        assert.deepEqual((await session(admin, busy.callSessionId)).legs, []);
        await admin.put(`/sandbox/v1/people/${casey.id}/phone`, { busy: false });
      });

      it('a click-to-dial to a phone on auto-answer is answered by it; to a busy phone, refused', async () => {
        await hangUpAll();
        await admin.put(`/sandbox/v1/people/${casey.id}/phone`, { autoAnswer: true, autoAnswerDelayMs: 1500 });
        assert.equal((await admin.put(`/v1/people/${casey.id}/features/callRecording`, { enabled: true, record: 'Always' })).status, 204);
        const { callId } = await callAction(alex, 'dial', { destination: casey.extension }, 201);
        await callAction(alex, 'answer', { callId });
        await clock.advance(1500);
        assert.equal((await onlyCall(casey)).state, 'connected', "the destination's auto-answer applies");
        assert.equal((await onlyCall(casey)).recordingState, 'started', "and so does the destination's recording mode");
        await admin.put(`/v1/people/${casey.id}/features/callRecording`, { record: 'On Demand with User Initiated Start' });
        assert.equal((await onlyCall(alex)).state, 'connected');
        await hangUpAll();
        await admin.put(`/sandbox/v1/people/${casey.id}/phone`, { autoAnswer: false, busy: true });
        const busy = await callAction(alex, 'dial', { destination: casey.extension }, 201);
        await callAction(alex, 'answer', { callId: busy.callId });
        await clock.advance(0);
        assert.deepEqual(await callsOf(alex), [], 'the busy destination refused the call');
        await admin.put(`/sandbox/v1/people/${casey.id}/phone`, { busy: false });
      });

      it('refuses bad input, non-administrators and other organizations', async () => {
        assertWebexError(await admin.post('/sandbox/v1/calls', { from: 'nobody', to: alex.extension }), 400, /from/);
        assertWebexError(await admin.post('/sandbox/v1/calls', { from: CALLER, to: '+12025550150' }), 400, /to must be/);
        assertWebexError(await admin.post('/sandbox/v1/calls', { to: alex.extension }), 400);
        assertWebexError(await admin.post('/sandbox/v1/calls/not-a-session/pstn/hangup'), 404);
        assertWebexError(await admin.post('/sandbox/v1/calls/not-a-session/pstn/dance'), 400);
        assertWebexError(await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { autoAnswerDelayMs: -1 }), 400);
        assertWebexError(await alex.api.post('/sandbox/v1/calls', { from: CALLER, to: alex.extension }), 403, /administrator/);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await other.admin.get(`/sandbox/v1/people/${alex.id}/phone`), 404);
        assertWebexError(await other.admin.post(`/sandbox/v1/people/${alex.id}/calls/dial`, { destination: '1002' }), 404);
      });
    });
  });
}
