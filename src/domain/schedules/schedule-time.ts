import type { Schedule, ScheduleEvent } from './schedule-types.ts';
import { MONTHS, WEEKDAYS, WEEKS } from './schedule-types.ts';

// Whether an instant falls in a schedule, judged on the location's wall clock. Times are counted
// in wall-clock minutes (a local date and time read as if it were UTC), so an event from 09:00 to
// 17:00 covers those clock hours on a DST day too. Each event is a span from its start (startDate
// startTime, or 00:00 when all day) to its end (endDate endTime, or the end of endDate when all
// day); a recurring event repeats that span on each day its recurrence names.

const DAY = 24 * 60;

/** Wall-clock minutes of a YYYY-MM-DD date at HH:MM. */
export function wallMinutes(date: string, time = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 60000 + hh! * 60 + mm!;
}

/** The instant's wall-clock minutes in a time zone (IANA name). */
export function localMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day')) / 60000 + get('hour') * 60 + get('minute');
}

const startOf = (e: ScheduleEvent) => wallMinutes(e.startDate, e.allDayEnabled ? '00:00' : e.startTime);
const endOf = (e: ScheduleEvent) => (e.allDayEnabled ? wallMinutes(e.endDate) + DAY : wallMinutes(e.endDate, e.endTime));

/** The day (wall-clock minutes at 00:00) of the nth weekday of a month; week LAST is the last one. */
function nthWeekday(year: number, month: number, weekday: number, week: string): number {
  if (week === 'LAST') {
    const last = new Date(Date.UTC(year, month + 1, 0));
    const back = (last.getUTCDay() - weekday + 7) % 7;
    return Date.UTC(year, month, last.getUTCDate() - back) / 60000;
  }
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + 7 * WEEKS.indexOf(week as (typeof WEEKS)[number]);
  return Date.UTC(year, month, day) / 60000;
}

/** Whether a recurring event's span starting on the given day (00:00 wall minutes) is one of its occurrences. */
function occursOn(e: ScheduleEvent, day: number): boolean {
  const r = e.recurrence!;
  const date = new Date(day * 60000);
  if (r.recurWeekly) return r.recurWeekly[WEEKDAYS[date.getUTCDay()]!] === true;
  if (r.recurYearlyByDate) {
    const { dayOfMonth, month } = r.recurYearlyByDate;
    return date.getUTCMonth() === MONTHS.indexOf(month as (typeof MONTHS)[number]) && date.getUTCDate() === dayOfMonth;
  }
  if (r.recurYearlyByDay) {
    const { day: weekday, week, month } = r.recurYearlyByDay;
    const m = MONTHS.indexOf(month as (typeof MONTHS)[number]);
    if (date.getUTCMonth() !== m) return false;
    return nthWeekday(date.getUTCFullYear(), m, WEEKDAYS.indexOf(weekday.toLowerCase() as (typeof WEEKDAYS)[number]), week) === day;
  }
  return false;
}

const isRecurring = (e: ScheduleEvent) =>
  e.recurrence !== undefined && (e.recurrence.recurWeekly ?? e.recurrence.recurYearlyByDate ?? e.recurrence.recurYearlyByDay) !== undefined;

/** Whether the event covers the wall-clock minute. */
export function eventCovers(e: ScheduleEvent, minute: number): boolean {
  const start = startOf(e);
  const length = endOf(e) - start;
  if (!isRecurring(e)) return minute >= start && minute < start + length;
  const offset = start - wallMinutes(e.startDate);
  const firstDay = wallMinutes(e.startDate);
  const lastDay = e.recurrence!.recurEndDate !== undefined ? wallMinutes(e.recurrence!.recurEndDate) : Infinity;
  // Occurrences that could cover the minute begin at most `length` before it.
  const today = Math.floor(minute / DAY) * DAY;
  for (let day = today; day >= firstDay && day + offset + length > minute; day -= DAY) {
    if (day > lastDay || !occursOn(e, day)) continue;
    if (minute >= day + offset) return true;
  }
  return false;
}

/**
 * Whether the instant falls in one of the schedule's events, on the location's clock
 * (timeZone: the location's IANA time zone). Hunt groups, call queues and auto attendants ask it.
 */
export function isInSchedule(schedule: Pick<Schedule, 'events'>, instant: Date, timeZone: string): boolean {
  const minute = localMinutes(instant, timeZone);
  return schedule.events.some((e) => eventCovers(e, minute));
}
