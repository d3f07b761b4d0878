import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const attendantsOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/autoAttendants`;
const attendantOf = (locationId: string, id: string) => `${attendantsOf(locationId)}/${id}`;
const menu = (keys: Record<string, unknown>[] = [{ key: '0', action: 'TRANSFER_TO_OPERATOR', value: '1000' }]) => ({ greeting: 'DEFAULT', extensionEnabled: true, keyConfigurations: keys });

for (const dialect of dialects) {
  describe(`Features: Auto Attendant API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let schedule: string;
    let holidays: string;

    const body = (extra: Record<string, unknown> = {}) => ({
      name: unique('Main menu '),
      extension: freeExtension(),
      businessSchedule: schedule,
      businessHoursMenu: menu(),
      afterHoursMenu: menu([{ key: '1', action: 'EXIT' }]),
      ...extra,
    });
    const create = async (extra: Record<string, unknown> = {}, locationId = hq.id) => {
      const reply = await admin.post(attendantsOf(locationId), body(extra));
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };
    const get = async (id: string, locationId = hq.id) => {
      const reply = await admin.get(attendantOf(locationId, id));
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      schedule = unique('Office ');
      holidays = unique('Holidays ');
      const schedules = `/v1/telephony/config/locations/${hq.id}/schedules`;
      const weekdays = { recurWeekly: { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false } };
      const event = { name: 'Open', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', allDayEnabled: false, recurrence: { recurForEver: true, ...weekdays } };
      assert.equal((await admin.post(schedules, { type: 'businessHours', name: schedule, events: [event] })).status, 201);
      assert.equal((await admin.post(schedules, { type: 'holidays', name: holidays, events: [] })).status, 201);
    });
    after(() => server.close());

    it('creates an auto attendant (201 {id}) and shows it whole, menus and schedules included', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const name = unique('Reception ');
      const keys = [
        { key: '1', action: 'TRANSFER_WITHOUT_PROMPT', value: '1001', description: 'Sales' },
        { key: '2', action: 'EXTENSION_DIALING' },
        { key: '9', action: 'REPEAT_MENU' },
      ];
      const id = await create({ name, phoneNumber: number, holidaySchedule: holidays, businessHoursMenu: menu(keys), extensionDialing: 'GROUP' });
      assert.match(Buffer.from(id, 'base64url').toString(), /^ciscospark:\/\/us\/AUTO_ATTENDANT\//);
      const a = await get(id);
      assert.equal(a.name, name);
      assert.equal(a.phoneNumber, number);
      assert.equal(a.enabled, true);
      assert.equal(a.businessSchedule, schedule);
      assert.equal(a.holidaySchedule, holidays);
      assert.equal(a.extensionDialing, 'GROUP');
      assert.equal(a.nameDialing, 'ENTERPRISE');
      assert.deepEqual(a.businessHoursMenu.keyConfigurations, keys);
      assert.deepEqual(a.businessHoursMenu.callTreatment, { retryAttemptForNoInput: 'NO_REPEAT', noInputTimer: '10', actionToBePerformed: { action: 'DISCONNECT', greeting: 'DEFAULT' } });
      assert.deepEqual(a.afterHoursMenu.keyConfigurations, [{ key: '1', action: 'EXIT' }]);
      const list = await admin.get('/v1/telephony/config/autoAttendants', { locationId: hq.id, name });
      assert.deepEqual(list.body.autoAttendants.map((x: { id: string; phoneNumber: string; locationName: string }) => [x.id, x.phoneNumber, x.locationName]), [[id, number, hq.name]]);
      // The number is the attendant's now: not available, not for a hunt group.
      const available = await admin.get(`${attendantsOf(hq.id)}/availableNumbers`);
      assert.ok(!available.body.phoneNumbers.some((n: { phoneNumber: string }) => n.phoneNumber === number));
      assertWebexError(await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, { name: unique('HG'), phoneNumber: number, callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } }, agents: [], enabled: true }), 409);
    });

    it('updates (204) what is given and keeps the rest; deletes (204), then 404', async () => {
      const id = await create();
      const before = await get(id);
      const name = unique('Renamed ');
      assert.equal((await admin.put(attendantOf(hq.id, id), { name, afterHoursMenu: menu([{ key: '0', action: 'TRANSFER_TO_MAILBOX', value: '1002' }]) })).status, 204);
      const a = await get(id);
      assert.equal(a.name, name);
      assert.deepEqual(a.businessHoursMenu, before.businessHoursMenu);
      assert.deepEqual(a.afterHoursMenu.keyConfigurations, [{ key: '0', action: 'TRANSFER_TO_MAILBOX', value: '1002' }]);
      assert.equal((await admin.put(attendantOf(hq.id, id), { businessHoursMenu: { ...menu(), callTreatment: { noInputTimer: '5', retryAttemptForNoInput: 'ONE_TIME', actionToBePerformed: { action: 'TRANSFER_TO_OPERATOR', greeting: 'DEFAULT', transferCallTo: '1000' } } } })).status, 204);
      assert.equal((await get(id)).businessHoursMenu.callTreatment.actionToBePerformed.transferCallTo, '1000');
      assert.equal((await admin.delete(attendantOf(hq.id, id))).status, 204);
      assertWebexError(await admin.get(attendantOf(hq.id, id)), 404);
    });

    it('refuses what Webex refuses: 400 for bad menus and schedules, 409 for taken names and extensions', async () => {
      const bad = async (extra: Record<string, unknown>, pattern: RegExp, status = 400) => assertWebexError(await admin.post(attendantsOf(hq.id), body(extra)), status, pattern);
      await bad({ businessSchedule: 'No such schedule' }, /businessSchedule/);
      await bad({ holidaySchedule: 'No such schedule' }, /holidaySchedule/);
      await bad({ extension: undefined }, /phoneNumber or an extension/);
      await bad({ businessHoursMenu: menu([{ key: '1', action: 'EXIT' }, { key: '1', action: 'REPEAT_MENU' }]) }, /twice/);
      await bad({ businessHoursMenu: menu([{ key: '1', action: 'TRANSFER_WITH_PROMPT' }]) }, /needs a value/);
      await bad({ businessHoursMenu: { ...menu(), greeting: 'CUSTOM' } }, /audioAnnouncementFile/);
      await bad({ businessHoursMenu: { ...menu(), callTreatment: { noInputTimer: '61' } } }, /noInputTimer/);
      await bad({ timeZone: 'Mars/Olympus' }, /timeZone/);
      const name = unique('Taken ');
      const id = await create({ name });
      await bad({ name }, /already exists/, 409);
      await bad({ extension: (await get(id)).extension }, /Extension/, 409);
    });

    it('keeps an attendant\'s extension from people and hunt groups (409)', async () => {
      const extension = freeExtension();
      await create({ extension });
      assertWebexError(await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, { name: unique('HG'), extension, callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } }, agents: [], enabled: true }), 409);
      const person = await createCallingUser(admin);
      assertWebexError(await admin.put(`/v1/people/${person.id}`, { ...(await admin.get(`/v1/people/${person.id}`)).body, extension }, { callingData: true }), 409);      // Nor may an attendant take the extension of another feature of the location (a paging group's here).
      const paged = freeExtension();
      assert.equal((await admin.post(`/v1/telephony/config/locations/${hq.id}/paging`, { name: unique('Page '), extension: paged })).status, 201);
      assertWebexError(await admin.post(attendantsOf(hq.id), body({ extension: paged })), 409, /Extension/);
    });

    it('lists and deletes the announcement files the menus play; deleting falls back to the default greeting', async () => {
      const file = { id: 'ann-1', fileName: 'welcome.wav', mediaFileType: 'WAV', level: 'LOCATION' };
      const id = await create({ businessHoursMenu: { ...menu(), greeting: 'CUSTOM', audioAnnouncementFile: file } });
      const list = await admin.get(`${attendantOf(hq.id, id)}/announcements`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.announcements.map((a: { fileName: string; level: string }) => [a.fileName, a.level]), [['welcome.wav', 'LOCATION']]);
      assert.equal((await admin.delete(`${attendantOf(hq.id, id)}/announcements/welcome.wav`)).status, 204);
      assert.equal((await get(id)).businessHoursMenu.greeting, 'DEFAULT');
      assertWebexError(await admin.delete(`${attendantOf(hq.id, id)}/announcements/welcome.wav`), 404);
    });

    it('keeps call forwarding and selective rules, with sendToVoicemailEnabled', async () => {
      const id = await create();
      const forwarding = `${attendantOf(hq.id, id)}/callForwarding`;
      const initial = await admin.get(forwarding);
      assert.equal(initial.status, 200, initial.text);
      assert.deepEqual(initial.body.callForwarding.always, { enabled: false, ringReminderEnabled: false, sendToVoicemailEnabled: false });
      assert.equal((await admin.put(forwarding, { callForwarding: { always: { enabled: true, destination: '+14155550100', sendToVoicemailEnabled: true } } })).status, 204);
      assert.deepEqual((await admin.get(forwarding)).body.callForwarding.always, { enabled: true, destination: '+14155550100', ringReminderEnabled: false, sendToVoicemailEnabled: true });
      assertWebexError(await admin.put(forwarding, { callForwarding: { selective: { enabled: true } } }), 400, /destination/);
      const created = await admin.post(`${forwarding}/selectiveRules`, { name: 'Holidays', holidaySchedule: holidays, forwardTo: { selection: 'FORWARD_TO_SPECIFIED_NUMBER', phoneNumber: '+14155550111' }, callsFrom: { selection: 'ANY' } });
      assert.equal(created.status, 201, created.text);
      const rule = `${forwarding}/selectiveRules/${created.body.id}`;
      const got = await admin.get(rule);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.holidaySchedule, holidays);
      assert.equal((await admin.put(rule, { name: 'Holidays 2', enabled: false })).status, 201);
      assert.deepEqual((await admin.get(forwarding)).body.callForwarding.rules.map((r: { name: string; enabled: boolean }) => [r.name, r.enabled]), [['Holidays 2', false]]);
      assert.equal((await admin.post(`${forwarding}/actions/switchMode/invoke`)).status, 204);
      assert.equal((await admin.delete(rule)).status, 204);
      assertWebexError(await admin.get(rule), 404);
    });

    it('lists the numbers an attendant may take and forward to', async () => {
      for (const path of ['availableNumbers', 'alternate/availableNumbers', 'callForwarding/availableNumbers']) {
        const reply = await admin.get(`${attendantsOf(hq.id)}/${path}`);
        assert.equal(reply.status, 200, `${path}: ${reply.text}`);
        assert.ok(Array.isArray(reply.body.phoneNumbers));
      }
    });
  });
}
