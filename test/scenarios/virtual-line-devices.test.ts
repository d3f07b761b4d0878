import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { createDevice, memberLine } from '../support/devices.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeExtension, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// A virtual line put on a phone (device members) or a DECT handset as one of its lines rings
// there too: a call to it alerts the phone's owner or the handset's holder as well as the
// virtual line's own simulated phone, and whoever answers first takes the call. The device
// lists show it with memberType VIRTUAL_LINE, and deleting the virtual line takes it off them.

const CALLER = '+14155550123';
const LINES = '/v1/telephony/config/virtualLines';
const DEVICES = '/v1/telephony/config/devices';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK });
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const extension = freeExtension();
  const reply = await admin.post(LINES, { firstName: 'Front', lastName: 'Desk', locationId: hq.id, phoneNumber: number, extension });
  assert.equal(reply.status, 201, reply.text);
  const line = { id: reply.body.id as string, number: number!, extension };
  const phone = `/sandbox/v1/virtualLines/${line.id}/calls`;
  const lineCalls = async () => (await admin.get(phone)).body.items as { id: string; state: string }[];
  return { server, admin, hq, line, phone, lineCalls, ...people };
}

/** A phone of `owner` carrying the virtual line on port 2. */
async function lineOnPhone(admin: Client, owner: Caller, lineId: string): Promise<string> {
  const device = await createDevice(admin, { personId: owner.id });
  const put = await admin.put(`${DEVICES}/${device.id}/members`, { members: [memberLine(owner.id, 1), memberLine(lineId, 2)] });
  assert.equal(put.status, 204, put.text);
  return device.id;
}

/** A DECT network of the location with one handset: `holder`'s line first, the virtual line second (or the other way round). */
async function lineOnHandset(admin: Client, locationId: string, holder: Caller, lineId: string, lineFirst = false): Promise<string> {
  const network = await admin.post(`/v1/telephony/config/locations/${locationId}/dectNetworks`, {
    name: `DECT ${randomBytes(4).toString('hex')}`,
    model: 'DMS Cisco DBS210',
    defaultAccessCodeEnabled: false,
    defaultAccessCode: '',
  });
  assert.equal(network.status, 201, network.text);
  const path = `/v1/telephony/config/locations/${locationId}/dectNetworks/${network.body.dectNetworkId}`;
  const [line1MemberId, line2MemberId] = lineFirst ? [lineId, holder.id] : [holder.id, lineId];
  const handset = await admin.post(`${path}/handsets`, { line1MemberId, line2MemberId, customDisplayName: 'Desk DECT' });
  assert.equal(handset.status, 201, handset.text);
  return path;
}

const ringing = async (admin: Client, callSessionId: string) =>
  (await session(admin, callSessionId)).legs.filter((l) => l.state === 'alerting').map((l) => l.party.personId ?? l.party.virtualLineId);

