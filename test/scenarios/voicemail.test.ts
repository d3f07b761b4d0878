import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { wav } from '../support/announcements.ts';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { callWorld, inWorld, type CallWorld } from '../support/worlds.ts';

// Calls that reach a person's voicemail box, end to end: voicemail settings through the Webex API,
// calls through the simulator and the Call Controls on a manual clock, the message the caller
// leaves read back through the Voice Messages API, and the telephony_mwi webhook delivered to a
// real listener on loopback when the waiting count changes.

const CALLER = '+14155550123';
const WEBHOOKS: Partial<Config> = {
  webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } },
};

type World = CallWorld;

async function voicemail(w: World, person: Caller, body: Record<string, unknown>) {
  const reply = await w.admin.put(`/v1/people/${person.id}/features/voicemail`, body);
  assert.equal(reply.status, 204, reply.text);
}

/** The session's active legs as [kind, state, personId]. */
async function legsOf(w: World, callSessionId: string) {
  return (await session(w.admin, callSessionId)).legs.map((l) => [l.party.kind, l.state, l.party.personId]);
}

async function leaveMessage(w: World, callSessionId: string, body: Record<string, unknown>, status = 201) {
  const reply = await w.admin.post(`/sandbox/v1/calls/${callSessionId}/voicemail/message`, body);
  assert.equal(reply.status, status, reply.text);
  return reply.body;
}

async function messagesOf(person: Caller) {
  const reply = await person.api.get('/v1/telephony/voiceMessages');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items as { id: string; duration: number; callingParty: { name?: string; number?: string; personId?: string }; read: boolean; urgent: boolean }[];
}

const summaryOf = async (person: Caller) => (await person.api.get('/v1/telephony/voiceMessages/summary')).body;

