import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type CallView } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// A workspace with a Webex Calling line makes and takes calls like a person: its simulated phone
// (/sandbox/v1/workspaces/{id}/calls) rings and answers, and its settings (DND, call waiting,
// forwarding) change its calls through the same person routing.

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550124';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const extension = freeExtension();
  const name = unique('Lobby ');
  const reply = await admin.post('/v1/workspaces', {
    displayName: name,
    locationId: hq.id,
    supportedDevices: 'phones',
    calling: { type: 'webexCalling', webexCalling: { phoneNumber: number, extension } },
  });
  assert.equal(reply.status, 201, reply.text);
  const lobby = { id: reply.body.id as string, name, number: number!, extension };
  return { server, clock, admin, lobby, ...people };
}
type World = Awaited<ReturnType<typeof world>>;

/** The workspace phone's calls (the simulator's view, shaped as the Call Controls'). */
async function phoneCalls(w: World): Promise<CallView[]> {
  const reply = await w.admin.get(`/sandbox/v1/workspaces/${w.lobby.id}/calls`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
}

async function phone(w: World, action: string, body: Record<string, unknown>, status = 204) {
  const reply = await w.admin.post(`/sandbox/v1/workspaces/${w.lobby.id}/calls/${action}`, body);
  assert.equal(reply.status, status, `${action}: ${reply.text}`);
  return reply.body;
}

async function setting(w: World, path: string, body: Record<string, unknown>) {
  const reply = await w.admin.put(path, body);
  assert.equal(reply.status, 204, reply.text);
}

async function forwarding(w: World, change: Record<string, unknown>) {
  const path = `/v1/workspaces/${w.lobby.id}/features/callForwarding`;
  const current = (await w.admin.get(path)).body;
  const { systemMaxNumberOfRings: _max, ...noAnswer } = current.callForwarding.noAnswer;
  const callForwarding = { ...current.callForwarding, noAnswer };
  for (const [key, value] of Object.entries(change)) callForwarding[key] = { ...callForwarding[key], ...(value as object) };
  await setting(w, path, { callForwarding, businessContinuity: current.businessContinuity });
}

const redirectionsOf = (call: { redirections?: unknown[] }) =>
  ((call.redirections ?? []) as { reason: string; redirectingParty: { name?: string; personId?: string } }[]).map((r) => [r.reason, r.redirectingParty.name]);

for (const dialect of dialects) {
  describe(`calls of a workspace (${dialect})`, () => {
    it('given a workspace with a number, when a PSTN caller dials it, then its phone rings and, answered, the call connects', () =>
      inWorld(() => world(dialect), async (w) => {
        const inbound = await pstnCall(w.admin, CALLER, w.lobby.number);
        const [ringing] = await phoneCalls(w);
        assert.deepEqual([ringing!.state, ringing!.personality, ringing!.remoteParty.number], ['alerting', 'terminator', CALLER]);
        await phone(w, 'answer', { callId: ringing!.id });
        const legs = (await session(w.admin, inbound.callSessionId)).legs.map((l) => [l.party.kind, l.state]);
        assert.deepEqual(legs, [
          ['pstn', 'connected'],
          ['workspace', 'connected'],
        ]);
        await phone(w, 'hangup', { callId: ringing!.id });
        assert.deepEqual(await phoneCalls(w), []);
      }));

    it('given a person dials the workspace extension, then the workspace rings showing the person, and the person sees the workspace by name (no personId)', () =>
      inWorld(() => world(dialect), async (w) => {
        const { alex } = w;
        const dialled = await callAction(alex, 'dial', { destination: w.lobby.extension }, 201);
        await callAction(alex, 'answer', { callId: dialled.callId });
        const [ringing] = await phoneCalls(w);
        assert.deepEqual([ringing!.state, ringing!.remoteParty.name, ringing!.remoteParty.callType], ['alerting', alex.name, 'location']);
        await phone(w, 'answer', { callId: ringing!.id });
        const mine = await onlyCall(alex);
        assert.deepEqual([mine.state, mine.remoteParty.name, mine.remoteParty.number, mine.remoteParty.personId], ['connected', w.lobby.name, w.lobby.extension, undefined]);
      }));

    it('given the workspace phone places a call to a person, then the person rings with the workspace as the caller', () =>
      inWorld(() => world(dialect), async (w) => {
        const { alex } = w;
        const placed = await w.admin.post('/sandbox/v1/calls', { from: w.lobby.id, to: alex.extension });
        assert.equal(placed.status, 201, placed.text);
        assert.equal(placed.body.legs[0].party.workspaceId, w.lobby.id);
        const ringing = await onlyCall(alex);
        assert.deepEqual([ringing.state, ringing.remoteParty.name], ['alerting', w.lobby.name]);
        await callAction(alex, 'answer', { callId: ringing.id });
        assert.equal((await phoneCalls(w))[0]!.state, 'connected');
      }));

    it('given Do Not Disturb on the workspace, when a PSTN caller calls, then the phone never rings and the caller gets busy', () =>
      inWorld(() => world(dialect), async (w) => {
        await setting(w, `/v1/telephony/config/workspaces/${w.lobby.id}/doNotDisturb`, { enabled: true });
        const inbound = await pstnCall(w.admin, CALLER, w.lobby.number);
        assert.deepEqual(await phoneCalls(w), []);
        assert.deepEqual((await session(w.admin, inbound.callSessionId)).legs, []);
      }));

    it('given forwarding always to a person, when a PSTN caller calls the workspace, then the person rings with the redirection', () =>
      inWorld(() => world(dialect), async (w) => {
        const { alex } = w;
        await forwarding(w, { always: { enabled: true, destination: alex.extension } });
        await pstnCall(w.admin, CALLER, w.lobby.extension);
        assert.deepEqual(await phoneCalls(w), []);
        const ringing = await onlyCall(alex);
        assert.deepEqual([ringing.state, ringing.remoteParty.number, redirectionsOf(ringing)], ['alerting', CALLER, [['unconditional', w.lobby.name]]]);
      }));

    it('given forwarding when not answered after 2 rings, then the workspace rings 12 s on the server clock and the call goes on with reason noAnswer', () =>
      inWorld(() => world(dialect), async (w) => {
        const { blair, clock } = w;
        await forwarding(w, { noAnswer: { enabled: true, destination: blair.extension, numberOfRings: 2 } });
        await pstnCall(w.admin, CALLER, w.lobby.number);
        await clock.advance(11_999);
        assert.equal((await phoneCalls(w))[0]!.state, 'alerting');
        await clock.advance(1);
        assert.deepEqual(await phoneCalls(w), []);
        const ringing = await onlyCall(blair);
        assert.deepEqual([ringing.remoteParty.number, redirectionsOf(ringing)], [CALLER, [['noAnswer', w.lobby.name]]]);
      }));

    it('given call waiting off and forwarding when busy, when a second call comes in during a call, then it goes to the busy destination', () =>
      inWorld(() => world(dialect), async (w) => {
        const { blair } = w;
        await setting(w, `/v1/workspaces/${w.lobby.id}/features/callWaiting`, { enabled: false });
        await forwarding(w, { busy: { enabled: true, destination: blair.extension } });
        await pstnCall(w.admin, CALLER, w.lobby.number);
        await phone(w, 'answer', { callId: (await phoneCalls(w))[0]!.id });
        await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        assert.equal((await phoneCalls(w)).length, 1);
        const ringing = await onlyCall(blair);
        assert.deepEqual([ringing.remoteParty.number, redirectionsOf(ringing)], [OTHER_CALLER, [['busy', w.lobby.name]]]);
      }));

    it('given call waiting on (the default), a second call rings the workspace while it is on a call', () =>
      inWorld(() => world(dialect), async (w) => {
        await pstnCall(w.admin, CALLER, w.lobby.number);
        await phone(w, 'answer', { callId: (await phoneCalls(w))[0]!.id });
        await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        assert.deepEqual((await phoneCalls(w)).map((c) => c.state).sort(), ['alerting', 'connected']);
      }));

    it('given the workspace is deleted during a call, then its call ends', () =>
      inWorld(() => world(dialect), async (w) => {
        const inbound = await pstnCall(w.admin, CALLER, w.lobby.number);
        await phone(w, 'answer', { callId: (await phoneCalls(w))[0]!.id });
        assert.equal((await w.admin.delete(`/v1/workspaces/${w.lobby.id}`)).status, 204);
        assert.deepEqual((await session(w.admin, inbound.callSessionId)).legs, []);
      }));
    it('given the workspace records every call, when it answers a PSTN call, then the call is recorded; with recording off it is not', () =>
      inWorld(() => world(dialect), async (w) => {
        const recording = `/v1/telephony/config/workspaces/${w.lobby.id}/features/callRecordings`;
        assert.equal((await w.admin.get(recording)).body.enabled, false);
        await setting(w, recording, { enabled: true, record: 'Always' });
        const got = await w.admin.get(recording);
        assert.deepEqual([got.status, got.body.enabled, got.body.record], [200, true, 'Always']);
        await pstnCall(w.admin, CALLER, w.lobby.number);
        const [ringing] = await phoneCalls(w);
        await phone(w, 'answer', { callId: ringing!.id });
        assert.equal((await phoneCalls(w))[0]!.recordingState, 'started');
        await phone(w, 'hangup', { callId: ringing!.id });

        await setting(w, recording, { enabled: false });
        await pstnCall(w.admin, OTHER_CALLER, w.lobby.number);
        const [next] = await phoneCalls(w);
        await phone(w, 'answer', { callId: next!.id });
        assert.equal((await phoneCalls(w))[0]!.recordingState, undefined);
      }));
  });
}
