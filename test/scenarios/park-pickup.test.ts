import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, history, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError, defaultLocation } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Call park (extensions, groups, recall) and call pickup end to end: the features are set up
// through the API, callers come from the simulator (PSTN), and a manual clock runs the recall.

const CALLER = '+14155550123';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const hq = await defaultLocation(server.admin);
  const config = `/v1/telephony/config/locations/${hq.id}`;
  const post = async (path: string, body: Record<string, unknown>, status = 201) => {
    const reply = await admin.post(`${config}/${path}`, body);
    assert.equal(reply.status, status, reply.text);
    return reply.body.id as string;
  };
  const parkExtension = (name: string, extension: string) => post('callParkExtensions', { name, extension });
  const huntGroup = (agents: Caller[]) =>
    post(
      'huntGroups',
      {
        name: 'Front desk',
        extension: '5100',
        enabled: true,
        callPolicies: { policy: 'SIMULTANEOUS', noAnswer: { nextAgentEnabled: false, nextAgentRings: 2, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } },
        agents: agents.map((a) => ({ id: a.id })),
      },
      200,
    );
  const parkSettings = async (recallTime: number, huntWaitTime: number) => {
    const reply = await admin.put(`${config}/callParks/settings`, { callParkSettings: { ringPattern: 'NORMAL', recallTime, huntWaitTime } });
    assert.equal(reply.status, 204, reply.text);
  };
  /** A PSTN call to the person, answered by them: their call. */
  const answeredCall = async (who: Caller) => {
    const inbound = await pstnCall(admin, CALLER, who.extension);
    const call = await onlyCall(who);
    await callAction(who, 'answer', { callId: call.id });
    return { call, inbound };
  };
  return { server, clock, admin, post, parkExtension, huntGroup, parkSettings, answeredCall, ...people };
}

