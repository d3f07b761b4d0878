import { eventCovers, localMinutes } from '../schedules/schedule-time.ts';
import type { ScheduleEvent } from '../schedules/schedule-types.ts';
import { DAYS, type DayHours, type ModeHoliday, type OperatingMode } from './operating-mode-types.ts';

// Whether an operating mode's schedule covers an instant, on a time zone's wall clock. A NONE mode
// covers nothing by itself (it applies only when switched to by hand).

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
};

function dayCovers(hours: DayHours | undefined, minuteOfDay: number): boolean {
  if (!hours?.enabled) return false;
  if (hours.allDayEnabled) return true;
  return minuteOfDay >= minutesOf(hours.startTime ?? '00:00') && minuteOfDay < minutesOf(hours.endTime ?? '00:00');
}

/** A holiday read as a schedule event (the schedules' rules decide when it covers). */
const asEvent = (h: ModeHoliday): ScheduleEvent => ({
  name: h.name,
  startDate: h.startDate,
  endDate: h.endDate,
  allDayEnabled: h.allDayEnabled,
  ...(h.startTime !== undefined ? { startTime: h.startTime } : {}),
  ...(h.endTime !== undefined ? { endTime: h.endTime } : {}),
  ...(h.recurrence?.recurYearlyByDate || h.recurrence?.recurYearlyByDay ? { recurrence: { recurForEver: true, ...h.recurrence } } : {}),
});

export function modeCovers(mode: Pick<OperatingMode, 'type' | 'settings'>, instant: Date, timeZone: string): boolean {
  const minute = localMinutes(instant, timeZone);
  const day = DAYS[new Date(minute * 60000).getUTCDay()]!;
  const minuteOfDay = minute % (24 * 60);
  switch (mode.type) {
    case 'SAME_HOURS_DAILY': {
      const same = mode.settings.sameHoursDaily;
      return dayCovers(day === 'saturday' || day === 'sunday' ? same?.saturdayToSunday : same?.mondayToFriday, minuteOfDay);
    }
    case 'DIFFERENT_HOURS_DAILY':
      return dayCovers(mode.settings.differentHoursDaily?.[day], minuteOfDay);
    case 'HOLIDAY':
      return mode.settings.holidays.some((h) => eventCovers(asEvent(h), minute));
    case 'NONE':
      return false;
  }
}
