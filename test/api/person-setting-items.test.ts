import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson, defaultLocation, freeExtension, licenses, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The sub-items of person settings served on paths of their own, one table row per collection
// and path (admin, For Me): criteria of simultaneous/sequential ring, selective accept/reject/
// forward, priority alert, call notify and executive call filtering; single number reach numbers;
// blocked numbers. POST adds one (listed by the setting's GET), GET/PUT act on it by ID, DELETE
// removes it; bad bodies are 400s, another organization's admin gets 404s, missing scopes 403s.

type Row = {
  name: string;
  /** The collection's path (POST) for a person; its items are `${path}/${id}`. */
  path: (personId: string) => string;
  mode: 'admin' | 'me';
  /** The setting document that lists the items. */
  parent: (personId: string) => string;
  list: string;
  create: (schedule: string) => Record<string, unknown>;
  /** What the setting's GET shows of the new item (beside its id). */
  listed: Record<string, unknown>;
  hasGet: boolean;
  update?: Record<string, unknown>;
  /** A field of the item after the update, and its value. */
  updated?: [string, unknown];
  invalid: Record<string, unknown>[];
};

const config = (name: string) => (personId: string) => `/v1/telephony/config/people/${personId}/${name}`;
const mine = (name: string) => () => `/v1/telephony/config/people/me/settings/${name}`;
const PSTN = '+14155550199';
const CALLER = '+14155550100';

/** Criteria rows of a setting on one path. */
function criteriaRow(name: string, mode: 'admin' | 'me', flag: string, shownAs = flag, extra: Record<string, unknown> = {}, listedExtra: Record<string, unknown> = {}): Row {
  const path = mode === 'admin' ? config(`${name}/criteria`) : mine(`${name}/criteria`);
  return {
    name: `${name} criteria (${mode})`,
    path,
    mode,
    parent: mode === 'admin' ? config(name) : mine(name),
    list: 'criteria',
    create: (schedule) => ({ callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: [CALLER], scheduleName: schedule, scheduleType: 'businessHours', [flag]: true, ...extra }),
    listed: { source: 'SPECIFIC_NUMBERS', scheduleName: '<schedule>', [shownAs]: true, ...listedExtra },
    hasGet: true,
    update: { callsFrom: 'ANY_PHONE_NUMBER', [flag]: false, ...extra },
    updated: ['callsFrom', 'ANY_PHONE_NUMBER'],
    invalid: [
      { callsFrom: 'SELECT_PHONE_NUMBERS', [flag]: true, ...extra },
      { callsFrom: 'EVERYONE', [flag]: true, ...extra },
      { callsFrom: 'ANY_PHONE_NUMBER', [flag]: true, scheduleName: 'No such schedule', scheduleType: 'businessHours', ...extra },
      { callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: ['not a number'], [flag]: true, ...extra },
    ],
  };
}

const forward = { forwardToPhoneNumber: PSTN, sendToVoicemailEnabled: false };
const filter = { filterName: 'VIP' };
const snr = (mode: 'admin' | 'me'): Row => ({
  name: `single number reach numbers (${mode})`,
  path: mode === 'admin' ? config('singleNumberReach/numbers') : mine('singleNumberReach/numbers'),
  mode,
  parent: mode === 'admin' ? config('singleNumberReach') : mine('singleNumberReach'),
  list: 'numbers',
  create: () => ({ phoneNumber: PSTN, enabled: true, name: 'Mobile' }),
  listed: { phoneNumber: PSTN, enabled: true, name: 'Mobile', doNotForwardCallsEnabled: false, answerConfirmationEnabled: false },
  hasGet: false,
  update: { phoneNumber: '+14155550188', enabled: false, name: 'Home', doNotForwardCallsEnabled: true, answerConfirmationEnabled: false },
  updated: ['name', 'Home'],
  invalid: [{ phoneNumber: '**', enabled: true, name: 'x' }, { phoneNumber: PSTN, enabled: true, name: '' }, { enabled: true, name: 'Mobile' }],
});

const ROWS: Row[] = [
  criteriaRow('simultaneousRing', 'admin', 'ringEnabled'),
  // This path requires the schedule's level, in its own word for the location's schedules.
  { ...criteriaRow('simultaneousRing', 'me', 'ringEnabled'), create: (schedule) => ({ ...criteriaRow('simultaneousRing', 'me', 'ringEnabled').create(schedule), scheduleLevel: 'GROUP' }) },
  criteriaRow('sequentialRing', 'me', 'ringEnabled'),
  criteriaRow('selectiveAccept', 'admin', 'acceptEnabled'),
  criteriaRow('selectiveAccept', 'me', 'acceptEnabled'),
  criteriaRow('selectiveReject', 'admin', 'rejectEnabled'),
  criteriaRow('selectiveReject', 'me', 'rejectEnabled'),
  criteriaRow('selectiveForward', 'admin', 'forwardEnabled', 'ringEnabled', forward),
  criteriaRow('selectiveForward', 'me', 'forwardEnabled', 'ringEnabled', forward),
  criteriaRow('priorityAlert', 'me', 'notificationEnabled'),
  criteriaRow('callNotify', 'me', 'notificationEnabled'),
  {
    ...criteriaRow('executive/callFiltering', 'admin', 'filterEnabled', 'filterEnabled', filter, { filterName: 'VIP', activationEnabled: true }),
    listed: { source: 'SELECT_PHONE_NUMBERS', filterName: 'VIP', activationEnabled: true, filterEnabled: true },
  },
  {
    // The For Me path takes no filterName: the filter is named after its schedule.
    ...criteriaRow('executive/callFiltering', 'me', 'filterEnabled', 'filterEnabled', filter),
    listed: { source: 'SELECT_PHONE_NUMBERS', filterName: '<schedule>', activationEnabled: true, filterEnabled: true },
  },
  snr('admin'),
  snr('me'),
  {
    name: 'blocked numbers (me)',
    path: mine('callBlock/numbers'),
    mode: 'me',
    parent: mine('callBlock'),
    list: 'numbers',
    create: () => ({ phoneNumber: '(415) 555-0177' }),
    listed: { phoneNumber: '+14155550177' },
    hasGet: false,
    invalid: [{ phoneNumber: 'anonymous' }, {}],
  },
];

