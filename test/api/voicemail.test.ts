import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { upload, wav } from '../support/announcements.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A person's voicemail box over the API: the settings document (admin and For Me paths), PIN
// reset and passcode rules, greeting uploads, the organization's voicemail rules and settings,
// and the Voice Messages API of an empty box. Messages left by callers: test/scenarios/voicemail.test.ts.

const admin$ = (id: string) => `/v1/people/${id}/features/voicemail`;
const ME = '/v1/telephony/config/people/me/settings/voicemail';

const defaultsFor = (email: string) => ({
  enabled: false,
  sendAllCalls: { enabled: false },
  sendBusyCalls: { enabled: true, greeting: 'DEFAULT', greetingUploaded: false },
  sendUnansweredCalls: { enabled: true, greeting: 'DEFAULT', greetingUploaded: false, numberOfRings: 3, systemMaxNumberOfRings: 20 },
  notifications: { enabled: false },
  transferToNumber: { enabled: false },
  emailCopyOfMessage: { enabled: false, emailId: email },
  messageStorage: { mwiEnabled: true, storageType: 'INTERNAL', externalEmail: email },
  faxMessage: { enabled: false },
});

for (const dialect of dialects) {
  describe(`Voicemail settings and box (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it('given a new calling user, when the admin and the person read voicemail, then both see Webex’s defaults', async () => {
      const person = await createCallingUser(admin);
      const reply = await admin.get(admin$(person.id));
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body, defaultsFor(person.emails[0]!));
      const own = await clientWithScopes(admin, person.id, ['spark:calls_read']);
      const mine = await own.get(ME);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body, defaultsFor(person.emails[0]!));
    });

    it('when the admin turns voicemail on with send-all and a transfer on 0, then it reads back on both paths; the person changes it back', async () => {
      const person = await createCallingUser(admin);
      const colleague = await createCallingUser(admin);
      const change = {
        enabled: true,
        sendAllCalls: { enabled: true },
        sendUnansweredCalls: { numberOfRings: 5 },
        transferToNumber: { enabled: true, destination: (colleague as unknown as { extension: string }).extension },
        notifications: { enabled: true, destination: 'me@example.com' },
        emailCopyOfMessage: { enabled: true, emailId: 'copy@example.com' },
        faxMessage: { enabled: true, phoneNumber: '+14155550123' },
      };
      assert.equal((await admin.put(admin$(person.id), change)).status, 204);
      const doc = (await admin.get(admin$(person.id))).body;
      assert.equal(doc.enabled, true);
      assert.equal(doc.sendAllCalls.enabled, true);
      assert.deepEqual(doc.sendUnansweredCalls, { enabled: true, greeting: 'DEFAULT', greetingUploaded: false, numberOfRings: 5, systemMaxNumberOfRings: 20 });
      assert.deepEqual(doc.transferToNumber, { enabled: true, destination: (colleague as unknown as { extension: string }).extension });
      assert.deepEqual(doc.emailCopyOfMessage, { enabled: true, emailId: 'copy@example.com' });
      const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
      assert.deepEqual((await own.get(ME)).body, doc);
      assert.equal((await own.put(ME, { enabled: false, sendAllCalls: { enabled: false } })).status, 204);
      const back = (await admin.get(admin$(person.id))).body;
      assert.equal(back.enabled, false);
      assert.equal(back.sendAllCalls.enabled, false);
      assert.equal(back.sendUnansweredCalls.numberOfRings, 5);
    });

    it('when a body breaks the schema or the rules of the description, then it is a 400 and nothing changes', async () => {
      const person = await createCallingUser(admin);
      const invalid = [
        { enabled: 'yes' },
        { sendUnansweredCalls: { numberOfRings: 1 } },
        { sendUnansweredCalls: { numberOfRings: 21 } },
        { sendBusyCalls: { greeting: 'CUSTOM' } },
        { sendBusyCalls: { greeting: 'LOUD' } },
        { notifications: { enabled: true } },
        { notifications: { enabled: true, destination: 'not-an-email' } },
        { notifications: { enabled: true, smsDestination: '12345' } },
        { transferToNumber: { enabled: true } },
        { transferToNumber: { enabled: true, destination: '**' } },
        { emailCopyOfMessage: { enabled: true, emailId: 'nope' } },
        { messageStorage: { storageType: 'EXTERNAL', externalEmail: '' } },
        { faxMessage: { enabled: true } },
      ];
      for (const body of invalid) assertWebexError(await admin.put(admin$(person.id), body), 400);
      assert.deepEqual((await admin.get(admin$(person.id))).body, defaultsFor(person.emails[0]!));
    });

    it('given another organization, when its admin names this person, then every voicemail operation is a 404', async () => {
      const person = await createCallingUser(admin);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(admin$(person.id)), 404);
      assertWebexError(await other.admin.put(admin$(person.id), { enabled: true }), 404);
      assertWebexError(await other.admin.post(`${admin$(person.id)}/actions/resetPin/invoke`, {}), 404);
      assertWebexError(await other.admin.put(`/v1/telephony/config/people/${person.id}/voicemail/passcode`, { passcode: '740215' }), 404);
      assertWebexError(await upload(other.admin, 'POST', `${admin$(person.id)}/actions/uploadBusyGreeting/invoke`, { content: wav(), fileName: 'busy.wav' }), 404);
    });

    describe('passcodes', () => {
      it('when the admin sets a passcode, then the location’s rules apply: length, repeats, sequences, own number, previous passcodes', async () => {
        const person = await createCallingUser(admin);
        const path = `/v1/telephony/config/people/${person.id}/voicemail/passcode`;
        for (const passcode of ['12345', '1a2b3c4', '7111125', '2345690', '9876012', '121212', `90${(person as unknown as { extension: string }).extension}`, '3'.repeat(31)]) {
          assertWebexError(await admin.put(path, { passcode }), 400, /passcode/);
        }
        assert.equal((await admin.put(path, { passcode: '740215' })).status, 204);
        assertWebexError(await admin.put(path, { passcode: '740215' }), 400, /last 10/);
        assertWebexError(await admin.put(path, { passcode: '512047' }), 400, /reversed/);
        assert.equal((await admin.put(path, { passcode: '830462' })).status, 204);
      });

      it('the person sets their own PIN and reads their rules; a reset uses the organization’s default PIN once enabled', async () => {
        const person = await createCallingUser(admin);
        const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
        const rules = await own.get('/v1/telephony/config/people/me/voicemail/rules');
        assert.equal(rules.status, 200, rules.text);
        assert.deepEqual(rules.body.length, { min: 6, max: 30 });
        assert.deepEqual(rules.body.blockPreviousPasscodes, { enabled: true, numberOfPasscodes: 10 });
        assert.equal((await own.put('/v1/telephony/config/people/me/voicemail/pin', { passcode: '602817' })).status, 204);
        assertWebexError(await own.put('/v1/telephony/config/people/me/voicemail/pin', { passcode: '111111' }), 400);
        assert.equal((await admin.post(`${admin$(person.id)}/actions/resetPin/invoke`, {})).status, 204);
      });

      it('the organization’s voicemail rules: defaults, a default PIN that must itself follow the rules, ranges', async () => {
        const org = await createOrganization(server.anonymous);
        const rules = await org.admin.get('/v1/telephony/config/voicemail/rules');
        assert.equal(rules.status, 200, rules.text);
        assert.equal(rules.body.defaultVoicemailPinRules.defaultVoicemailPinEnabled, false);
        assert.deepEqual(rules.body.blockPreviousPasscodes, { enabled: true, numberOfPasscodes: 10 });
        assertWebexError(await org.admin.put('/v1/telephony/config/voicemail/rules', { defaultVoicemailPinEnabled: true }), 400);
        assertWebexError(await org.admin.put('/v1/telephony/config/voicemail/rules', { defaultVoicemailPinEnabled: true, defaultVoicemailPin: '1111' }), 400);
        assertWebexError(await org.admin.put('/v1/telephony/config/voicemail/rules', { expirePasscode: { enabled: true, numberOfDays: 3 } }), 400);
        assertWebexError(await org.admin.put('/v1/telephony/config/voicemail/rules', { blockPreviousPasscodes: { enabled: true, numberOfPasscodes: 11 } }), 400);
        assert.equal((await org.admin.put('/v1/telephony/config/voicemail/rules', { defaultVoicemailPinEnabled: true, defaultVoicemailPin: '580392' })).status, 204);
        const after = (await org.admin.get('/v1/telephony/config/voicemail/rules')).body;
        assert.equal(after.defaultVoicemailPinRules.defaultVoicemailPinEnabled, true);
        assert.equal(JSON.stringify(after).includes('580392'), false, 'the default PIN is never shown');
      });

      it('the organization’s voicemail settings: defaults, a change read back, the expiry range', async () => {
        const org = await createOrganization(server.anonymous);
        const path = '/v1/telephony/config/voicemail/settings';
        assert.deepEqual((await org.admin.get(path)).body, {
          messageExpiryEnabled: false,
          numberOfDaysForMessageExpiry: 15,
          strictDeletionEnabled: false,
          voiceMessageForwardingEnabled: true,
        });
        assert.equal((await org.admin.put(path, { messageExpiryEnabled: true, numberOfDaysForMessageExpiry: 30 })).status, 204);
        assert.equal((await org.admin.get(path)).body.numberOfDaysForMessageExpiry, 30);
        assertWebexError(await org.admin.put(path, { messageExpiryEnabled: true, numberOfDaysForMessageExpiry: 0 }), 400);
        assertWebexError(await org.admin.put(path, { messageExpiryEnabled: 'yes', numberOfDaysForMessageExpiry: 10 }), 400);
      });
    });

    describe('greetings', () => {
      it('when the admin uploads a busy greeting, then it is marked uploaded and CUSTOM may be chosen', async () => {
        const person = await createCallingUser(admin);
        const reply = await upload(admin, 'POST', `${admin$(person.id)}/actions/uploadBusyGreeting/invoke`, { content: wav(), fileName: 'busy.wav' });
        assert.equal(reply.status, 201, reply.text);
        const doc = (await admin.get(admin$(person.id))).body;
        assert.equal(doc.sendBusyCalls.greetingUploaded, true);
        assert.equal(doc.sendUnansweredCalls.greetingUploaded, false);
        assert.equal((await admin.put(admin$(person.id), { sendBusyCalls: { greeting: 'CUSTOM' } })).status, 204);
        assertWebexError(await admin.put(admin$(person.id), { sendUnansweredCalls: { greeting: 'CUSTOM' } }), 400);
      });

      it('the person uploads their own no-answer greeting; a file that is not a supported WAV is a 400, JSON a 415', async () => {
        const person = await createCallingUser(admin);
        const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
        const path = '/v1/telephony/config/people/me/settings/voicemail/actions/noAnswerGreetingUpload/invoke';
        assert.equal((await upload(own, 'POST', path, { content: wav(), fileName: 'hello.wav' })).status, 201);
        assert.equal((await own.get(ME)).body.sendUnansweredCalls.greetingUploaded, true);
        assertWebexError(await upload(own, 'POST', path, { content: new TextEncoder().encode('not audio'), fileName: 'x.wav' }), 400);
        assertWebexError(await upload(own, 'POST', path, { content: wav({ sampleRate: 44100 }), fileName: 'cd.wav' }), 400);
        assertWebexError(await upload(own, 'POST', path, {}), 400);
        assertWebexError(await own.post(path, {}), 415);
      });
    });

    describe('voice messages of an empty box', () => {
      it('lists nothing, sums zero, and a message ID that is not the person’s is a 404', async () => {
        const person = await createCallingUser(admin);
        const own = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
        assert.deepEqual((await own.get('/v1/telephony/voiceMessages')).body, { items: [] });
        assert.deepEqual((await own.get('/v1/telephony/voiceMessages/summary')).body, {
          newMessages: 0,
          oldMessages: 0,
          newUrgentMessages: 0,
          oldUrgentMessages: 0,
        });
        assert.equal((await own.post('/v1/telephony/voiceMessages/markAsRead', {})).status, 204);
        assertWebexError(await own.post('/v1/telephony/voiceMessages/markAsRead', { messageId: 'nope' }), 404);
        assertWebexError(await own.delete('/v1/telephony/voiceMessages/nope'), 404);
        assertWebexError(await own.get('/v1/telephony/voiceMessages', { lineOwnerId: 'someone-else' }), 400);
        const noScope = await clientWithScopes(admin, person.id, ['spark:people_read']);
        assertWebexError(await noScope.get('/v1/telephony/voiceMessages'), 403);
      });
    });
  });
}
