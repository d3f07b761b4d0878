// Time comes from one injectable clock, so tests and the sandbox can run it fast or step it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO-8601 UTC with milliseconds, the form Webex uses for timestamps. */
export const timestamp = (clock: Clock): string => clock.now().toISOString();
