import type { Clock } from '../clock.ts';

// Runs jobs one step at a time on the server clock: a step every `stepMs` while it says there is
// more to do; a step that throws is retried on the next tick. One instance per kind of job.

export class JobSteps {
  private readonly clock: Clock;
  private readonly stepMs: number;
  private readonly step: (jobId: string) => Promise<boolean>;
  private readonly onError: (error: unknown, jobId: string) => void;
  private readonly scheduled = new Map<string, () => void>();
  private stopped = false;

  constructor(clock: Clock, stepMs: number, step: (jobId: string) => Promise<boolean>, onError: (error: unknown, jobId: string) => void) {
    this.clock = clock;
    this.stepMs = stepMs;
    this.step = step;
    this.onError = onError;
  }

  /** Schedules the job's next step (once, however often it is asked). */
  run(jobId: string): void {
    if (this.stopped || this.scheduled.has(jobId)) return;
    this.scheduled.set(
      jobId,
      this.clock.schedule(this.stepMs, async () => {
        this.scheduled.delete(jobId);
        try {
          if (await this.step(jobId)) this.run(jobId);
        } catch (error) {
          this.onError(error, jobId);
          this.run(jobId);
        }
      }),
    );
  }

  /** Drops the job's next step (a paused job); run() schedules it again. */
  cancel(jobId: string): void {
    this.scheduled.get(jobId)?.();
    this.scheduled.delete(jobId);
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.scheduled.values()) cancel();
    this.scheduled.clear();
  }
}
