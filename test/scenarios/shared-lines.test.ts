import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { memberLine } from '../support/devices.ts';
import { dialects } from '../support/dialects.ts';
import { callWorld, inWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// A shared line on a person's Webex App rings like one on a phone: Blair's line added to Alex's
// app (User Call Settings, shared line appearance) makes calls to Blair ring Alex too. And Alex,
// carrying Blair's line, changes Blair's forwarding through the secondary line paths of Call
// Settings For Me: calls to Blair then go where Alex set. Calls go through the simulator and the
// Call Controls API.

const CALLER = '+14155550123';

/** `shared`'s line on port 2 of `owner`'s Webex App, by the app's ID (the desktop client's). */
async function sharedLineApp(admin: Client, owner: Caller, shared: Caller): Promise<void> {
  const apps = await admin.get(`/v1/people/${owner.id}/features/applications`);
  assert.equal(apps.status, 200, apps.text);
  const put = await admin.put(`/v1/telephony/config/people/${owner.id}/applications/${apps.body.desktopClientId}/members`, {
    members: [memberLine(owner.id, 1), memberLine(shared.id, 2)],
  });
  assert.equal(put.status, 204, put.text);
}

const ringing = async (admin: Client, callSessionId: string) =>
  (await session(admin, callSessionId)).legs.filter((l) => l.state === 'alerting').map((l) => l.party.personId);

for (const dialect of dialects) {
  describe(`Shared lines on Webex Apps and secondary lines in calls (${dialect})`, () => {
    it("given Blair's line on Alex's Webex App, when a caller calls Blair, then Alex rings too and answers; Blair stops ringing", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair }) => {
        await sharedLineApp(admin, alex, blair);
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual((await ringing(admin, inbound.callSessionId)).sort(), [alex.id, blair.id].sort());
        await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
        assert.deepEqual(await callsOf(blair), []);
        assert.equal((await onlyCall(alex)).state, 'connected');
      }));

    it("given the line taken off the app (the New path) or the desktop client disabled, when a caller calls Blair, then only Blair rings", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair, casey }) => {
        await sharedLineApp(admin, alex, blair);
        const put = await admin.put(`/v1/telephony/config/people/${alex.id}/applications/members`, { members: [memberLine(alex.id, 1)] });
        assert.equal(put.status, 204, put.text);
        const first = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual(await ringing(admin, first.callSessionId), [blair.id]);
        await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id, action: 'busy' });

        await sharedLineApp(admin, casey, blair);
        assert.equal((await admin.put(`/v1/people/${casey.id}/features/applications`, { desktopClientEnabled: false })).status, 204);
        const second = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual(await ringing(admin, second.callSessionId), [blair.id]);
      }));

    it("given Blair's line on Alex's app, when Alex forwards it always to Casey through the secondary line path, then a call to Blair rings Casey", () =>
      inWorld(() => callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK }), async ({ admin, alex, blair, casey }) => {
        await sharedLineApp(admin, alex, blair);
        const always = { enabled: true, destination: casey.extension, ringReminderEnabled: false, destinationVoicemailEnabled: false };
        const put = await alex.api.put(`/v1/telephony/config/people/me/settings/secondaryLines/${blair.id}/callForwarding`, { callForwarding: { always } });
        assert.equal(put.status, 204, put.text);
        const inbound = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual(await ringing(admin, inbound.callSessionId), [casey.id]);
        await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
        assert.deepEqual(await callsOf(blair), []);
        assert.deepEqual(await callsOf(alex), []);

        // Turned off again through the same path, Blair's calls ring Blair (and Alex's app) again.
        const off = await alex.api.put(`/v1/telephony/config/people/me/settings/secondaryLines/${blair.id}/callForwarding`, { callForwarding: { always: { enabled: false } } });
        assert.equal(off.status, 204, off.text);
        const again = await pstnCall(admin, CALLER, blair.extension);
        assert.deepEqual((await ringing(admin, again.callSessionId)).sort(), [alex.id, blair.id].sort());
      }));
  });
}
