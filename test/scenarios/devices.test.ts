import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { defaultLocation } from '../support/factories.ts';
import { callWorld, inWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// A device is where a line rings: a person's line added to another person's phone (a shared call
// appearance, through the device's members) makes calls to the person ring that phone too; the
// first to answer takes the call. The calls go through the simulator and the Call Controls API.

const CALLER = '+14155550123';

const line = (id: string, port: number, primaryOwner: boolean) => ({
  id,
  port,
  primaryOwner,
  lineType: primaryOwner ? 'PRIMARY' : 'SHARED_CALL_APPEARANCE',
  lineWeight: 1,
  hotlineEnabled: false,
  hotlineDestination: '',
  allowCallDeclineEnabled: true,
});

/** A phone of `owner` carrying `shared`'s line on port 2. */
async function sharedLinePhone(admin: Client, owner: Caller, shared: Caller): Promise<string> {
  const device = await admin.post('/v1/devices', { mac: randomBytes(6).toString('hex').replace(/^0/, 'a'), model: 'DMS Cisco 8865', personId: owner.id });
  assert.equal(device.status, 200, device.text);
  const members = await admin.put(`/v1/telephony/config/devices/${device.body.id}/members`, { members: [line(owner.id, 1, true), line(shared.id, 2, false)] });
  assert.equal(members.status, 204, members.text);
  return device.body.id;
}

const ringing = async (admin: Client, callSessionId: string) =>
  (await session(admin, callSessionId)).legs.filter((l) => l.state === 'alerting').map((l) => l.party.personId);

for (const dialect of dialects) {
  describe(`Devices in calls (${dialect})`, () => {
    it("given Blair's line on Alex's phone, when a caller calls Blair, then both phones ring; Alex answers and Blair's phone stops", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair }) => {
        await sharedLinePhone(admin, alex, blair);
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual((await ringing(admin, inbound.callSessionId)).sort(), [alex.id, blair.id].sort());
        const atAlex = await onlyCall(alex);
        assert.equal(atAlex.remoteParty.number, CALLER);
        await callAction(alex, 'answer', { callId: atAlex.id });
        assert.deepEqual(await callsOf(blair), [], "Blair's phone stopped ringing");
        assert.equal((await onlyCall(alex)).state, 'connected');
      }));

    it("given Blair's line on Alex's phone, when Blair answers, then Alex's phone stops ringing", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair }) => {
        await sharedLinePhone(admin, alex, blair);
        await pstnCall(admin, CALLER, blair.extension);
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        assert.deepEqual(await callsOf(alex), []);
        assert.equal((await onlyCall(blair)).state, 'connected');
      }));

    it('given the shared line taken off the phone (or the phone deleted), when a caller calls Blair, then only Blair rings', () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair, casey }) => {
        const deviceId = await sharedLinePhone(admin, alex, blair);
        const put = await admin.put(`/v1/telephony/config/devices/${deviceId}/members`, { members: [line(alex.id, 1, true)] });
        assert.equal(put.status, 204, put.text);
        const first = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual(await ringing(admin, first.callSessionId), [blair.id]);
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action: 'busy' });

        const other = await sharedLinePhone(admin, casey, blair);
        assert.equal((await admin.delete(`/v1/devices/${other}`)).status, 204);
        const second = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual(await ringing(admin, second.callSessionId), [blair.id]);
      }));

    it("given a DECT handset with Alex's line first and Blair's second, when a caller calls Blair, then Alex rings too and answers; taken off, only Blair rings", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair }) => {
        const location = (await defaultLocation(admin)).id;
        const network = await admin.post(`/v1/telephony/config/locations/${location}/dectNetworks`, {
          name: `DECT ${randomBytes(4).toString('hex')}`,
          model: 'DMS Cisco DBS210',
          defaultAccessCodeEnabled: false,
          defaultAccessCode: '',
        });
        assert.equal(network.status, 201, network.text);
        const path = `/v1/telephony/config/locations/${location}/dectNetworks/${network.body.dectNetworkId}`;
        const handset = await admin.post(`${path}/handsets`, { line1MemberId: alex.id, line2MemberId: blair.id, customDisplayName: 'Alex DECT' });
        assert.equal(handset.status, 201, handset.text);
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual((await ringing(admin, inbound.callSessionId)).sort(), [alex.id, blair.id].sort());
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assert.deepEqual(await callsOf(blair), [], "Blair's phone stopped ringing");
        await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });

        assert.equal((await admin.request('DELETE', `${path}/handsets/`, { body: { handsetIds: [], deleteAll: true } })).status, 204);
        const after = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual(await ringing(admin, after.callSessionId), [blair.id]);
      }));

    it("given Blair's line on Alex's phone, when Alex calls Blair, then Alex's own phone does not ring with the call", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair }) => {
        await sharedLinePhone(admin, alex, blair);
        // The simulator's phone places the call at once (no click-to-dial ring first).
        const dial = await admin.post('/sandbox/v1/calls', { from: alex.id, to: blair.extension });
        assert.equal(dial.status, 201, dial.text);
        const atBlair = await onlyCall(blair);
        assert.equal(atBlair.state, 'alerting');
        assert.equal((await callsOf(alex)).length, 1, 'only the call Alex placed');
      }));
  });
}
