// Time comes from one injectable clock: ring timeouts, simulated delays and job progress all
// schedule their work on it, so tests and the sandbox can run time fast or step it.
export interface Clock {
  now(): Date;
  /** Runs task after `ms` of this clock's time; the returned function cancels it. */
  schedule(ms: number, task: () => unknown): () => void;
}

/** ISO-8601 UTC with milliseconds, the form Webex uses for timestamps. */
export const timestamp = (clock: Clock): string => clock.now().toISOString();
