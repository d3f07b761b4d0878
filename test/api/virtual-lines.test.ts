import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, createLocation, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { upload, wav } from '../support/announcements.ts';

const LINES = '/v1/telephony/config/virtualLines';

for (const dialect of dialects) {
  describe(`Virtual Line Call Settings API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (body: Record<string, unknown> = {}) => {
      const reply = await admin.post(LINES, { firstName: 'Front', lastName: unique('Desk'), locationId: hq.id, extension: freeExtension(), ...body });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a virtual line with a number and an extension, answers 201 {id}, and shows it with its location', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const lastName = unique('Desk');
      const id = await create({ lastName, phoneNumber: number, extension, displayName: 'Front desk' });
      assert.match(Buffer.from(id, 'base64url').toString(), /^ciscospark:\/\/us\/VIRTUAL_LINE\//);
      const got = await admin.get(`${LINES}/${id}`);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.lastName, lastName);
      assert.equal(got.body.displayName, 'Front desk');
      assert.deepEqual(got.body.number, { external: number, extension, primary: true });
      assert.equal(got.body.directorySearchEnabled, true);
      assert.equal(got.body.location.id, hq.id);
      assert.deepEqual(got.body.devices, []);
      const assigned = await admin.get(`${LINES}/${id}/number`);
      assert.deepEqual(assigned.body.phoneNumber, { directNumber: number, extension, primary: true });
      const list = await admin.get(LINES, { ownerName: lastName });
      assert.deepEqual(list.body.virtualLines.map((l: { id: string; number: { external?: string }; location: { name: string } }) => [l.id, l.number.external, l.location.name]), [[id, number, hq.name]]);
      // Taken from then on: by a workspace, a person, or another virtual line.
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: hq.id, phoneNumber: number }), 409);
      assertWebexError(await admin.post('/v1/workspaces', { displayName: unique('W'), calling: { type: 'webexCalling', webexCalling: { extension, locationId: hq.id } } }), 409);
      const available = await admin.get('/v1/telephony/config/numbers', { locationId: hq.id, available: true, phoneNumber: number!.slice(2) });
      assert.deepEqual(available.body.phoneNumbers, []);
    });

    it('refuses a virtual line without a number or extension, names, or a calling location', async () => {
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: hq.id }), 400, /phoneNumber or an extension/);
      assertWebexError(await admin.post(LINES, { firstName: ' ', lastName: 'B', locationId: hq.id, extension: freeExtension() }), 400);
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: 'nope', extension: freeExtension() }), 400);
      const plain = await createLocation(admin);
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: plain.id, extension: freeExtension() }), 400);
      const person = await createCallingUser(admin);
      const personExtension = (await admin.get(`/v1/people/${person.id}`, { callingData: true })).body.extension;
      assertWebexError(await admin.post(LINES, { firstName: 'A', lastName: 'B', locationId: hq.id, extension: personExtension }), 409);
    });

    it('updates a virtual line (names, extension, caller ID, time zone) and its directory search', async () => {
      const id = await create();
      const extension = freeExtension();
      const reply = await admin.put(`${LINES}/${id}`, { firstName: 'Back', extension, timeZone: 'Europe/Paris', callerIdNumber: '' });
      assert.equal(reply.status, 204, reply.text);
      assert.equal((await admin.put(`${LINES}/${id}/directorySearch`, { enabled: false })).status, 204);
      const got = (await admin.get(`${LINES}/${id}`)).body;
      assert.deepEqual([got.firstName, got.number.extension, got.timeZone, got.directorySearchEnabled], ['Back', extension, 'Europe/Paris', false]);
      assertWebexError(await admin.put(`${LINES}/${id}`, { extension: '' }), 400);
      assertWebexError(await admin.put(`${LINES}/${id}`, { timeZone: 'Mars/Olympus' }), 400);
    });

    it('lists virtual lines by location, with an extension, a page at a time', async () => {
      const branch = await createCallingLocation(admin);
      const a = await create({ locationId: branch.id, lastName: 'Aa' });
      const b = await create({ locationId: branch.id, lastName: 'Bb' });
      assert.deepEqual((await admin.get(LINES, { locationId: branch.id })).body.virtualLines.map((l: { id: string }) => l.id), [a, b]);
      const page = await admin.get(LINES, { locationId: branch.id, max: 1 });
      assert.deepEqual(page.body.virtualLines.map((l: { id: string }) => l.id), [a]);
      assert.match(page.headers.get('link') ?? '', /start=1/);
      assert.deepEqual((await admin.get(LINES, { locationId: branch.id, hasDnAssigned: true })).body.virtualLines, []);
      assert.deepEqual((await admin.get(LINES, { locationId: branch.id, hasDeviceAssigned: true })).body.virtualLines, []);
    });

    it('serves its settings through the settings mechanism, and has no devices yet', async () => {
      const id = await create();
      assert.deepEqual((await admin.get(`${LINES}/${id}/doNotDisturb`)).body, { enabled: false, ringSplashEnabled: false });
      assert.equal((await admin.put(`${LINES}/${id}/doNotDisturb`, { enabled: true })).status, 204);
      assert.deepEqual((await admin.get(`${LINES}/${id}/doNotDisturb`)).body, { enabled: true, ringSplashEnabled: false });
      assert.deepEqual((await admin.get(`${LINES}/${id}/callWaiting`)).body, { enabled: true });
      assert.deepEqual((await admin.get(`${LINES}/${id}/bargeIn`)).body, { enabled: false, toneEnabled: false });
      assert.equal((await admin.get(`${LINES}/${id}/callForwarding`)).body.callForwarding.noAnswer.numberOfRings, 3);
      assert.deepEqual((await admin.get(`${LINES}/${id}/devices`)).body, { devices: [], availableEndpointType: 'PRIMARY', maxDeviceCount: 35 });
    });

    it('serves the documents a person has: caller ID, permissions, intercept, privacy, push-to-talk, hold music, billing plan, recording', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const id = await create({ phoneNumber: number, firstName: 'Lobby' });
      const at = (path: string) => `${LINES}/${id}/${path}`;
      const callerId = (await admin.get(at('callerId'))).body;
      assert.deepEqual([callerId.selected, callerId.directNumber, callerId.firstName, callerId.types[0]], ['DIRECT_LINE', number, 'Lobby', 'DIRECT_LINE']);
      const named = await admin.put(at('callerId'), { selected: 'DIRECT_LINE', externalCallerIdNamePolicy: 'OTHER', customExternalCallerIdName: 'Lobby desk' });
      assert.equal(named.status, 204, named.text);
      assert.equal((await admin.get(at('callerId'))).body.customExternalCallerIdName, 'Lobby desk');
      assertWebexError(await admin.put(at('callerId'), { selected: 'CUSTOM', customNumber: '+15550000000' }), 400);
      // Without a number, its caller ID is the location's.
      const bare = await create();
      assert.equal((await admin.get(`${LINES}/${bare}/callerId`)).body.selected, 'LOCATION_NUMBER');
      assertWebexError(await admin.put(`${LINES}/${bare}/callerId`, { selected: 'DIRECT_LINE' }), 400);

      assert.deepEqual((await admin.get(at('incomingPermission'))).body, { useCustomEnabled: false, externalTransfer: 'ALLOW_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true });
      assert.equal((await admin.put(at('incomingPermission'), { useCustomEnabled: true, externalTransfer: 'BLOCK_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true })).status, 204);
      assert.equal((await admin.get(at('incomingPermission'))).body.externalTransfer, 'BLOCK_ALL_EXTERNAL');

      assert.equal((await admin.get(at('intercept'))).body.enabled, false);
      assert.equal((await admin.put(at('intercept'), { enabled: true, incoming: { type: 'INTERCEPT_ALL', voicemailEnabled: true } })).status, 204);
      assert.deepEqual([(await admin.get(at('intercept'))).body.enabled, (await admin.get(at('intercept'))).body.incoming.voicemailEnabled], [true, true]);
      assertWebexError(await admin.put(at('intercept'), { outgoing: { type: 'INTERCEPT_ALL', transferEnabled: true } }), 400);
      assertWebexError(await upload(admin, 'POST', at('intercept/actions/announcementUpload/invoke'), { fileName: 'closed.mp3', content: wav() }), 400);
      assert.equal((await upload(admin, 'POST', at('intercept/actions/announcementUpload/invoke'), { fileName: 'closed.wav', content: wav() })).status, 201);
      assert.equal((await admin.get(at('intercept'))).body.incoming.announcements.filename, 'closed.wav');

      const person = await createCallingUser(admin);
      assert.equal((await admin.put(at('privacy'), { enablePhoneStatusDirectoryPrivacy: true, monitoringAgents: [person.id] })).status, 200);
      const privacy = (await admin.get(at('privacy'))).body;
      assert.deepEqual([privacy.enablePhoneStatusDirectoryPrivacy, privacy.monitoringAgents.map((a: { id: string }) => a.id)], [true, [person.id]]);
      assertWebexError(await admin.put(at('privacy'), { monitoringAgents: ['nobody'] }), 400);

      assert.equal((await admin.put(at('pushToTalk'), { accessType: 'ALLOW_MEMBERS', members: [person.id] })).status, 204);
      assert.deepEqual((await admin.get(at('pushToTalk'))).body.members.map((m: { id: string }) => m.id), [person.id]);
      assert.deepEqual((await admin.get(at('musicOnHold'))).body, { mohEnabled: true, greeting: 'DEFAULT', mohLocationEnabled: true });
      assertWebexError(await admin.put(at('musicOnHold'), { greeting: 'CUSTOM' }), 400);
      assert.equal((await admin.put(at('outboundBillingPlan'), { enabled: true })).status, 204);
      assert.deepEqual((await admin.get(at('outboundBillingPlan'))).body, { enabled: true });

      assert.equal((await admin.get(at('callRecording'))).body.enabled, false);
      assert.equal((await admin.put(at('callRecording'), { enabled: true, record: 'Always' })).status, 204);
      assert.deepEqual([(await admin.get(at('callRecording'))).body.enabled, (await admin.get(at('callRecording'))).body.record], [true, 'Always']);
      assertWebexError(await admin.put(at('callRecording'), { repeat: { interval: 5 } }), 400);

      // Agent caller ID: a line that is no hunt group's agent has no group to present.
      assert.deepEqual((await admin.get(at('agent/availableCallerIds'))).body, { availableCallerIds: [] });
      assert.deepEqual((await admin.get(at('agent/callerId'))).body, {});
      assertWebexError(await admin.put(at('agent/callerId'), { selectedCallerId: 'nope' }), 400);
    });

    it('keeps its outgoing permissions apart from people: call types, access codes, transfer numbers, digit patterns', async () => {
      const id = await create();
      const at = (path: string) => `${LINES}/${id}/outgoingPermission${path}`;
      const before = (await admin.get(at(''))).body;
      assert.equal(before.useCustomEnabled, false);
      const put = await admin.put(at(''), { useCustomEnabled: true, callingPermissions: [{ callType: 'INTERNATIONAL', action: 'BLOCK', transferEnabled: false }] });
      assert.equal(put.status, 204, put.text);
      const after = (await admin.get(at(''))).body;
      assert.equal(after.useCustomEnabled, true);
      assert.deepEqual(after.callingPermissions.find((p: { callType: string }) => p.callType === 'INTERNATIONAL').action, 'BLOCK');
      assert.equal(after.callingPermissions.length, before.callingPermissions.length);

      assert.equal((await admin.post(at('/accessCodes'), { code: '4321', description: 'front' })).status, 201);
      assert.deepEqual((await admin.get(at('/accessCodes'))).body.accessCodes, [{ code: '4321', description: 'front' }]);
      assert.equal((await admin.put(at('/accessCodes'), { deleteCodes: ['4321'] })).status, 204);
      assert.deepEqual((await admin.get(at('/accessCodes'))).body.accessCodes, []);
      assert.equal((await admin.delete(at('/accessCodes'))).status, 204);

      assert.equal((await admin.put(at('/autoTransferNumbers'), { useCustomTransferNumbers: true, autoTransferNumber1: '+14155550100' })).status, 204);
      assert.equal((await admin.get(at('/autoTransferNumbers'))).body.autoTransferNumber1, '+14155550100');

      const created = await admin.post(at('/digitPatterns'), { name: 'Premium', pattern: '1900XXXXXXX', action: 'BLOCK', transferEnabled: false });
      assert.equal(created.status, 201, created.text);
      const patternId = created.body.id as string;
      assert.equal((await admin.get(at(`/digitPatterns/${patternId}`))).body.name, 'Premium');
      assert.equal((await admin.put(at(`/digitPatterns/${patternId}`), { action: 'ALLOW' })).status, 204);
      assert.equal((await admin.get(at(`/digitPatterns/${patternId}`))).body.action, 'ALLOW');
      assert.equal((await admin.put(at('/digitPatterns'), { useCustomDigitPatterns: true })).status, 204);
      assert.equal((await admin.get(at('/digitPatterns'))).body.useCustomDigitPatterns, true);
      assert.equal((await admin.delete(at(`/digitPatterns/${patternId}`))).status, 204);
      assertWebexError(await admin.get(at(`/digitPatterns/${patternId}`)), 404);
      assert.equal((await admin.delete(at('/digitPatterns'))).status, 204);
      // A person's lists are their own.
      const person = await createCallingUser(admin);
      assert.equal((await admin.get(`/v1/telephony/config/people/${person.id}/outgoingPermission/autoTransferNumbers`)).body.useCustomTransferNumbers, false);
    });

    it('has a voicemail box: settings, PIN reset and passcode, greetings', async () => {
      const id = await create();
      const at = (path: string) => `${LINES}/${id}/voicemail${path}`;
      const box = (await admin.get(at(''))).body;
      const required = { notifications: { enabled: false }, transferToNumber: { enabled: false } };
      assert.deepEqual([box.enabled, box.sendUnansweredCalls.numberOfRings, box.emailCopyOfMessage.emailId], [false, 3, undefined]);
      assert.equal((await admin.put(at(''), { ...required, enabled: true, sendUnansweredCalls: { enabled: true, numberOfRings: 2 } })).status, 204);
      assert.deepEqual([(await admin.get(at(''))).body.enabled, (await admin.get(at(''))).body.sendUnansweredCalls.numberOfRings], [true, 2]);
      assertWebexError(await admin.put(at(''), { ...required, sendBusyCalls: { enabled: true, greeting: 'CUSTOM' } }), 400);
      assert.equal((await upload(admin, 'POST', at('/actions/uploadBusyGreeting/invoke'), { content: wav(), fileName: 'busy.wav' })).status, 201);
      assert.equal((await upload(admin, 'POST', at('/actions/uploadNoAnswerGreeting/invoke'), { content: wav(), fileName: 'away.wav' })).status, 201);
      assert.equal((await admin.get(at(''))).body.sendBusyCalls.greetingUploaded, true);
      assert.equal((await admin.put(at(''), { ...required, sendBusyCalls: { enabled: true, greeting: 'CUSTOM' } })).status, 204);
      assertWebexError(await upload(admin, 'POST', at('/actions/uploadBusyGreeting/invoke'), { content: new TextEncoder().encode('noise'), fileName: 'x.wav' }), 400);
      assert.equal((await admin.put(at('/passcode'), { passcode: '739154' })).status, 204);
      assertWebexError(await admin.put(at('/passcode'), { passcode: '111111' }), 400);
      assert.equal((await admin.post(at('/actions/resetPin/invoke'), {})).status, 204);
    });

    it('lists numbers a virtual line or a person may take as primary, by location or anywhere', async () => {
      const [free] = await freeNumbers(admin, hq.id);
      const listed = await admin.get(`${LINES}/availableNumbers`, { locationId: hq.id, phoneNumber: free });
      assert.equal(listed.status, 200, listed.text);
      assert.deepEqual(listed.body.phoneNumbers.map((n: { phoneNumber: string; telephonyType: string }) => [n.phoneNumber, n.telephonyType]), [[free, 'PSTN_NUMBER']]);
      assert.deepEqual((await admin.get(`${LINES}/availableNumbers`, { phoneNumber: free })).body.phoneNumbers.length, 1);
      const primary = await admin.get('/v1/telephony/config/people/primary/availableNumbers', { phoneNumber: free });
      assert.deepEqual(primary.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber), [free]);
      await create({ phoneNumber: free });
      assert.deepEqual((await admin.get(`${LINES}/availableNumbers`, { locationId: hq.id, phoneNumber: free })).body.phoneNumbers, []);
      assertWebexError(await admin.get(`${LINES}/availableNumbers`, { locationId: 'nope' }), 404);
    });

    it('deletes a virtual line: 404 afterwards, its settings and extension free', async () => {
      const extension = freeExtension();
      const id = await create({ extension });
      assert.equal((await admin.delete(`${LINES}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${LINES}/${id}`), 404);
      assertWebexError(await admin.get(`${LINES}/${id}/doNotDisturb`), 404);
      assertWebexError(await admin.delete(`${LINES}/${id}`), 404);
      await create({ extension });
    });
  });
}
