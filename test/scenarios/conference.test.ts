import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError } from '../support/factories.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Conference Controls end to end: a person's calls (one from the PSTN through the simulator, the
// others placed with the Call Controls) joined into one conference and controlled.

const CALLER = '+14155550123';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect, { config: { webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } } } });
  /** A PSTN call to the person, answered. */
  const fromPstn = async (who: Caller) => {
    await pstnCall(server.admin, CALLER, who.extension);
    const call = await onlyCall(who);
    await callAction(who, 'answer', { callId: call.id });
    return call.id;
  };
  /** The person calls another, who answers: the caller's call ID. */
  const call = async (who: Caller, to: Caller) => {
    const dialled = await callAction(who, 'dial', { destination: to.extension }, 201);
    await callAction(who, 'answer', { callId: dialled.callId });
    await callAction(to, 'answer', { callId: (await onlyCall(to)).id });
    return dialled.callId as string;
  };
  const details = async (who: Caller) => {
    const reply = await who.api.get('/v1/telephony/conference');
    assert.equal(reply.status, 200, reply.text);
    return reply.body;
  };
  const control = async (who: Caller, action: string, body?: Record<string, unknown>, status = 204) => {
    const reply = await who.api.post(`/v1/telephony/conference${action ? `/${action}` : ''}`, body);
    assert.equal(reply.status, status, `${action}: ${reply.text}`);
  };
  return { server, clock, admin: server.admin, fromPstn, call, details, control, ...people };
}

