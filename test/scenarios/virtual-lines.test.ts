import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, demoCallers, onlyCall, pstnCall, session } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeExtension, freeNumbers } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

// A virtual line takes and makes calls like a person's line: its simulated phone
// (/sandbox/v1/virtualLines/{id}/calls) rings until devices are assigned to it, and its settings
// change its calls through the same person routing.

const CALLER = '+14155550123';
const LINES = '/v1/telephony/config/virtualLines';

async function inWorld(dialect: Dialect, test: (w: Awaited<ReturnType<typeof world>>) => Promise<void>) {
  const w = await world(dialect);
  try {
    await test(w);
  } finally {
    await w.server.close();
  }
}

async function world(dialect: Dialect) {
  const server = await startServer(dialect, { clock: new SandboxClock('manual') });
  const admin = server.admin;
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const extension = freeExtension();
  const reply = await admin.post(LINES, { firstName: 'Front', lastName: 'Desk', locationId: hq.id, phoneNumber: number, extension });
  assert.equal(reply.status, 201, reply.text);
  const line = { id: reply.body.id as string, number: number!, extension };
  const phone = `/sandbox/v1/virtualLines/${line.id}/calls`;
  const calls = async () => (await admin.get(phone)).body.items as { id: string; state: string; remoteParty: { number?: string; name?: string } }[];
  const act = async (action: string, body: Record<string, unknown>) => assert.equal((await admin.post(`${phone}/${action}`, body)).status, 204);
  return { server, admin, line, calls, act, ...(await demoCallers(admin)) };
}

for (const dialect of dialects) {
  describe(`calls of a virtual line (${dialect})`, () => {
    it('given a virtual line, when a PSTN caller dials its number, then its phone rings and answers', () =>
      inWorld(dialect, async (w) => {
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
      inWorld(dialect, async (w) => {
        const dialled = await callAction(w.alex, 'dial', { destination: w.line.extension }, 201);
        await callAction(w.alex, 'answer', { callId: dialled.callId });
        await w.act('answer', { callId: (await w.calls())[0]!.id });
        const mine = await onlyCall(w.alex);
        assert.deepEqual([mine.state, mine.remoteParty.name, mine.remoteParty.personId], ['connected', 'Front Desk', undefined]);
      }));

    it('given Do Not Disturb on the line, then callers get busy and nothing rings', () =>
      inWorld(dialect, async (w) => {
        assert.equal((await w.admin.put(`${LINES}/${w.line.id}/doNotDisturb`, { enabled: true })).status, 204);
        const inbound = await pstnCall(w.admin, CALLER, w.line.number);
        assert.deepEqual(await w.calls(), []);
        assert.deepEqual((await session(w.admin, inbound.callSessionId)).legs, []);
      }));

    it('given forwarding always to a person, then the person rings instead', () =>
      inWorld(dialect, async (w) => {
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

    it('given the virtual line places a call, then the person rings with the line as the caller', () =>
      inWorld(dialect, async (w) => {
        const placed = await w.admin.post('/sandbox/v1/calls', { from: w.line.id, to: w.alex.extension });
        assert.equal(placed.status, 201, placed.text);
        assert.equal(placed.body.legs[0].party.virtualLineId, w.line.id);
        assert.equal((await onlyCall(w.alex)).remoteParty.name, 'Front Desk');
      }));
  });
}
