import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { clientWithScopes } from '../support/factories.ts';
import { callWorld, inWorld, type CallWorld } from '../support/worlds.ts';

// Calls that a person's settings change, end to end: the settings through the Webex API (admin and
// "me" paths), the calls through the Call Controls and the simulator, timeouts on a manual clock.

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';
/** A PSTN number the simulator answers after its answer delay (2 s in tests). */
const PSTN_DESTINATION = '+14155550177';

type World = CallWorld;

async function setting(w: World, person: Caller, name: string, body: Record<string, unknown>) {
  const reply = await w.admin.put(`/v1/people/${person.id}/features/${name}`, body);
  assert.equal(reply.status, 204, reply.text);
}

/** The redirections a ringing call shows, as (reason, redirecting person) pairs. */
const redirectionsOf = (call: { redirections?: unknown[] }) =>
  ((call.redirections ?? []) as { reason: string; redirectingParty: { personId?: string } }[]).map((r) => [r.reason, r.redirectingParty.personId]);

/** The telephony_calls events written for a person (what their webhooks deliver), oldest first. */
async function eventsOf(w: World, person: Caller) {
  const records = await w.server.app.store.calls.events(w.server.demo.orgId, null, 1000);
  return records
    .filter((r) => JSON.parse(r.data).callId && r.personId === decodePerson(person.id))
    .map((r) => JSON.parse(r.data) as { eventType: string; callId: string; redirections?: unknown[]; state: string });
}
const decodePerson = (id: string) => Buffer.from(id, 'base64url').toString().split('/').pop();

