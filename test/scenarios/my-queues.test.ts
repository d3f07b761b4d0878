import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeId } from '../../src/domain/webex-ids.ts';
import { callsOf, pstnCall, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError, createOrganization, defaultLocation, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// An agent's own call queue settings (Call Settings For Me: GET/PUT /people/me/settings/queues)
// decide whether a queue's calls reach them: leaving a queue or signing out stops the offers,
// joining or becoming available brings them back. The queue's line is listed by List Call Queue
// Calls (/telephony/queues/{queueId}/calls), with the agent being offered each call.

const CALLER = '+14155550123';
const RETRY = 5000;
const MY_QUEUES = '/v1/telephony/config/people/me/settings/queues';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const created = await admin.post(`/v1/telephony/config/locations/${hq.id}/queues`, {
    name: 'Support',
    phoneNumber: number,
    extension: '5200',
    callPolicies: { policy: 'REGULAR', callBounce: { callBounceEnabled: false }, distinctiveRing: { enabled: false } },
    queueSettings: { queueSize: 10, overflow: { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT' }, welcomeMessage: { enabled: false, greeting: 'DEFAULT' } },
    agents: [{ id: people.alex.id }, { id: people.blair.id }],
  });
  assert.equal(created.status, 200, created.text);
  /** Who of these is being offered a call now (alerting). */
  const ringing = async (...who: Caller[]) => {
    const out: string[] = [];
    for (const c of who) if ((await callsOf(c)).some((call) => call.state === 'alerting')) out.push(c.name);
    return out;
  };
  const queueCalls = async () => {
    const reply = await admin.get(`/v1/telephony/queues/${created.body.id}/calls`);
    assert.equal(reply.status, 200, reply.text);
    return reply.body.items as { callId: string; callSessionId: string; remoteParty: { number?: string }; queueName: string; queueNumber?: string; addTime: string; answeringAgentId?: string; answeringAgentType?: string }[];
  };
  const mine = async (caller: Caller, body: Record<string, unknown>) => {
    const reply = await caller.api.put(MY_QUEUES, body);
    assert.equal(reply.status, 204, reply.text);
  };
  return { server, clock, admin, number: number!, queueId: created.body.id as string, ringing, queueCalls, mine, ...people };
}

for (const dialect of dialects) {
  describe(`an agent's own call queues (${dialect})`, () => {
    it('given an agent of a queue, when they read their queues, then they see it joined and available', () =>
      inWorld(() => world(dialect), async ({ alex, queueId, number }) => {
        const reply = await alex.api.get(MY_QUEUES);
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, {
          agentACDState: 'AVAILABLE',
          queues: [{ id: queueId, hasCxEssentials: false, available: true, skillLevel: 1, phoneNumber: number, extension: '5200', allowLogOffEnabled: true }],
        });
      }));

    it('given a call waiting in the queue, when the administrator lists the queue calls, then it shows with the agent it rings', () =>
      inWorld(() => world(dialect), async ({ admin, number, queueCalls, alex }) => {
        const call = await pstnCall(admin, CALLER, number);
        const [waiting, ...rest] = await queueCalls();
        assert.deepEqual(rest, []);
        assert.equal(waiting!.callSessionId, call.callSessionId);
        assert.equal(waiting!.remoteParty.number, CALLER);
        assert.equal(waiting!.queueName, 'Support');
        assert.equal(waiting!.queueNumber, number);
        assert.equal(waiting!.answeringAgentId, alex.id);
        assert.equal(waiting!.answeringAgentType, 'PEOPLE');
        const offered = (await callsOf(alex)).find((c) => c.state === 'alerting')!;
        const answered = await alex.api.post('/v1/telephony/calls/answer', { callId: offered.id });
        assert.equal(answered.status, 204, answered.text);
        assert.deepEqual(await queueCalls(), [], 'answered: no longer waiting');
      }));

    it('given Alex leaves the queue himself, when a call comes in, then Blair is offered it; joining again brings him back', () =>
      inWorld(() => world(dialect), async ({ admin, number, queueId, ringing, mine, alex, blair }) => {
        await mine(alex, { queues: [{ id: queueId, available: false }] });
        assert.equal((await alex.api.get(MY_QUEUES)).body.queues[0].available, false);
        const first = await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair), [blair.name]);
        await admin.post(`/sandbox/v1/calls/${first.callSessionId}/pstn/hangup`, {});
        await mine(alex, { queues: [{ id: queueId, available: true }] });
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair), [alex.name]);
      }));

    it('given both agents unavailable, when a call comes in, then it waits; an agent becoming available is offered it', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, ringing, mine, queueCalls, alex, blair }) => {
        await mine(alex, { agentACDState: 'UNAVAILABLE' });
        await mine(blair, { agentACDState: 'SIGN_OUT' });
        assert.equal((await blair.api.get(MY_QUEUES)).body.agentACDState, 'SIGN_OUT');
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair), [], 'nobody ready: the call waits');
        const [waiting] = await queueCalls();
        assert.equal(waiting!.answeringAgentId, undefined);
        await mine(blair, { agentACDState: 'AVAILABLE' });
        await clock.advance(RETRY);
        assert.deepEqual(await ringing(alex, blair), [blair.name]);
      }));

    it('given a queue the person is no agent of, or bad IDs, then Webex errors answer and nothing changes', () =>
      inWorld(() => world(dialect), async ({ server, admin, queueId, casey, alex }) => {
        assertWebexError(await casey.api.put(MY_QUEUES, { queues: [{ id: queueId, available: false }] }), 400);
        assertWebexError(await alex.api.put(MY_QUEUES, { agentACDState: 'AVAILABLE', queues: [{ id: 'nope', available: false }] }), 400);
        assert.equal((await alex.api.get(MY_QUEUES)).body.queues[0].available, true);
        assertWebexError(await alex.api.put(MY_QUEUES, { agentACDState: 'ASLEEP' }), 400);
        assert.deepEqual((await casey.api.get(MY_QUEUES)).body, { agentACDState: 'AVAILABLE', queues: [] });
        assertWebexError(await admin.get(`/v1/telephony/queues/${encodeId('CALL_QUEUE', '00000000-0000-4000-8000-000000000000')}/calls`), 404);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await other.admin.get(`/v1/telephony/queues/${queueId}/calls`), 404);
        assertWebexError(await alex.api.get(`/v1/telephony/queues/${queueId}/calls`), 403);
      }));
  });
}