for (const dialect of dialects) {
  describe(`conference calls (${dialect})`, () => {
    it('given a person with a held and a connected call, when they start a conference, then one session holds all legs and everyone is connected', () =>
      inWorld(() => world(dialect), async ({ admin, fromPstn, call, details, control, alex, blair }) => {
        assert.deepEqual(await details(alex), {});
        const first = await fromPstn(alex);
        const second = await call(alex, blair);
        assert.equal((await callsOf(alex)).find((c) => c.id === first)!.state, 'held', 'taking the second call held the first');
        assertWebexError(await alex.api.post('/v1/telephony/conference', { callIds: [first] }), 400);
        await control(alex, '', { callIds: [first, second] });
        const conference = await details(alex);
        assert.equal(conference.state, 'connected');
        assert.equal(conference.muted, false);
        assert.ok(conference.created);
        assert.deepEqual(conference.participants, [
          { callId: first, muted: false, deafened: false },
          { callId: second, muted: false, deafened: false },
        ]);
        assert.deepEqual((await callsOf(alex)).map((c) => c.state), ['connected', 'connected']);
        assert.equal((await onlyCall(blair)).state, 'connected');
        const legs = (await session(admin, (await callsOf(alex))[0]!.callSessionId)).legs;
        assert.deepEqual(legs.map((l) => [l.party.kind, l.state]).sort(), [['person', 'connected'], ['person', 'connected'], ['person', 'connected'], ['pstn', 'connected']]);
      }));

    it('given a conference, when the host mutes, deafens, holds and resumes, then the conference and the participants show it', () =>
      inWorld(() => world(dialect), async ({ fromPstn, call, details, control, alex, blair }) => {
        const first = await fromPstn(alex);
        const second = await call(alex, blair);
        await control(alex, '', { callIds: [first, second] });
        await control(alex, 'mute');
        assert.equal((await details(alex)).muted, true);
        assert.deepEqual((await callsOf(alex)).map((c) => c.muted), [true, true]);
        assertWebexError(await alex.api.post('/v1/telephony/conference/mute', {}), 409, /already muted/);
        await control(alex, 'unmute', {});
        await control(alex, 'mute', { callId: second });
        await control(alex, 'deafen', { callId: first });
        assert.deepEqual((await details(alex)).participants, [
          { callId: first, muted: false, deafened: true },
          { callId: second, muted: true, deafened: false },
        ]);
        await control(alex, 'undeafen', { callId: first });
        await control(alex, 'unmute', { callId: second });
        await control(alex, 'hold');
        assert.equal((await details(alex)).state, 'held');
        assert.deepEqual([(await callsOf(alex)).map((c) => c.state), (await onlyCall(blair)).state], [['held', 'held'], 'remoteHeld']);
        await control(alex, 'resume');
        assert.equal((await details(alex)).state, 'connected');
        assert.equal((await onlyCall(blair)).state, 'connected');
      }));

    it('given a conference, when the host adds a third call, then four parties share it; participants leaving one by one end it', () =>
      inWorld(() => world(dialect), async ({ fromPstn, call, details, control, alex, blair, casey }) => {
        const first = await fromPstn(alex);
        const second = await call(alex, blair);
        await control(alex, '', { callIds: [first, second] });
        const third = await call(alex, casey);
        assert.equal((await details(alex)).state, 'held', 'taking another call held the conference');
        await control(alex, 'addParticipant', { callId: third });
        await control(alex, 'resume');
        assert.deepEqual((await details(alex)).participants.map((p: { callId: string }) => p.callId), [first, second, third]);
        assert.deepEqual((await callsOf(alex)).map((c) => c.state), ['connected', 'connected', 'connected']);

        await callAction(blair, 'hangup', { callId: (await onlyCall(blair)).id });
        assert.deepEqual((await details(alex)).participants.map((p: { callId: string }) => p.callId), [first, third]);
        assert.deepEqual((await callsOf(alex)).map((c) => c.id).sort(), [first, third].sort());
        await callAction(alex, 'hangup', { callId: third });
        assert.deepEqual(await callsOf(casey), []);
        assert.deepEqual(await details(alex), {}, 'with one participant left the conference is over');
        const last = await onlyCall(alex);
        assert.deepEqual([last.id, last.state, last.remoteParty.number], [first, 'connected', CALLER]);
      }));

    it('given a conference, when the host releases it, then every call ends, and controls without a conference are 404', () =>
      inWorld(() => world(dialect), async ({ fromPstn, call, control, alex, blair }) => {
        const first = await fromPstn(alex);
        const second = await call(alex, blair);
        await control(alex, '', { callIds: [first, second] });
        const released = await alex.api.delete('/v1/telephony/conference');
        assert.equal(released.status, 204, released.text);
        assert.deepEqual([(await callsOf(alex)).length, (await callsOf(blair)).length], [0, 0]);
        assertWebexError(await alex.api.post('/v1/telephony/conference/hold'), 404, /conference/);
        assertWebexError(await alex.api.post('/v1/telephony/conference/deafen', { callId: first }), 404);
      }));

    it('the host\'s telephony_calls events follow the conference (resumed when it starts, held, disconnected on release)', () =>
      inWorld(() => world(dialect), async ({ fromPstn, call, control, alex, blair }) => {
        const sink = await WebhookSink.start();
        try {
          const hook = await alex.api.post('/v1/webhooks', { name: 'calls', targetUrl: sink.url(), resource: 'telephony_calls', event: 'all' });
          assert.equal(hook.status, 200, hook.text);
          const first = await fromPstn(alex);
          const second = await call(alex, blair);
          await control(alex, '', { callIds: [first, second] });
          await control(alex, 'hold');
          await alex.api.delete('/v1/telephony/conference');
          const of = (callId: string) => () => sink.accepted().filter((r) => r.body.data?.callId === callId).map((r) => r.body.data.eventType as string);
          await sink.waitFor(() => of(first)().includes('disconnected') && of(second)().includes('disconnected'), 'the disconnected events');
          const firstEvents = of(first)();
          assert.deepEqual(firstEvents.slice(firstEvents.indexOf('held')), ['held', 'resumed', 'held', 'disconnected'], firstEvents.join());
          const secondEvents = of(second)();
          assert.deepEqual(secondEvents.slice(-3), ['updated', 'held', 'disconnected'], secondEvents.join());
        } finally {
          await sink.close();
        }
      }));
  });
}
