import { randomUUID } from 'node:crypto';
import { jobOfType } from './job-of-type.ts';
import type { Job, JobError } from '../../store/location-calling-store.ts';
import type { Location, Page, PhoneNumber, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { looseE164 } from '../phone-numbers.ts';
import { numberAssignedToAnyone } from '../numbers/number-holders.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { JobSteps } from './job-steps.ts';

// Manage numbers jobs: MOVE unassigned numbers to another location of the organization, DELETE
// them, or change their usage (NUMBER_USAGE_CHANGE: NONE for standard, SERVICE for service
// numbers). Real work on the server clock: each step handles a batch of numbers, a number that
// cannot be handled (not in its location, assigned, the main number, another country) is a job
// error and the rest go on. An organization runs one such job at a time (409). A job can be
// paused (it stays STARTED with exit code STOPPED until resumed) and survives a restart.

export const MANAGE_NUMBERS_JOB = 'manageNumbers';
export const STEP_MS = 1000;
export const BATCH_SIZE = 20;
export const MAX_NUMBERS = 1000;

const OPERATIONS = ['MOVE', 'DELETE', 'NUMBER_USAGE_CHANGE'] as const;
type Operation = (typeof OPERATIONS)[number];

export type ManageNumbersInput = {
  operation: string;
  targetLocationId?: string;
  numberUsageType?: string;
  numberList: { locationId: string; numbers: unknown[] }[];
};

/** What a job works through, stored with it (jobs.new_value) so a restarted server goes on. */
export type ManageNumbersPlan = { operation: Operation; targetLocationId: string | null; numberUsageType: 'NONE' | 'SERVICE' | null; items: { locationId: string; number: string }[] };

export const planOf = (job: Job): ManageNumbersPlan => JSON.parse(job.newValue ?? '{"items":[]}') as ManageNumbersPlan;
export const isPaused = (job: Job) => job.status === 'STARTED' && job.exitCode === 'STOPPED';

export class ManageNumbersJobs {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly steps: JobSteps;

  constructor(store: Store, clock: Clock, onError: (error: unknown, jobId: string) => void = () => {}) {
    this.store = store;
    this.clock = clock;
    this.steps = new JobSteps(clock, STEP_MS, (jobId) => this.step(jobId), onError);
  }

  /** Checks the request in full (400), refuses a second job of the organization (409), starts the job. */
  async initiate(orgId: string, sourceUserId: string, input: ManageNumbersInput): Promise<Job> {
    const operation = OPERATIONS.find((o) => o === input.operation);
    if (!operation) throw badRequest(`operation must be one of ${OPERATIONS.join(', ')}.`);
    const lists = input.numberList ?? [];
    const total = lists.reduce((n, l) => n + (Array.isArray(l.numbers) ? l.numbers.length : 0), 0);
    if (total === 0) throw badRequest('numberList must name at least one number.');
    if (total > MAX_NUMBERS) throw badRequest(`At most ${MAX_NUMBERS} numbers can be given in one job.`);
    let usage: ManageNumbersPlan['numberUsageType'] = null;
    if (operation === 'NUMBER_USAGE_CHANGE') {
      if (input.numberUsageType !== 'NONE' && input.numberUsageType !== 'SERVICE') throw badRequest('numberUsageType must be NONE or SERVICE for a NUMBER_USAGE_CHANGE.');
      usage = input.numberUsageType;
    }
    const job = await this.store.transaction(async (tx) => {
      let target: Location | undefined;
      if (operation === 'MOVE') {
        if (input.targetLocationId === undefined) throw badRequest('targetLocationId is required for a MOVE.');
        target = await callingLocation(tx, orgId, input.targetLocationId, 'targetLocationId');
      }
      const items: ManageNumbersPlan['items'] = [];
      const seen = new Set<string>();
      for (const list of lists) {
        const source = await callingLocation(tx, orgId, list.locationId, 'numberList.locationId');
        for (const value of list.numbers) {
          const e164 = typeof value === 'string' ? (value.startsWith('+') ? value : looseE164(value)) : undefined;
          if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) throw badRequest(`${String(value)} is not a phone number in E.164 format.`);
          if (seen.has(e164)) throw badRequest(`${e164} appears more than once in numberList.`);
          seen.add(e164);
          items.push({ locationId: source.id, number: e164 });
        }
      }
      if (await tx.jobs.running(orgId, MANAGE_NUMBERS_JOB)) throw conflict('Another manage numbers job of this organization is in progress; try again when it has finished.');
      const now = timestamp(this.clock);
      const plan: ManageNumbersPlan = { operation, targetLocationId: target?.id ?? null, numberUsageType: usage, items };
      const created: Job = {
        id: randomUUID(),
        orgId,
        jobType: MANAGE_NUMBERS_JOB,
        locationId: null,
        status: 'STARTING',
        exitCode: 'UNKNOWN',
        oldValue: operation,
        newValue: JSON.stringify(plan),
        totalItems: items.length,
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
      await tx.jobs.insert(created);
      return created;
    });
    this.steps.run(job.id);
    return job;
  }

  async get(orgId: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, MANAGE_NUMBERS_JOB);
  }

  async list(orgId: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, MANAGE_NUMBERS_JOB, start, max);
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
    const job = await this.get(orgId, publicId);
    this.steps.run(job.id);
  }

  /** Picks up the jobs a previous run of the server left running (paused ones wait for resume). */
  async resumeAll(): Promise<void> {
    for (const job of await this.store.jobs.unfinished()) if (job.jobType === MANAGE_NUMBERS_JOB && !isPaused(job)) this.steps.run(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  private async setPaused(orgId: string, publicId: string, paused: boolean): Promise<void> {
    await this.store.transaction(async (tx) => {
      const job = await jobOfType(tx, orgId, publicId, MANAGE_NUMBERS_JOB);
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
      if (!job || job.jobType !== MANAGE_NUMBERS_JOB || job.status === 'COMPLETED' || job.status === 'FAILED' || isPaused(job)) return false;
      const plan = planOf(job);
      const now = timestamp(this.clock);
      const next: Job = { ...job, lastUpdated: now };
      if (job.status === 'STARTING') {
        next.status = 'STARTED';
        next.started = now;
      }
      const from = Number(job.cursor ?? '0');
      const batch = plan.items.slice(from, from + BATCH_SIZE);
      const target = plan.targetLocationId ? await tx.locations.get(job.orgId, plan.targetLocationId) : undefined;
      for (const [i, item] of batch.entries()) {
        const problem = await this.handle(tx, job.orgId, plan, item, target);
        if (problem) {
          next.failedItems++;
          await tx.jobs.addError({ jobId: job.id, itemNumber: from + i + 1, itemId: item.number, trackingId: job.trackingId, errorCode: problem.code, message: problem.message });
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

  /** Applies the operation to one number; the problem when it cannot. */
  private async handle(tx: Store, orgId: string, plan: ManageNumbersPlan, item: { locationId: string; number: string }, target: Location | undefined): Promise<{ code: string; message: string } | undefined> {
    const number = await tx.numbers.get(item.number);
    if (!number || number.orgId !== orgId || number.locationId !== item.locationId) return { code: 'NUMBER_NOT_FOUND', message: `${item.number} is not a number of the location given.` };
    if (number.isMainNumber) return { code: 'MAIN_NUMBER', message: `${item.number} is the main number of its location.` };
    if (await numberAssignedToAnyone(tx, number)) return { code: 'NUMBER_ASSIGNED', message: `${item.number} is assigned; only unassigned numbers can be managed.` };
    const rewrite = async (changed: PhoneNumber) => {
      await tx.numbers.deleteMany([number.phoneNumber]);
      await tx.numbers.insertMany([changed]);
    };
    switch (plan.operation) {
      case 'DELETE':
        await tx.numbers.deleteMany([number.phoneNumber]);
        return undefined;
      case 'NUMBER_USAGE_CHANGE':
        await rewrite({ ...number, isServiceNumber: plan.numberUsageType === 'SERVICE' });
        return undefined;
      case 'MOVE': {
        if (!target) return { code: 'LOCATION_NOT_FOUND', message: 'The target location no longer exists.' };
        if (target.id === number.locationId) return { code: 'SAME_LOCATION', message: `${item.number} is in the target location already.` };
        const source = await tx.locations.get(orgId, number.locationId);
        if (source && source.address.country !== target.address.country) return { code: 'COUNTRY_MISMATCH', message: `${item.number} cannot move to a location in another country.` };
        await rewrite({ ...number, locationId: target.id });
        return undefined;
      }
    }
  }
}

async function callingLocation(tx: Store, orgId: string, publicId: string, field: string): Promise<Location> {
  const id = decodeId(publicId, 'LOCATION');
  const location = id ? await tx.locations.get(orgId, id) : undefined;
  if (!location || !location.callingEnabled) throw badRequest(`${field} ${publicId} is not a location of this organization enabled for Webex Calling.`);
  return location;
}

export const presentLocation = (id: string | null) => (id ? encodeId('LOCATION', id) : '');
