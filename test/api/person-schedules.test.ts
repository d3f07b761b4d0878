import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A person's own schedules (User Call Settings): the location schedules' rules with a person as
// the owner, USER_SCHEDULE IDs, and the person's location's schedules listed beside them.

const schedulesOf = (personId: string) => `/v1/people/${personId}/features/schedules`;
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false };
const office = { name: 'Office', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', recurrence: { recurForEver: true, recurWeekly: { ...weekdays, recurInterval: 1 } } };

for (const dialect of dialects) {
  describe(`a person's schedules (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates, shows, renames and deletes a person’s schedule; the list shows the location’s too', async () => {
      const person = await createCallingUser(admin);
      const name = unique('Mine ');
      const created = await admin.post(schedulesOf(person.id), { type: 'businessHours', name, events: [office] });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.equal(decode(id), `ciscospark://us/USER_SCHEDULE/${Buffer.from(name).toString('base64')}`);
      const got = await admin.get(`${schedulesOf(person.id)}/businessHours/${id}`);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual([got.body.name, got.body.type, got.body.events[0].name, got.body.events[0].recurrence.recurWeekly.recurInterval], [name, 'businessHours', 'Office', 1]);
      // The location may hold a namesake; the person may not hold two.
      const shared = await admin.post(`/v1/telephony/config/locations/${hq.id}/schedules`, { type: 'businessHours', name });
      assert.equal(shared.status, 201, shared.text);
      assertWebexError(await admin.post(schedulesOf(person.id), { type: 'businessHours', name }), 409);
      const fortnightly = { ...office, name: 'Fortnight', recurrence: { recurForEver: true, recurWeekly: { ...weekdays, recurInterval: 2 } } };
      assertWebexError(await admin.post(schedulesOf(person.id), { type: 'businessHours', name: unique('Other '), events: [fortnightly] }), 400, /recurInterval/);
      const list = (await admin.get(schedulesOf(person.id), { name })).body.schedules;
      assert.deepEqual(list, [
        { id, name, type: 'businessHours', level: 'PEOPLE' },
        { id: shared.body.id, name, type: 'businessHours', level: 'GROUP' },
      ]);
      // Another person has none of them.
      const other = await createCallingUser(admin);
      assert.deepEqual((await admin.get(schedulesOf(other.id), { name, type: 'businessHours' })).body.schedules.map((s: { level: string }) => s.level), ['GROUP']);
      assertWebexError(await admin.get(`${schedulesOf(other.id)}/businessHours/${id}`), 404);

      const renamed = await admin.put(`${schedulesOf(person.id)}/businessHours/${id}`, { newName: `${name} 2`, name, type: 'businessHours' });
      assert.equal(renamed.status, 200, renamed.text);
      assertWebexError(await admin.get(`${schedulesOf(person.id)}/businessHours/${id}`), 404);
      assert.equal((await admin.get(`${schedulesOf(person.id)}/businessHours/${renamed.body.id}`)).body.events.length, 1);
      assert.equal((await admin.delete(`${schedulesOf(person.id)}/businessHours/${renamed.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${schedulesOf(person.id)}/businessHours/${renamed.body.id}`), 404);
    });

    it('adds, shows, changes and deletes events by the location schedules’ rules', async () => {
      const person = await createCallingUser(admin);
      const created = await admin.post(schedulesOf(person.id), { type: 'holidays', name: unique('Days off ') });
      const events = `${schedulesOf(person.id)}/holidays/${created.body.id}/events`;
      const added = await admin.post(events, { name: 'Trip', startDate: '2027-03-01', endDate: '2027-03-05', startTime: '00:00', endTime: '00:00', allDayEnabled: true });
      assert.equal(added.status, 201, added.text);
      const event = await admin.get(`${events}/${added.body.id}`);
      assert.equal(event.status, 200, event.text);
      assert.deepEqual([event.body.name, event.body.allDayEnabled, event.body.startTime], ['Trip', true, undefined]);
      assertWebexError(await admin.post(events, { name: 'Trip', startDate: '2027-04-01', endDate: '2027-04-01', startTime: '09:00', endTime: '10:00' }), 409);
      assertWebexError(await admin.post(events, { name: 'Backwards', startDate: '2027-04-02', endDate: '2027-04-01', startTime: '09:00', endTime: '10:00' }), 400);
      const changed = await admin.put(`${events}/${added.body.id}`, { newName: 'Long trip', name: 'Trip', startDate: '2027-03-01', endDate: '2027-03-09', startTime: '00:00', endTime: '00:00', allDayEnabled: true });
      assert.equal(changed.status, 200, changed.text);
      assert.equal((await admin.get(`${events}/${changed.body.id}`)).body.endDate, '2027-03-09');
      assert.equal((await admin.delete(`${events}/${changed.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${events}/${changed.body.id}`), 404);
      assertWebexError(await admin.post(`${schedulesOf(person.id)}/weekly/${created.body.id}/events`, { name: 'X', startDate: '2027-03-01', endDate: '2027-03-01', startTime: '09:00', endTime: '10:00' }), 400);
    });

    it('given a person’s own token, when they manage /people/me/schedules, then they reach the same schedules as the admin paths', async () => {
      const person = await createCallingUser(admin);
      const me = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
      const mine = '/v1/telephony/config/people/me/schedules';
      const name = unique('Own ');
      const created = await me.post(mine, { type: 'businessHours', name, events: [{ ...office, recurrence: { recurForEver: true, recurWeekly: weekdays } }] });
      assert.equal(created.status, 200, created.text);
      // The admin path sees the schedule the person made, and the other way round.
      assert.equal((await admin.get(`${schedulesOf(person.id)}/businessHours/${created.body.id}`)).body.name, name);
      const shared = await admin.post(`/v1/telephony/config/locations/${hq.id}/schedules`, { type: 'businessHours', name });
      assert.deepEqual((await me.get(mine, { name })).body.schedules, [
        { id: created.body.id, name, type: 'businessHours', level: 'PEOPLE' },
        { id: shared.body.id, name, type: 'businessHours', level: 'LOCATION' },
      ]);
      const got = await me.get(`${mine}/businessHours/${created.body.id}`);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual(got.body.events[0].recurrence.recurWeekly, weekdays);

      // Renaming answers 204; the schedule's ID follows its name. Events are renamed by newName.
      const event = { name: 'Office', newName: 'Desk', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '08:00', endTime: '16:00', allDayEnabled: false, recurrence: { recurForEver: true, recurWeekly: weekdays } };
      const renamed = await me.put(`${mine}/businessHours/${created.body.id}`, { name: `${name} 2`, events: [event] });
      assert.equal(renamed.status, 204, renamed.text);
      const id = (await me.get(mine, { name: `${name} 2` })).body.schedules[0].id as string;
      const events = `${mine}/businessHours/${id}/events`;
      assert.deepEqual((await me.get(`${mine}/businessHours/${id}`)).body.events.map((e: { name: string; startTime: string }) => [e.name, e.startTime]), [['Desk', '08:00']]);

      const added = await me.post(events, { name: 'Late', startDate: '2026-01-06', endDate: '2026-01-06', startTime: '18:00', endTime: '20:00', allDayEnabled: false });
      assert.equal(added.status, 200, added.text);
      assert.equal((await me.get(`${events}/${added.body.id}`)).body.name, 'Late');
      const changed = await me.put(`${events}/${added.body.id}`, { name: 'Late', newName: 'Later', startDate: '2026-01-06', endDate: '2026-01-06', startTime: '19:00', endTime: '21:00', allDayEnabled: false });
      assert.equal(changed.status, 204, changed.text);
      assertWebexError(await me.get(`${events}/${added.body.id}`), 404);
      const later = (await me.get(`${mine}/businessHours/${id}`)).body.events.find((e: { name: string }) => e.name === 'Later');
      assert.equal(later.startTime, '19:00');
      assert.equal((await me.delete(`${events}/${later.id}`)).status, 204);
      assert.equal((await me.delete(`${mine}/businessHours/${id}`)).status, 204);
      assertWebexError(await admin.get(`${schedulesOf(person.id)}/businessHours/${id}`), 404);

      // Another person's token does not reach them; a read-only token may not write.
      const other = await clientWithScopes(admin, (await createCallingUser(admin)).id, ['spark:calls_read']);
      assert.deepEqual((await other.get(mine, { name, type: 'businessHours' })).body.schedules.map((s: { level: string }) => s.level), ['LOCATION']);
      assertWebexError(await other.post(mine, { type: 'holidays', name: unique('No ') }), 403);
    });

    it('keeps another organization out: its people and its schedules are 404', async () => {
      const person = await createCallingUser(admin);
      const created = await admin.post(schedulesOf(person.id), { type: 'holidays', name: unique('Private ') });
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(schedulesOf(person.id)), 404);
      assertWebexError(await other.admin.get(`${schedulesOf(person.id)}/holidays/${created.body.id}`), 404);
    });
  });
}
