import { badRequest, conflict, notFound } from '../errors.ts';
import { wallMinutes } from './schedule-time.ts';
import { MONTHS, WEEKDAYS, type Recurrence, type ScheduleEvent, type ScheduleType } from './schedule-types.ts';

// The rules Webex applies to schedules and their events, without storage: names, dates and times,
// and recurrence (weekly for business hours, yearly for holidays).

export const scheduleNotFound = () => notFound('Schedule not found.');
export const eventNotFound = () => notFound('Schedule event not found.');
export const scheduleNameInUse = (name: string, type: string) => conflict(`A ${type} schedule named "${name}" already exists in this location.`);
export const eventNameInUse = (name: string) => conflict(`The schedule already has an event named "${name}".`);
export const invalidType = (type: string) => badRequest(`type "${type}" is not businessHours or holidays.`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkName(value: string, what: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 80) throw badRequest(`${what} must hold 1 to 80 characters.`);
  return name;
}

function checkDate(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw badRequest(`${field} "${value}" is not a date of the form YYYY-MM-DD.`);
  }
  return value;
}

function checkTime(value: string | undefined, field: string): string {
  if (value === undefined) throw badRequest(`${field} is required unless allDayEnabled is true.`);
  if (!TIME.test(value)) throw badRequest(`${field} "${value}" is not a time of the form HH:MM.`);
  return value;
}

export type EventInput = Omit<ScheduleEvent, 'allDayEnabled' | 'endDate'> & { allDayEnabled?: boolean; endDate?: string };

function checkRecurrence(r: Recurrence, type: ScheduleType, startDate: string): Recurrence {
  const kinds = [r.recurWeekly, r.recurYearlyByDate, r.recurYearlyByDay].filter((k) => k !== undefined);
  if (kinds.length !== 1) throw badRequest('recurrence needs exactly one of recurWeekly, recurYearlyByDate and recurYearlyByDay.');
  if (r.recurForEver === true && r.recurEndDate !== undefined) throw badRequest('recurrence takes recurForEver or recurEndDate, not both.');
  if (r.recurForEver !== true && r.recurEndDate === undefined) throw badRequest('recurrence needs recurForEver true or a recurEndDate.');
  if (r.recurEndDate !== undefined && checkDate(r.recurEndDate, 'recurEndDate') < startDate) {
    throw badRequest('recurEndDate must not be before startDate.');
  }
  const out: Recurrence = r.recurEndDate !== undefined ? { recurForEver: false, recurEndDate: r.recurEndDate } : { recurForEver: true };
  if (r.recurWeekly) {
    if (type !== 'businessHours') throw badRequest('recurWeekly applies to businessHours schedules; holidays recur yearly.');
    const days = Object.fromEntries(WEEKDAYS.map((d) => [d, r.recurWeekly![d] === true]));
    if (!Object.values(days).some(Boolean)) throw badRequest('recurWeekly needs at least one day.');
    return { ...out, recurWeekly: days };
  }
  if (type !== 'holidays') throw badRequest('Yearly recurrence applies to holidays schedules; business hours recur weekly.');
  if (r.recurYearlyByDate) {
    const { dayOfMonth, month } = r.recurYearlyByDate;
    const m = MONTHS.indexOf(month as (typeof MONTHS)[number]);
    if (m < 0) throw badRequest(`month "${month}" is not a month.`);
    const days = new Date(Date.UTC(2024, m + 1, 0)).getUTCDate();
    if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > days) throw badRequest(`dayOfMonth ${dayOfMonth} is not a day of ${month}.`);
    return { ...out, recurYearlyByDate: { dayOfMonth, month } };
  }
  const { day, week, month } = r.recurYearlyByDay!;
  if (!MONTHS.includes(month as (typeof MONTHS)[number])) throw badRequest(`month "${month}" is not a month.`);
  return { ...out, recurYearlyByDay: { day, week, month } };
}

/** A valid event, normalised (times dropped for an all-day event), or a 400. */
export function checkEvent(input: EventInput, type: ScheduleType): ScheduleEvent {
  const name = checkName(input.name, 'The event name');
  const startDate = checkDate(input.startDate, 'startDate');
  if (input.endDate === undefined) throw badRequest('endDate is required.');
  const endDate = checkDate(input.endDate, 'endDate');
  if (endDate < startDate) throw badRequest('endDate must not be before startDate.');
  const allDayEnabled = input.allDayEnabled === true;
  const event: ScheduleEvent = { name, startDate, endDate, allDayEnabled };
  if (!allDayEnabled) {
    event.startTime = checkTime(input.startTime, 'startTime');
    event.endTime = checkTime(input.endTime, 'endTime');
    if (wallMinutes(endDate, event.endTime) <= wallMinutes(startDate, event.startTime)) throw badRequest('The event must end after it starts.');
  }
  if (input.recurrence !== undefined) {
    event.recurrence = checkRecurrence(input.recurrence, type, startDate);
    // A recurring span longer than a day would overlap its own next occurrence (weekly) or run on.
    const length = (allDayEnabled ? wallMinutes(endDate) + 1440 : wallMinutes(endDate, event.endTime)) - wallMinutes(startDate, event.startTime);
    if (event.recurrence.recurWeekly && length > 1440) throw badRequest('A weekly event must not last longer than a day.');
  }
  return event;
}

/** Event names are unique within a schedule (case-insensitively): one list naming two alike is a 400. */
export function checkUniqueEvents(events: readonly ScheduleEvent[]): void {
  const seen = new Set<string>();
  for (const e of events) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw badRequest(`events: two events are named "${e.name}".`);
    seen.add(key);
  }
}