for (const dialect of dialects) {
  describe(`calls to voicemail (${dialect})`, () => {
    it('given voicemail on with send all calls, when a PSTN caller calls, then the box answers at once and the message the caller leaves is listed for the person', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { alex } = w;
        await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
        const inbound = await pstnCall(w.admin, CALLER, alex.extension);
        assert.deepEqual(await callsOf(alex), [], 'the phone never rings');
        assert.deepEqual(await legsOf(w, inbound.callSessionId), [
          ['pstn', 'connected', undefined],
          ['voicemail', 'connected', alex.id],
        ]);
        const { messageId } = await leaveMessage(w, inbound.callSessionId, { durationSeconds: 42, audio: Buffer.from(wav({ seconds: 1 })).toString('base64') });
        assert.deepEqual(await legsOf(w, inbound.callSessionId), [], 'the caller hung up after the message');
        const messages = await messagesOf(alex);
        assert.equal(messages.length, 1);
        assert.deepEqual(
          [messages[0]!.id, messages[0]!.duration, messages[0]!.callingParty.number, messages[0]!.read, messages[0]!.urgent],
          [messageId, 42, CALLER, false, false],
        );
        assert.deepEqual(await summaryOf(alex), { newMessages: 1, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 });
      }));

    it('given voicemail on with busy calls, when the phone is busy, then a colleague’s call goes to the box and the message names the colleague', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, alex, blair } = w;
        await voicemail(w, alex, { enabled: true, sendBusyCalls: { enabled: true } });
        assert.equal((await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { busy: true })).status, 200);
        const dialled = await callAction(blair, 'dial', { destination: alex.extension }, 201);
        await callAction(blair, 'answer', { callId: dialled.callId });
        const call = await onlyCall(blair);
        assert.equal(call.state, 'connected');
        assert.equal(call.remoteParty.callType, 'other', 'connected to a voicemail box');
        await leaveMessage(w, call.callSessionId, { durationSeconds: 7, urgent: true });
        assert.deepEqual(await callsOf(blair), []);
        const [message] = await messagesOf(alex);
        assert.deepEqual([message!.callingParty.personId, message!.callingParty.number, message!.urgent], [blair.id, blair.extension, true]);
        assert.deepEqual(await summaryOf(alex), { newMessages: 1, oldMessages: 0, newUrgentMessages: 1, oldUrgentMessages: 0 });
      }));

    it('given voicemail on with 2 rings, then the phone rings for 12 s on the server clock and the box then answers; before that, nothing is left', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { alex, clock } = w;
        await voicemail(w, alex, { enabled: true, sendUnansweredCalls: { enabled: true, numberOfRings: 2 } });
        const inbound = await pstnCall(w.admin, CALLER, alex.extension);
        await clock.advance(11_999);
        assert.equal((await onlyCall(alex)).state, 'alerting');
        await leaveMessage(w, inbound.callSessionId, { durationSeconds: 5 }, 400);
        await clock.advance(1);
        assert.deepEqual(await callsOf(alex), []);
        assert.deepEqual(await legsOf(w, inbound.callSessionId), [
          ['pstn', 'connected', undefined],
          ['voicemail', 'connected', alex.id],
        ]);
        await leaveMessage(w, inbound.callSessionId, { durationSeconds: 5 });
        assert.equal((await messagesOf(alex)).length, 1);
      }));

    it('given the caller hangs up after the greeting, then no message is left; with voicemail off, an unanswered call just ends', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, alex, blair, clock } = w;
        await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        assert.equal((await admin.post(`/sandbox/v1/calls/${inbound.callSessionId}/pstn/hangup`, {})).status, 204);
        assert.deepEqual(await messagesOf(alex), []);

        // Voicemail off (the default): Blair's unanswered call rings out and nothing answers it.
        const other = await pstnCall(admin, CALLER, blair.extension);
        await clock.advance(30_000);
        assert.deepEqual(await legsOf(w, other.callSessionId), []);
        assert.deepEqual(await messagesOf(blair), []);
      }));

    it('given call forwarding always, then forwarding wins over voicemail send-all (Webex’s order)', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, alex, blair } = w;
        await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
        const forwarding = await admin.put(`/v1/people/${alex.id}/features/callForwarding`, { callForwarding: { always: { enabled: true, destination: blair.extension } } });
        assert.equal(forwarding.status, 204);
        await pstnCall(admin, CALLER, alex.extension);
        assert.equal((await onlyCall(blair)).state, 'alerting');
      }));

    it('given voicemail on (unanswered calls by default) with busy calls, when the phone is offline or Do Not Disturb is on, then calls go to the box at once', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, alex, blair } = w;
        await voicemail(w, alex, { enabled: true, sendBusyCalls: { enabled: true } });
        assert.equal((await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { offline: true })).status, 200);
        const offline = await pstnCall(admin, CALLER, alex.extension);
        assert.deepEqual(await legsOf(w, offline.callSessionId), [
          ['pstn', 'connected', undefined],
          ['voicemail', 'connected', alex.id],
        ]);
        await leaveMessage(w, offline.callSessionId, { durationSeconds: 3 });

        assert.equal((await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { offline: false })).status, 200);
        assert.equal((await admin.put(`/v1/people/${alex.id}/features/doNotDisturb`, { enabled: true, webexGoOverrideEnabled: false })).status, 204);
        const dialled = await callAction(blair, 'dial', { destination: alex.extension }, 201);
        await callAction(blair, 'answer', { callId: dialled.callId });
        const call = await onlyCall(blair);
        assert.equal(call.state, 'connected');
        assert.deepEqual(await callsOf(alex), []);
        await leaveMessage(w, call.callSessionId, { durationSeconds: 4 });
        assert.deepEqual((await messagesOf(alex)).map((m) => m.duration).sort(), [3, 4]);
      }));

    it('given transfer on 0 to a colleague, when the caller at the box presses 0, then the colleague rings with the box’s divert; with it off, pressing 0 is refused', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, alex, blair } = w;
        await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
        const first = await pstnCall(admin, CALLER, alex.extension);
        assert.equal((await admin.post(`/sandbox/v1/calls/${first.callSessionId}/voicemail/pressZero`, {})).status, 409);

        await voicemail(w, alex, { transferToNumber: { enabled: true, destination: blair.extension } });
        assert.equal((await admin.post(`/sandbox/v1/calls/${first.callSessionId}/voicemail/pressZero`, {})).status, 204);
        const ringing = await onlyCall(blair);
        assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);
        assert.equal((ringing.redirections as { reason: string }[])[0]!.reason, 'divert');
        await callAction(blair, 'answer', { callId: ringing.id });
        assert.deepEqual((await legsOf(w, first.callSessionId)).map(([kind, state]) => [kind, state]), [
          ['pstn', 'connected'],
          ['person', 'connected'],
        ]);
        assert.deepEqual(await messagesOf(alex), []);
      }));

    it('given a person with messages, when the person is deleted, then their box goes with them', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, alex } = w;
        await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
        const inbound = await pstnCall(admin, CALLER, alex.extension);
        await leaveMessage(w, inbound.callSessionId, { durationSeconds: 3 });
        const box = { orgId: w.server.demo.orgId, kind: 'person' as const, id: Buffer.from(alex.id, 'base64url').toString().split('/').pop()! };
        assert.equal((await w.server.app.store.voicemail.messages(box)).length, 1);
        assert.equal((await admin.delete(`/v1/people/${alex.id}`)).status, 204);
        assert.deepEqual(await w.server.app.store.voicemail.messages(box), []);
      }));

    it('messages are marked read and unread, one or all, and deleted; another person never sees them', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { alex, blair } = w;
        await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
        for (const duration of [3, 4]) {
          const inbound = await pstnCall(w.admin, CALLER, alex.extension);
          await leaveMessage(w, inbound.callSessionId, { durationSeconds: duration });
          await w.clock.advance(1000);
        }
        const [newest, oldest] = await messagesOf(alex);
        assert.deepEqual([newest!.duration, oldest!.duration], [4, 3], 'newest first');
        assert.equal((await alex.api.post('/v1/telephony/voiceMessages/markAsRead', { messageId: oldest!.id })).status, 204);
        assert.deepEqual(await summaryOf(alex), { newMessages: 1, oldMessages: 1, newUrgentMessages: 0, oldUrgentMessages: 0 });
        assert.equal((await alex.api.post('/v1/telephony/voiceMessages/markAsRead', {})).status, 204);
        assert.equal((await summaryOf(alex)).newMessages, 0);
        assert.equal((await alex.api.post('/v1/telephony/voiceMessages/markAsUnread', { messageId: newest!.id })).status, 204);
        assert.equal((await summaryOf(alex)).newMessages, 1);
        assert.equal((await blair.api.delete(`/v1/telephony/voiceMessages/${newest!.id}`)).status, 404);
        assert.deepEqual(await messagesOf(blair), []);
        assert.equal((await alex.api.delete(`/v1/telephony/voiceMessages/${newest!.id}`)).status, 204);
        assert.deepEqual((await messagesOf(alex)).map((m) => m.id), [oldest!.id]);
      }));

    it('given a voicemail group with an extension and a number, when a PSTN caller and a colleague call it, then the shared box answers and their messages are listed for the group', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { admin, blair } = w;
        const location = (await admin.get('/v1/telephony/config/locations')).body.locations[0];
        const [number] = (await admin.get('/v1/telephony/config/numbers', { locationId: location.id, available: true, numberType: 'NUMBER', max: 1 })).body.phoneNumbers.map(
          (n: { phoneNumber: string }) => n.phoneNumber,
        );
        const created = await admin.post(`/v1/telephony/config/locations/${location.id}/voicemailGroups`, {
          name: 'Support box',
          extension: 4321,
          phoneNumber: number,
          passcode: 740215,
          languageCode: 'en_us',
          messageStorage: { storageType: 'INTERNAL' },
          notifications: { enabled: false },
          faxMessage: { enabled: false },
          transferToNumber: { enabled: false },
          emailCopyOfMessage: { enabled: false },
        });
        assert.equal(created.status, 201, created.text);
        const groupId = created.body.id as string;

        const inbound = await pstnCall(admin, CALLER, number);
        assert.deepEqual((await session(admin, inbound.callSessionId)).legs.map((l) => [l.party.kind, l.state, (l.party as any).voicemailGroupId]), [
          ['pstn', 'connected', undefined],
          ['voicemail', 'connected', groupId],
        ]);
        await leaveMessage(w, inbound.callSessionId, { durationSeconds: 11 });
        await w.clock.advance(1000);

        const dialled = await callAction(blair, 'dial', { destination: '4321' }, 201);
        await callAction(blair, 'answer', { callId: dialled.callId });
        await leaveMessage(w, (await onlyCall(blair)).callSessionId, { durationSeconds: 6 });

        const listed = await admin.get(`/sandbox/v1/voicemailGroups/${groupId}/messages`);
        assert.equal(listed.status, 200, listed.text);
        assert.deepEqual(
          listed.body.items.map((m: any) => [m.duration, m.callingParty.number, m.callingParty.personId]),
          [
            [6, blair.extension, blair.id],
            [11, CALLER, undefined],
          ],
        );
        assert.deepEqual(await messagesOf(blair), [], 'nobody’s own box');

        // A disabled group takes no calls.
        assert.equal((await admin.put(`/v1/telephony/config/locations/${location.id}/voicemailGroups/${groupId}`, { enabled: false })).status, 204);
        assert.equal((await admin.post('/sandbox/v1/calls', { from: CALLER, to: '4321' })).status, 400);
      }));

    it('given a telephony_mwi webhook, when a message is left, read and deleted, then the listener hears each change of the waiting count', () =>
      inWorld(() => callWorld(dialect, { config: WEBHOOKS }), async (w) => {
        const { alex } = w;
        const sink = await WebhookSink.start();
        try {
          const hook = await alex.api.post('/v1/webhooks', { name: 'lamp', targetUrl: sink.url('/mwi'), resource: 'telephony_mwi', event: 'all' });
          assert.equal(hook.status, 200, hook.text);
          const calls = await alex.api.post('/v1/webhooks', { name: 'calls', targetUrl: sink.url('/calls'), resource: 'telephony_calls', event: 'all' });
          assert.equal(calls.status, 200, calls.text);
          await voicemail(w, alex, { enabled: true, sendAllCalls: { enabled: true } });
          const inbound = await pstnCall(w.admin, CALLER, alex.extension);
          await leaveMessage(w, inbound.callSessionId, { durationSeconds: 9 });
          await sink.waitForAccepted(1, '/mwi');
          const [lit] = sink.bodies('/mwi');
          assert.deepEqual([lit.resource, lit.event, lit.actorId, lit.data.personId], ['telephony_mwi', 'updated', alex.id, alex.id]);
          assert.deepEqual([lit.data.messageWaiting, lit.data.newMessages], [true, 1]);

          const [message] = await messagesOf(alex);
          await alex.api.post('/v1/telephony/voiceMessages/markAsRead', { messageId: message!.id });
          await sink.waitForAccepted(2, '/mwi');
          assert.deepEqual([sink.bodies('/mwi')[1].data.messageWaiting, sink.bodies('/mwi')[1].data.newMessages], [false, 0]);
          // Deleting a read message changes no waiting count: no event.
          await alex.api.delete(`/v1/telephony/voiceMessages/${message!.id}`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          assert.equal(sink.bodies('/mwi').length, 2);
          assert.ok(sink.bodies('/calls').every((b: any) => b.resource === 'telephony_calls'), 'call webhooks get calls only');

          // An external voicemail system lights the lamp (a token with spark-admin:calls_write).
          const set = await w.admin.post('/v1/telephony/externalVoicemail/mwi', { action: 'SET' }, { id: alex.id });
          assert.equal(set.status, 204, set.text);
          await sink.waitForAccepted(3, '/mwi');
          const externally = sink.bodies('/mwi')[2];
          assert.deepEqual([externally.data.messageWaiting, externally.data.externalVoicemail], [true, true]);
        } finally {
          await sink.close();
        }
      }));
  });
}
