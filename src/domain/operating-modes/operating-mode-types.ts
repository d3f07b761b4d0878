// Operating modes: named schedules of the organization or a location (same hours every weekday,
// different hours per day, holidays, or none) with a call forwarding default. Features (auto
// attendants here) pick modes and say what each mode's forwarding is; the mode in force decides.

export const MODE_TYPES = ['SAME_HOURS_DAILY', 'DIFFERENT_HOURS_DAILY', 'HOLIDAY', 'NONE'] as const;
export type ModeType = (typeof MODE_TYPES)[number];

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Day = (typeof DAYS)[number];

export type DayHours = { enabled: boolean; allDayEnabled: boolean; startTime?: string; endTime?: string };

export type ModeRecurrence = {
  recurYearlyByDate?: { dayOfMonth: number; month: string };
  recurYearlyByDay?: { day: string; week: string; month: string };
};

export type ModeHoliday = {
  id: string;
  name: string;
  allDayEnabled: boolean;
  startDate: string;
  endDate: string;
  startTime?: string;
  endTime?: string;
  recurrence?: ModeRecurrence;
};

export type ModeForwarding = { enabled: boolean; destination?: string; destinationVoicemailEnabled: boolean };

export type OperatingModeSettings = {
  sameHoursDaily?: { mondayToFriday: DayHours; saturdayToSunday: DayHours };
  differentHoursDaily?: Record<Day, DayHours>;
  holidays: ModeHoliday[];
  callForwarding: ModeForwarding;
};

export type OperatingMode = {
  id: string;
  orgId: string;
  /** null: the organization level. */
  locationId: string | null;
  name: string;
  type: ModeType;
  settings: OperatingModeSettings;
  created: string;
  lastModified: string;
};

export type ExceptionType = 'AUTOMATIC_SWITCH_BACK_EARLY_START' | 'AUTOMATIC_SWITCH_BACK_EXTENSION' | 'MANUAL_SWITCH_BACK' | 'AUTOMATIC_SWITCH_BACK_STANDARD';

export const FORWARD_SELECTIONS = ['FORWARD_TO_DEFAULT_NUMBER', 'FORWARD_TO_SPECIFIED_NUMBER', 'DO_NOT_FORWARD'] as const;

/**
 * A feature's forwarding by operating mode: the modes it uses, in order, each with where calls
 * go while it is in force (the mode's own forwarding by default). A mode with normal operation
 * on comes into force by its schedule; any mode may be switched to by hand (mode management).
 */
export type FeatureModes = {
  enabled: boolean;
  modes: { id: string; normalOperationEnabled: boolean; forwardTo: { selection: (typeof FORWARD_SELECTIONS)[number]; destination?: string; destinationVoicemailEnabled: boolean } }[];
  /** Switched by hand: this mode is in force until switched back (MANUAL_SWITCH_BACK) or until endsAt. */
  manual?: { modeId: string; exceptionType: ExceptionType; endsAt?: string };
};