async function createExtensionUser(api: Client) {
  const { professional } = await licenses(api);
  return createPerson(api, { extension: freeExtension(), licenses: [professional] }, { callingData: 'true' });
}

for (const dialect of dialects) {
  describe(`Sub-items of person settings (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let person: { id: string };
    let client: Client;
    let schedule: string;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      person = await createExtensionUser(admin);
      client = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']);
      const location = await defaultLocation(admin);
      schedule = unique('Office ');
      const event = { name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00', recurrence: { recurForEver: true, recurWeekly: { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false } } };
      const reply = await admin.post(`/v1/telephony/config/locations/${location.id}/schedules`, { type: 'businessHours', name: schedule, events: [event] });
      assert.equal(reply.status, 201, reply.text);
    });
    after(() => server.close());

    for (const row of ROWS) {
      const api = () => (row.mode === 'admin' ? admin : client);
      const listedOf = async () => (await api().get(row.parent(person.id))).body[row.list] as Record<string, unknown>[];

      describe(row.name, () => {
        it('when one is added, then the setting lists it; it reads back, changes and goes', async () => {
          const created = await api().post(row.path(person.id), row.create(schedule));
          assert.ok([200, 201].includes(created.status), created.text);
          const id = created.body.id as string;
          const listed = (await listedOf()).find((i) => i.id === id);
          const expected = Object.fromEntries(Object.entries(row.listed).map(([k, v]) => [k, v === '<schedule>' ? schedule : v]));
          assert.deepEqual(listed && Object.fromEntries(Object.keys(expected).map((k) => [k, listed[k]])), expected);
          const item = `${row.path(person.id)}/${id}`;
          if (row.hasGet) {
            const one = await api().get(item);
            assert.equal(one.status, 200, one.text);
            assert.equal(one.body.id, id);
          }
          if (row.update) {
            const changed = await api().put(item, row.update);
            assert.ok([200, 204].includes(changed.status), changed.text);
            const [field, value] = row.updated!;
            const now = row.hasGet ? (await api().get(item)).body : (await listedOf()).find((i) => i.id === id);
            assert.equal(now?.[field], value);
          }
          assert.equal((await api().delete(item)).status, 204);
          assert.equal((await listedOf()).some((i) => i.id === id), false);
          assertWebexError(await api().delete(item), 404);
          if (row.hasGet) assertWebexError(await api().get(item), 404);
        });

        it('when a body breaks the schema or the rules, then it is a 400 and nothing is added', async () => {
          const before = (await listedOf()).length;
          for (const body of row.invalid) assertWebexError(await api().post(row.path(person.id), body), 400);
          assert.equal((await listedOf()).length, before);
        });

        it('when an unknown ID is named, then it is a 404', async () => {
          const unknown = `${row.path(person.id)}/Y2lzY29zcGFyazovL3VzL0NSSVRFUklBL25vbmU`;
          assertWebexError(await api().delete(unknown), 404);
          if (row.update) assertWebexError(await api().put(unknown, row.update), 404);
        });

        if (row.mode === 'admin') {
          it('given another organization, when its admin names this person, then it is a 404', async () => {
            const other = await createOrganization(server.anonymous);
            assertWebexError(await other.admin.post(row.path(person.id), row.create(schedule)), 404);
          });
        }

        it('when a token lacks the scope, then it is a 403', async () => {
          const readOnly = await clientWithScopes(admin, person.id, ['spark:people_read']);
          assertWebexError(await readOnly.post(row.path(row.mode === 'admin' ? (await createExtensionUser(admin)).id : person.id), row.create(schedule)), 403);
        });
      });
    }

    it('a blocked number’s state can be asked by the ID of any number', async () => {
      const created = await client.post(mine('callBlock/numbers')(), { phoneNumber: '+14155550166' });
      const id = created.body.id as string;
      assert.deepEqual((await client.get(`${mine('callBlock/numbers')()}/${id}`)).body, { blockCallsEnabled: true });
      assertWebexError(await client.post(mine('callBlock/numbers')(), { phoneNumber: '+14155550166' }), 400);
      assert.equal((await client.delete(`${mine('callBlock/numbers')()}/${id}`)).status, 204);
      assert.deepEqual((await client.get(`${mine('callBlock/numbers')()}/${id}`)).body, { blockCallsEnabled: false });
    });

    it('executive call filtering criteria are activated by the filtering document’s criteriaActivation', async () => {
      const path = config('executive/callFiltering')(person.id);
      const created = await admin.post(`${path}/criteria`, { filterName: 'Boss', callsFrom: 'ANY_INTERNAL', filterEnabled: true });
      assert.equal((await admin.put(path, { filterType: 'CUSTOM_CALL_FILTERS', criteriaActivation: [{ id: created.body.id, activationEnabled: false }] })).status, 204);
      const listed = (await admin.get(path)).body.criteria.find((c: any) => c.id === created.body.id);
      assert.deepEqual([listed.source, listed.activationEnabled], ['ANY_INTERNAL', false]);
    });
  });
}
