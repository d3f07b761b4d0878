import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeNumbers } from '../support/factories.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Hunt groups ringing their agents, end to end: the group is set up through the API, callers
// come from the simulator (PSTN) or a person's phone, and a manual clock counts the rings
// (6 seconds each).

const CALLER = '+14155550123';
const RING = 6000;

async function world(dialect: Dialect) {
  // Webhook receivers on loopback are allowed, for the telephony_calls events.
  const { server, clock, admin, ...people } = await callWorld(dialect, { config: { webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } } } });
  const hq = await defaultLocation(server.admin);
  const [number] = await freeNumbers(server.admin, hq.id);
  /** Creates the hunt group (number, extension 5100) and answers its ID. */
  const huntGroup = async (policy: string, agents: (Caller | [Caller, string])[], noAnswer: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const reply = await server.admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, {
      name: 'Sales',
      phoneNumber: number,
      extension: '5100',
      enabled: true,
      callPolicies: {
        policy,
        noAnswer: { nextAgentEnabled: true, nextAgentRings: 2, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false, ...noAnswer },
        ...extra,
      },
      agents: agents.map((a) => (Array.isArray(a) ? { id: a[0].id, weight: a[1] } : { id: a.id })),
    });
    assert.equal(reply.status, 200, reply.text);
    return reply.body.id as string;
  };
  const setPhone = async (who: Caller, phone: Record<string, unknown>) => {
    const reply = await server.admin.put(`/sandbox/v1/people/${who.id}/phone`, phone);
    assert.equal(reply.status, 200, reply.text);
  };
  /** Who of these is being offered the call now (alerting). */
  const ringing = async (...who: Caller[]) => {
    const out: string[] = [];
    for (const c of who) if ((await callsOf(c)).some((call) => call.state === 'alerting')) out.push(c.name);
    return out;
  };
  return { server, clock, admin: server.admin, number: number!, huntGroup, setPhone, ringing, ...people };
}