for (const dialect of dialects) {
  describe(`Virtual lines on phones and DECT handsets (${dialect})`, () => {
    it("given the virtual line on Alex's phone, when a PSTN caller dials its number, then Alex and the line's phone ring; Alex answers and the line stops ringing", () =>
      inWorld(() => world(dialect), async ({ admin, line, lineCalls, alex }) => {
        await lineOnPhone(admin, alex, line.id);
        const inbound = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual((await ringing(admin, inbound.callSessionId)).sort(), [alex.id, line.id].sort());
        const atAlex = await onlyCall(alex);
        assert.equal(atAlex.remoteParty.number, CALLER);
        await callAction(alex, 'answer', { callId: atAlex.id });
        assert.deepEqual(await lineCalls(), [], "the virtual line's phone stopped ringing");
        assert.equal((await onlyCall(alex)).state, 'connected');
      }));

    it("given the virtual line on Alex's phone, when its own phone answers, then Alex stops ringing; taken off the phone, only the line rings", () =>
      inWorld(() => world(dialect), async ({ admin, line, phone, lineCalls, alex }) => {
        const deviceId = await lineOnPhone(admin, alex, line.id);
        await pstnCall(admin, CALLER, line.number);
        const [atLine] = await lineCalls();
        assert.equal((await admin.post(`${phone}/answer`, { callId: atLine!.id })).status, 204);
        assert.deepEqual(await callsOf(alex), []);
        assert.equal((await admin.post(`${phone}/hangup`, { callId: atLine!.id })).status, 204);

        const put = await admin.put(`${DEVICES}/${deviceId}/members`, { members: [memberLine(alex.id, 1)] });
        assert.equal(put.status, 204, put.text);
        const after = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual(await ringing(admin, after.callSessionId), [line.id]);
      }));

    it("given the virtual line second on a DECT handset held by Blair, when a caller dials the line, then Blair rings too and answers", () =>
      inWorld(() => world(dialect), async ({ admin, hq, line, lineCalls, blair }) => {
        const path = await lineOnHandset(admin, hq.id, blair, line.id);
        const handsets = await admin.get(`${path}/handsets`);
        assert.equal(handsets.status, 200, handsets.text);
        const lines = handsets.body.handsets[0].lines as { memberId: string; memberType: string; firstName: string; extension: string }[];
        assert.deepEqual(
          lines.map((l) => [l.memberId, l.memberType]),
          [
            [blair.id, 'PEOPLE'],
            [line.id, 'VIRTUAL_LINE'],
          ],
        );
        assert.deepEqual([lines[1]!.firstName, lines[1]!.extension], ['Front', line.extension]);

        const inbound = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual((await ringing(admin, inbound.callSessionId)).sort(), [blair.id, line.id].sort());
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        assert.deepEqual(await lineCalls(), []);
      }));

    it('given a DECT handset whose first line is the virtual line and second is Blair, when a caller dials Blair, then the virtual line rings too (it holds the handset)', () =>
      inWorld(() => world(dialect), async ({ admin, hq, line, lineCalls, blair }) => {
        await lineOnHandset(admin, hq.id, blair, line.id, true);
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual((await ringing(admin, inbound.callSessionId)).sort(), [blair.id, line.id].sort());
        await callAction(blair, 'answer', { callId: (await onlyCall(blair)).id });
        assert.deepEqual(await lineCalls(), []);
      }));

    it("given the virtual line on Alex's phone, then the members GET, the line's devices and the virtual lines list show it", () =>
      inWorld(() => world(dialect), async ({ admin, hq, line, alex }) => {
        const deviceId = await lineOnPhone(admin, alex, line.id);
        const members = await admin.get(`${DEVICES}/${deviceId}/members`);
        assert.equal(members.status, 200, members.text);
        const member = members.body.members.find((m: { port: number }) => m.port === 2);
        assert.deepEqual(
          {
            id: member.id,
            memberType: member.memberType,
            firstName: member.firstName,
            lastName: member.lastName,
            phoneNumber: member.phoneNumber,
            extension: member.extension,
            primaryOwner: member.primaryOwner,
            lineType: member.lineType,
            location: member.location.id,
          },
          { id: line.id, memberType: 'VIRTUAL_LINE', firstName: 'Front', lastName: 'Desk', phoneNumber: line.number, extension: line.extension, primaryOwner: false, lineType: 'SHARED_CALL_APPEARANCE', location: hq.id },
        );

        const devices = await admin.get(`${LINES}/${line.id}/devices`);
        assert.equal(devices.status, 200, devices.text);
        assert.deepEqual(
          devices.body.devices.map((d: { id: string; type: string; primaryOwner: boolean; owner: { id: string; type: string; firstName: string } }) => [d.id, d.type, d.primaryOwner, d.owner.id, d.owner.type]),
          [[deviceId, 'SHARED_CALL_APPEARANCE', false, alex.id, 'PEOPLE']],
        );
        const details = await admin.get(`${LINES}/${line.id}`);
        assert.deepEqual(details.body.devices.map((d: { id: string }) => d.id), [deviceId]);
        const withDevice = await admin.get(`${LINES}?hasDeviceAssigned=true`);
        assert.deepEqual(
          withDevice.body.virtualLines.map((l: { id: string; numberOfDevicesAssigned: number }) => [l.id, l.numberOfDevicesAssigned]),
          [[line.id, 1]],
        );
        const without = await admin.get(`${LINES}?hasDeviceAssigned=false`);
        assert.ok(!without.body.virtualLines.some((l: { id: string }) => l.id === line.id));
      }));

    it('given a virtual line, then the available members of a device and of the organization list it, unless excluded or asked for owners', () =>
      inWorld(() => world(dialect), async ({ admin, line, blair }) => {
        const device = await createDevice(admin, { personId: blair.id });
        const available = await admin.get(`${DEVICES}/${device.id}/availableMembers?max=1000`);
        assert.equal(available.status, 200, available.text);
        const found = available.body.members.find((m: { id: string }) => m.id === line.id);
        assert.deepEqual([found?.memberType, found?.firstName, found?.lineType], ['VIRTUAL_LINE', 'Front', 'SHARED_CALL_APPEARANCE']);
        const byName = await admin.get(`${DEVICES}/${device.id}/availableMembers?memberName=front%20desk`);
        assert.deepEqual(byName.body.members.map((m: { id: string }) => m.id), [line.id]);

        const org = await admin.get(`${DEVICES}/availableMembers?max=1000`);
        assert.equal(org.status, 200, org.text);
        assert.ok(org.body.members.some((m: { id: string; memberType: string }) => m.id === line.id && m.memberType === 'VIRTUAL_LINE'));
        for (const query of ['excludeVirtualLine=true', 'usageType=DEVICE_OWNER']) {
          const reply = await admin.get(`${DEVICES}/availableMembers?max=1000&${query}`);
          assert.equal(reply.status, 200, reply.text);
          assert.ok(!reply.body.members.some((m: { id: string }) => m.id === line.id), query);
        }
        const count = await admin.get(`${DEVICES}/availableMembers/count?excludeVirtualLine=true`);
        const all = await admin.get(`${DEVICES}/availableMembers/count`);
        assert.equal(all.body.totalCount, count.body.totalCount + 1);
      }));

    it("given a virtual line, then it cannot be a phone's primary (owner's) line", () =>
      inWorld(() => world(dialect), async ({ admin, line, alex }) => {
        const device = await createDevice(admin, { personId: alex.id });
        const put = await admin.put(`${DEVICES}/${device.id}/members`, { members: [memberLine(line.id, 1)] });
        assert.equal(put.status, 400, put.text);
      }));

    it('given the virtual line on a phone and a DECT handset, when it is deleted, then the phone and the handset no longer carry it', () =>
      inWorld(() => world(dialect), async ({ admin, hq, line, alex, blair }) => {
        const deviceId = await lineOnPhone(admin, alex, line.id);
        const path = await lineOnHandset(admin, hq.id, blair, line.id);
        assert.equal((await admin.delete(`${LINES}/${line.id}`)).status, 204);

        const members = await admin.get(`${DEVICES}/${deviceId}/members`);
        assert.deepEqual(members.body.members.map((m: { id: string }) => m.id), [alex.id]);
        // The ports are free again: the owner's line alone, then another line on port 2.
        const put = await admin.put(`${DEVICES}/${deviceId}/members`, { members: [memberLine(alex.id, 1), memberLine(blair.id, 2)] });
        assert.equal(put.status, 204, put.text);
        const handsets = await admin.get(`${path}/handsets`);
        assert.deepEqual(handsets.body.handsets[0].lines.map((l: { memberId: string }) => l.memberId), [blair.id]);
        const network = await admin.get(path);
        assert.equal(network.body.numberOfLines, 1);
      }));
  });
}
