import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createOrganization, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { upload, wav } from '../support/announcements.ts';

// A calling workspace's call settings (Workspace Call Settings): the person's documents, criteria
// and permission lists through the one settings mechanism, on the workspace's paths. Every answer
// is checked against the operation's schema by the test client.

const T = (id: string, name: string) => `/v1/telephony/config/workspaces/${id}/${name}`;
const F = (id: string, name: string) => `/v1/workspaces/${id}/features/${name}`;
const PSTN = '+14155550199';
const CALLER = '+14155550100';

/** One document: its path, Webex's default for a new workspace (fields checked), a PUT and what it changes. */
type Doc = { name: string; path: (id: string) => string; defaults: Record<string, unknown>; put: Record<string, unknown>; after: Record<string, unknown>; invalid?: Record<string, unknown>[] };

const DOCS: Doc[] = [
  { name: 'music on hold', path: (id) => T(id, 'musicOnHold'), defaults: { mohEnabled: true, mohLocationEnabled: true, greeting: 'DEFAULT' }, put: { mohEnabled: false }, after: { mohEnabled: false }, invalid: [{ greeting: 'CUSTOM' }] },
  { name: 'outbound billing plan', path: (id) => T(id, 'outboundBillingPlan'), defaults: { enabled: false }, put: { enabled: true }, after: { enabled: true } },
  {
    name: 'call policies',
    path: (id) => T(id, 'callPolicies'),
    defaults: { connectedLineIdPrivacyOnRedirectedCalls: 'NO_PRIVACY' },
    put: { connectedLineIdPrivacyOnRedirectedCalls: 'PRIVACY_FOR_EXTERNAL_CALLS' },
    after: { connectedLineIdPrivacyOnRedirectedCalls: 'PRIVACY_FOR_EXTERNAL_CALLS' },
  },
  {
    name: 'push to talk',
    path: (id) => T(id, 'pushToTalk'),
    defaults: { allowAutoAnswer: true, connectionType: 'ONE_WAY', accessType: 'BLOCK_MEMBERS' },
    put: { connectionType: 'TWO_WAY' },
    after: { connectionType: 'TWO_WAY' },
    invalid: [{ members: ['nope'] }],
  },
  { name: 'monitoring', path: (id) => F(id, 'monitoring'), defaults: { callParkNotificationEnabled: false, monitoredElements: [] }, put: { enableCallParkNotification: true }, after: { callParkNotificationEnabled: true } },
  {
    name: 'privacy',
    path: (id) => T(id, 'privacy'),
    defaults: { aaExtensionDialingEnabled: true, aaNamingDialingEnabled: true, enablePhoneStatusDirectoryPrivacy: false },
    put: { enablePhoneStatusDirectoryPrivacy: true },
    after: { enablePhoneStatusDirectoryPrivacy: true },
    invalid: [{ monitoringAgents: ['nope'] }],
  },
  {
    name: 'incoming permission',
    path: (id) => F(id, 'incomingPermission'),
    defaults: { useCustomEnabled: false, externalTransfer: 'ALLOW_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true },
    put: { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true },
    after: { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL' },
  },
  {
    name: 'auto transfer numbers',
    path: (id) => F(id, 'outgoingPermission/autoTransferNumbers'),
    defaults: { useCustomTransferNumbers: false },
    put: { useCustomTransferNumbers: true, autoTransferNumber1: PSTN },
    after: { useCustomTransferNumbers: true, autoTransferNumber1: PSTN },
  },
  {
    name: 'intercept',
    path: (id) => F(id, 'intercept'),
    defaults: { enabled: false },
    put: { enabled: true },
    after: { enabled: true },
    invalid: [{ enabled: true, outgoing: { type: 'INTERCEPT_ALL', transferEnabled: true } }],
  },
  { name: 'simultaneous ring', path: (id) => T(id, 'simultaneousRing'), defaults: { enabled: false, doNotRingIfOnCallEnabled: true, criteriasEnabled: false, phoneNumbers: [], criteria: [] }, put: { enabled: true, criteriasEnabled: false, phoneNumbers: [{ phoneNumber: PSTN, answerConfirmationRequiredEnabled: true }] }, after: { enabled: true, phoneNumbers: [{ phoneNumber: PSTN, answerConfirmationRequiredEnabled: true }] }, invalid: [{ enabled: true, criteriasEnabled: false, phoneNumbers: [] }] },
  {
    name: 'sequential ring',
    path: (id) => T(id, 'sequentialRing'),
    defaults: { enabled: false, ringBaseLocationFirstEnabled: true, baseLocationNumberOfRings: 2, continueIfBaseLocationIsBusyEnabled: true, callsToVoicemailEnabled: false, phoneNumbers: [], criteria: [] },
    put: { baseLocationNumberOfRings: 4, phoneNumbers: [{ phoneNumber: PSTN }] },
    after: { baseLocationNumberOfRings: 4, phoneNumbers: [{ phoneNumber: PSTN, answerConfirmationRequiredEnabled: false, numberOfRings: 3 }] },
    invalid: [{ baseLocationNumberOfRings: 1 }],
  },
  { name: 'priority alert', path: (id) => T(id, 'priorityAlert'), defaults: { enabled: false, criteria: [] }, put: { enabled: true }, after: { enabled: true } },
  { name: 'selective accept', path: (id) => T(id, 'selectiveAccept'), defaults: { enabled: false, criteria: [] }, put: { enabled: true }, after: { enabled: true } },
  { name: 'selective reject', path: (id) => T(id, 'selectiveReject'), defaults: { enabled: false, criteria: [] }, put: { enabled: true }, after: { enabled: true } },
  {
    name: 'selective forward',
    path: (id) => T(id, 'selectiveForward'),
    defaults: { enabled: false, defaultPhoneNumberToForward: '', ringReminderEnabled: false, destinationVoicemailEnabled: false, criteria: [] },
    put: { enabled: true, defaultPhoneNumberToForward: PSTN },
    after: { enabled: true, defaultPhoneNumberToForward: PSTN },
    invalid: [{ enabled: true, defaultPhoneNumberToForward: '' }],
  },
  {
    name: 'voicemail',
    path: (id) => T(id, 'voicemail'),
    defaults: { enabled: false, sendAllCalls: { enabled: false }, emailCopyOfMessage: { enabled: false, emailId: '' } },
    put: { enabled: true, sendBusyCalls: { enabled: true } },
    after: { enabled: true, sendBusyCalls: { enabled: true, greeting: 'DEFAULT', greetingUploaded: false } },
    invalid: [{ sendUnansweredCalls: { enabled: true, numberOfRings: 1 } }, { sendBusyCalls: { enabled: true, greeting: 'CUSTOM' } }],
  },
];

/** The criteria collections: what a criterion takes, and the flag the setting's GET lists it with. */
const CRITERIA: [name: string, flag: string, shownAs: string, extra: Record<string, unknown>][] = [
  ['simultaneousRing', 'ringEnabled', 'ringEnabled', {}],
  ['sequentialRing', 'ringEnabled', 'ringEnabled', {}],
  ['priorityAlert', 'notificationEnabled', 'notificationEnabled', {}],
  ['selectiveAccept', 'acceptEnabled', 'acceptEnabled', {}],
  ['selectiveReject', 'rejectEnabled', 'rejectEnabled', {}],
  ['selectiveForward', 'forwardEnabled', 'ringEnabled', { forwardToPhoneNumber: PSTN }],
];

for (const dialect of dialects) {
  describe(`Workspace call settings (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string };
    let schedule: string;

    const callingWorkspace = async (line: Record<string, unknown> = { extension: freeExtension() }) => {
      const reply = await admin.post('/v1/workspaces', { displayName: unique('Room '), calling: { type: 'webexCalling', webexCalling: { ...line, locationId: hq.id } } });
      assert.equal(reply.status, 201, reply.text);
      return reply.body as { id: string; displayName: string };
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      schedule = unique('Office ');
      const event = { name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', recurrence: { recurForEver: true, recurWeekly: { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false } } };
      const reply = await admin.post(`/v1/telephony/config/locations/${hq.id}/schedules`, { type: 'businessHours', name: schedule, events: [event] });
      assert.equal(reply.status, 201, reply.text);
    });
    after(() => server.close());

    for (const doc of DOCS) {
      it(`${doc.name}: Webex's defaults, a PUT merged over them, the rules`, async () => {
        const w = await callingWorkspace();
        const path = doc.path(w.id);
        const before = await admin.get(path);
        assert.equal(before.status, 200, before.text);
        for (const [field, value] of Object.entries(doc.defaults)) assert.deepEqual(before.body[field], value, field);
        const put = await admin.put(path, doc.put);
        assert.equal(put.status, 204, put.text);
        const changed = await admin.get(path);
        for (const [field, value] of Object.entries(doc.after)) assert.deepEqual(changed.body[field], value, field);
        for (const bad of doc.invalid ?? []) assertWebexError(await admin.put(path, bad), 400);
        // A refused PUT changes nothing.
        assert.deepEqual((await admin.get(path)).body, changed.body);
      });
    }

    it("caller ID: the workspace's own number and name, a custom number only of the organization's", async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const w = await callingWorkspace({ phoneNumber: number, extension: freeExtension() });
      const path = F(w.id, 'callerId');
      const got = await admin.get(path);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.selected, 'DIRECT_LINE');
      assert.equal(got.body.directNumber, number);
      assert.equal(got.body.displayName, w.displayName);
      assert.deepEqual(got.body.types, ['DIRECT_LINE', 'LOCATION_NUMBER', 'CUSTOM']);
      assert.equal((await admin.put(path, { selected: 'LOCATION_NUMBER', displayName: 'Front desk' })).status, 204);
      const changed = await admin.get(path);
      assert.deepEqual([changed.body.selected, changed.body.displayName], ['LOCATION_NUMBER', 'Front desk']);
      assertWebexError(await admin.put(path, { selected: 'CUSTOM', customNumber: '+14155550111' }), 400, /customNumber/);
      assertWebexError(await admin.put(path, { selected: 'LOCATION_NUMBER', externalCallerIdNamePolicy: 'OTHER' }), 400, /customExternalCallerIdName/);
      // Without a number of its own, a workspace cannot present a direct line.
      const extensionOnly = await callingWorkspace();
      assert.equal((await admin.get(F(extensionOnly.id, 'callerId'))).body.selected, 'LOCATION_NUMBER');
      assertWebexError(await admin.put(F(extensionOnly.id, 'callerId'), { selected: 'DIRECT_LINE' }), 400, /direct number/);
    });

    for (const [name, flag, shownAs, extra] of CRITERIA) {
      it(`${name} criteria: created, listed by the setting, read, changed and deleted by ID`, async () => {
        const w = await callingWorkspace();
        const path = `${T(w.id, name)}/criteria`;
        const numbers = name === 'selectiveForward' ? 'numbers' : 'phoneNumbers';
        const created = await admin.post(path, { callsFrom: 'SELECT_PHONE_NUMBERS', [numbers]: [CALLER], scheduleName: schedule, scheduleType: 'businessHours', scheduleLevel: 'GROUP', [flag]: true, ...extra });
        assert.equal(created.status, 201, created.text);
        const id = created.body.id as string;
        const listed = (await admin.get(T(w.id, name))).body.criteria;
        assert.deepEqual(listed, [{ id, scheduleName: schedule, source: 'SPECIFIC_NUMBERS', [shownAs]: true }]);
        const one = await admin.get(`${path}/${id}`);
        assert.equal(one.status, 200, one.text);
        assert.deepEqual([one.body.callsFrom, one.body[numbers], one.body.scheduleName], ['SELECT_PHONE_NUMBERS', [CALLER], schedule]);
        const put = await admin.put(`${path}/${id}`, { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: schedule, scheduleType: 'businessHours', scheduleLevel: 'GROUP', [flag]: false, ...extra });
        assert.ok(put.status === 200 || put.status === 204, put.text);
        assert.equal((await admin.get(`${path}/${id}`)).body.callsFrom, 'ANY_PHONE_NUMBER');
        const when = { scheduleName: schedule, scheduleType: 'businessHours', scheduleLevel: 'GROUP' };
        for (const bad of [
          { ...when, callsFrom: 'SELECT_PHONE_NUMBERS', [flag]: true, ...extra },
          { ...when, callsFrom: 'EVERYONE', [flag]: true, ...extra },
          { ...when, callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'No such schedule', [flag]: true, ...extra },
        ]) {
          assertWebexError(await admin.post(path, bad), 400);
        }
        assert.equal((await admin.delete(`${path}/${id}`)).status, 204);
        assertWebexError(await admin.get(`${path}/${id}`), 404);
        assertWebexError(await admin.delete(`${path}/${id}`), 404);
      });
    }

    it('outgoing permissions: calling permissions by call type, access codes and digit patterns of its own', async () => {
      const w = await callingWorkspace();
      const path = F(w.id, 'outgoingPermission');
      const got = await admin.get(path);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.useCustomEnabled, false);
      const international = got.body.callingPermissions.find((p: { callType: string }) => p.callType === 'INTERNATIONAL');
      assert.ok(international);
      assert.equal((await admin.put(path, { useCustomEnabled: true, callingPermissions: [{ callType: 'INTERNATIONAL', action: 'BLOCK', transferEnabled: false }] })).status, 204);
      const changed = (await admin.get(path)).body;
      assert.deepEqual([changed.useCustomEnabled, changed.useCustomPermissions], [true, true]);
      assert.equal(changed.callingPermissions.find((p: { callType: string }) => p.callType === 'INTERNATIONAL').action, 'BLOCK');
      assert.equal(changed.callingPermissions.length, got.body.callingPermissions.length, 'the other call types are kept');

      const codes = `${path}/accessCodes`;
      assert.deepEqual((await admin.get(codes)).body, { accessCodes: [] });
      for (const code of ['4321', '5678', '9999']) assert.equal((await admin.post(codes, { code, description: `code ${code}` })).status, 201);
      assertWebexError(await admin.post(codes, { code: '4321', description: 'again' }), 400);
      assert.equal((await admin.put(codes, { deleteCodes: ['5678'] })).status, 204);
      assert.equal((await admin.delete(`/v1/telephony/config/workspaces/${w.id}/features/accessCodes/9999`)).status, 204);
      assertWebexError(await admin.delete(`/v1/telephony/config/workspaces/${w.id}/features/accessCodes/9999`), 404);
      assert.deepEqual((await admin.get(codes)).body.accessCodes.map((c: { code: string }) => c.code), ['4321']);
      assert.equal((await admin.delete(codes)).status, 204);
      assert.deepEqual((await admin.get(codes)).body, { accessCodes: [] });

      const patterns = T(w.id, 'outgoingPermission/digitPatterns');
      assert.deepEqual((await admin.get(patterns)).body, { useCustomDigitPatterns: false, digitPatterns: [] });
      const created = await admin.post(patterns, { name: 'Premium', pattern: '1900XXXXXXX', action: 'BLOCK', transferEnabled: false });
      assert.equal(created.status, 201, created.text);
      const one = `${patterns}/${created.body.id}`;
      assert.deepEqual((await admin.get(one)).body, { id: created.body.id, name: 'Premium', pattern: '1900XXXXXXX', action: 'BLOCK', transferEnabled: false });
      assert.equal((await admin.put(one, { action: 'ALLOW' })).status, 204);
      assert.equal((await admin.get(one)).body.action, 'ALLOW');
      assert.equal((await admin.put(patterns, { useCustomDigitPatterns: true })).status, 204);
      assert.equal((await admin.get(patterns)).body.useCustomDigitPatterns, true);
      assertWebexError(await admin.post(patterns, { name: 'Premium', pattern: '1976XXXXXXX', action: 'BLOCK', transferEnabled: false }), 400);
      assert.equal((await admin.delete(one)).status, 204);
      assertWebexError(await admin.get(one), 404);
      await admin.post(patterns, { name: 'Other', pattern: '1976XXXXXXX', action: 'BLOCK', transferEnabled: false });
      assert.equal((await admin.delete(patterns)).status, 204);
      assert.deepEqual((await admin.get(patterns)).body.digitPatterns, []);
    });

    it('voicemail greetings: a WAV upload marks the greeting uploaded, after which CUSTOM may be chosen; a passcode follows the rules', async () => {
      const w = await callingWorkspace();
      const path = T(w.id, 'voicemail');
      assertWebexError(await admin.put(path, { sendBusyCalls: { enabled: true, greeting: 'CUSTOM' } }), 400, /uploaded/);
      const busy = await upload(admin, 'POST', `${path}/actions/uploadBusyGreeting/invoke`, { content: wav(), fileName: 'busy.wav' });
      assert.equal(busy.status, 201, busy.text);
      assert.equal((await admin.get(path)).body.sendBusyCalls.greetingUploaded, true);
      assert.equal((await admin.get(path)).body.sendUnansweredCalls.greetingUploaded, false);
      assert.equal((await admin.put(path, { sendBusyCalls: { enabled: true, greeting: 'CUSTOM' } })).status, 204);
      const noAnswer = await upload(admin, 'POST', `${path}/actions/uploadNoAnswerGreeting/invoke`, { content: new Uint8Array([1, 2, 3]), fileName: 'x.wav' });
      assertWebexError(noAnswer, 400);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await upload(other.admin, 'POST', `${path}/actions/uploadNoAnswerGreeting/invoke`, { content: wav(), fileName: 'a.wav' }), 404);

      const passcode = `/v1/telephony/config/workspaces/${w.id}/voicemail/passcode`;
      assert.equal((await admin.put(passcode, { passcode: '739164' })).status, 204);
      assertWebexError(await admin.put(passcode, { passcode: '1111' }), 400);
      assertWebexError(await other.admin.put(passcode, { passcode: '739164' }), 404);
    });

    it('intercept: a custom greeting is uploaded first (WAV), then chosen; a destination must be reachable', async () => {
      const w = await callingWorkspace();
      const path = F(w.id, 'intercept');
      assertWebexError(await admin.put(path, { incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: false, announcements: { greeting: 'CUSTOM' } } }), 400, /upload/);
      const uploaded = await upload(admin, 'POST', `${T(w.id, 'features/intercept')}/actions/announcementUpload/invoke`, { content: wav(), fileName: 'closed.wav' });
      assert.equal(uploaded.status, 201, uploaded.text);
      assert.equal((await admin.get(path)).body.incoming.announcements.filename, 'closed.wav');
      assert.equal((await admin.put(path, { incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: false, announcements: { greeting: 'CUSTOM' } } })).status, 204);
      assertWebexError(await upload(admin, 'POST', `${T(w.id, 'features/intercept')}/actions/announcementUpload/invoke`, { content: wav(), fileName: 'closed.mp3' }), 400);
      assertWebexError(await admin.put(path, { outgoing: { type: 'INTERCEPT_ALL', transferEnabled: true, destination: '99999' } }), 400, /destination/);
    });

    it('push-to-talk members and monitored lines are people of the organization', async () => {
      const w = await callingWorkspace();
      const person = await createCallingUser(admin);
      assert.equal((await admin.put(T(w.id, 'pushToTalk'), { accessType: 'ALLOW_MEMBERS', members: [person.id] })).status, 204);
      assert.deepEqual((await admin.get(T(w.id, 'pushToTalk'))).body.members.map((m: { id: string }) => m.id), [person.id]);
      assert.equal((await admin.put(F(w.id, 'monitoring'), { monitoredElements: [{ id: person.id, type: 'MEMBER' }] })).status, 204);
      const monitoring = (await admin.get(F(w.id, 'monitoring'))).body;
      assert.deepEqual(monitoring.monitoredElements.map((e: { member: { id: string } }) => e.member.id), [person.id]);
      assert.equal(monitoring.availableEntriesCount, 49);
    });

    it('lists the people a workspace may monitor (lines and speed dials), by name, number and location, a page at a time', async () => {
      const w = await callingWorkspace();
      const person = await createCallingUser(admin);
      for (const list of ['monitoring/availableMembers', 'monitoring/speedDials/availableMembers']) {
        const byName = await admin.get(T(w.id, list), { memberName: person.displayName.slice(1).toUpperCase() });
        assert.equal(byName.status, 200, byName.text);
        assert.deepEqual(byName.body.members.map((m: { id: string; type: string }) => [m.id, m.type]), [[person.id, 'PEOPLE']]);
        assert.equal(byName.body.members[0].location.id, hq.id);
        const byNumber = await admin.get(T(w.id, list), { phoneNumber: person.phoneNumber.slice(-7) });
        assert.deepEqual(byNumber.body.members.map((m: { id: string }) => m.id), [person.id]);
        const page = await admin.get(T(w.id, list), { max: 1 });
        assert.equal(page.body.members.length, 1);
        assert.match(page.headers.get('link') ?? '', /rel="next"/);
        assertWebexError(await admin.get(T(w.id, list), { locationId: 'nope' }), 404);
      }
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(T(w.id, 'monitoring/availableMembers')), 404);
    });

    it('lists the numbers a new workspace may take: standard numbers nobody holds, of a location or of every calling location', async () => {
      const [free, taken] = await freeNumbers(admin, hq.id, 2);
      await callingWorkspace({ phoneNumber: taken, extension: freeExtension() });
      const path = '/v1/telephony/config/workspaces/availableNumbers';
      const inHq = await admin.get(path, { locationId: hq.id, max: 2000 });
      assert.equal(inHq.status, 200, inHq.text);
      const offered = inHq.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber);
      assert.deepEqual([offered.includes(free), offered.includes(taken)], [true, false]);
      assert.deepEqual(inHq.body.phoneNumbers.find((n: { phoneNumber: string }) => n.phoneNumber === free), { phoneNumber: free, state: inHq.body.phoneNumbers.find((n: { phoneNumber: string }) => n.phoneNumber === free).state, isMainNumber: false, telephonyType: 'PSTN_NUMBER', isServiceNumber: false });
      const everywhere = await admin.get(path, { phoneNumber: free! });
      assert.deepEqual(everywhere.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber), [free]);
      const page = await admin.get(path, { max: 1 });
      assert.equal(page.body.phoneNumbers.length, 1);
      assert.match(page.headers.get('link') ?? '', /rel="next"/);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(path, { locationId: hq.id }), 404);
      assert.deepEqual((await other.admin.get(path, { phoneNumber: free! })).body.phoneNumbers, []);
    });

    it('has no call settings for a workspace without Webex Calling, or of another organization', async () => {
      const plain = await admin.post('/v1/workspaces', { displayName: unique('Room ') });
      const w = await callingWorkspace();
      const other = await createOrganization(server.anonymous);
      const anyCaller = { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: schedule, scheduleType: 'businessHours', scheduleLevel: 'GROUP' };
      for (const path of [T(plain.body.id, 'musicOnHold'), F(plain.body.id, 'outgoingPermission/accessCodes'), `${T(plain.body.id, 'selectiveReject')}/criteria`]) {
        assertWebexError(path.endsWith('criteria') ? await admin.post(path, { ...anyCaller, rejectEnabled: true }) : await admin.get(path), 404);
      }
      for (const path of [T(w.id, 'voicemail'), F(w.id, 'intercept'), F(w.id, 'outgoingPermission/accessCodes'), T(w.id, 'outgoingPermission/digitPatterns')]) {
        assertWebexError(await other.admin.get(path), 404);
      }
      assertWebexError(await other.admin.put(T(w.id, 'privacy'), { aaNamingDialingEnabled: false }), 404);
      assertWebexError(await other.admin.post(`${T(w.id, 'sequentialRing')}/criteria`, { ...anyCaller, ringEnabled: true }), 404);
      assert.equal((await admin.get(T(w.id, 'privacy'))).body.aaNamingDialingEnabled, true);
    });
  });
}
