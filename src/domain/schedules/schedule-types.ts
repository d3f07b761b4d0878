// A location's time schedule as the domain sees it: business hours or holidays, each a named set
// of events. Dates and times are the location's wall clock (YYYY-MM-DD, HH:MM), as Webex takes them.

export type ScheduleType = 'businessHours' | 'holidays';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;
export const WEEKS = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'LAST'] as const;

export type Recurrence = {
  recurForEver?: boolean;
  /** The last date of the recurrence (inclusive). */
  recurEndDate?: string;
  recurWeekly?: Partial<Record<Weekday, boolean>>;
  recurYearlyByDate?: { dayOfMonth: number; month: string };
  recurYearlyByDay?: { day: string; week: string; month: string };
};

export type ScheduleEvent = {
  name: string;
  startDate: string;
  endDate: string;
  startTime?: string;
  endTime?: string;
  allDayEnabled: boolean;
  recurrence?: Recurrence;
};

export type Schedule = {
  type: ScheduleType;
  name: string;
  events: ScheduleEvent[];
};
