import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlyCall, pstnCall, session } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { assertWebexError } from '../support/factories.ts';
import { callWorld, inWorld, WEDNESDAY_10AM_NEW_YORK } from '../support/worlds.ts';

// A person's own schedule drives their selective rules: a criterion naming it at level PEOPLE is
// in force while the schedule is (the location's schedules are level GROUP). The clock stands
// still on a Wednesday at 10:00 in New York (the demo location's time zone).

const CALLER = '+14155550123';
const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false, recurInterval: 1 };

async function world(dialect: Dialect) {
  const { server, admin, ...people } = await callWorld(dialect, { at: WEDNESDAY_10AM_NEW_YORK });
  const { alex } = people;
  // Alex's own business hours: "Focus" 09:00–12:00 (in force now) and "Late" 20:00–23:00 (not).
  for (const [name, startTime, endTime] of [['Focus', '09:00', '12:00'], ['Late', '20:00', '23:00']]) {
    const event = { name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime, endTime, recurrence: { recurForEver: true, recurWeekly: weekdays } };
    const reply = await admin.post(`/v1/people/${alex.id}/features/schedules`, { type: 'businessHours', name, events: [event] });
    assert.equal(reply.status, 201, reply.text);
  }
  const criteria = `/v1/telephony/config/people/${alex.id}/selectiveReject/criteria`;
  assert.equal((await admin.put(`/v1/telephony/config/people/${alex.id}/selectiveReject`, { enabled: true })).status, 204);
  return { server, admin, criteria, ...people };
}

for (const dialect of dialects) {
  describe(`a person's schedules drive their selective rules (${dialect})`, () => {
    it('given selective reject during the person’s own schedule, then calls are rejected while it is in force and ring while it is not', () =>
      inWorld(() => world(dialect), async (w) => {
        const reject = (scheduleName: string) => ({ callsFrom: 'ANY_PHONE_NUMBER', scheduleName, scheduleType: 'businessHours', scheduleLevel: 'PEOPLE', rejectEnabled: true });
        const created = await w.admin.post(w.criteria, reject('Focus'));
        assert.equal(created.status, 201, created.text);
        const criterion = (await w.admin.get(`${w.criteria}/${created.body.id}`)).body;
        assert.deepEqual([criterion.scheduleName, criterion.scheduleLevel], ['Focus', 'PEOPLE']);
        const during = await pstnCall(w.admin, CALLER, w.alex.extension);
        assert.deepEqual((await session(w.admin, during.callSessionId)).legs, [], 'rejected during the person’s focus hours');

        assert.equal((await w.admin.put(`${w.criteria}/${created.body.id}`, reject('Late'))).status, 204);
        await pstnCall(w.admin, CALLER, w.alex.extension);
        assert.equal((await onlyCall(w.alex)).state, 'alerting', 'rings outside the person’s late schedule');
      }));

    it('given a person’s schedule, then it is theirs alone: the location level and another person cannot name it', () =>
      inWorld(() => world(dialect), async (w) => {
        assertWebexError(await w.admin.post(w.criteria, { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'Focus', scheduleType: 'businessHours', scheduleLevel: 'GROUP', rejectEnabled: true }), 400);
        const blairs = `/v1/telephony/config/people/${w.blair.id}/selectiveReject/criteria`;
        assertWebexError(await w.admin.post(blairs, { callsFrom: 'ANY_PHONE_NUMBER', scheduleName: 'Focus', scheduleType: 'businessHours', scheduleLevel: 'PEOPLE', rejectEnabled: true }), 400);
      }));
  });
}
