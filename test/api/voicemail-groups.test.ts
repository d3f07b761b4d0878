import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, createOrganization, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Location Call Settings: Voicemail over the API: a location's voicemail (transcription), its
// voice portal and passcode rules, the available-number lists, and voicemail groups (create,
// read, modify, list, delete) with the rules Webex's descriptions state, isolated per organization.

const base = (locationId: string) => `/v1/telephony/config/locations/${locationId}`;
const groupsOf = (locationId: string) => `${base(locationId)}/voicemailGroups`;

const groupBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique('Support '),
  extension: Number(freeExtension()),
  passcode: 740215,
  languageCode: 'en_us',
  messageStorage: { storageType: 'INTERNAL' },
  notifications: { enabled: false },
  faxMessage: { enabled: false },
  transferToNumber: { enabled: false },
  emailCopyOfMessage: { enabled: false },
  ...overrides,
});

for (const dialect of dialects) {
  describe(`Location Call Settings: Voicemail (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (overrides: Record<string, unknown> = {}, locationId = hq.id) => {
      const reply = await admin.post(groupsOf(locationId), groupBody(overrides));
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('a location’s voicemail: transcription off by default, turned on and read back', async () => {
      const location = await createCallingLocation(admin);
      assert.deepEqual((await admin.get(`${base(location.id)}/voicemail`)).body, { voicemailTranscriptionEnabled: false });
      assert.equal((await admin.put(`${base(location.id)}/voicemail`, { voicemailTranscriptionEnabled: true })).status, 204);
      assert.deepEqual((await admin.get(`${base(location.id)}/voicemail`)).body, { voicemailTranscriptionEnabled: true });
      assertWebexError(await admin.put(`${base(location.id)}/voicemail`, { voicemailTranscriptionEnabled: 'on' }), 400);
    });

    it('the voice portal: defaults, an extension and number of the location, an admin passcode by the rules', async () => {
      const location = await createCallingLocation(admin);
      const portal = `${base(location.id)}/voicePortal`;
      const before = (await admin.get(portal)).body;
      assert.deepEqual([before.name, before.languageCode], ['Voice Portal', 'en_us']);
      const extension = freeExtension();
      assert.equal((await admin.put(portal, { extension, passcode: { newPasscode: '602817', confirmPasscode: '602817' } })).status, 204);
      assert.equal((await admin.get(portal)).body.extension, extension);
      assertWebexError(await admin.put(portal, { passcode: { newPasscode: '602817', confirmPasscode: '602818' } }), 400);
      assertWebexError(await admin.put(portal, { passcode: { newPasscode: '123456', confirmPasscode: '123456' } }), 400);
      assertWebexError(await admin.put(portal, { phoneNumber: '+15550000000' }), 400);
      assertWebexError(await admin.put(portal, { languageCode: 'english' }), 400);
      // The portal's extension is taken: a voicemail group cannot have it.
      assertWebexError(await admin.post(groupsOf(location.id), groupBody({ extension: Number(extension) })), 409);
    });

    it('the passcode rules of a location follow the organization’s voicemail rules', async () => {
      const org = await createOrganization(server.anonymous);
      const location = await defaultLocation(org.admin);
      const rules = (await org.admin.get(`${base(location.id)}/voicePortal/passcodeRules`)).body;
      assert.deepEqual(rules.length, { min: 6, max: 30 });
      assert.deepEqual(rules.failedAttempts, { enabled: true, attempts: 3 });
      assert.equal(
        (await org.admin.put('/v1/telephony/config/voicemail/rules', { blockPreviousPasscodes: { enabled: true, numberOfPasscodes: 4 } })).status,
        204,
      );
      assert.deepEqual((await org.admin.get(`${base(location.id)}/voicePortal/passcodeRules`)).body.blockPreviousPasscodes, { enabled: true, numberOfPasscodes: 4 });
    });

    it('the available-number lists give the location’s numbers nobody holds', async () => {
      for (const list of ['voicePortal/availableNumbers', 'voicemailGroups/availableNumbers', 'voicemailGroups/faxMessage/availableNumbers']) {
        const reply = await admin.get(`${base(hq.id)}/${list}`);
        assert.equal(reply.status, 200, reply.text);
        assert.ok(Array.isArray(reply.body.phoneNumbers));
      }
      const [free] = await freeNumbers(admin, hq.id);
      const listed = (await admin.get(`${base(hq.id)}/voicemailGroups/availableNumbers`, { max: 2000 })).body.phoneNumbers as { phoneNumber: string }[];
      assert.ok(listed.some((n) => n.phoneNumber === free), `${free} is listed`);
    });

    describe('voicemail groups', () => {
      it('creates a group with a number and an extension, answers 201 {id}, and shows it whole', async () => {
        const [number] = await freeNumbers(admin, hq.id);
        const name = unique('Helpdesk ');
        const id = await create({ name, phoneNumber: number, emailCopyOfMessage: { enabled: true, emailId: 'desk@example.com' } });
        const group = (await admin.get(`${groupsOf(hq.id)}/${id}`)).body;
        assert.equal(group.id, id);
        assert.deepEqual(
          [group.name, group.phoneNumber, typeof group.extension, group.enabled, group.languageCode, group.greeting, group.greetingUploaded],
          [name, number, 'number', true, 'en_us', 'DEFAULT', false],
        );
        assert.deepEqual(group.emailCopyOfMessage, { enabled: true, emailId: 'desk@example.com' });
        assert.equal(JSON.stringify(group).includes('740215'), false, 'the passcode is never shown');
      });

      it('modifies a group (other fields kept) and lists it by location, name and number; delete makes it 404', async () => {
        const [number] = await freeNumbers(admin, hq.id);
        const id = await create();
        assert.equal((await admin.put(`${groupsOf(hq.id)}/${id}`, { name: 'Renamed desk', phoneNumber: number, enabled: false })).status, 204);
        const group = (await admin.get(`${groupsOf(hq.id)}/${id}`)).body;
        assert.deepEqual([group.name, group.phoneNumber, group.enabled, group.languageCode], ['Renamed desk', number, false, 'en_us']);
        const listed = (await admin.get('/v1/telephony/config/voicemailGroups', { locationId: hq.id, name: 'renamed' })).body.voicemailGroups;
        assert.deepEqual(
          listed.map((g: any) => [g.id, g.locationId, g.locationName, g.phoneNumber, g.enabled]),
          [[id, hq.id, hq.name, number, false]],
        );
        const byNumber = (await admin.get('/v1/telephony/config/voicemailGroups', { phoneNumber: number!.slice(-6) })).body.voicemailGroups;
        assert.deepEqual(byNumber.map((g: any) => g.id), [id]);
        assert.equal((await admin.delete(`${groupsOf(hq.id)}/${id}`)).status, 204);
        assertWebexError(await admin.get(`${groupsOf(hq.id)}/${id}`), 404);
        assertWebexError(await admin.delete(`${groupsOf(hq.id)}/${id}`), 404);
      });

      it('refuses what the descriptions rule out: a taken extension or name, a bad passcode or number, missing fields', async () => {
        const person = await createCallingUser(admin);
        const taken = await create();
        const takenGroup = (await admin.get(`${groupsOf(hq.id)}/${taken}`)).body;
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ extension: Number((person as any).extension) })), 409);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ extension: takenGroup.extension })), 409);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ name: takenGroup.name })), 409);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ passcode: 1111 })), 400);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ passcode: 123456 })), 400);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ phoneNumber: person.phoneNumber })), 409);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ languageCode: 'klingon' })), 400);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ notifications: { enabled: true } })), 400);
        assertWebexError(await admin.post(groupsOf(hq.id), groupBody({ faxMessage: { enabled: true } })), 400);
        assertWebexError(await admin.post(groupsOf(hq.id), { name: 'No extension' }), 400);
        assertWebexError(await admin.put(`${groupsOf(hq.id)}/${taken}`, { greeting: 'CUSTOM' }), 400);
        assertWebexError(await admin.put(`${groupsOf(hq.id)}/${taken}`, { extension: 'abc' }), 400);
      });

      it('given another organization or another location, the group is a 404 there', async () => {
        const id = await create();
        const other = await createOrganization(server.anonymous);
        const theirs = await defaultLocation(other.admin);
        assertWebexError(await other.admin.get(`${groupsOf(hq.id)}/${id}`), 404);
        assertWebexError(await other.admin.get(`${groupsOf(theirs.id)}/${id}`), 404);
        assertWebexError(await other.admin.put(`${groupsOf(theirs.id)}/${id}`, { name: 'x' }), 404);
        assertWebexError(await other.admin.delete(`${groupsOf(theirs.id)}/${id}`), 404);
        assert.deepEqual((await other.admin.get('/v1/telephony/config/voicemailGroups')).body.voicemailGroups, []);
        const branch = await createCallingLocation(admin);
        assertWebexError(await admin.get(`${groupsOf(branch.id)}/${id}`), 404);
        assertWebexError(await admin.get(`${base(theirs.id)}/voicePortal`), 404);
      });
    });
  });
}
