import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientWithScopes, freeNumbers, defaultLocation } from '../support/factories.ts';
import { callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// What the other party sees of a caller, end to end: caller ID settings set through the Webex API,
// calls placed by the simulator's phones; the PSTN side's view is the sandbox session's
// remoteParty, a colleague's is their call's remoteParty. Anonymous call rejection refuses
// callers who withhold their identity.

const CALLER = '+14155550123';
const NATIONAL = '+14155550177';
const LOCATION_MAIN_NUMBER = '+15715550100';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const put = async (path: string, body: Record<string, unknown>) => {
    const reply = await server.admin.put(path, body);
    assert.equal(reply.status, 204, reply.text);
  };
  return { server, admin: server.admin, ...people, put, callerId: (p: Caller) => `/v1/people/${p.id}/features/callerId` };
}

/** The person's phone calls an external number; what that external party sees of them. */
async function seenOutside(w: { admin: any }, from: Caller, to = NATIONAL) {
  const reply = await w.admin.post('/sandbox/v1/calls', { from: from.id, to });
  assert.equal(reply.status, 201, reply.text);
  const pstn = (reply.body.legs as any[]).find((l) => l.party.kind === 'pstn');
  return pstn.remoteParty as { name?: string; number?: string; privacyEnabled: boolean };
}

