import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeNumbers } from '../support/factories.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Call queues taking calls, end to end: the queue is set up through the API, callers come from
// the simulator (PSTN) or a person's phone, agents join and leave through the API, and a manual
// clock counts rings (6 seconds each), waits and the queue's look for free agents (every 5 s).

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';
const RING = 6000;
const RETRY = 5000;

type QueueOptions = { policy?: string; routingType?: string; queueSize?: number; overflow?: Record<string, unknown>; callBounce?: Record<string, unknown>; welcome?: boolean };

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect, { config: { webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } } } });
  const hq = await defaultLocation(server.admin);
  const [number] = await freeNumbers(server.admin, hq.id);
  const queues = `/v1/telephony/config/locations/${hq.id}/queues`;
  /** Creates the queue "Support" (number, extension 5200) and answers its ID. */
  const queue = async (agents: (Caller | [Caller, Record<string, unknown>])[], o: QueueOptions = {}) => {
    const reply = await server.admin.post(queues, {
      name: 'Support',
      phoneNumber: number,
      extension: '5200',
      callPolicies: {
        routingType: o.routingType ?? 'PRIORITY_BASED',
        policy: o.policy ?? 'REGULAR',
        callBounce: { callBounceEnabled: true, callBounceMaxRings: 2, ...o.callBounce },
        distinctiveRing: { enabled: false },
      },
      queueSettings: { queueSize: o.queueSize ?? 10, overflow: { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT', ...o.overflow }, welcomeMessage: { enabled: o.welcome ?? true, greeting: 'DEFAULT' } },
      agents: agents.map((a) => (Array.isArray(a) ? { id: a[0].id, ...a[1] } : { id: a.id })),
    });
    assert.equal(reply.status, 200, reply.text);
    return reply.body.id as string;
  };
  const put = async (path: string, body: Record<string, unknown>) => {
    const reply = await server.admin.put(path, body);
    assert.equal(reply.status, 204, reply.text);
  };
  /** The agent joins or leaves the queue through the API. */
  const join = (agent: Caller, queueId: string, joinEnabled: boolean) => put(`/v1/telephony/config/queues/agents/${agent.id}/settings`, { settings: [{ queueId, joinEnabled }] });
  /** Who of these is being offered a call now (alerting). */
  const ringing = async (...who: Caller[]) => {
    const out: string[] = [];
    for (const c of who) if ((await callsOf(c)).some((call) => call.state === 'alerting')) out.push(c.name);
    return out;
  };
  const view = async (callSessionId: string) => {
    const reply = await server.admin.get(`/sandbox/v1/calls/${callSessionId}`);
    assert.equal(reply.status, 200, reply.text);
    return reply.body as { queue?: { name: string; position: number; since: string; announcement: string }; legs: { party: { kind: string; name?: string }; state: string }[] };
  };
  return { server, clock, admin: server.admin, number: number!, queues, queue, put, join, ringing, view, ...people };
}

const SUPPORT = { name: 'Support', number: '5200', privacyEnabled: false, callType: 'location' };

for (const dialect of dialects) {
  describe(`call queue calls (${dialect})`, () => {
    it('a PSTN call waits in the queue (welcome, then music on hold) while the agent rings; the agent sees the queue and answers', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, queue, ringing, view, alex, blair }) => {
        await queue([alex, blair]);
        const call = await pstnCall(admin, CALLER, number);
        let seen = await view(call.callSessionId);
        assert.deepEqual(seen.queue, { name: 'Support', position: 1, since: seen.queue!.since, announcement: 'welcome' } as typeof seen.queue);
        assert.equal(seen.legs[0]!.state, 'connected', 'the queue answered the caller');
        assert.deepEqual(await ringing(alex, blair), [alex.name]);
        const offered = await onlyCall(alex);
        assert.deepEqual(offered.redirections, [{ reason: 'callQueue', redirectingParty: SUPPORT }]);
        assert.equal(offered.remoteParty.number, CALLER);
        await clock.advance(5000);
        assert.equal((await view(call.callSessionId)).queue?.announcement, 'musicOnHold');
        await callAction(alex, 'answer', { callId: offered.id });
        seen = await view(call.callSessionId);
        assert.equal(seen.queue, undefined, 'no longer waiting');
        assert.deepEqual(seen.legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected']]);
      }));

    it('a person dialling the extension is connected to the queue, sees it as the remote party, and gets its events', () =>
      inWorld(() => world(dialect), async ({ queue, alex, blair }) => {
        const sink = await WebhookSink.start();
        try {
          const hook = await blair.api.post('/v1/webhooks', { name: 'calls', targetUrl: sink.url(), resource: 'telephony_calls', event: 'all' });
          assert.equal(hook.status, 200, hook.text);
          await queue([blair]);
          const dialled = await callAction(alex, 'dial', { destination: '5200' }, 201);
          await callAction(alex, 'answer', { callId: dialled.callId });
          const waiting = await onlyCall(alex);
          assert.equal(waiting.state, 'connected');
          assert.deepEqual(waiting.remoteParty, SUPPORT);
          await sink.waitFor(() => sink.accepted().some((r) => r.body.data?.eventType === 'received'), 'the agent\'s received event');
          const received = sink.accepted().find((r) => r.body.data.eventType === 'received')!.body.data;
          assert.deepEqual(received.redirections, [{ reason: 'callQueue', redirectingParty: SUPPORT }]);
        } finally {
          await sink.close();
        }
      }));

    it('callBounce: an agent who does not answer in callBounceMaxRings gives the call to the next free agent', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, queue, ringing, alex, blair, casey }) => {
        await queue([alex, blair, casey]);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair, casey), [alex.name]);
        await clock.advance(2 * RING);
        assert.deepEqual(await ringing(alex, blair, casey), [blair.name]);
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action: 'busy' });
        assert.deepEqual(await ringing(alex, blair, casey), [casey.name], 'a decline moves on too');
      }));

    it('with every agent busy the call waits, and is offered when an agent is free again', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, queue, ringing, view, alex, blair }) => {
        await queue([alex]);
        const busy = await callAction(blair, 'dial', { destination: alex.extension }, 201);
        await callAction(blair, 'answer', { callId: busy.callId });
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        const call = await pstnCall(admin, CALLER, number);
        assert.equal((await view(call.callSessionId)).queue?.position, 1);
        assert.equal((await callsOf(alex)).length, 1, 'Alex is on his call, not offered');
        await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });
        await clock.advance(RETRY);
        assert.deepEqual(await ringing(alex), [alex.name]);
      }));

    it('agents leaving and joining through the API change who is offered calls', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, queue, join, ringing, alex, blair }) => {
        const id = await queue([alex, blair]);
        await join(alex, id, false);
        const first = await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair), [blair.name], 'Alex left: Blair is offered');
        await admin.post(`/sandbox/v1/calls/${first.callSessionId}/pstn/hangup`, {});
        await join(blair, id, false);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair), [], 'nobody joined: the call waits');
        await join(alex, id, true);
        await clock.advance(RETRY);
        assert.deepEqual(await ringing(alex, blair), [alex.name], 'Alex joined again and is offered the waiting call');
        const agent = await admin.get(`/v1/telephony/config/queues/agents/${alex.id}`, { max: 10, start: 0 });
        assert.equal(agent.status, 200, agent.text);
        assert.deepEqual(agent.body.queues.map((q: any) => [q.name, q.joinEnabled]), [['Support', true]]);
      }));

    it('queue size: a call beyond it overflows (busy treatment; transfer to a number)', () =>
      inWorld(() => world(dialect), async ({ admin, number, queue, queues, put, view, alex, devon }) => {
        const id = await queue([], { queueSize: 1 });
        const first = await pstnCall(admin, CALLER, number);
        assert.equal((await view(first.callSessionId)).queue?.position, 1);
        const second = await pstnCall(admin, OTHER_CALLER, number);
        assert.deepEqual(second.legs, [], 'the queue is full: the caller hears busy');
        await put(`${queues}/${id}`, { queueSettings: { queueSize: 1, overflow: { action: 'TRANSFER_TO_PHONE_NUMBER', transferNumber: devon.extension, greeting: 'DEFAULT' } } });
        await pstnCall(admin, OTHER_CALLER, number);
        const transferred = await onlyCall(devon);
        assert.equal(transferred.state, 'alerting');
        assert.deepEqual(transferred.redirections, [{ reason: 'busy', redirectingParty: SUPPORT }]);
        assert.equal((await callsOf(alex)).length, 0);
      }));

    it('overflow after wait: a call waiting overflowAfterWaitTime goes to the overflow destination', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, queue, view, devon }) => {
        await queue([], { overflow: { action: 'TRANSFER_TO_PHONE_NUMBER', transferNumber: devon.extension, overflowAfterWaitEnabled: true, overflowAfterWaitTime: 30 } });
        const call = await pstnCall(admin, CALLER, number);
        await clock.advance(29_000);
        assert.equal((await callsOf(devon)).length, 0);
        assert.equal((await view(call.callSessionId)).queue?.position, 1);
        await clock.advance(1000);
        assert.deepEqual((await onlyCall(devon)).redirections, [{ reason: 'noAnswer', redirectingParty: SUPPORT }]);
        assert.equal((await view(call.callSessionId)).queue, undefined);
      }));

    it('second caller waits behind the first: positions follow arrival', () =>
      inWorld(() => world(dialect), async ({ admin, number, queue, view }) => {
        await queue([]);
        const first = await pstnCall(admin, CALLER, number);
        const second = await pstnCall(admin, OTHER_CALLER, number);
        assert.equal((await view(first.callSessionId)).queue?.position, 1);
        assert.equal((await view(second.callSessionId)).queue?.position, 2);
        // The list of active calls (what the console loads first) shows each caller's place too.
        const listed = await admin.get('/sandbox/v1/calls');
        assert.equal(listed.status, 200, listed.text);
        const places = new Map(listed.body.items.map((s: { callSessionId: string; queue?: { position: number } }) => [s.callSessionId, s.queue?.position]));
        assert.deepEqual([places.get(first.callSessionId), places.get(second.callSessionId)], [1, 2]);
        await admin.post(`/sandbox/v1/calls/${first.callSessionId}/pstn/hangup`, {});
        assert.equal((await view(second.callSessionId)).queue?.position, 1);
      }));
  });
}
