import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, onlyCall, pstnCall, ringing } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// AI receptionists answering calls, end to end: the receptionist and its intents are set up
// through the API; callers come from the simulator (PSTN) or a person's phone. The simulator
// stands for the caller asking for an intent with its key (DTMF 1 for the first intent made);
// asking for nothing it knows ends, after the agent's wait, in the default action.

const CALLER = '+14155550199';

type Session = { attendant?: { name: string; awaiting: string }; legs: { party: { kind: string; name?: string }; state: string }[] };

async function world(dialect: Dialect) {
  // Moved on with set, as before (set never moves a clock back); callWorld then uses it as it is.
  const start = new SandboxClock('manual');
  await start.set(new Date('2026-12-07T10:00:00Z'));
  const { server, clock, admin, ...people } = await callWorld(dialect, { clock: start });
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const base = `/v1/telephony/config/locations/${hq.id}/aiReceptionists`;

  /** "Front desk" (number, extension 5300): intent 1 to Alex, intent 2 to Casey's number; default action as given. */
  const receptionist = async (defaultAction: Record<string, unknown> = { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'DEFAULT' }, enabled = true) => {
    const reply = await admin.post(base, { name: 'Front desk', enabled, phoneNumber: number, extension: '5300', defaultAction, aiAgent: {} });
    assert.equal(reply.status, 201, reply.text);
    const url = `${base}/${reply.body.id}`;
    const intent = async (name: string, transferTo: Record<string, unknown>) => assert.equal((await admin.post(`${url}/intents`, { name, description: name, transferTo })).status, 201);
    await intent('Sales', { contactType: 'PEOPLE', contactId: people.alex.id });
    await intent('Support', { contactType: 'PHONE_NUMBER', phoneNumber: people.casey.extension });
    return url;
  };
  const view = async (callSessionId: string): Promise<Session> => {
    const reply = await admin.get(`/sandbox/v1/calls/${callSessionId}`);
    assert.equal(reply.status, 200, reply.text);
    return reply.body;
  };
  const ask = async (callSessionId: string, dtmf: string) => {
    const reply = await admin.post(`/sandbox/v1/calls/${callSessionId}/pstn/dtmf`, { dtmf });
    assert.equal(reply.status, 204, reply.text);
    return view(callSessionId);
  };
  return { server, clock, admin, number: number!, receptionist, view, ask, ...people };
}

for (const dialect of dialects) {
  describe(`AI receptionist calls (${dialect})`, () => {
    it('answers a call to its number at once; the caller asking for an intent is transferred to its person', () =>
      inWorld(() => world(dialect), async ({ admin, number, receptionist, view, ask, alex, casey }) => {
        await receptionist();
        const call = await pstnCall(admin, CALLER, number);
        const s = await view(call.callSessionId);
        assert.equal(s.attendant?.name, 'Front desk');
        assert.deepEqual(s.legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['autoAttendant', 'connected']]);
        const after = await ask(call.callSessionId, '1');
        assert.equal(after.attendant, undefined, 'the caller has left the receptionist');
        assert.deepEqual(await ringing(alex, casey), [alex.name]);
        const offered = await onlyCall(alex);
        assert.equal(offered.remoteParty.number, CALLER);
        assert.equal((offered.redirections![0] as { redirectingParty: { name: string } }).redirectingParty.name, 'Front desk');
        await callAction(alex, 'answer', { callId: offered.id });
        assert.deepEqual((await view(call.callSessionId)).legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected']]);
      }));

    it('a person dialling its extension reaches it; an intent to a number or extension rings that line', () =>
      inWorld(() => world(dialect), async ({ receptionist, morgan, alex, casey }) => {
        await receptionist();
        // Dial is click-to-dial: Morgan's phone rings first, answering it places the call.
        await callAction(morgan, 'dial', { destination: '5300' }, 201);
        await callAction(morgan, 'answer', { callId: (await onlyCall(morgan)).id });
        const call = await onlyCall(morgan);
        assert.equal(call.state, 'connected', 'the receptionist answers at once');
        assert.equal(call.remoteParty.name, 'Front desk');
        await callAction(morgan, 'transmitDtmf', { callId: call.id, dtmf: '2' });
        assert.deepEqual(await ringing(alex, casey), [casey.name]);
      }));

    it('asking for nothing it knows: the default action transfers to the operator, or plays its message and hangs up', () =>
      inWorld(() => world(dialect), async ({ admin, clock, number, receptionist, view, alex, blair }) => {
        const url = await receptionist({ actionType: 'TRANSFER_TO_OPERATOR', transferTo: { contactType: 'PEOPLE', contactId: blair.id } });
        const call = await pstnCall(admin, CALLER, number);
        await clock.advance(15_000);
        assert.equal((await view(call.callSessionId)).attendant, undefined);
        assert.deepEqual(await ringing(alex, blair), [blair.name]);
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id });
        assert.equal((await admin.put(url, { defaultAction: { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'DEFAULT' } })).status, 204);
        const second = await pstnCall(admin, '+14155550198', number);
        await clock.advance(15_000);
        assert.deepEqual((await view(second.callSessionId)).legs, [], 'message played, call ended');
      }));

    it('a disabled receptionist answers no call', () =>
      inWorld(() => world(dialect), async ({ admin, number, receptionist }) => {
        await receptionist(undefined, false);
        const reply = await admin.post('/sandbox/v1/calls', { from: CALLER, to: number });
        assert.equal(reply.status, 400, reply.text);
      }));
  });
}
