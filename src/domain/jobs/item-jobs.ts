import { randomUUID } from 'node:crypto';
import type { Job, JobError } from '../../store/location-calling-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { conflict } from '../errors.ts';
import { jobOfType } from './job-of-type.ts';
import { JobSteps } from './job-steps.ts';

// Jobs that work through a list of items on the server clock (manage numbers, move users): each
// step handles a batch; an item that cannot be handled is a job error and the rest go on. A job can
// be paused (it stays STARTED with exit code STOPPED until resumed) and survives a restart, since
// its plan is stored with it (jobs.new_value) and its position is the cursor. A kind of job says
// only how to handle one item.

export const STEP_MS = 1000;
export const BATCH_SIZE = 20;

/** Why an item was not handled: a job error. */
export type ItemProblem = { code: string; message: string };

export const planOf = <P>(job: Job): P => JSON.parse(job.newValue ?? '{"items":[]}') as P;
export const isPaused = (job: Job) => job.status === 'STARTED' && job.exitCode === 'STOPPED';

export abstract class ItemJobs<Item, Plan extends { items: Item[] }> {
  protected readonly store: Store;
  protected readonly clock: Clock;
  private readonly jobType: string;
  private readonly steps: JobSteps;

  constructor(store: Store, clock: Clock, jobType: string, onError: (error: unknown, jobId: string) => void) {
    this.store = store;
    this.clock = clock;
    this.jobType = jobType;
    this.steps = new JobSteps(clock, STEP_MS, (jobId) => this.step(jobId), onError);
  }

  /** Handles one item in the step's transaction; the problem when it cannot. */
  protected abstract handle(tx: Store, orgId: string, plan: Plan, item: Item): Promise<ItemProblem | undefined>;

  /** The identity of an item in the job's errors (itemId). */
  protected abstract itemId(item: Item): string;

  /** Writes a new job of the plan (in the caller's transaction); `start` it after the commit. */
  protected async insert(tx: Store, orgId: string, sourceUserId: string, plan: Plan, oldValue: string | null): Promise<Job> {
    const now = timestamp(this.clock);
    const job: Job = {
      id: randomUUID(),
      orgId,
      jobType: this.jobType,
      locationId: null,
      status: 'STARTING',
      exitCode: 'UNKNOWN',
      oldValue,
      newValue: JSON.stringify(plan),
      totalItems: plan.items.length,
      updatedItems: 0,
      failedItems: 0,
      cursor: '0',
      sourceUserId,
      trackingId: `CALLPLANE_${randomUUID()}`,
      instanceId: await tx.jobs.nextInstanceId(),
      created: now,
      started: null,
      ended: null,
      lastUpdated: now,
    };
    await tx.jobs.insert(job);
    return job;
  }

  protected start(job: Job): void {
    this.steps.run(job.id);
  }

  async get(orgId: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, this.jobType);
  }

  async list(orgId: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, this.jobType, start, max);
  }

  async errors(orgId: string, publicId: string, start: number, max: number): Promise<Page<JobError, number>> {
    const job = await this.get(orgId, publicId);
    return this.store.jobs.errors(job.id, start, max);
  }

  /** Pauses a running job (409 when it has finished); pausing a paused job changes nothing. */
  async pause(orgId: string, publicId: string): Promise<void> {
    await this.setPaused(orgId, publicId, true);
  }

  /** Resumes a paused job where it stopped (409 when it has finished). */
  async resume(orgId: string, publicId: string): Promise<void> {
    await this.setPaused(orgId, publicId, false);
    this.steps.run((await this.get(orgId, publicId)).id);
  }

  /** Picks up the jobs a previous run of the server left running (paused ones wait for resume). */
  async resumeAll(): Promise<void> {
    for (const job of await this.store.jobs.unfinished()) if (job.jobType === this.jobType && !isPaused(job)) this.steps.run(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  private async setPaused(orgId: string, publicId: string, paused: boolean): Promise<void> {
    await this.store.transaction(async (tx) => {
      const job = await jobOfType(tx, orgId, publicId, this.jobType);
      if (job.status === 'COMPLETED' || job.status === 'FAILED') throw conflict(`The job has finished (${job.status}); only a running job can be ${paused ? 'paused' : 'resumed'}.`);
      if (isPaused(job) === paused) return;
      const now = timestamp(this.clock);
      await tx.jobs.update({ ...job, status: 'STARTED', started: job.started ?? now, exitCode: paused ? 'STOPPED' : 'UNKNOWN', lastUpdated: now });
    });
  }

  /** One step; true when there is more to do. */
  private async step(jobId: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const job = await tx.jobs.find(jobId);
      if (!job || job.jobType !== this.jobType || job.status === 'COMPLETED' || job.status === 'FAILED' || isPaused(job)) return false;
      const plan = planOf<Plan>(job);
      const now = timestamp(this.clock);
      const next: Job = { ...job, lastUpdated: now };
      if (job.status === 'STARTING') {
        next.status = 'STARTED';
        next.started = now;
      }
      const from = Number(job.cursor ?? '0');
      const batch = plan.items.slice(from, from + BATCH_SIZE);
      for (const [i, item] of batch.entries()) {
        const problem = await this.handle(tx, job.orgId, plan, item);
        if (problem) {
          next.failedItems++;
          await tx.jobs.addError({ jobId: job.id, itemNumber: from + i + 1, itemId: this.itemId(item), trackingId: job.trackingId, errorCode: problem.code, message: problem.message });
        } else next.updatedItems++;
      }
      next.cursor = String(from + batch.length);
      const done = from + batch.length >= plan.items.length;
      if (done) {
        next.status = 'COMPLETED';
        next.exitCode = next.failedItems > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED';
        next.ended = now;
      }
      // Another process may run the same job on a shared database: only one step lands.
      if (!(await tx.jobs.updateIf(next, job.lastUpdated))) return false;
      return !done;
    });
  }
}
