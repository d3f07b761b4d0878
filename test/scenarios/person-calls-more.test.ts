import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { createDevice } from '../support/devices.ts';
import { clientWithScopes } from '../support/factories.ts';
import { callWorld, inWorld, type CallWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// Calls that more of a person's settings change, end to end: Personal Assistant (set through
// the Webex API, admin and For Me paths), the calls through the simulator and the Call Controls
// API. The clock stands still (manual) so that rings and untilDateTime are exact.

const CALLER = '+14155550123';
const RING = 6000;
const NOW = WEDNESDAY_10AM_NEW_YORK;

type World = CallWorld;

const config = (person: Caller, name: string) => `/v1/telephony/config/people/${person.id}/${name}`;

async function put(w: World, path: string, body: Record<string, unknown>) {
  const reply = await w.admin.put(path, body);
  assert.equal(reply.status, 204, reply.text);
}

const legsOf = async (w: World, callSessionId: string) => (await session(w.admin, callSessionId)).legs;
const ringing = async (w: World, callSessionId: string) =>
  (await legsOf(w, callSessionId)).filter((l) => l.state === 'alerting').map((l) => l.party.personId ?? l.party.number);
const live = async (w: World, callSessionId: string) =>
  (await legsOf(w, callSessionId)).filter((l) => l.state !== 'disconnected').map((l) => [l.party.kind, l.state]).sort();

const assistant = (w: World, person: Caller, body: Record<string, unknown>) => put(w, config(person, 'features/personalAssistant'), body);

for (const dialect of dialects) {
  describe(`calls by more of a person's settings (${dialect})`, () => {
    describe('personal assistant', () => {
      it('given the person away with transfer and no alert (NONE), when a caller calls, then the transfer number rings at once, not the person', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair } = w;
          await assistant(w, alex, { enabled: true, presence: 'LUNCH', transferEnabled: true, transferNumber: blair.extension, alerting: 'NONE' });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [blair.id]);
          assert.deepEqual(await callsOf(alex), []);
          const atBlair = await onlyCall(blair);
          assert.deepEqual([atBlair.remoteParty.number, (atBlair.redirections as any[])[0].reason], [CALLER, 'unconditional']);
          await callAction(blair, 'answer', { callId: atBlair.id });
          assert.equal((await onlyCall(blair)).state, 'connected');
        }));

      it('given PLAY_RING_REMINDER, then the call is transferred at once too', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair } = w;
          await assistant(w, alex, { enabled: true, presence: 'MEETING', transferEnabled: true, transferNumber: blair.extension, alerting: 'PLAY_RING_REMINDER' });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [blair.id]);
        }));

      it('given ALERT_ME_FIRST with 3 rings, then the person’s phone rings 3 rings and the call then goes to the transfer number', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair, clock } = w;
          await assistant(w, alex, {
            enabled: true,
            presence: 'OUT_OF_OFFICE',
            transferEnabled: true,
            transferNumber: blair.extension,
            alerting: 'ALERT_ME_FIRST',
            alertMeFirstNumberOfRings: 3,
          });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [alex.id]);
          await clock.advance(3 * RING - 1);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [alex.id], 'the person’s phone rings its 3 rings');
          await clock.advance(1);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [blair.id]);
          assert.equal(((await onlyCall(blair)).redirections as any[])[0].reason, 'noAnswer');
        }));

      it('given ALERT_ME_FIRST and the person answers within the rings, then the call is theirs', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair, clock } = w;
          await assistant(w, alex, { enabled: true, presence: 'TRAINING', transferEnabled: true, transferNumber: blair.extension, alertMeFirstNumberOfRings: 2 });
          await pstnCall(admin, CALLER, alex.extension);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          await clock.advance(5 * RING);
          assert.equal((await onlyCall(alex)).state, 'connected');
          assert.deepEqual(await callsOf(blair), []);
        }));

      it('given the person away without transfer, then callers reach the person’s voicemail; without voicemail, nobody answers', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex } = w;
          await assistant(w, alex, { enabled: true, presence: 'VACATION', transferEnabled: false, alerting: 'NONE' });
          await put(w, `/v1/people/${alex.id}/features/voicemail`, { enabled: true });
          const toVoicemail = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await live(w, toVoicemail.callSessionId), [['pstn', 'connected'], ['voicemail', 'connected']].sort());
          assert.deepEqual(await callsOf(alex), []);
          await put(w, `/v1/people/${alex.id}/features/voicemail`, { enabled: false });
          const unanswered = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await live(w, unanswered.callSessionId), [], 'the call ended');
          assert.deepEqual(await callsOf(alex), []);
        }));

      it('given presence NONE, disabled, or untilDateTime passed on the server clock, then the person’s phone rings as usual', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair, clock } = w;
          const rings = async () => {
            const inbound = await pstnCall(admin, CALLER, alex.extension);
            const who = await ringing(w, inbound.callSessionId);
            // Declined, so that the next call finds everyone free.
            for (const person of [alex, blair]) for (const call of await callsOf(person)) await callAction(person, 'reject', { callId: call.id, action: 'busy' });
            return who;
          };
          const away = { enabled: true, presence: 'BUSINESS_TRIP', transferEnabled: true, transferNumber: blair.extension, alerting: 'NONE' };
          await assistant(w, alex, { ...away, presence: 'NONE' });
          assert.deepEqual(await rings(), [alex.id]);
          await assistant(w, alex, { ...away, enabled: false });
          assert.deepEqual(await rings(), [alex.id]);
          await assistant(w, alex, { ...away, untilDateTime: new Date(NOW + 60 * 60_000).toISOString() });
          assert.deepEqual(await rings(), [blair.id], 'in force until then');
          await clock.advance(60 * 60_000);
          assert.deepEqual(await rings(), [alex.id], 'over at untilDateTime');
        }));

      it('given the person sets it on the For Me path, then their calls are transferred', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair } = w;
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_read', 'spark:calls_write']);
          const reply = await own.put('/v1/telephony/config/people/me/settings/personalAssistant', {
            enabled: true,
            presence: 'GONE_FOR_THE_DAY',
            transferEnabled: true,
            transferNumber: blair.extension,
            alerting: 'NONE',
          });
          assert.equal(reply.status, 204, reply.text);
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await ringing(w, inbound.callSessionId), [blair.id]);
        }));
    });

    describe('call policies: connected line identity privacy on redirected calls', () => {
      /** Alex forwards every call to Blair and sets the policy (For Me, where Webex serves it). */
      async function forwardedWith(w: World, policy: string) {
        const own = await clientWithScopes(w.admin, w.alex.id, ['spark:calls_read', 'spark:calls_write']);
        const reply = await own.put('/v1/telephony/config/people/me/settings/callPolicies', { connectedLineIdPrivacyOnRedirectedCalls: policy });
        assert.equal(reply.status, 204, reply.text);
        await put(w, `/v1/people/${w.alex.id}/features/callForwarding`, { callForwarding: { always: { enabled: true, destination: w.blair.extension } } });
      }
      /** A call to Alex, answered by Blair: what the caller sees of who answered (the PSTN leg's view, or Morgan's call). */
      async function seenByCaller(w: World, from: Caller | string) {
        const reply = await w.admin.post('/sandbox/v1/calls', { from: typeof from === 'string' ? from : from.id, to: w.alex.extension });
        assert.equal(reply.status, 201, reply.text);
        await callAction(w.blair, 'answer', { callId: (await onlyCall(w.blair)).id });
        const seen =
          typeof from === 'string'
            ? ((await session(w.admin, reply.body.callSessionId)).legs as any[]).find((l) => l.party.kind === 'pstn').remoteParty
            : (await onlyCall(from)).remoteParty;
        assert.equal((await onlyCall(w.blair)).remoteParty.privacyEnabled, false, 'the answering party still sees the caller');
        await callAction(w.blair, 'hangup', { callId: (await onlyCall(w.blair)).id });
        return seen as { name?: string; privacyEnabled: boolean };
      }

      it('given NO_PRIVACY (the default), then callers see who answered the forwarded call', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          await forwardedWith(w, 'NO_PRIVACY');
          assert.deepEqual([(await seenByCaller(w, CALLER)).privacyEnabled, (await seenByCaller(w, w.morgan)).name], [false, w.blair.name]);
        }));

      it('given PRIVACY_FOR_EXTERNAL_CALLS, then an external caller sees a private party and a colleague sees who answered', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          await forwardedWith(w, 'PRIVACY_FOR_EXTERNAL_CALLS');
          assert.deepEqual(await seenByCaller(w, CALLER), { privacyEnabled: true });
          const internal = await seenByCaller(w, w.morgan);
          assert.deepEqual([internal.name, internal.privacyEnabled], [w.blair.name, false]);
        }));

      it('given PRIVACY_FOR_ALL_CALLS, then every caller sees a private party; a call to Blair directly is not affected', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          await forwardedWith(w, 'PRIVACY_FOR_ALL_CALLS');
          assert.deepEqual(await seenByCaller(w, CALLER), { privacyEnabled: true });
          assert.equal((await seenByCaller(w, w.morgan)).privacyEnabled, true);
          await w.admin.post('/sandbox/v1/calls', { from: w.morgan.id, to: w.blair.extension });
          assert.deepEqual([(await onlyCall(w.morgan)).remoteParty.name, (await onlyCall(w.morgan)).remoteParty.privacyEnabled], [w.blair.name, false]);
        }));
    });

    describe('preferred answer endpoint', () => {
      /** The endpoint each of the session's person legs is on (the sandbox view's endpointId). */
      const endpoints = async (w: World, callSessionId: string) =>
        ((await legsOf(w, callSessionId)) as any[]).filter((l) => l.state !== 'disconnected').map((l) => [l.party.personId, l.state, l.endpointId]);

      it('given a device preferred for answering (For Me), when the person clicks to dial, then the device alerts, keeps the call once answered, and endpointId overrides it', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex, blair } = w;
          const device = (await createDevice(admin, { personId: alex.id })).id;
          // The simulated phone's endpoint ID (My Endpoints): a CALLING_DEVICE named by the person's uuid.
          const phone = Buffer.from(`ciscospark://us/CALLING_DEVICE/${Buffer.from(alex.id, 'base64url').toString().split('/').pop()}`).toString('base64url');
          const first = await callAction(alex, 'dial', { destination: blair.extension }, 201);
          assert.deepEqual(await endpoints(w, first.callSessionId), [[alex.id, 'alerting', phone]], 'no preference: the simulated phone');
          await callAction(alex, 'hangup', { callId: first.callId });

          const set = await alex.api.put('/v1/telephony/config/people/me/settings/preferredAnswerEndpoint', { preferredAnswerEndpointId: device });
          assert.equal(set.status, 204, set.text);
          const dialled = await callAction(alex, 'dial', { destination: blair.extension }, 201);
          assert.deepEqual(await endpoints(w, dialled.callSessionId), [[alex.id, 'alerting', device]]);
          await callAction(alex, 'answer', { callId: dialled.callId });
          await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
          assert.deepEqual((await endpoints(w, dialled.callSessionId)).find((l) => l[0] === alex.id), [alex.id, 'connected', device]);
          await callAction(alex, 'hangup', { callId: dialled.callId });

          const chosen = await callAction(alex, 'dial', { destination: blair.extension, endpointId: phone }, 201);
          assert.deepEqual(await endpoints(w, chosen.callSessionId), [[alex.id, 'alerting', phone]], 'endpointId wins over the preference');
        }));
    });

    describe('music on hold', () => {
      it('given a PSTN caller Alex holds, then the caller hears music on hold, silence once Alex or Alex’s location turns it off', () =>
        inWorld(() => callWorld(dialect, { at: NOW }), async (w) => {
          const { admin, alex } = w;
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          const caller = async () => ((await legsOf(w, inbound.callSessionId)) as any[]).find((l) => l.party.kind === 'pstn').hearing;
          assert.equal(await caller(), undefined, 'nothing while the call is not held');
          await callAction(alex, 'hold', { callId: (await onlyCall(alex)).id });
          assert.equal(await caller(), 'musicOnHold');
          await put(w, config(alex, 'musicOnHold'), { mohEnabled: false });
          assert.equal(await caller(), 'silence');
          await put(w, config(alex, 'musicOnHold'), { mohEnabled: true });
          const locationId = (await admin.get(`/v1/people/${alex.id}`, { callingData: true })).body.locationId as string;
          await put(w, `/v1/telephony/config/locations/${locationId}/musicOnHold`, { callHoldEnabled: false, callParkEnabled: true, greeting: 'SYSTEM' });
          assert.equal(await caller(), 'silence');
          await callAction(alex, 'resume', { callId: (await onlyCall(alex)).id });
          assert.equal(await caller(), undefined);
        }));
    });
  });
}