for (const dialect of dialects) {
  describe(`caller ID on calls (${dialect})`, () => {
    it('given Webex’s defaults, then an external party sees the caller’s direct line and name', () =>
      inWorld(() => world(dialect), async (w) => {
        assert.deepEqual(await seenOutside(w, w.alex), { name: w.alex.name, number: w.alex.number, privacyEnabled: false });
      }));

    it('given the location number is selected, then outside parties see the location’s main number; a person without a number does by default', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(w.callerId(w.alex), { selected: 'LOCATION_NUMBER' });
        assert.deepEqual(await seenOutside(w, w.alex), { name: w.alex.name, number: LOCATION_MAIN_NUMBER, privacyEnabled: false });
        assert.equal((await w.admin.get(w.callerId(w.casey))).body.selected, 'LOCATION_NUMBER');
        assert.equal((await seenOutside(w, w.casey)).number, LOCATION_MAIN_NUMBER);
      }));

    it('given a custom number and another name, then outside parties see those; with the location name policy, the location’s name', () =>
      inWorld(() => world(dialect), async (w) => {
        const location = await defaultLocation(w.admin);
        const [custom] = await freeNumbers(w.admin, location.id);
        await w.put(w.callerId(w.alex), { selected: 'CUSTOM', customNumber: custom, externalCallerIdNamePolicy: 'OTHER', customExternalCallerIdName: 'Rivera Sales' });
        assert.deepEqual(await seenOutside(w, w.alex), { name: 'Rivera Sales', number: custom, privacyEnabled: false });
        await w.put(w.callerId(w.alex), { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'LOCATION' });
        assert.deepEqual(await seenOutside(w, w.alex), { name: location.name, number: w.alex.number, privacyEnabled: false });
        await w.put(w.callerId(w.alex), { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'DIRECT_LINE', directLineCallerIdName: { selection: 'CUSTOM_NAME', customName: 'Alex R.' } });
        assert.equal((await seenOutside(w, w.alex)).name, 'Alex R.');
      }));

    it('given colleagues, then they see the caller’s internal identity whatever number is presented outside', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(w.callerId(w.alex), { selected: 'LOCATION_NUMBER', externalCallerIdNamePolicy: 'OTHER', customExternalCallerIdName: 'Front Desk' });
        await w.admin.post('/sandbox/v1/calls', { from: w.alex.id, to: w.blair.extension });
        const ringing = await onlyCall(w.blair);
        assert.deepEqual([ringing.remoteParty.name, ringing.remoteParty.number, ringing.remoteParty.privacyEnabled], [w.alex.name, w.alex.extension, false]);
      }));

    it('given the person blocks their caller ID (For Me), then outside parties and colleagues see a private caller', () =>
      inWorld(() => world(dialect), async (w) => {
        const own = await clientWithScopes(w.admin, w.alex.id, ['spark:calls_read', 'spark:calls_write']);
        assert.equal((await own.put('/v1/telephony/config/people/me/settings/callerId', { callingLineIdDeliveryBlockingEnabled: true })).status, 204);
        assert.deepEqual(await seenOutside(w, w.alex), { privacyEnabled: true });
        await w.admin.post('/sandbox/v1/calls', { from: w.alex.id, to: w.blair.extension });
        const ringing = await onlyCall(w.blair);
        assert.deepEqual(ringing.remoteParty, { privacyEnabled: true, callType: 'location' });
        // The caller still sees the colleague on their own call as usual.
        const mine = (await callsOf(w.alex)).find((c) => c.remoteParty.number === w.blair.extension);
        assert.deepEqual([mine?.remoteParty.name, mine?.remoteParty.privacyEnabled], [w.blair.name, false]);
      }));

    it('given the person restricts their connected line identity (For Me), then whoever calls them sees a private party', () =>
      inWorld(() => world(dialect), async (w) => {
        const own = await clientWithScopes(w.admin, w.alex.id, ['spark:calls_read', 'spark:calls_write']);
        assert.equal((await own.put('/v1/telephony/config/people/me/settings/callerId', { connectedLineIdentificationRestrictionEnabled: true })).status, 204);
        await w.admin.post('/sandbox/v1/calls', { from: w.blair.id, to: w.alex.extension });
        assert.deepEqual((await onlyCall(w.blair)).remoteParty, { privacyEnabled: true, callType: 'location' });
        const external = await w.admin.post('/sandbox/v1/calls', { from: CALLER, to: w.alex.extension });
        const pstn = (external.body.legs as any[]).find((l) => l.party.kind === 'pstn');
        assert.deepEqual(pstn.remoteParty, { privacyEnabled: true });
        // Alex still sees who calls, and calls placed by Alex are not withheld.
        assert.deepEqual((await callsOf(w.alex)).map((c) => c.remoteParty.privacyEnabled), [false, false]);
        assert.deepEqual(await seenOutside(w, w.alex), { name: w.alex.name, number: w.alex.number, privacyEnabled: false });
      }));

    it('given an external caller withholds their number, then the person sees a private caller', () =>
      inWorld(() => world(dialect), async (w) => {
        const reply = await w.admin.post('/sandbox/v1/calls', { from: CALLER, to: w.alex.extension, privacyEnabled: true });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual((await onlyCall(w.alex)).remoteParty, { privacyEnabled: true, callType: 'external' });
      }));

    it('given an agent selects a hunt group’s caller ID, then outside parties see the group’s name and number; choosing their own restores it', () =>
      inWorld(() => world(dialect), async (w) => {
        const location = await defaultLocation(w.admin);
        const [number] = await freeNumbers(w.admin, location.id);
        const agentPath = `/v1/telephony/config/people/${w.alex.id}/agent`;
        assert.deepEqual((await w.admin.get(`${agentPath}/availableCallerIds`)).body, { availableCallerIds: [] });
        const created = await w.admin.post(`/v1/telephony/config/locations/${location.id}/huntGroups`, {
          name: 'Support Line',
          phoneNumber: number,
          extension: '5300',
          enabled: true,
          huntGroupCallerIdForOutgoingCallsEnabled: true,
          callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 2, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } },
          agents: [{ id: w.alex.id }],
        });
        assert.equal(created.status, 200, created.text);
        const group = { id: created.body.id, type: 'HUNT_GROUP', name: 'Support Line', phoneNumber: number, extension: '5300' };
        assert.deepEqual((await w.admin.get(`${agentPath}/availableCallerIds`)).body, { availableCallerIds: [group] });
        assert.deepEqual((await w.admin.get(`${agentPath}/callerId`)).body, {});
        await w.put(`${agentPath}/callerId`, { selectedCallerId: created.body.id });
        assert.deepEqual((await w.admin.get(`${agentPath}/callerId`)).body, { selectedCallerId: group });
        assert.deepEqual(await seenOutside(w, w.alex), { name: 'Support Line', number, privacyEnabled: false });

        const own = await clientWithScopes(w.admin, w.alex.id, ['spark:calls_read', 'spark:calls_write']);
        const mine = (await own.get('/v1/telephony/config/people/me/settings/availableCallerIds')).body.availableCallerIds;
        assert.deepEqual(mine.map((c: any) => [c.type, c.name]), [['DEFAULT_CLID', w.alex.name], ['HUNT_GROUP', 'Support Line']]);
        assert.equal((await own.get('/v1/telephony/config/people/me/settings/selectedCallerId')).body.selected.type, 'HUNT_GROUP');
        assert.equal((await own.put('/v1/telephony/config/people/me/settings/selectedCallerId', { selected: { type: 'DEFAULT_CLID' } })).status, 204);
        assert.deepEqual(await seenOutside(w, w.alex), { name: w.alex.name, number: w.alex.number, privacyEnabled: false });
        // Blair is no agent of the group: it is not theirs to choose.
        const refused = await w.admin.put(`/v1/telephony/config/people/${w.blair.id}/agent/callerId`, { selectedCallerId: created.body.id });
        assert.equal(refused.status, 400, refused.text);
      }));

    describe('anonymous call rejection', () => {
      it('given it is on, then a caller withholding their number is refused and others still ring the person', () =>
        inWorld(() => world(dialect), async (w) => {
          await w.put(`/v1/telephony/config/people/${w.alex.id}/anonymousCallReject`, { enabled: true });
          const anonymous = await w.admin.post('/sandbox/v1/calls', { from: CALLER, to: w.alex.extension, privacyEnabled: true });
          assert.equal(anonymous.status, 201, anonymous.text);
          assert.deepEqual((await session(w.admin, anonymous.body.callSessionId)).legs, [], 'the anonymous caller’s call ended');
          assert.deepEqual(await callsOf(w.alex), []);
          await pstnCall(w.admin, CALLER, w.alex.extension);
          assert.equal((await onlyCall(w.alex)).state, 'alerting');
        }));

      it('given it is on (For Me), then a colleague who blocks their caller ID is refused too', () =>
        inWorld(() => world(dialect), async (w) => {
          const own = await clientWithScopes(w.admin, w.alex.id, ['spark:calls_read', 'spark:calls_write']);
          assert.equal((await own.put('/v1/telephony/config/people/me/settings/anonymousCallReject', { enabled: true })).status, 204);
          const blair = await clientWithScopes(w.admin, w.blair.id, ['spark:calls_read', 'spark:calls_write']);
          assert.equal((await blair.put('/v1/telephony/config/people/me/settings/callerId', { callingLineIdDeliveryBlockingEnabled: true })).status, 204);
          await w.admin.post('/sandbox/v1/calls', { from: w.blair.id, to: w.alex.extension });
          assert.deepEqual(await callsOf(w.alex), []);
          assert.deepEqual(await callsOf(w.blair), []);
          await w.admin.post('/sandbox/v1/calls', { from: w.devon.id, to: w.alex.extension });
          assert.equal((await onlyCall(w.alex)).state, 'alerting');
        }));
    });
  });
}
