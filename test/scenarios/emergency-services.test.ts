import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callsOf, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { clientWithScopes, defaultLocation } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// What emergency services see of a caller: the line's emergency callback number (ECBN), set
// through the Webex API, on calls placed by the simulator's phones to 911 or 933. The PSAP side's
// view is the sandbox session's remoteParty on the PSTN leg.

const LOCATION_MAIN_NUMBER = '+15715550100';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const put = async (path: string, body: Record<string, unknown>) => {
    const reply = await server.admin.put(path, body);
    assert.equal(reply.status, 204, reply.text);
  };
  const ecbn = (p: Caller) => `/v1/telephony/config/people/${p.id}/emergencyCallbackNumber`;
  return { server, admin: server.admin, ...people, put, ecbn };
}

/** The person's phone dials `to`; what the far end (emergency services or anyone outside) sees of them. */
async function seenBy(w: { admin: any }, from: Caller, to: string) {
  const reply = await w.admin.post('/sandbox/v1/calls', { from: from.id, to });
  assert.equal(reply.status, 201, reply.text);
  const pstn = (reply.body.legs as any[]).find((l) => l.party.kind === 'pstn');
  return pstn.remoteParty as { name?: string; number?: string; privacyEnabled: boolean };
}

for (const dialect of dialects) {
  describe(`emergency calls present the emergency callback number (${dialect})`, () => {
    it('given Webex’s defaults, then a person with a number presents their direct line, an extension-only person the location’s main number', () =>
      inWorld(() => world(dialect), async (w) => {
        assert.equal((await seenBy(w, w.alex, '911')).number, w.alex.number);
        assert.equal((await w.admin.get(w.ecbn(w.casey))).body.selected, 'LOCATION_ECBN');
        assert.equal((await seenBy(w, w.casey, '911')).number, LOCATION_MAIN_NUMBER);
      }));

    it('given caller ID shows the location number, then emergency services still see the ECBN, and everyone else the caller ID', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(`/v1/people/${w.alex.id}/features/callerId`, { selected: 'LOCATION_NUMBER' });
        assert.equal((await seenBy(w, w.alex, '+14155550177')).number, LOCATION_MAIN_NUMBER);
        const emergency = await seenBy(w, w.alex, '911');
        assert.equal(emergency.number, w.alex.number);
        assert.equal(emergency.privacyEnabled, false);
      }));

    it('given another member’s number is chosen as the ECBN, then a 933 call presents that number; back to the direct line, the own number', () =>
      inWorld(() => world(dialect), async (w) => {
        await w.put(w.ecbn(w.alex), { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: w.blair.id });
        assert.equal((await seenBy(w, w.alex, '933')).number, w.blair.number);
        const deps = await w.admin.get(`/v1/telephony/config/people/${w.blair.id}/emergencyCallbackNumber/dependencies`);
        assert.equal(deps.body.dependentMemberCount, 1);
        await w.put(w.ecbn(w.alex), { selected: 'DIRECT_LINE' });
        assert.equal((await seenBy(w, w.alex, '933')).number, w.alex.number);
      }));

    it('given the location’s ECBN is a member, then extension-only people on LOCATION_ECBN present that member’s number', () =>
      inWorld(() => world(dialect), async (w) => {
        const location = await defaultLocation(w.admin);
        await w.put(`/v1/telephony/config/locations/${location.id}/features/emergencyCallbackNumber`, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: w.blair.id });
        assert.equal((await seenBy(w, w.casey, '911')).number, w.blair.number);
        const view = (await w.admin.get(w.ecbn(w.casey))).body;
        assert.equal(view.locationECBNInfo.effectiveLevel, 'LOCATION_ECBN');
        assert.equal(view.locationECBNInfo.effectiveValue, w.blair.number);
      }));

    it('given an extension-only workspace chooses a colleague’s number, then its emergency calls present that number', () =>
      inWorld(() => world(dialect), async (w) => {
        const location = await defaultLocation(w.admin);
        const created = await w.admin.post('/v1/workspaces', { displayName: 'Lobby phone', locationId: location.id, calling: { type: 'webexCalling', webexCalling: { extension: '7399' } } });
        assert.equal(created.status, 201, created.text);
        const lobby = { id: created.body.id as string } as Caller;
        assert.equal((await seenBy(w, lobby, '911')).number, LOCATION_MAIN_NUMBER);
        await w.put(`/v1/telephony/config/workspaces/${lobby.id}/emergencyCallbackNumber`, { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: w.alex.id });
        assert.equal((await seenBy(w, lobby, '911')).number, w.alex.number);
      }));

    it('given the person blocks their caller ID, then emergency services still see their callback number', () =>
      inWorld(() => world(dialect), async (w) => {
        const own = await clientWithScopes(w.admin, w.alex.id, ['spark:calls_read', 'spark:calls_write']);
        assert.equal((await own.put('/v1/telephony/config/people/me/settings/callerId', { callingLineIdDeliveryBlockingEnabled: true })).status, 204);
        assert.deepEqual(await seenBy(w, w.alex, '+14155550177'), { privacyEnabled: true });
        const emergency = await seenBy(w, w.alex, '911');
        assert.deepEqual([emergency.number, emergency.privacyEnabled], [w.alex.number, false]);
        assert.equal((await callsOf(w.alex)).length, 2);
      }));
  });
}