for (const dialect of dialects) {
  describe(`hunt group calls (${dialect})`, () => {
    it('REGULAR: a PSTN call to the number rings the agents in order, advancing after nextAgentRings; the agent sees the hunt group', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, huntGroup, ringing, alex, blair, casey }) => {
        await huntGroup('REGULAR', [alex, blair, casey]);
        const call = await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair, casey), [alex.name]);
        const offered = await onlyCall(alex);
        assert.deepEqual(offered.redirections, [{ reason: 'huntGroup', redirectingParty: { name: 'Sales', number: '5100', privacyEnabled: false, callType: 'location' } }]);
        assert.equal(offered.remoteParty.number, CALLER);
        await clock.advance(2 * RING - 1);
        assert.deepEqual(await ringing(alex, blair, casey), [alex.name]);
        await clock.advance(1);
        assert.deepEqual(await ringing(alex, blair, casey), [blair.name], 'after two rings the next agent');
        assert.deepEqual(await callsOf(alex), []);
        await clock.advance(2 * RING);
        assert.deepEqual(await ringing(alex, blair, casey), [casey.name]);
        await clock.advance(2 * RING);
        assert.deepEqual(await ringing(alex, blair, casey), [casey.name], 'REGULAR stops at the last agent, who rings on');
        await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
        assert.equal((await onlyCall(casey)).state, 'connected');
        const legs = (await session(admin, call.callSessionId)).legs;
        assert.deepEqual(legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected']]);
      }));

    it('the agent\'s telephony_calls events carry the hunt group in redirections', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, alex }) => {
        const sink = await WebhookSink.start();
        try {
          const hook = await alex.api.post('/v1/webhooks', { name: 'calls', targetUrl: sink.url(), resource: 'telephony_calls', event: 'all' });
          assert.equal(hook.status, 200, hook.text);
          await huntGroup('REGULAR', [alex]);
          await pstnCall(admin, CALLER, number);
          await sink.waitFor(() => sink.accepted().some((r) => r.body.data?.eventType === 'received'), 'the received event');
          const received = sink.accepted().find((r) => r.body.data.eventType === 'received')!.body.data;
          assert.equal(received.state, 'alerting');
          assert.deepEqual(received.redirections, [{ reason: 'huntGroup', redirectingParty: { name: 'Sales', number: '5100', privacyEnabled: false, callType: 'location' } }]);
        } finally {
          await sink.close();
        }
      }));

    it('SIMULTANEOUS: a person dialling the extension rings every agent at once; the first answer wins and the others stop ringing', () =>
      inWorld(() => world(dialect), async ({ huntGroup, ringing, alex, blair, casey, devon }) => {
        await huntGroup('SIMULTANEOUS', [blair, casey, devon]);
        const dialled = await callAction(alex, 'dial', { destination: '5100' }, 201);
        await callAction(alex, 'answer', { callId: dialled.callId });
        assert.deepEqual(await ringing(blair, casey, devon), [blair.name, casey.name, devon.name]);
        await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
        assert.deepEqual(await ringing(blair, casey, devon), []);
        assert.deepEqual([(await callsOf(blair)).length, (await callsOf(devon)).length], [0, 0]);
        assert.deepEqual([(await onlyCall(alex)).state, (await onlyCall(casey)).state], ['connected', 'connected']);
      }));

    it('CIRCULAR: the next call starts with the agent after the one offered last', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, ringing, blair, casey, devon }) => {
        await huntGroup('CIRCULAR', [blair, casey, devon]);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(blair, casey, devon), [blair.name]);
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        await callAction(blair, 'hangup', { callId: (await onlyCall(blair)).id });
        await pstnCall(admin, '+14155550124', number);
        assert.deepEqual(await ringing(blair, casey, devon), [casey.name]);
        await callAction(casey, 'reject', { callId: (await onlyCall(casey)).id });
        assert.deepEqual(await ringing(blair, casey, devon), [devon.name], 'a declining agent passes the call on');
        await callAction(devon, 'reject', { callId: (await onlyCall(devon)).id });
        assert.deepEqual(await ringing(blair, casey, devon), [blair.name], 'CIRCULAR wraps around');
      }));

    it('UNIFORM: the agent idle longest is offered first', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, ringing, blair, casey }) => {
        await huntGroup('UNIFORM', [blair, casey]);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(blair, casey), [blair.name], 'neither took a call yet: in order');
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        await callAction(blair, 'hangup', { callId: (await onlyCall(blair)).id });
        await pstnCall(admin, '+14155550124', number);
        assert.deepEqual(await ringing(blair, casey), [casey.name], 'Blair just took a call; Casey has been idle longer');
      }));

    it('WEIGHTED: agents are drawn by weight (an agent of weight 0 comes last)', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, ringing, blair, casey }) => {
        await huntGroup('WEIGHTED', [
          [blair, '0'],
          [casey, '100'],
        ]);
        for (const from of ['+14155550124', '+14155550125']) {
          await pstnCall(admin, from, number);
          assert.deepEqual(await ringing(blair, casey), [casey.name]);
          await callAction(casey, 'reject', { callId: (await callsOf(casey)).find((c) => c.state === 'alerting')!.id });
          assert.deepEqual(await ringing(blair, casey), [blair.name]);
          await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id });
        }
      }));

    it('busy agents are skipped; with every agent busy the call goes to the busy destination, marked busy', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, ringing, setPhone, alex, blair, casey, devon }) => {
        await huntGroup('REGULAR', [alex, blair, casey], {}, { busyRedirect: { enabled: true, destination: devon.extension } });
        await setPhone(alex, { busy: true });
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair, casey), [blair.name], 'Alex is busy');
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        // Now Blair is on a call and Alex's phone is busy: Casey only.
        await pstnCall(admin, '+14155550124', number);
        assert.deepEqual(await ringing(alex, blair, casey, devon), [casey.name]);
        await callAction(casey, 'reject', { callId: (await onlyCall(casey)).id });
        const forwarded = await onlyCall(devon);
        assert.equal(forwarded.state, 'alerting');
        assert.deepEqual(forwarded.redirections, [{ reason: 'busy', redirectingParty: { name: 'Sales', number: '5100', privacyEnabled: false, callType: 'location' } }]);
      }));

    it('no answer: after numberOfRings the call is forwarded to the destination; without forwarding it ends unanswered', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, huntGroup, ringing, alex, blair, devon }) => {
        await huntGroup('REGULAR', [alex, blair], { nextAgentEnabled: false, forwardEnabled: true, numberOfRings: 3, destination: devon.extension });
        const call = await pstnCall(admin, CALLER, number);
        await clock.advance(3 * RING - 1);
        assert.deepEqual(await ringing(alex, blair, devon), [alex.name], 'without nextAgentEnabled the first agent rings on');
        await clock.advance(1);
        assert.deepEqual(await ringing(alex, blair, devon), [devon.name]);
        assert.equal((await onlyCall(devon)).redirections![0] && (await onlyCall(devon)).redirections!.length, 1);
        assert.deepEqual(((await onlyCall(devon)).redirections![0] as { reason: string }).reason, 'noAnswer');
        await callAction(devon, 'answer', { callId: (await onlyCall(devon)).id });
        assert.deepEqual((await session(admin, call.callSessionId)).legs.map((l) => l.state), ['connected', 'connected']);
      }));

    it('without forwarding, nobody answering within numberOfRings ends the call unanswered', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, huntGroup, ringing, alex, blair }) => {
        await huntGroup('SIMULTANEOUS', [alex, blair], { numberOfRings: 4 });
        const call = await pstnCall(admin, CALLER, number);
        await clock.advance(4 * RING - 1);
        assert.deepEqual(await ringing(alex, blair), [alex.name, blair.name]);
        await clock.advance(1);
        assert.deepEqual(await ringing(alex, blair), []);
        assert.deepEqual((await session(admin, call.callSessionId)).legs, []);
      }));

    it('call forwarding always: the call goes straight to the destination, marked unconditional, and no agent rings', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, ringing, alex, blair, devon }) => {
        const id = await huntGroup('SIMULTANEOUS', [alex, blair]);
        const hq = await defaultLocation(admin);
        const forwarding = `/v1/telephony/config/locations/${hq.id}/huntGroups/${id}/callForwarding`;
        assert.equal((await admin.put(forwarding, { callForwarding: { always: { enabled: true, destination: devon.extension } } })).status, 204);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair, devon), [devon.name]);
        assert.equal(((await onlyCall(devon)).redirections![0] as { reason: string }).reason, 'unconditional');
        assert.equal((await admin.put(forwarding, { callForwarding: { always: { enabled: false } } })).status, 204);
        await pstnCall(admin, '+14155550124', number);
        assert.deepEqual(await ringing(alex, blair), [alex.name, blair.name]);
      }));

    it('selective forwarding: a rule in force (its schedule covers now, its callers match) forwards; others leave the agents ringing', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, huntGroup, ringing, alex, devon }) => {
        const id = await huntGroup('REGULAR', [alex]);
        const hq = await defaultLocation(admin);
        const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
        const schedules = `/v1/telephony/config/locations/${hq.id}/schedules`;
        const around = { name: 'Around now', startDate: day(-2), endDate: day(2), allDayEnabled: true };
        const later = { name: 'Later', startDate: day(30), endDate: day(31), allDayEnabled: true };
        assert.equal((await admin.post(schedules, { type: 'holidays', name: 'Closed now', events: [around] })).status, 201);
        assert.equal((await admin.post(schedules, { type: 'holidays', name: 'Closed later', events: [later] })).status, 201);
        const forwarding = `/v1/telephony/config/locations/${hq.id}/huntGroups/${id}/callForwarding`;
        assert.equal((await admin.put(forwarding, { callForwarding: { selective: { enabled: true, destination: devon.extension } } })).status, 204);
        const rule = (name: string, holidaySchedule: string, numbers?: string[]) => ({
          name,
          holidaySchedule,
          forwardTo: { selection: 'FORWARD_TO_DEFAULT_NUMBER' },
          callsFrom: numbers ? { selection: 'CUSTOM', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false, numbers } } : { selection: 'ANY', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false } },
          callsTo: { numbers: [] },
        });
        assert.equal((await admin.post(`${forwarding}/selectiveRules`, rule('Later', 'Closed later'))).status, 201);
        await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, devon), [alex.name], 'a rule whose schedule does not cover now does nothing');
        await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id });
        assert.equal((await admin.post(`${forwarding}/selectiveRules`, rule('VIP now', 'Closed now', ['+14155550199']))).status, 201);
        await pstnCall(admin, '+14155550124', number);
        assert.deepEqual(await ringing(alex, devon), [alex.name], 'a caller the rule does not name rings the agents');
        await callAction(alex, 'reject', { callId: (await onlyCall(alex)).id });
        await pstnCall(admin, '+14155550199', number);
        assert.deepEqual(await ringing(alex, devon), [devon.name]);
        assert.equal(((await onlyCall(devon)).redirections![0] as { reason: string }).reason, 'timeOfDay');
      }));

    it('a caller who hangs up stops the hunt; a disabled hunt group takes no calls', () =>
      inWorld(() => world(dialect), async ({ admin, number, huntGroup, ringing, alex, blair }) => {
        const id = await huntGroup('SIMULTANEOUS', [alex, blair]);
        const call = await pstnCall(admin, CALLER, number);
        assert.deepEqual(await ringing(alex, blair), [alex.name, blair.name]);
        assert.equal((await admin.post(`/sandbox/v1/calls/${call.callSessionId}/pstn/hangup`, {})).status, 204);
        assert.deepEqual(await ringing(alex, blair), []);
        const hq = await defaultLocation(admin);
        assert.equal((await admin.put(`/v1/telephony/config/locations/${hq.id}/huntGroups/${id}`, { enabled: false })).status, 204);
        assert.equal((await admin.post('/sandbox/v1/calls', { from: CALLER, to: number })).status, 400);
      }));
  });
}
