import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, callsOf, demoCallers, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { createDevice } from '../support/devices.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError } from '../support/factories.ts';
import { startServer } from '../support/server.ts';
import { WebhookSink } from '../support/webhook-sink.ts';

// Call pull end to end: a person with a phone and two devices answers a call on one endpoint and
// pulls it to another; a temporary call alerts there, and answering it moves the call (same
// callId, now on the new endpoint) and releases the temporary call.

const CALLER = '+14155550177';

type Leg = { callId: string; state: string; personality: string; endpointId?: string; party: { personId?: string } };

for (const dialect of dialects) {
  describe(`call pull (${dialect})`, () => {
    const inWorld = async (run: (w: { admin: Client; alex: Caller; blair: Caller; clock: SandboxClock; devices: string[]; phone: string }) => Promise<void>) => {
      const clock = new SandboxClock('manual');
      const server = await startServer(dialect, {
        clock,
        config: { webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } } },
      });
      try {
        const { alex, blair } = await demoCallers(server.admin);
        const devices = [(await createDevice(server.admin, { personId: alex.id })).id, (await createDevice(server.admin, { personId: alex.id })).id];
        // The simulated phone's endpoint ID (My Endpoints): a CALLING_DEVICE named by the person's uuid.
        const phone = Buffer.from(`ciscospark://us/CALLING_DEVICE/${Buffer.from(alex.id, 'base64url').toString().split('/').pop()}`).toString('base64url');
        await run({ admin: server.admin, alex, blair, clock, devices, phone });
      } finally {
        await server.close();
      }
    };
    const legsOf = async (admin: Client, callSessionId: string) => {
      const reply = await admin.get(`/sandbox/v1/calls/${callSessionId}`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.legs as Leg[];
    };
    const answered = async (admin: Client, alex: Caller) => {
      await pstnCall(admin, CALLER, alex.extension);
      const call = await onlyCall(alex);
      await callAction(alex, 'answer', { callId: call.id });
      return call;
    };

    it('given a call answered on the phone, pull to a device alerts there; answering moves the call, events fire', () =>
      inWorld(async ({ admin, alex, devices, phone }) => {
        const sink = await WebhookSink.start();
        try {
          const hook = await alex.api.post('/v1/webhooks', { name: 'calls', targetUrl: sink.url(), resource: 'telephony_calls', event: 'all' });
          assert.equal(hook.status, 200, hook.text);
          const call = await answered(admin, alex);
          assert.equal((await legsOf(admin, call.callSessionId)).find((l) => l.callId === call.id)?.endpointId, phone);

          const pull = await callAction(alex, 'pull', { endpointId: devices[1] }, 201);
          assert.equal(pull.callSessionId, call.callSessionId);
          assert.notEqual(pull.callId, call.id);
          const during = await callsOf(alex);
          assert.deepEqual(
            during.map((c) => [c.id, c.state, c.personality]).sort(),
            [[call.id, 'connected', 'terminator'], [pull.callId, 'alerting', 'clickToDial']].sort(),
          );
          const temporary = (await legsOf(admin, call.callSessionId)).find((l) => l.callId === pull.callId);
          assert.equal(temporary?.endpointId, devices[1]);

          await callAction(alex, 'answer', { callId: pull.callId });
          const after = await onlyCall(alex);
          assert.equal(after.id, call.id);
          assert.equal(after.state, 'connected');
          const legs = await legsOf(admin, call.callSessionId);
          assert.equal(legs.find((l) => l.callId === call.id)?.endpointId, devices[1]);
          assert.equal(legs.length, 2, JSON.stringify(legs));

          const of = (callId: string) => () => sink.accepted().filter((r) => r.body.data?.callId === callId).map((r) => r.body.data.eventType as string);
          await sink.waitFor(() => of(pull.callId)().includes('disconnected') && of(call.id)().includes('updated'), 'the pull events');
          assert.deepEqual(of(pull.callId)(), ['originated', 'answered', 'disconnected']);
          assert.deepEqual(of(call.id)().slice(-1), ['updated']);
          const released = sink.accepted().find((r) => r.body.data?.callId === pull.callId && r.body.data.eventType === 'disconnected');
          assert.equal(released?.body.data.completedElsewhere, true);
        } finally {
          await sink.close();
        }
      }));

    it('given the call on a device, pull without endpointId brings it back to the phone (no preferred endpoint set)', () =>
      inWorld(async ({ admin, alex, devices, phone }) => {
        const call = await answered(admin, alex);
        const first = await callAction(alex, 'pull', { endpointId: devices[0] }, 201);
        await callAction(alex, 'answer', { callId: first.callId });
        const back = await callAction(alex, 'pull', {}, 201);
        await callAction(alex, 'answer', { callId: back.callId });
        assert.equal((await legsOf(admin, call.callSessionId)).find((l) => l.callId === call.id)?.endpointId, phone);
      }));

    it('given the temporary call is rejected or rings out, the call stays where it was and goes on', () =>
      inWorld(async ({ admin, alex, clock, devices, phone }) => {
        const call = await answered(admin, alex);
        const pull = await callAction(alex, 'pull', { endpointId: devices[0] }, 201);
        await callAction(alex, 'reject', { callId: pull.callId });
        await callAction(alex, 'pull', { endpointId: devices[0] }, 201);
        await clock.advance(31_000);
        assert.deepEqual((await callsOf(alex)).map((c) => [c.id, c.state]), [[call.id, 'connected']]);
        assert.equal((await legsOf(admin, call.callSessionId)).find((l) => l.callId === call.id)?.endpointId, phone);
      }));

    it('given no answered call, or a call already on that endpoint, or an endpoint not the person\'s, pull is refused', () =>
      inWorld(async ({ admin, alex, blair, devices, phone }) => {
        assertWebexError(await alex.api.post('/v1/telephony/calls/pull', { endpointId: devices[0] }), 404, /no answered call/);
        await pstnCall(admin, CALLER, alex.extension);
        assertWebexError(await alex.api.post('/v1/telephony/calls/pull', { endpointId: devices[0] }), 404, /no answered call/);
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assertWebexError(await alex.api.post('/v1/telephony/calls/pull', { endpointId: phone }), 404, /no answered call/);
        const blairsPhone = await createDevice(admin, { personId: blair.id });
        assertWebexError(await alex.api.post('/v1/telephony/calls/pull', { endpointId: blairsPhone.id }), 400, /not one of your endpoints/);
        await callAction(alex, 'pull', { endpointId: devices[0] }, 201);
        assertWebexError(await alex.api.post('/v1/telephony/calls/pull', { endpointId: devices[1] }), 409, /being pulled already/);
      }));

    it('push of a call not associated with an executive is a 400; someone else\'s call is a 404', () =>
      inWorld(async ({ admin, alex, blair }) => {
        const call = await answered(admin, alex);
        assertWebexError(await alex.api.post('/v1/telephony/calls/push', { callId: call.id }), 400, /not associated with an executive/);
        assertWebexError(await blair.api.post('/v1/telephony/calls/push', { callId: call.id }), 404);
      }));
  });
}
