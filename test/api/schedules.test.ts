import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingLocation, createOrganization, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const schedulesOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/schedules`;
const scheduleOf = (locationId: string, type: string, id: string) => `${schedulesOf(locationId)}/${type}/${id}`;
const eventsOf = (locationId: string, type: string, id: string) => `${scheduleOf(locationId, type, id)}/events`;
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');

const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false };
const office = (name = 'Office') => ({
  name,
  startDate: '2026-01-05',
  endDate: '2026-01-05',
  startTime: '09:00',
  endTime: '17:00',
  recurrence: { recurForEver: true, recurWeekly: weekdays },
});
const christmas = { name: 'Christmas', startDate: '2025-12-25', endDate: '2025-12-25', allDayEnabled: true, recurrence: { recurForEver: true, recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } } };

for (const dialect of dialects) {
  describe(`Location Call Settings: Schedules API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const create = async (body: Record<string, unknown>, locationId = hq.id) => {
      const reply = await admin.post(schedulesOf(locationId), body);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a business-hours schedule with events, answers 201 {id} carrying the name, and shows it', async () => {
      const name = unique('Hours ');
      const id = await create({ type: 'businessHours', name, events: [office()] });
      assert.equal(decode(id), `ciscospark://us/SCHEDULE/${Buffer.from(name).toString('base64')}`);
      const got = await admin.get(scheduleOf(hq.id, 'businessHours', id));
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.name, name);
      assert.equal(got.body.type, 'businessHours');
      assert.deepEqual(got.body.events, [{ id: got.body.events[0].id, ...office(), allDayEnabled: false }]);
      const list = await admin.get(schedulesOf(hq.id), { type: 'businessHours', name });
      assert.deepEqual(list.body.schedules, [{ id, name, type: 'businessHours', locationName: hq.name, locationId: hq.id }]);
    });

    it('keeps names unique per location and type: 409 for a namesake, fine for the other type or location', async () => {
      const name = unique('Shared ');
      await create({ type: 'holidays', name });
      assertWebexError(await admin.post(schedulesOf(hq.id), { type: 'holidays', name: name.toUpperCase() }), 409, /already exists/);
      await create({ type: 'businessHours', name });
      const branch = await createCallingLocation(admin);
      await create({ type: 'holidays', name }, branch.id);
      const both = await admin.get(schedulesOf(hq.id), { name });
      assert.deepEqual(both.body.schedules.map((s: { type: string }) => s.type).sort(), ['businessHours', 'holidays']);
    });

    it('refuses invalid schedules and events with 400 and stores nothing', async () => {
      const bad = async (body: Record<string, unknown>, pattern: RegExp) => {
        assertWebexError(await admin.post(schedulesOf(hq.id), body), 400, pattern);
      };
      await bad({ type: 'weekends', name: unique('x') }, /./);
      await bad({ type: 'holidays', name: '' }, /name/);
      await bad({ type: 'holidays', name: 'x'.repeat(81) }, /name/);
      await bad({ type: 'businessHours', name: unique('x'), events: [{ ...office(), startTime: undefined }] }, /startTime/);
      await bad({ type: 'businessHours', name: unique('x'), events: [{ ...office(), endTime: '08:00' }] }, /end after/);
      await bad({ type: 'businessHours', name: unique('x'), events: [{ ...office(), startDate: '2026-13-01' }] }, /startDate/);
      await bad({ type: 'businessHours', name: unique('x'), events: [office('Same'), office('same')] }, /Same|same/);
      await bad({ type: 'holidays', name: unique('x'), events: [office()] }, /recurWeekly/);
      await bad({ type: 'businessHours', name: unique('x'), events: [christmas] }, /Yearly/);
      await bad({ type: 'holidays', name: unique('x'), events: [{ ...christmas, recurrence: { recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } } }] }, /recurForEver/);
      await bad({ type: 'holidays', name: unique('x'), events: [{ name: 'No end', startDate: '2026-11-03' }] }, /endDate/);
      assertWebexError(await admin.get(schedulesOf(hq.id), { start: -1 }), 400, /start/);
      assertWebexError(await admin.get(schedulesOf(hq.id), { start: '99999999999999999999' }), 400, /start/);
    });

    it('renames a schedule (new ID; the old one is gone) and replaces its events', async () => {
      const id = await create({ type: 'businessHours', name: unique('Old ') , events: [office('Mornings')] });
      const name = unique('New ');
      const put = await admin.put(scheduleOf(hq.id, 'businessHours', id), { name, events: [{ ...office('Mornings'), newName: 'Days', endTime: '12:00' }] });
      assert.equal(put.status, 200, put.text);
      assert.notEqual(put.body.id, id);
      assertWebexError(await admin.get(scheduleOf(hq.id, 'businessHours', id)), 404);
      const got = await admin.get(scheduleOf(hq.id, 'businessHours', put.body.id));
      assert.equal(got.body.name, name);
      assert.deepEqual(got.body.events.map((e: { name: string; endTime: string }) => [e.name, e.endTime]), [['Days', '12:00']]);
    });

    it('creates, reads, updates and deletes events, names unique within the schedule', async () => {
      const id = await create({ type: 'holidays', name: unique('Holidays ') });
      const created = await admin.post(eventsOf(hq.id, 'holidays', id), christmas);
      assert.equal(created.status, 201, created.text);
      assert.equal(decode(created.body.id), `ciscospark://us/SCHEDULE_EVENT/${Buffer.from('Christmas').toString('base64')}`);
      assertWebexError(await admin.post(eventsOf(hq.id, 'holidays', id), christmas), 409, /Christmas/);
      const event = await admin.get(`${eventsOf(hq.id, 'holidays', id)}/${created.body.id}`);
      assert.deepEqual(event.body, { id: created.body.id, ...christmas });
      const thanksgiving = { name: 'Thanksgiving', startDate: '2025-11-27', endDate: '2025-11-28', allDayEnabled: true, recurrence: { recurForEver: true, recurYearlyByDay: { day: 'THURSDAY', week: 'FOURTH', month: 'NOVEMBER' } } };
      const put = await admin.put(`${eventsOf(hq.id, 'holidays', id)}/${created.body.id}`, thanksgiving);
      assert.equal(put.status, 200, put.text);
      assertWebexError(await admin.get(`${eventsOf(hq.id, 'holidays', id)}/${created.body.id}`), 404);
      assert.deepEqual((await admin.get(`${eventsOf(hq.id, 'holidays', id)}/${put.body.id}`)).body, { id: put.body.id, ...thanksgiving });
      assertWebexError(await admin.put(`${eventsOf(hq.id, 'holidays', id)}/${put.body.id}`, { ...thanksgiving, endDate: '2025-11-01' }), 400, /endDate/);
      const deleted = await admin.delete(`${eventsOf(hq.id, 'holidays', id)}/${put.body.id}`);
      assert.equal(deleted.status, 204);
      assert.deepEqual((await admin.get(scheduleOf(hq.id, 'holidays', id))).body.events, []);
      assertWebexError(await admin.delete(`${eventsOf(hq.id, 'holidays', id)}/${put.body.id}`), 404);
    });

    it('deletes a schedule: 204, then 404; a schedule is found only under its own type', async () => {
      const id = await create({ type: 'holidays', name: unique('Gone ') });
      assertWebexError(await admin.get(scheduleOf(hq.id, 'businessHours', id)), 404);
      assert.equal((await admin.delete(scheduleOf(hq.id, 'holidays', id))).status, 204);
      assertWebexError(await admin.get(scheduleOf(hq.id, 'holidays', id)), 404);
      assertWebexError(await admin.delete(scheduleOf(hq.id, 'holidays', id)), 404);
      assertWebexError(await admin.get(scheduleOf(hq.id, 'holidays', 'not-an-id')), 404);
    });

    it('pages the list with start and max and a Link to the next page', async () => {
      const branch = await createCallingLocation(admin);
      for (const n of ['A', 'B', 'C']) await create({ type: 'holidays', name: `Page ${n}` }, branch.id);
      const first = await admin.get(schedulesOf(branch.id), { max: 2 });
      assert.deepEqual(first.body.schedules.map((s: { name: string }) => s.name), ['Page A', 'Page B']);
      const next = nextLink(first.headers);
      assert.ok(next);
      const second = await admin.get(next!);
      assert.deepEqual(second.body.schedules.map((s: { name: string }) => s.name), ['Page C']);
      assert.equal(nextLink(second.headers), undefined);
    });

    it('isolates organizations: another organization’s location or schedule is 404, and its own stay untouched', async () => {
      const other = await createOrganization(server.anonymous);
      const theirHq = await defaultLocation(other.admin);
      const created = await other.admin.post(schedulesOf(theirHq.id), { type: 'holidays', name: 'Theirs' });
      assert.equal(created.status, 201, created.text);
      assertWebexError(await admin.get(schedulesOf(theirHq.id)), 404);
      assertWebexError(await admin.post(schedulesOf(theirHq.id), { type: 'holidays', name: 'x' }), 404);
      assertWebexError(await admin.get(scheduleOf(theirHq.id, 'holidays', created.body.id)), 404);
      assertWebexError(await admin.delete(scheduleOf(theirHq.id, 'holidays', created.body.id)), 404);
      assertWebexError(await admin.get(scheduleOf(hq.id, 'holidays', created.body.id)), 404);
      assert.equal((await other.admin.get(scheduleOf(theirHq.id, 'holidays', created.body.id))).body.name, 'Theirs');
    });

    it('answers 403 without the telephony_config scopes (read needs read, writes need write)', async () => {
      const me = (await admin.get('/v1/people/me')).body;
      const reader = await clientWithScopes(admin, me.id, ['spark-admin:telephony_config_read']);
      const nobody = await clientWithScopes(admin, me.id, ['spark:people_read']);
      assert.equal((await reader.get(schedulesOf(hq.id))).status, 200);
      assertWebexError(await reader.post(schedulesOf(hq.id), { type: 'holidays', name: unique('r') }), 403);
      assertWebexError(await nobody.get(schedulesOf(hq.id)), 403);
    });
  });
}
