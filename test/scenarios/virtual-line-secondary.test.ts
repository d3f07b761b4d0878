import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { createDevice, memberLine } from '../support/devices.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError, defaultLocation, freeExtension, freeNumbers } from '../support/factories.ts';
import { hotDeskWorkspace, signIn, voicePortalSignIn } from '../support/hotdesk.ts';
import { callWorld, inWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// A virtual line on a person's phone, Webex App or hot desking profile is one of their secondary
// lines: through Call Settings For Me (…/people/me/settings/secondaryLines/{lineOwnerId}/…) they
// read and change the virtual line's own documents, and calls to the line follow what they set.
// A virtual line is a member of a Webex App and of a hot desking guest profile as of a phone, and
// its calls ring the app's owner and the hot desk the guest is signed in to.

const CALLER = '+14155550123';
const LINES = '/v1/telephony/config/virtualLines';
const PEOPLE = '/v1/telephony/config/people';
const ME = `${PEOPLE}/me/settings/secondaryLines`;

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK });
  const hq = await defaultLocation(admin);
  const [number] = await freeNumbers(admin, hq.id);
  const extension = freeExtension();
  const reply = await admin.post(LINES, { firstName: 'Front', lastName: 'Desk', locationId: hq.id, phoneNumber: number, extension });
  assert.equal(reply.status, 201, reply.text);
  const line = { id: reply.body.id as string, number: number!, extension };
  const lineCalls = async () => (await admin.get(`/sandbox/v1/virtualLines/${line.id}/calls`)).body.items as { id: string; state: string }[];
  return { server, admin, hq, line, lineCalls, ...people };
}

/** A phone of `owner` carrying the virtual line on port 2. */
async function lineOnPhone(admin: Client, owner: Caller, lineId: string): Promise<void> {
  const device = await createDevice(admin, { personId: owner.id });
  const put = await admin.put(`/v1/telephony/config/devices/${device.id}/members`, { members: [memberLine(owner.id, 1), memberLine(lineId, 2)] });
  assert.equal(put.status, 204, put.text);
}

/** `owner`'s Webex App carrying the virtual line on port 2 (the "New" path, by the person alone). */
async function lineOnApp(admin: Client, owner: Caller, lineId: string): Promise<void> {
  const put = await admin.put(`${PEOPLE}/${owner.id}/applications/members`, { members: [memberLine(owner.id, 1), memberLine(lineId, 2)] });
  assert.equal(put.status, 204, put.text);
}

const ringing = async (admin: Client, callSessionId: string) =>
  (await session(admin, callSessionId)).legs
    .filter((l) => l.state === 'alerting')
    .map((l) => l.party.personId ?? l.party.virtualLineId ?? (l.party as { workspaceId?: string }).workspaceId)
    .sort();

