import { randomUUID } from 'node:crypto';
import type { Job } from '../../store/location-calling-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { encodeId } from '../webex-ids.ts';
import { JobSteps } from './job-steps.ts';

// The update-routing-prefix job: real work done in steps on the server's clock. Each step moves
// a batch of the location's members to the new prefix (what their work_extension and ESN show),
// recording a per-item error when the new ESN (prefix + extension) is already a member of
// another location. STARTING → STARTED → COMPLETED (or COMPLETED_WITH_ERRORS); a job survives a
// restart and resumes after its last processed member.

export const ROUTING_PREFIX_JOB = 'updateroutingprefix';
/** Clock time between steps, and members moved per step. */
export const STEP_MS = 1000;
export const BATCH_SIZE = 20;

export type StartRoutingPrefixJob = {
  location: Location;
  oldPrefix: string | null;
  newPrefix: string | null;
  sourceUserId: string;
  trackingId: string;
};

export class RoutingPrefixJobs {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly steps: JobSteps;

  /** onError hears of steps that failed (they are retried on the next tick). */
  constructor(store: Store, clock: Clock, onError: (error: unknown, jobId: string) => void = () => {}) {
    this.store = store;
    this.clock = clock;
    this.steps = new JobSteps(clock, STEP_MS, (jobId) => this.step(jobId), onError);
  }

  /** Creates the job in the caller's transaction; call run() once that has committed. */
  async create(tx: Store, start: StartRoutingPrefixJob): Promise<Job> {
    const now = timestamp(this.clock);
    const job: Job = {
      id: randomUUID(),
      orgId: start.location.orgId,
      jobType: ROUTING_PREFIX_JOB,
      locationId: start.location.id,
      status: 'STARTING',
      exitCode: 'UNKNOWN',
      oldValue: start.oldPrefix,
      newValue: start.newPrefix,
      totalItems: await tx.people.countInLocation(start.location.id),
      updatedItems: 0,
      failedItems: 0,
      cursor: null,
      sourceUserId: start.sourceUserId,
      trackingId: start.trackingId,
      instanceId: await tx.jobs.nextInstanceId(),
      created: now,
      started: null,
      ended: null,
      lastUpdated: now,
    };
    await tx.jobs.insert(job);
    return job;
  }

  /** Schedules the job's next step. */
  run(jobId: string): void {
    this.steps.run(jobId);
  }

  /** Picks up the jobs a previous run of the server left unfinished. */
  async resume(): Promise<void> {
    for (const job of await this.store.jobs.unfinished()) if (job.jobType === ROUTING_PREFIX_JOB) this.run(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  /** One step; true when there is more to do. */
  private async step(jobId: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const job = await tx.jobs.find(jobId);
      // Jobs of other types (disabling a calling location) have their own runner.
      if (!job || job.jobType !== ROUTING_PREFIX_JOB || job.locationId === null || job.status === 'COMPLETED' || job.status === 'FAILED') return false;
      const now = timestamp(this.clock);
      const next: Job = { ...job, lastUpdated: now };
      if (job.status === 'STARTING') {
        next.status = 'STARTED';
        next.started = now;
      }
      const members = await tx.locationCalling.members(job.locationId, job.cursor, BATCH_SIZE);
      for (const member of members) {
        const esn = member.extension === null ? null : `${job.newValue ?? ''}${member.extension}`;
        const holder = esn === null ? undefined : await tx.locationCalling.esnHolder(job.orgId, esn, job.locationId);
        if (holder) {
          next.failedItems++;
          await tx.jobs.addError({
            jobId: job.id,
            itemNumber: next.failedItems,
            itemId: encodeId('PEOPLE', member.id),
            trackingId: job.trackingId,
            errorCode: 'ESN_CONFLICT',
            message: `Extension ${member.extension} with routing prefix ${job.newValue} gives ESN ${esn}, already dialled for ${holder.displayName} in another location; ${member.displayName} keeps routing prefix ${member.routingPrefix ?? '(none)'}.`,
          });
        } else {
          await tx.locationCalling.setMemberRoutingPrefix(member.id, job.newValue);
          next.updatedItems++;
        }
        next.cursor = member.id;
      }
      const done = members.length < BATCH_SIZE;
      if (done) {
        next.status = 'COMPLETED';
        next.exitCode = next.failedItems > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED';
        next.ended = now;
        next.totalItems = Math.max(next.totalItems, next.updatedItems + next.failedItems);
      }
      // Another process may run the same job on a shared database: only one step lands.
      if (!(await tx.jobs.updateIf(next, job.lastUpdated))) return false;
      return !done;
    });
  }
}
