import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEvent } from './schedule-rules.ts';
import { isInSchedule } from './schedule-time.ts';
import type { ScheduleEvent } from './schedule-types.ts';

const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false };
const officeHours: ScheduleEvent = {
  name: 'Office',
  startDate: '2026-01-05',
  endDate: '2026-01-05',
  startTime: '09:00',
  endTime: '17:00',
  allDayEnabled: false,
  recurrence: { recurForEver: true, recurWeekly: weekdays },
};
const inSchedule = (events: ScheduleEvent[], iso: string, tz = 'UTC') => isInSchedule({ events }, new Date(iso), tz);

describe('isInSchedule', () => {
  it('covers a one-off event from its start up to (not including) its end', () => {
    const e: ScheduleEvent = { name: 'Offsite', startDate: '2026-03-02', endDate: '2026-03-03', startTime: '10:00', endTime: '12:00', allDayEnabled: false };
    assert.equal(inSchedule([e], '2026-03-02T09:59:00Z'), false);
    assert.equal(inSchedule([e], '2026-03-02T10:00:00Z'), true);
    assert.equal(inSchedule([e], '2026-03-03T02:00:00Z'), true, 'spans midnight to the second day');
    assert.equal(inSchedule([e], '2026-03-03T12:00:00Z'), false);
  });

  it('repeats a weekly event on the chosen days only, from its start date', () => {
    assert.equal(inSchedule([officeHours], '2026-02-04T10:30:00Z'), true, 'a Wednesday');
    assert.equal(inSchedule([officeHours], '2026-02-04T17:00:00Z'), false, 'closing time');
    assert.equal(inSchedule([officeHours], '2026-02-04T08:59:00Z'), false);
    assert.equal(inSchedule([officeHours], '2026-02-07T10:30:00Z'), false, 'a Saturday');
    assert.equal(inSchedule([officeHours], '2026-01-02T10:30:00Z'), false, 'a Friday before the start date');
  });

  it('stops a weekly event after its recurEndDate (the end date itself still counts)', () => {
    const ending = { ...officeHours, recurrence: { recurEndDate: '2026-01-09', recurWeekly: weekdays } };
    assert.equal(inSchedule([ending], '2026-01-09T10:00:00Z'), true);
    assert.equal(inSchedule([ending], '2026-01-12T10:00:00Z'), false);
  });

  it('judges the time on the location clock, across daylight saving', () => {
    // 09:00-17:00 in New York: 14:00-22:00 UTC in winter, 13:00-21:00 UTC in summer.
    assert.equal(inSchedule([officeHours], '2026-02-04T14:30:00Z', 'America/New_York'), true);
    assert.equal(inSchedule([officeHours], '2026-02-04T13:30:00Z', 'America/New_York'), false);
    assert.equal(inSchedule([officeHours], '2026-07-08T13:30:00Z', 'America/New_York'), true);
    assert.equal(inSchedule([officeHours], '2026-07-08T21:30:00Z', 'America/New_York'), false);
    // Monday 01:00 in Tokyo is still Sunday in UTC.
    const allDayMonday: ScheduleEvent = { name: 'M', startDate: '2026-01-05', endDate: '2026-01-05', allDayEnabled: true, recurrence: { recurForEver: true, recurWeekly: { sunday: false, monday: true } } };
    assert.equal(inSchedule([allDayMonday], '2026-02-01T16:00:00Z', 'Asia/Tokyo'), true);
    assert.equal(inSchedule([allDayMonday], '2026-02-01T16:00:00Z', 'UTC'), false);
  });

  it('covers whole days for all-day events, and repeats holidays yearly by date', () => {
    const christmas: ScheduleEvent = {
      name: 'Christmas',
      startDate: '2025-12-25',
      endDate: '2025-12-26',
      allDayEnabled: true,
      recurrence: { recurForEver: true, recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } },
    };
    assert.equal(inSchedule([christmas], '2027-12-25T00:00:00Z'), true);
    assert.equal(inSchedule([christmas], '2027-12-26T23:59:00Z'), true, 'both days of the span');
    assert.equal(inSchedule([christmas], '2027-12-27T00:00:00Z'), false);
    assert.equal(inSchedule([christmas], '2024-12-25T12:00:00Z'), false, 'not before the first occurrence');
  });

  it('repeats holidays yearly by the nth or last weekday of a month', () => {
    const thanksgiving: ScheduleEvent = {
      name: 'Thanksgiving',
      startDate: '2025-11-27',
      endDate: '2025-11-27',
      allDayEnabled: true,
      recurrence: { recurForEver: true, recurYearlyByDay: { day: 'THURSDAY', week: 'FOURTH', month: 'NOVEMBER' } },
    };
    assert.equal(inSchedule([thanksgiving], '2026-11-26T12:00:00Z'), true);
    assert.equal(inSchedule([thanksgiving], '2026-11-19T12:00:00Z'), false);
    const memorial: ScheduleEvent = { ...thanksgiving, name: 'Memorial', startDate: '2025-05-26', endDate: '2025-05-26', recurrence: { recurForEver: true, recurYearlyByDay: { day: 'MONDAY', week: 'LAST', month: 'MAY' } } };
    assert.equal(inSchedule([memorial], '2026-05-25T12:00:00Z'), true);
    assert.equal(inSchedule([memorial], '2026-05-18T12:00:00Z'), false);
  });

  it('is out of schedule with no events', () => {
    assert.equal(inSchedule([], '2026-02-04T10:30:00Z'), false);
  });
});

describe('checkEvent', () => {
  const base = { name: 'E', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '09:00', endTime: '17:00' };
  it('takes a valid event and drops the times of an all-day one', () => {
    assert.deepEqual(checkEvent({ ...base, allDayEnabled: true }, 'holidays'), { name: 'E', startDate: '2026-01-05', endDate: '2026-01-05', allDayEnabled: true });
  });
  it('refuses bad dates, times, order and recurrence', () => {
    const bad = (input: object, type: 'businessHours' | 'holidays' = 'businessHours') => assert.throws(() => checkEvent({ ...base, ...input }, type), { status: 400 });
    bad({ startDate: '2026-02-30' });
    bad({ startTime: '24:00' });
    bad({ startTime: undefined });
    bad({ endTime: '08:00' });
    bad({ endDate: '2026-01-04' });
    bad({ recurrence: { recurForEver: true } });
    bad({ recurrence: { recurWeekly: { sunday: true } } });
    bad({ recurrence: { recurForEver: true, recurWeekly: { sunday: false } } });
    bad({ recurrence: { recurForEver: true, recurEndDate: '2026-02-01', recurWeekly: { sunday: true } } });
    bad({ recurrence: { recurForEver: true, recurYearlyByDate: { dayOfMonth: 1, month: 'JANUARY' } } });
    bad({ recurrence: { recurForEver: true, recurWeekly: { sunday: true } } }, 'holidays');
    bad({ recurrence: { recurForEver: true, recurYearlyByDate: { dayOfMonth: 30, month: 'FEBRUARY' } } }, 'holidays');
  });
});