for (const dialect of dialects) {
  describe(`Virtual lines as secondary lines, on Webex Apps and hot desking profiles (${dialect})`, () => {
    it("given the virtual line on Alex's phone, when Alex sets its forwarding always to Casey through the For Me secondary line path, then a PSTN call to the line rings Casey only", () =>
      inWorld(() => world(dialect), async ({ admin, line, lineCalls, alex, casey }) => {
        await lineOnPhone(admin, alex, line.id);
        const at = `${ME}/${line.id}/callForwarding`;
        const before = await alex.api.get(at);
        assert.equal(before.status, 200, before.text);
        assert.deepEqual(before.body, (await admin.get(`${LINES}/${line.id}/callForwarding`)).body, "the virtual line's own document");

        const always = { enabled: true, destination: casey.extension, ringReminderEnabled: false, destinationVoicemailEnabled: false };
        const put = await alex.api.put(at, { callForwarding: { always } });
        assert.equal(put.status, 204, put.text);
        const seen = await admin.get(`${LINES}/${line.id}/callForwarding`);
        assert.deepEqual([seen.body.callForwarding.always.enabled, seen.body.callForwarding.always.destination], [true, casey.extension]);
        assert.equal((await admin.get(`/v1/people/${alex.id}/features/callForwarding`)).body.callForwarding.always.enabled, false, "Alex's own forwarding is untouched");

        const inbound = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual(await ringing(admin, inbound.callSessionId), [casey.id]);
        assert.deepEqual(await lineCalls(), []);
        assert.deepEqual(await callsOf(alex), []);
        await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
        assert.equal((await onlyCall(casey)).remoteParty.number, CALLER);

        // Turned off through the same path: the line and Alex's phone ring again.
        const off = await alex.api.put(at, { callForwarding: { always: { enabled: false } } });
        assert.equal(off.status, 204, off.text);
        const again = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual(await ringing(admin, again.callSessionId), [alex.id, line.id].sort());
      }));

    it("given the virtual line on Alex's phone, then its voicemail, caller ID, services, recording, access codes, queues, park and pickup documents answer for the line", () =>
      inWorld(() => world(dialect), async ({ admin, line, alex }) => {
        await lineOnPhone(admin, alex, line.id);
        const at = `${ME}/${line.id}`;
        const own = (await alex.api.get(`${PEOPLE}/me/settings/voicemail`)).body.enabled;
        const voicemail = await alex.api.get(`${at}/voicemail`);
        assert.equal(voicemail.status, 200, voicemail.text);
        const { notifications, transferToNumber } = voicemail.body;
        const putVoicemail = await alex.api.put(`${at}/voicemail`, { enabled: !voicemail.body.enabled, notifications, transferToNumber });
        assert.equal(putVoicemail.status, 204, putVoicemail.text);
        assert.equal((await admin.get(`${LINES}/${line.id}/voicemail`)).body.enabled, !voicemail.body.enabled);
        const services = await alex.api.get(`${at}/services`);
        assert.equal(services.status, 200, services.text);
        assert.equal(services.body.services.includes('Voice Messaging User'), !voicemail.body.enabled, services.text);
        assert.equal((await alex.api.get(`${PEOPLE}/me/settings/voicemail`)).body.enabled, own, "Alex's own voicemail stays");

        const callerId = await alex.api.get(`${at}/callerId`);
        assert.equal(callerId.status, 200, callerId.text);
        assert.equal((await alex.api.put(`${at}/callerId`, { callingLineIdDeliveryBlockingEnabled: true })).status, 204);
        assert.equal((await alex.api.get(`${at}/callerId`)).body.callingLineIdDeliveryBlockingEnabled, true);
        assert.equal((await alex.api.get(`${PEOPLE}/me/settings/callerId`)).body.callingLineIdDeliveryBlockingEnabled, false, "Alex's own stays");

        const available = await alex.api.get(`${at}/availableCallerIds`);
        assert.equal(available.status, 200, available.text);
        assert.deepEqual(available.body.availableCallerIds.map((c: { type: string; name: string; extension?: string }) => [c.type, c.name, c.extension]), [['DEFAULT_CLID', 'Front Desk', line.extension]]);
        assert.equal((await alex.api.get(`${at}/selectedCallerId`)).body.selected.type, 'DEFAULT_CLID');

        for (const setting of ['callRecording', 'featureAccessCode', 'queues', 'callPark', 'callPickupGroup', 'availablePreferredAnswerEndpoints', 'preferredAnswerEndpoint']) {
          const reply = await alex.api.get(`${at}/${setting}`);
          assert.equal(reply.status, 200, `${setting}: ${reply.text}`);
        }
        assert.equal((await alex.api.get(`${at}/queues`)).body.queues.length, 0);
        assert.equal((await alex.api.get(`${at}/callRecording`)).body.enabled, (await admin.get(`${LINES}/${line.id}/callRecording`)).body.enabled);
      }));

    it('given a virtual line not on Alex’s devices, then its secondary line paths are a 404; once on Alex’s app, they answer', () =>
      inWorld(() => world(dialect), async ({ admin, line, alex, blair }) => {
        assertWebexError(await alex.api.get(`${ME}/${line.id}/callForwarding`), 404);
        assertWebexError(await alex.api.get(`${ME}/${line.id}/services`), 404);
        // On Blair's phone, it is Blair's secondary line, not Alex's.
        await lineOnPhone(admin, blair, line.id);
        assertWebexError(await alex.api.get(`${ME}/${line.id}/voicemail`), 404);
        assert.equal((await blair.api.get(`${ME}/${line.id}/voicemail`)).status, 200);
        await lineOnApp(admin, alex, line.id);
        assert.equal((await alex.api.get(`${ME}/${line.id}/callForwarding`)).status, 200);
      }));

    it("given the virtual line on Alex's Webex App, then the app's members show it as VIRTUAL_LINE and its available members offer it; a call to it rings Alex, who answers", () =>
      inWorld(() => world(dialect), async ({ admin, line, lineCalls, alex }) => {
        const offered = await admin.get(`${PEOPLE}/${alex.id}/applications/availableMembers?max=1000`);
        assert.equal(offered.status, 200, offered.text);
        assert.ok(offered.body.members.some((m: { id: string; firstName: string }) => m.id === line.id && m.firstName === 'Front'), offered.text);
        const count = await admin.get(`${PEOPLE}/${alex.id}/applications/availableMembers/count`);

        await lineOnApp(admin, alex, line.id);
        const members = await admin.get(`${PEOPLE}/${alex.id}/applications/members`);
        assert.equal(members.status, 200, members.text);
        assert.deepEqual(
          members.body.members.map((m: { id: string; memberType: string; lineType: string }) => [m.id, m.memberType, m.lineType]),
          [
            [alex.id, 'PEOPLE', 'PRIMARY'],
            [line.id, 'VIRTUAL_LINE', 'SHARED_CALL_APPEARANCE'],
          ],
        );
        const after = await admin.get(`${PEOPLE}/${alex.id}/applications/availableMembers/count`);
        assert.equal(after.body.totalCount, count.body.totalCount - 1, 'on the app, no longer available');

        const inbound = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual(await ringing(admin, inbound.callSessionId), [alex.id, line.id].sort());
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assert.deepEqual(await lineCalls(), []);

        // Deleting the virtual line takes it off the app.
        await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });
        assert.equal((await admin.delete(`${LINES}/${line.id}`)).status, 204);
        const left = await admin.get(`${PEOPLE}/${alex.id}/applications/members`);
        assert.deepEqual(left.body.members.map((m: { id: string }) => m.id), [alex.id]);
      }));

    it("given the virtual line on Blair's hot desking profile, when Blair is signed in to a hot desk, then a call to the line rings the desk too; Blair changes the line's settings as a secondary line", () =>
      inWorld(() => world(dialect), async ({ admin, hq, line, blair }) => {
        const desk = await hotDeskWorkspace(admin, hq.id);
        await voicePortalSignIn(admin, hq.id, [blair.id]);
        const available = await admin.get(`${PEOPLE}/${blair.id}/features/hotDesking/availableMembers?max=1000`);
        assert.equal(available.status, 200, available.text);
        assert.ok(available.body.members.some((m: { id: string; memberType: string }) => m.id === line.id && m.memberType === 'VIRTUAL_LINE'), available.text);
        const profile = await admin.put(`${PEOPLE}/${blair.id}/features/hotDesking/members`, {
          members: [
            { id: blair.id, port: 1, primaryOwner: true, lineType: 'PRIMARY', lineWeight: 1 },
            { id: line.id, port: 2, primaryOwner: false, lineType: 'SHARED_CALL_APPEARANCE', lineWeight: 1, memberType: 'VIRTUAL_PROFILE' },
          ],
        });
        assert.equal(profile.status, 204, profile.text);
        const members = await admin.get(`${PEOPLE}/${blair.id}/features/hotDesking/members`);
        assert.deepEqual(members.body.members.map((m: { id: string; memberType: string }) => [m.id, m.memberType]), [
          [blair.id, 'PEOPLE'],
          [line.id, 'VIRTUAL_LINE'],
        ]);

        await signIn(admin, blair.id, desk.id);
        const inbound = await pstnCall(admin, CALLER, line.number);
        assert.deepEqual(await ringing(admin, inbound.callSessionId), [desk.id, line.id].sort());

        assert.equal((await blair.api.get(`${ME}/${line.id}/voicemail`)).status, 200);
      }));
  });
}