for (const dialect of dialects) {
  describe(`call park and call pickup (${dialect})`, () => {
    it('given a call park extension, when a person parks a call on it, then another person retrieves it by the extension; the extension holds one call', () =>
      inWorld(() => world(dialect), async ({ admin, parkExtension, answeredCall, alex, blair }) => {
        await parkExtension('Bay 1', '5801');
        const { call, inbound } = await answeredCall(alex);
        const parked = await callAction(alex, 'park', { callId: call.id, destination: '5801' }, 200);
        assert.deepEqual(parked.parkedAgainst, { name: 'Bay 1', number: '5801', privacyEnabled: false, callType: 'location' });
        assert.deepEqual(await callsOf(alex), []);
        const second = await answeredCall(alex);
        assertWebexError(await alex.api.post('/v1/telephony/calls/park', { callId: second.call.id, destination: '5801' }), 409, /already parked/);

        const retrieved = await callAction(blair, 'retrieve', { destination: '5801' }, 201);
        await callAction(blair, 'answer', { callId: retrieved.callId });
        const talking = await onlyCall(blair);
        assert.deepEqual([talking.state, talking.remoteParty.number], ['connected', CALLER]);
        assert.equal((await session(admin, inbound.callSessionId)).legs.find((l) => l.party.kind === 'pstn')!.state, 'connected');
        assertWebexError(await blair.api.post('/v1/telephony/calls/retrieve', { destination: '5801' }), 404, /parked/);
      }));

    it('given a call park group, when a member group-parks, then the call waits on the first free place of the group (members, then extensions)', () =>
      inWorld(() => world(dialect), async ({ post, parkExtension, answeredCall, alex, blair, casey }) => {
        const bay = await parkExtension('Bay 1', '5801');
        await post('callParks', { name: 'Lobby', recall: { option: 'ALERT_PARKING_USER_ONLY' }, agents: [alex.id, blair.id], parkOnAgentsEnabled: true, callParkExtensions: [bay] });
        const places: string[] = [];
        for (let i = 0; i < 3; i++) {
          const { call } = await answeredCall(alex);
          places.push((await callAction(alex, 'park', { callId: call.id, isGroupPark: true }, 200)).parkedAgainst.name);
        }
        assert.deepEqual(places, [alex.name, blair.name, 'Bay 1']);
        const { call } = await answeredCall(alex);
        assertWebexError(await alex.api.post('/v1/telephony/calls/park', { callId: call.id, isGroupPark: true }), 409, /call park group/);
        const retrieved = await callAction(casey, 'retrieve', { destination: blair.extension }, 201);
        await callAction(casey, 'answer', { callId: retrieved.callId });
        assert.equal((await onlyCall(casey)).remoteParty.number, CALLER);
      }));

    it('given recall "parker first, then hunt group", when nobody retrieves, then the parker is alerted after the recall time and the hunt group after the hunt wait', () =>
      inWorld(() => world(dialect), async ({ clock, post, huntGroup, parkSettings, answeredCall, alex, casey, devon }) => {
        const desk = await huntGroup([casey, devon]);
        await parkSettings(30, 40);
        await post('callParks', { name: 'Lobby', recall: { option: 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP', huntGroupId: desk }, agents: [alex.id] });
        const { call } = await answeredCall(alex);
        await callAction(alex, 'park', { callId: call.id }, 200);
        await clock.advance(29_999);
        assert.deepEqual(await callsOf(alex), []);
        await clock.advance(1);
        const recall = await onlyCall(alex);
        assert.deepEqual([recall.state, recall.recall?.type, recall.remoteParty.number], ['alerting', 'park', CALLER]);
        assert.deepEqual([(await callsOf(casey)).length, (await callsOf(devon)).length], [0, 0]);
        await clock.advance(40_000);
        assert.deepEqual(await callsOf(alex), [], 'the parker stops ringing when the hunt group takes over');
        const offered = await onlyCall(casey);
        assert.equal(offered.state, 'alerting');
        assert.equal((await onlyCall(devon)).state, 'alerting');
        await callAction(casey, 'answer', { callId: offered.id });
        assert.deepEqual([(await onlyCall(casey)).state, (await onlyCall(casey)).remoteParty.number], ['connected', CALLER]);
        assert.deepEqual(await callsOf(devon), []);
      }));

    it('given recall "hunt group only", when the recall time passes, then only the hunt group rings', () =>
      inWorld(() => world(dialect), async ({ clock, post, huntGroup, parkSettings, answeredCall, alex, casey }) => {
        const desk = await huntGroup([casey]);
        await parkSettings(60, 30);
        await post('callParks', { name: 'Lobby', recall: { option: 'ALERT_HUNT_GROUP_ONLY', huntGroupId: desk }, agents: [alex.id] });
        const { call } = await answeredCall(alex);
        await callAction(alex, 'park', { callId: call.id }, 200);
        await clock.advance(60_000);
        assert.deepEqual(await callsOf(alex), []);
        const offered = await onlyCall(casey);
        await callAction(casey, 'answer', { callId: offered.id });
        assert.equal((await onlyCall(casey)).remoteParty.number, CALLER);
      }));

    it('given a call pickup group, when a call rings for one member and another picks up, then the picker takes the call and the member stops ringing', () =>
      inWorld(() => world(dialect), async ({ admin, post, alex, blair, casey, morgan }) => {
        await post('callPickups', { name: 'Floor 2', agents: [alex.id, blair.id, casey.id] });
        assertWebexError(await alex.api.post('/v1/telephony/calls/pickup', {}), 409, /ringing/);
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        assertWebexError(await morgan.api.post('/v1/telephony/calls/pickup', {}), 400, /call pickup group/);
        const picked = await callAction(alex, 'pickup', {}, 201);
        const mine = await onlyCall(alex);
        assert.deepEqual([mine.id, mine.personality, mine.state, mine.remoteParty.number], [picked.callId, 'clickToDial', 'alerting', CALLER]);
        assert.equal(picked.callSessionId, mine.callSessionId);
        await callAction(alex, 'answer', { callId: picked.callId });
        const talking = await onlyCall(alex);
        assert.deepEqual([talking.state, talking.personality, talking.remoteParty.number], ['connected', 'terminator', CALLER]);
        assert.deepEqual(await callsOf(blair), []);
        const legs = (await session(admin, inbound.callSessionId)).legs;
        assert.deepEqual(legs.map((l) => [l.party.kind, l.state]), [['pstn', 'connected'], ['person', 'connected']]);
        await callAction(alex, 'hangup', { callId: picked.callId });
        assert.deepEqual((await history(alex, 'received')).map((h) => h.number), [CALLER]);
      }));

    it('given a person ringing, when someone picks up with them as the target (directed pickup), then that person takes the call', () =>
      inWorld(() => world(dialect), async ({ admin, alex, devon }) => {
        await pstnCall(admin, CALLER, alex.extension);
        const picked = await callAction(devon, 'pickup', { target: alex.extension }, 201);
        await callAction(devon, 'answer', { callId: picked.callId });
        assert.deepEqual([(await onlyCall(devon)).state, (await onlyCall(devon)).remoteParty.number], ['connected', CALLER]);
        assert.deepEqual(await callsOf(alex), []);
        assertWebexError(await devon.api.post('/v1/telephony/calls/pickup', { target: alex.extension }), 409, /ringing/);
      }));
  });
}
