import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, defaultLocation, freeExtension, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const BASE = '/v1/telephony/config/operatingModes';
const day = { enabled: true, allDayEnabled: false, startTime: '09:00', endTime: '17:00' };
const off = { enabled: false, allDayEnabled: false, startTime: '00:00', endTime: '00:00' };

for (const dialect of dialects) {
  describe(`Features: Operating Modes API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (body: Record<string, unknown>) => {
      const reply = await admin.post(`${BASE}/`, { name: unique('Mode '), ...body });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates modes of every type at both levels and shows them', async () => {
      const name = unique('Day ');
      const id = await create({ name, type: 'SAME_HOURS_DAILY', level: 'LOCATION', locationId: hq.id, sameHoursDaily: { mondayToFriday: day, saturdayToSunday: off }, callForwarding: { enabled: true, destination: '+19705550006', destinationVoicemailEnabled: false } });
      assert.match(Buffer.from(id, 'base64url').toString(), /OPERATING_MODE\//);
      const m = (await admin.get(`${BASE}/${id}`)).body;
      assert.equal(m.name, name);
      assert.equal(m.level, 'LOCATION');
      assert.deepEqual(m.location, { id: hq.id, name: hq.name });
      assert.deepEqual(m.sameHoursDaily.mondayToFriday, day);
      assert.deepEqual(m.callForwarding, { enabled: true, destination: '+19705550006', destinationVoicemailEnabled: false });
      const week = Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, d === 'sunday' ? off : day]));
      const different = await create({ type: 'DIFFERENT_HOURS_DAILY', level: 'ORGANIZATION', differentHoursDaily: week });
      assert.equal((await admin.get(`${BASE}/${different}`)).body.level, 'ORGANIZATION');
      const holiday = await create({ type: 'HOLIDAY', level: 'LOCATION', locationId: hq.id, holidays: [{ name: 'Christmas', allDayEnabled: true, startDate: '2026-12-25', endDate: '2026-12-26', recurrence: { recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } } }] });
      const h = (await admin.get(`${BASE}/${holiday}`)).body;
      assert.equal(h.holidays[0].name, 'Christmas');
      assert.deepEqual(h.holidays[0].recurrence, { recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } });
      await create({ type: 'NONE', level: 'ORGANIZATION' });
      // The list of a location shows its modes and the organization's; limitToOrgLevelEnabled only the organization's.
      const list = (await admin.get(BASE, { limitToLocationId: hq.id, max: 100 })).body.operatingModes.map((x: { id: string }) => x.id);
      assert.ok([id, different, holiday].every((x) => list.includes(x)));
      const orgOnly = (await admin.get(BASE, { limitToLocationId: hq.id, limitToOrgLevelEnabled: true, max: 100 })).body.operatingModes.map((x: { id: string }) => x.id);
      assert.ok(orgOnly.includes(different) && !orgOnly.includes(id));
      const available = (await admin.get(`/v1/telephony/config/locations/${hq.id}/operatingModes/availableOperatingModes`)).body.operatingModes.map((x: { id: string }) => x.id);
      assert.ok(available.includes(id) && available.includes(different));
      const other = await createCallingLocation(admin);
      const theirs = (await admin.get(`/v1/telephony/config/locations/${other.id}/operatingModes/availableOperatingModes`)).body.operatingModes.map((x: { id: string }) => x.id);
      assert.ok(theirs.includes(different) && !theirs.includes(id));
    });

    it('updates (204), keeps holidays (create, read, update, delete), deletes (204, then 404)', async () => {
      const id = await create({ type: 'HOLIDAY', level: 'ORGANIZATION', holidays: [] });
      const name = unique('Renamed ');
      assert.equal((await admin.put(`${BASE}/${id}`, { name })).status, 204);
      assert.equal((await admin.get(`${BASE}/${id}`)).body.name, name);
      const created = await admin.post(`${BASE}/${id}/holidays`, { name: 'New Year', allDayEnabled: true, startDate: '2027-01-01', endDate: '2027-01-01' });
      assert.equal(created.status, 201, created.text);
      const url = `${BASE}/${id}/holidays/${created.body.id}`;
      assert.equal((await admin.get(url)).body.name, 'New Year');
      assert.equal((await admin.put(url, { allDayEnabled: false, startTime: '08:00', endTime: '12:00' })).status, 204);
      assert.deepEqual([(await admin.get(url)).body.startTime, (await admin.get(url)).body.endTime], ['08:00', '12:00']);
      assertWebexError(await admin.post(`${BASE}/${id}/holidays`, { name: 'new year', allDayEnabled: true, startDate: '2027-01-01', endDate: '2027-01-01' }), 409);
      assert.equal((await admin.delete(url)).status, 204);
      assertWebexError(await admin.get(url), 404);
      assert.equal((await admin.delete(`${BASE}/${id}`)).status, 204);
      assertWebexError(await admin.get(`${BASE}/${id}`), 404);
    });

    it('refuses what Webex refuses: 400 for missing schedules and bad times, 409 for names in use', async () => {
      const bad = async (body: Record<string, unknown>, pattern: RegExp, status = 400) => assertWebexError(await admin.post(`${BASE}/`, { name: unique('Bad '), ...body }), status, pattern);
      await bad({ type: 'SAME_HOURS_DAILY', level: 'ORGANIZATION' }, /sameHoursDaily/);
      await bad({ type: 'SAME_HOURS_DAILY', level: 'ORGANIZATION', sameHoursDaily: { mondayToFriday: { ...day, startTime: '18:00' }, saturdayToSunday: off } }, /before/);
      await bad({ type: 'HOLIDAY', level: 'ORGANIZATION' }, /holidays/);
      await bad({ type: 'NONE', level: 'LOCATION' }, /locationId/);
      await bad({ type: 'NONE', level: 'ORGANIZATION', callForwarding: { enabled: true } }, /destination/);
      const name = unique('Taken ');
      await create({ name, type: 'NONE', level: 'ORGANIZATION' });
      await bad({ name, type: 'NONE', level: 'ORGANIZATION' }, /already exists/, 409);
      await create({ name, type: 'NONE', level: 'LOCATION', locationId: hq.id });
      assertWebexError(await admin.get(BASE, {}), 400);
      assertWebexError(await admin.get(`${BASE}/nope`), 404);
    });

    it('an auto attendant forwards by mode only with modes of its location or the organization, each once (400)', async () => {
      const schedules = `/v1/telephony/config/locations/${hq.id}/schedules`;
      const office = unique('Office ');
      assert.equal((await admin.post(schedules, { type: 'businessHours', name: office, events: [] })).status, 201);
      const menu = { greeting: 'DEFAULT', extensionEnabled: false, keyConfigurations: [] };
      const aa = await admin.post(`/v1/telephony/config/locations/${hq.id}/autoAttendants`, { name: unique('AA '), extension: freeExtension(), businessSchedule: office, businessHoursMenu: menu, afterHoursMenu: menu });
      assert.equal(aa.status, 201, aa.text);
      const forwarding = `/v1/telephony/config/locations/${hq.id}/autoAttendants/${aa.body.id}/callForwarding`;
      const other = await createCallingLocation(admin);
      const theirs = await create({ type: 'NONE', level: 'LOCATION', locationId: other.id });
      const ours = await create({ type: 'NONE', level: 'ORGANIZATION' });
      const put = (modes: unknown[]) => admin.put(forwarding, { callForwarding: { operatingModes: { enabled: true, modes } } });
      const entry = (id: string, forwardTo: Record<string, unknown> = { selection: 'DO_NOT_FORWARD' }) => ({ id, normalOperationEnabled: true, forwardTo });
      assertWebexError(await put([entry(theirs)]), 400, /operating mode of this location/);
      assertWebexError(await put([entry('nope')]), 400);
      assertWebexError(await put([entry(ours), entry(ours)]), 400, /twice/);
      assertWebexError(await put([entry(ours, { selection: 'FORWARD_TO_SPECIFIED_NUMBER' })]), 400, /destination/);
      assert.equal((await put([entry(ours)])).status, 204);
      const shown = (await admin.get(forwarding)).body.callForwarding.operatingModes;
      assert.deepEqual([shown.enabled, shown.modes.map((m: { id: string }) => m.id)], [true, [ours]]);
      assert.equal(shown.currentOperatingModeId, '', 'a NONE mode is never in force by schedule');
      // Mode management: only such features may be assigned; a person manages only what is assigned.
      const person = (await admin.get('/v1/people/me')).body.id;
      const assign = (featureIds: string[]) => admin.put(`/v1/telephony/config/people/${person}/modeManagement/features`, { featureIds });
      assertWebexError(await assign(['nope']), 400);
      assert.equal((await assign([aa.body.id])).status, 200);
      const assigned = (await admin.get(`/v1/telephony/config/people/${person}/modeManagement/features`)).body.features;
      assert.deepEqual(assigned.map((f: { id: string; type: string }) => [f.id, f.type]), [[aa.body.id, 'AUTO_ATTENDANT']]);
      const mine = '/v1/telephony/config/people/me/settings/modeManagement/features';
      assertWebexError(await admin.post(`${mine}/${aa.body.id}/actions/extendMode/invoke`, { operatingModeId: ours, extensionTime: 45 }), 400, /30/);
      assertWebexError(await admin.post(`${mine}/${aa.body.id}/actions/extendMode/invoke`, { operatingModeId: ours, extensionTime: 60 }), 400, /in force/);
      assertWebexError(await admin.post(`${mine}/${aa.body.id}/actions/switchMode/invoke`, { operatingModeId: theirs }), 400);
      assertWebexError(await admin.get(`${mine}/${encodeURIComponent('nope')}`), 404);
      assert.equal((await admin.post(`${mine}/actions/switchMode/invoke`, { featureIds: [aa.body.id], operatingModeName: (await admin.get(`${BASE}/${ours}`)).body.name })).status, 204);
      assert.equal((await admin.get(`${mine}/${aa.body.id}`)).body.currentOperatingModeId, ours);
      assertWebexError(await admin.post(`${mine}/actions/switchMode/invoke`, { featureIds: [aa.body.id], operatingModeName: 'No such mode' }), 400);
      assert.equal((await admin.post(`${forwarding}/actions/switchMode/invoke`)).status, 204);
      assert.equal((await admin.get(`${mine}/${aa.body.id}`)).body.currentOperatingModeId, '', 'the administrator switched it back');
    });

    it('lists the numbers a mode may forward to', async () => {
      const reply = await admin.get(`/v1/telephony/config/locations/${hq.id}/operatingModes/callForwarding/availableNumbers`);
      assert.equal(reply.status, 200, reply.text);
      assert.ok(Array.isArray(reply.body.phoneNumbers));
    });
  });
}
