import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, onlyCall, pstnCall, session } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError, defaultLocation, freeExtension, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// A virtual line takes and makes calls like a person's line: its simulated phone
// (/sandbox/v1/virtualLines/{id}/calls) rings until devices are assigned to it, and its settings
// change its calls through the same person routing.

const CALLER = '+14155550123';
const NATIONAL = '+14155550177';
const LINES = '/v1/telephony/config/virtualLines';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const extension = freeExtension();
  const reply = await admin.post(LINES, { firstName: 'Front', lastName: 'Desk', locationId: hq.id, phoneNumber: number, extension });
  assert.equal(reply.status, 201, reply.text);
  const line = { id: reply.body.id as string, number: number!, extension };
  const phone = `/sandbox/v1/virtualLines/${line.id}/calls`;
  const calls = async () => (await admin.get(phone)).body.items as { id: string; state: string; remoteParty: { number?: string; name?: string } }[];
  const act = async (action: string, body: Record<string, unknown>) => assert.equal((await admin.post(`${phone}/${action}`, body)).status, 204);
  const put = async (setting: string, body: Record<string, unknown>) => {
    const reply = await admin.put(`${LINES}/${line.id}/${setting}`, body);
    assert.equal(reply.status, 204, reply.text);
  };
  const legs = async (callSessionId: string) => (await session(admin, callSessionId)).legs.map((l) => [l.party.kind, l.state]);
  return { server, admin, clock, line, calls, act, put, legs, ...people };
}

