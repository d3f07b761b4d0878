import { badRequest, conflict, notFound } from '../errors.ts';
import { MONTHS, WEEKDAYS, WEEKS } from '../schedules/schedule-types.ts';
import { DAYS, type DayHours, type ModeForwarding, type ModeHoliday, type ModeRecurrence, type OperatingModeSettings } from './operating-mode-types.ts';

// Webex's rules for an operating mode's fields, without storage.

export const operatingModeNotFound = () => notFound('Operating mode not found.');
export const holidayNotFound = () => notFound('Operating mode holiday not found.');
export const modeNameInUse = (name: string) => conflict(`An operating mode named "${name}" already exists at this level.`);
export const MAX_MODES = 100;
export const MAX_HOLIDAYS = 150;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkModeName(value: string | undefined): string {
  const name = (value ?? '').trim();
  if (name.length < 1 || name.length > 40) throw badRequest('name must hold 1 to 40 characters.');
  return name;
}

export type HoursInput = { enabled?: boolean; allDayEnabled?: boolean; startTime?: string; endTime?: string };

export function checkHours(input: HoursInput | undefined, field: string): DayHours {
  const enabled = input?.enabled === true;
  const allDayEnabled = input?.allDayEnabled === true;
  const out: DayHours = { enabled, allDayEnabled };
  if (enabled && !allDayEnabled) {
    const { startTime, endTime } = input ?? {};
    if (!startTime || !TIME.test(startTime) || !endTime || !TIME.test(endTime)) throw badRequest(`${field}: startTime and endTime (HH:MM) are required unless allDayEnabled.`);
    if (startTime >= endTime) throw badRequest(`${field}: startTime must be before endTime.`);
    out.startTime = startTime;
    out.endTime = endTime;
  }
  return out;
}

export function checkSameHours(input: { mondayToFriday?: HoursInput; saturdayToSunday?: HoursInput } | undefined): OperatingModeSettings['sameHoursDaily'] {
  if (!input) throw badRequest('sameHoursDaily is required for a SAME_HOURS_DAILY operating mode.');
  return { mondayToFriday: checkHours(input.mondayToFriday, 'sameHoursDaily.mondayToFriday'), saturdayToSunday: checkHours(input.saturdayToSunday, 'sameHoursDaily.saturdayToSunday') };
}

export function checkDifferentHours(input: Partial<Record<string, HoursInput>> | undefined): OperatingModeSettings['differentHoursDaily'] {
  if (!input) throw badRequest('differentHoursDaily is required for a DIFFERENT_HOURS_DAILY operating mode.');
  return Object.fromEntries(DAYS.map((d) => [d, checkHours(input[d], `differentHoursDaily.${d}`)])) as OperatingModeSettings['differentHoursDaily'];
}

export type HolidayInput = { name?: string; allDayEnabled?: boolean; startDate?: string; endDate?: string; startTime?: string; endTime?: string; recurrence?: { recurYearlyByDate?: unknown; recurYearlyByDay?: unknown } };

function checkRecurrence(input: HolidayInput['recurrence']): ModeRecurrence | undefined {
  if (!input || (input.recurYearlyByDate === undefined && input.recurYearlyByDay === undefined)) return undefined;
  if (input.recurYearlyByDate !== undefined) {
    const r = input.recurYearlyByDate as { dayOfMonth?: unknown; month?: unknown };
    if (!Number.isInteger(r.dayOfMonth) || (r.dayOfMonth as number) < 1 || (r.dayOfMonth as number) > 31 || !MONTHS.includes(r.month as never)) {
      throw badRequest('recurrence.recurYearlyByDate needs dayOfMonth (1-31) and month (JANUARY…DECEMBER).');
    }
    return { recurYearlyByDate: { dayOfMonth: r.dayOfMonth as number, month: r.month as string } };
  }
  const r = input.recurYearlyByDay as { day?: unknown; week?: unknown; month?: unknown };
  if (!WEEKDAYS.includes(String(r.day).toLowerCase() as never) || !WEEKS.includes(r.week as never) || !MONTHS.includes(r.month as never)) {
    throw badRequest('recurrence.recurYearlyByDay needs day (SUNDAY…SATURDAY), week (FIRST…LAST) and month.');
  }
  return { recurYearlyByDay: { day: String(r.day), week: String(r.week), month: String(r.month) } };
}

/** A holiday with the input applied over `current` (a new one has only its id). */
export function checkHoliday(input: HolidayInput, current: Partial<ModeHoliday> & { id: string }): ModeHoliday {
  const m = { ...current, ...input };
  const name = (m.name ?? '').trim();
  if (name.length < 1 || name.length > 40) throw badRequest('holiday name must hold 1 to 40 characters.');
  if (!m.startDate || !DATE.test(m.startDate) || !m.endDate || !DATE.test(m.endDate)) throw badRequest('holiday startDate and endDate (YYYY-MM-DD) are required.');
  if (m.startDate > m.endDate) throw badRequest('holiday startDate must not be after endDate.');
  const allDayEnabled = m.allDayEnabled === true;
  const out: ModeHoliday = { id: current.id, name, allDayEnabled, startDate: m.startDate, endDate: m.endDate };
  if (!allDayEnabled) {
    if (!m.startTime || !TIME.test(m.startTime) || !m.endTime || !TIME.test(m.endTime)) throw badRequest('holiday startTime and endTime (HH:MM) are required unless allDayEnabled.');
    if (m.startDate === m.endDate && m.startTime >= m.endTime) throw badRequest('holiday startTime must be before endTime.');
    out.startTime = m.startTime;
    out.endTime = m.endTime;
  }
  const recurrence = input.recurrence !== undefined ? checkRecurrence(input.recurrence) : current.recurrence;
  if (recurrence) out.recurrence = recurrence;
  return out;
}

export function checkUniqueHolidays(holidays: readonly ModeHoliday[]): void {
  if (holidays.length > MAX_HOLIDAYS) throw badRequest(`An operating mode holds at most ${MAX_HOLIDAYS} holidays.`);
  const names = new Set<string>();
  for (const h of holidays) {
    if (names.has(h.name.toLowerCase())) throw conflict(`The operating mode already has a holiday named "${h.name}".`);
    names.add(h.name.toLowerCase());
  }
}

export function checkModeForwarding(input: unknown, current: ModeForwarding): ModeForwarding {
  if (input === undefined) return current;
  if (typeof input !== 'object' || input === null) throw badRequest('callForwarding must be an object.');
  const m = { ...current, ...(input as Partial<ModeForwarding>) };
  const out: ModeForwarding = { enabled: m.enabled === true, destinationVoicemailEnabled: m.destinationVoicemailEnabled === true };
  if (m.destination !== undefined && m.destination !== '') {
    if (typeof m.destination !== 'string' || !/^\+?[\d*#]{2,30}$/.test(m.destination)) throw badRequest('callForwarding.destination must be a phone number or extension.');
    out.destination = m.destination;
  }
  if (out.enabled && out.destination === undefined) throw badRequest('callForwarding.destination is required when callForwarding is enabled.');
  return out;
}
