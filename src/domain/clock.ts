// Time comes from one injectable clock: ring timeouts, simulated delays and job progress all
// schedule their work on it, so tests and the sandbox can run time fast or step it.
export interface Clock {
  now(): Date;
  /**
   * Runs task after `ms` of this clock's time; the returned function cancels it. `period`: the
   * task is one of a series its caller schedules every `period` (a periodic pass): a clock moved
   * forward by hand over many periods runs it once, at the last of them, not once per period.
   */
  schedule(ms: number, task: () => unknown, options?: { period?: number }): () => void;
}

/** ISO-8601 UTC with milliseconds, the form Webex uses for timestamps. */
export const timestamp = (clock: Clock): string => clock.now().toISOString();