for (const dialect of dialects) {
  describe(`calls of a virtual line (${dialect})`, () => {
    it('given a virtual line, when a PSTN caller dials its number, then its phone rings and answers', () =>
      inWorld(() => world(dialect), async (w) => {
        const inbound = await pstnCall(w.admin, CALLER, w.line.number);
        const [ringing] = await w.calls();
        assert.deepEqual([ringing!.state, ringing!.remoteParty.number], ['alerting', CALLER]);
        await w.act('answer', { callId: ringing!.id });
        assert.deepEqual((await session(w.admin, inbound.callSessionId)).legs.map((l) => [l.party.kind, l.state]), [
          ['pstn', 'connected'],
          ['virtualLine', 'connected'],
        ]);
      }));

    it('given a person dials its extension, then the line rings and the person sees it by its name', () =>
      inWorld(() => world(dialect), async (w) => {
        const dialled = await callAction(w.alex, 'dial', { destination: w.line.extension }, 201);
        await callAction(w.alex, 'answer', { callId: dialled.callId });
        await w.act('answer', { callId: (await w.calls())[0]!.id });
        const mine = await onlyCall(w.alex);
        assert.deepEqual([mine.state, mine.remoteParty.name, mine.remoteParty.personId], ['connected', 'Front Desk', undefined]);
      }));

    it('given Do Not Disturb on the line, then callers get busy and nothing rings', () =>
      inWorld(() => world(dialect), async (w) => {
        assert.equal((await w.admin.put(`${LINES}/${w.line.id}/doNotDisturb`, { enabled: true })).status, 204);
        const inbound = await pstnCall(w.admin, CALLER, w.line.number);
        assert.deepEqual(await w.calls(), []);
        assert.deepEqual((await session(w.admin, inbound.callSessionId)).legs, []);
      }));

    it('given forwarding always to a person, then the person rings instead', () =>
      inWorld(() => world(dialect), async (w) => {
        const path = `${LINES}/${w.line.id}/callForwarding`;
        const current = (await w.admin.get(path)).body;
        const { systemMaxNumberOfRings: _max, ...noAnswer } = current.callForwarding.noAnswer;
        const body = { callForwarding: { ...current.callForwarding, noAnswer, always: { ...current.callForwarding.always, enabled: true, destination: w.blair.extension } }, businessContinuity: current.businessContinuity };
        const put = await w.admin.put(path, body);
        assert.equal(put.status, 204, put.text);
        await pstnCall(w.admin, CALLER, w.line.extension);
        assert.deepEqual(await w.calls(), []);
        const ringing = await onlyCall(w.blair);
        assert.deepEqual([ringing.state, ringing.remoteParty.number], ['alerting', CALLER]);
      }));

    it('given its own outgoing permissions block national calls, then its national call is refused; an internal one goes out', () =>
      inWorld(() => world(dialect), async (w) => {
        const place = (to: string) => w.admin.post('/sandbox/v1/calls', { from: w.line.id, to });
        assert.equal((await place(NATIONAL)).status, 201);
        await w.put('outgoingPermission', { useCustomEnabled: true, callingPermissions: [{ callType: 'NATIONAL', action: 'BLOCK', transferEnabled: false }] });
        assertWebexError(await place(NATIONAL), 403, /NATIONAL/);
        assert.equal((await place(w.alex.extension)).status, 201);
        // An access code the line holds lets the call through when the type asks for one.
        await w.put('outgoingPermission', { callingPermissions: [{ callType: 'NATIONAL', action: 'AUTH_CODE', transferEnabled: false }] });
        assert.equal((await w.admin.post(`${LINES}/${w.line.id}/outgoingPermission/accessCodes`, { code: '4455', description: 'desk' })).status, 201);
        assertWebexError(await place(NATIONAL), 403, /access code/);
        assert.equal((await place(`4455#${NATIONAL}`)).status, 201);
      }));

    it('given its incoming calls intercepted to voicemail, then a caller reaches the box and the line never rings', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put('intercept', { enabled: true, incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: true } });
        const inbound = await pstnCall(w.admin, CALLER, w.line.number);
        assert.deepEqual(await w.calls(), []);
        assert.deepEqual((await w.legs(inbound.callSessionId)).map(([kind]) => kind).sort(), ['pstn', 'voicemail']);
        // Outgoing calls are intercepted too.
        await w.put('intercept', { outgoing: { type: 'INTERCEPT_ALL', transferEnabled: false } });
        assertWebexError(await w.admin.post('/sandbox/v1/calls', { from: w.line.id, to: NATIONAL }), 403, /intercepted/);
      }));

    it('given incoming permissions that block external callers, then a PSTN caller is refused while a colleague still rings it', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put('incomingPermission', { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true });
        const refused = await pstnCall(w.admin, CALLER, w.line.number);
        assert.deepEqual((await session(w.admin, refused.callSessionId)).legs.filter((l) => l.party.kind === 'virtualLine'), []);
        assert.deepEqual(await w.calls(), []);
        assert.equal((await w.admin.post('/sandbox/v1/calls', { from: w.alex.id, to: w.line.extension })).status, 201);
        assert.equal((await w.calls())[0]?.state, 'alerting');
      }));

    it('given voicemail on after 2 rings, then an unanswered call rings the line 12 s on the server clock and the box answers', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put('voicemail', { enabled: true, sendUnansweredCalls: { enabled: true, numberOfRings: 2 }, notifications: { enabled: false }, transferToNumber: { enabled: false } });
        const inbound = await pstnCall(w.admin, CALLER, w.line.number);
        await w.clock.advance(11_999);
        assert.equal((await w.calls())[0]?.state, 'alerting');
        await w.clock.advance(1);
        assert.deepEqual(await w.calls(), []);
        assert.deepEqual(await w.legs(inbound.callSessionId), [
          ['pstn', 'connected'],
          ['voicemail', 'connected'],
        ]);
      }));

    it('given its caller ID set to another name and the location number, then an external party sees those', () =>
      inWorld(() => world(dialect), async (w) => {
        const seenOutside = async () => {
          const placed = await w.admin.post('/sandbox/v1/calls', { from: w.line.id, to: NATIONAL });
          assert.equal(placed.status, 201, placed.text);
          return (placed.body.legs as { party: { kind: string }; remoteParty: { name?: string; number?: string } }[]).find((l) => l.party.kind === 'pstn')!.remoteParty;
        };
        const before = await seenOutside();
        assert.deepEqual([before.name, before.number], ['Front Desk', w.line.number]);
        await w.put('callerId', { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'OTHER', customExternalCallerIdName: 'Reception' });
        assert.deepEqual([(await seenOutside()).name, (await seenOutside()).number], ['Reception', w.line.number]);
        await w.put('callerId', { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'DIRECT_LINE', directLineCallerIdName: { selection: 'LASTNAME_FIRSTNAME' } });
        assert.equal((await seenOutside()).name, 'Desk Front');
      }));

    it('given the virtual line places a call, then the person rings with the line as the caller', () =>
      inWorld(() => world(dialect), async (w) => {
        const placed = await w.admin.post('/sandbox/v1/calls', { from: w.line.id, to: w.alex.extension });
        assert.equal(placed.status, 201, placed.text);
        assert.equal(placed.body.legs[0].party.virtualLineId, w.line.id);
        assert.equal((await onlyCall(w.alex)).remoteParty.name, 'Front Desk');
      }));
  });
}