for (const dialect of dialects) {
  describe(`calls by a person's settings (${dialect})`, () => {
    describe('Do Not Disturb', () => {
      it('given DND on, when a PSTN caller and a colleague call the person, then both get busy treatment and the person’s phone never rings', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          await setting(w, alex, 'doNotDisturb', { enabled: true, webexGoOverrideEnabled: false });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), []);
          assert.deepEqual((await session(admin, inbound.callSessionId)).legs, [], 'the caller’s call ended at once');

          const dialled = await callAction(blair, 'dial', { destination: alex.extension }, 201);
          await callAction(blair, 'answer', { callId: dialled.callId });
          assert.deepEqual(await callsOf(blair), [], 'the colleague’s call ends busy');
          assert.deepEqual(await callsOf(alex), []);
          assert.deepEqual((await eventsOf(w, alex)).length, 0, 'no telephony_calls event for the person');
        }));

      it('given the person turns DND off on the "me" path, then calls ring again', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex } = w;
          await setting(w, alex, 'doNotDisturb', { enabled: true, webexGoOverrideEnabled: false });
          const own = await clientWithScopes(admin, alex.id, ['spark:calls_write']);
          assert.equal((await own.put('/v1/telephony/config/people/me/settings/doNotDisturb', { enabled: false, webexGoOverrideEnabled: false })).status, 204);
          await pstnCall(admin, CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).state, 'alerting');
        }));

      it('given DND on and forwarding when busy, then the call goes to the busy destination, which shows the redirection', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          await setting(w, alex, 'doNotDisturb', { enabled: true, webexGoOverrideEnabled: false });
          await setting(w, alex, 'callForwarding', { callForwarding: { busy: { enabled: true, destination: blair.extension } } });
          await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), []);
          const ringing = await onlyCall(blair);
          assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);
          assert.deepEqual(redirectionsOf(ringing), [['busy', alex.id]]);
        }));
    });

    describe('call waiting', () => {
      it('given call waiting off and the person on a call, when a second call comes in, then it gets busy treatment', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex } = w;
          await setting(w, alex, 'callWaiting', { enabled: false });
          await pstnCall(admin, CALLER, alex.extension);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          const second = await pstnCall(admin, OTHER_CALLER, alex.extension);
          const calls = await callsOf(alex);
          assert.deepEqual(calls.map((c) => [c.state, c.remoteParty.number]), [['connected', CALLER]]);
          assert.deepEqual((await session(admin, second.callSessionId)).legs, [], 'the second caller’s call ended busy');
        }));

      it('given call waiting on (the default), when a second call comes in, then it alerts as a second call beside the first', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex } = w;
          assert.deepEqual((await admin.get(`/v1/people/${alex.id}/features/callWaiting`)).body, { enabled: true });
          await pstnCall(admin, CALLER, alex.extension);
          const first = await onlyCall(alex);
          await callAction(alex, 'answer', { callId: first.id });
          await pstnCall(admin, OTHER_CALLER, alex.extension);
          const calls = await callsOf(alex);
          assert.deepEqual(calls.map((c) => [c.state, c.remoteParty.number]).sort(), [['alerting', OTHER_CALLER], ['connected', CALLER]].sort());
          const second = calls.find((c) => c.state === 'alerting')!;
          assert.notEqual(second.appearance, calls.find((c) => c.id === first.id)!.appearance, 'on another line appearance');
        }));

      it('given call waiting off and forwarding when busy, when a second call comes in, then it is forwarded with reason busy', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          await setting(w, alex, 'callWaiting', { enabled: false });
          await setting(w, alex, 'callForwarding', { callForwarding: { busy: { enabled: true, destination: blair.extension } } });
          await pstnCall(admin, CALLER, alex.extension);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          await pstnCall(admin, OTHER_CALLER, alex.extension);
          assert.equal((await callsOf(alex)).length, 1);
          const ringing = await onlyCall(blair);
          assert.deepEqual([ringing.remoteParty.number, redirectionsOf(ringing)], [OTHER_CALLER, [['busy', alex.id]]]);
        }));
    });

    describe('call forwarding', () => {
      it('given forwarding always to a colleague, when a PSTN caller calls, then the colleague rings with the redirection (call view and telephony_calls event) and can answer', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          await setting(w, alex, 'callForwarding', { callForwarding: { always: { enabled: true, destination: blair.extension } } });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), [], 'the person’s phone does not ring');
          const ringing = await onlyCall(blair);
          assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);
          assert.deepEqual(redirectionsOf(ringing), [['unconditional', alex.id]]);
          const received = (await eventsOf(w, blair)).find((e) => e.eventType === 'received');
          assert.ok(received, 'a received event for the colleague');
          assert.deepEqual(redirectionsOf(received), [['unconditional', alex.id]]);
          await callAction(blair, 'answer', { callId: ringing.id });
          assert.deepEqual((await session(admin, inbound.callSessionId)).legs.map((l) => [l.party.kind, l.state]), [
            ['pstn', 'connected'],
            ['person', 'connected'],
          ]);
        }));

      it('given forwarding always to a PSTN number, when a colleague calls, then the colleague is told the call was forwarded and the number answers', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { alex, blair, clock } = w;
          await setting(w, alex, 'callForwarding', { callForwarding: { always: { enabled: true, destination: PSTN_DESTINATION } } });
          const dialled = await callAction(blair, 'dial', { destination: alex.extension }, 201);
          await callAction(blair, 'answer', { callId: dialled.callId });
          assert.ok((await eventsOf(w, blair)).some((e) => e.eventType === 'forwarded' && e.callId === dialled.callId), 'a forwarded event for the caller');
          assert.deepEqual(await callsOf(alex), []);
          await clock.advance(2000);
          const call = await onlyCall(blair);
          assert.deepEqual([call.state, call.remoteParty.number, call.remoteParty.callType], ['connected', PSTN_DESTINATION, 'external']);
        }));

      it('given forwarding when not answered after 2 rings, then the person rings for 12 s on the server clock and the call then goes on with reason noAnswer', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair, clock } = w;
          await setting(w, alex, 'callForwarding', { callForwarding: { noAnswer: { enabled: true, destination: blair.extension, numberOfRings: 2 } } });
          await pstnCall(admin, CALLER, alex.extension);
          await clock.advance(11_999);
          assert.equal((await onlyCall(alex)).state, 'alerting');
          assert.deepEqual(await callsOf(blair), []);
          await clock.advance(1);
          assert.deepEqual(await callsOf(alex), []);
          const ringing = await onlyCall(blair);
          assert.deepEqual([ringing.remoteParty.number, redirectionsOf(ringing)], [CALLER, [['noAnswer', alex.id]]]);
        }));

      it('given more rings than the system ring timeout (10 rings = 60 s), then the person keeps ringing past 30 s until the forwarding', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, clock } = w;
          await setting(w, alex, 'callForwarding', { callForwarding: { noAnswer: { enabled: true, destination: PSTN_DESTINATION, numberOfRings: 10 } } });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          await clock.advance(45_000);
          assert.equal((await onlyCall(alex)).state, 'alerting');
          await clock.advance(15_000);
          assert.deepEqual(await callsOf(alex), []);
          await clock.advance(2000);
          assert.deepEqual((await session(admin, inbound.callSessionId)).legs.map((l) => [l.party.number, l.state]), [
            [CALLER, 'connected'],
            [PSTN_DESTINATION, 'connected'],
          ]);
        }));

      it('given forwarding when not answered, when the person answers in time, then nothing is forwarded', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair, clock } = w;
          await setting(w, alex, 'callForwarding', { callForwarding: { noAnswer: { enabled: true, destination: blair.extension, numberOfRings: 2 } } });
          await pstnCall(admin, CALLER, alex.extension);
          await clock.advance(6000);
          await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
          await clock.advance(60_000);
          assert.equal((await onlyCall(alex)).state, 'connected');
          assert.deepEqual(await callsOf(blair), []);
        }));

      it('given forwarding always to a colleague’s voicemail (destinationVoicemailEnabled), then the caller reaches that voicemail box', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          await setting(w, alex, 'callForwarding', {
            callForwarding: { always: { enabled: true, destination: blair.extension, destinationVoicemailEnabled: true } },
          });
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(blair), []);
          const legs = (await session(admin, inbound.callSessionId)).legs;
          assert.deepEqual(legs.map((l) => [l.party.kind, l.state, l.party.personId]), [
            ['pstn', 'connected', undefined],
            ['voicemail', 'connected', blair.id],
          ]);
        }));

      it('given a simulated phone set busy and forwarding when busy, then the call is forwarded with reason busy', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          assert.equal((await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { busy: true })).status, 200);
          await setting(w, alex, 'callForwarding', { callForwarding: { busy: { enabled: true, destination: blair.extension } } });
          await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), []);
          assert.deepEqual(redirectionsOf(await onlyCall(blair)), [['busy', alex.id]]);
        }));

      it('given the person’s phone offline and business continuity to a colleague, then the colleague rings with reason unavailable', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          const phone = await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { offline: true });
          assert.deepEqual([phone.status, phone.body.offline], [200, true]);
          await setting(w, alex, 'callForwarding', { businessContinuity: { enabled: true, destination: blair.extension } });
          await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), []);
          assert.deepEqual(redirectionsOf(await onlyCall(blair)), [['unavailable', alex.id]]);
        }));

      it('given the person’s phone offline and no business continuity, then nobody answers: the caller’s call ends', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex } = w;
          assert.equal((await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { offline: true })).status, 200);
          const inbound = await pstnCall(admin, CALLER, alex.extension);
          assert.deepEqual(await callsOf(alex), []);
          assert.deepEqual((await session(admin, inbound.callSessionId)).legs, []);
          assert.equal((await admin.put(`/sandbox/v1/people/${alex.id}/phone`, { offline: false })).status, 200);
          await pstnCall(admin, CALLER, alex.extension);
          assert.equal((await onlyCall(alex)).state, 'alerting', 'back online, the phone rings');
        }));

      it('given two people forwarding always to each other, then the loop stops and one of them rings', () =>
        inWorld(() => callWorld(dialect), async (w) => {
          const { admin, alex, blair } = w;
          await setting(w, alex, 'callForwarding', { callForwarding: { always: { enabled: true, destination: blair.extension } } });
          await setting(w, blair, 'callForwarding', { callForwarding: { always: { enabled: true, destination: alex.extension } } });
          await pstnCall(admin, CALLER, alex.extension);
          assert.equal([...(await callsOf(alex)), ...(await callsOf(blair))].length, 1);
        }));
    });
  });
}
