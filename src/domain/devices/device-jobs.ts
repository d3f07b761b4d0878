import { randomUUID } from 'node:crypto';
import { JobSteps } from '../jobs/job-steps.ts';
import { jobOfType } from '../jobs/job-of-type.ts';
import type { StoredDevice } from '../../store/devices-store.ts';
import type { Job, JobError } from '../../store/location-calling-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { encodeId } from '../webex-ids.ts';
import type { ApplyFilter, LineKeyTemplateService, TemplateData } from './line-key-templates.ts';

// The device jobs: real work on the server's clock, like the routing prefix jobs (domain/jobs).
// A job chooses its devices when it is created; it starts a step later, runs its kind's `begin`
// once (a level's settings stored, say), then brings its devices to the job's result in batches,
// a step each; a device gone since is an error of the job. A job survives a restart and resumes
// after its last device. Every kind shares this one loop: a kind says only what a device gets.

export const APPLY_LINE_KEY_TEMPLATE_JOB = 'applylinekeytemplate';
const STEP_MS = 1000;
const BATCH_SIZE = 50;

/** What a job stores in newValue: its kind's data, and the devices chosen when it was created. */
type Plan<T> = { data: T; deviceIds: string[] };

/** What one kind of device job does. `data` is the kind's own, stored with the job as JSON. */
export type DeviceJobKind<T = unknown> = {
  jobType: string;
  /** Runs once, in the job's first step, before any device. */
  begin?: (tx: Store, job: Job, data: T) => Promise<void>;
  /** Brings one device (of the job's organization) to the job's result. */
  applyTo: (tx: Store, device: StoredDevice, data: T, now: string) => Promise<void>;
  /**
   * Webex runs one job of these kinds at a time per organization: a kind listed here refuses a
   * new job (409) while one of any of them is unfinished.
   */
  exclusiveWith?: readonly string[];
};

/** Who asked for a job, as the job shows it. */
export type JobRequester = { personId: string; trackingId: string };

export class DeviceJobs {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly templates: LineKeyTemplateService;
  private readonly kinds = new Map<string, DeviceJobKind<any>>();
  private readonly steps: JobSteps;

  constructor(store: Store, clock: Clock, templates: LineKeyTemplateService) {
    this.store = store;
    this.clock = clock;
    this.templates = templates;
    // A step that fails is tried again on the next tick (the job stays where it was).
    this.steps = new JobSteps(clock, STEP_MS, (jobId) => this.step(jobId), () => {});
    this.register<TemplateData | null>({ jobType: APPLY_LINE_KEY_TEMPLATE_JOB, applyTo: (tx, device, template) => this.templates.applyTo(tx, device, template) });
  }

  /** Adds a kind of job (services that own one register it when they are built). */
  register<T>(kind: DeviceJobKind<T>): void {
    this.kinds.set(kind.jobType, kind);
  }

  /** Creates the apply-line-key-template job (targets chosen now) and schedules its first step. */
  async applyLineKeyTemplate(orgId: string, filter: ApplyFilter, by: JobRequester): Promise<Job> {
    if (filter.action === 'APPLY_TEMPLATE' && !filter.templateId) throw badRequest('templateId is required to apply a template.');
    const template = filter.action === 'APPLY_TEMPLATE' ? (await this.templates.get(orgId, filter.templateId)).data : null;
    const devices = await this.templates.targets(orgId, filter);
    return this.start(orgId, APPLY_LINE_KEY_TEMPLATE_JOB, { locationId: null, devices, data: template }, by);
  }

  /** Creates a job of a registered kind over these devices and schedules its first step. */
  async start<T>(orgId: string, jobType: string, input: { locationId: string | null; devices: readonly StoredDevice[]; data: T }, by: JobRequester): Promise<Job> {
    const kind = this.kind(jobType);
    if (kind.exclusiveWith) {
      const running = (await this.store.jobs.unfinished()).find((j) => j.orgId === orgId && kind.exclusiveWith!.includes(j.jobType));
      if (running) throw conflict(`A ${running.jobType} job is already running for this organization: only one device job runs at a time.`);
    }
    const plan: Plan<T> = { data: input.data, deviceIds: input.devices.map((d) => d.id) };
    const now = timestamp(this.clock);
    const job: Job = {
      id: randomUUID(),
      orgId,
      jobType,
      locationId: input.locationId,
      status: 'STARTING',
      exitCode: 'UNKNOWN',
      oldValue: null,
      newValue: JSON.stringify(plan),
      totalItems: input.devices.length,
      updatedItems: 0,
      failedItems: 0,
      cursor: null,
      sourceUserId: by.personId,
      trackingId: by.trackingId,
      instanceId: await this.store.jobs.nextInstanceId(),
      created: now,
      started: null,
      ended: null,
      lastUpdated: now,
    };
    await this.store.jobs.insert(job);
    this.steps.run(job.id);
    return job;
  }

  list(orgId: string, jobType: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, jobType, start, max);
  }

  get(orgId: string, jobType: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, jobType);
  }

  async errors(orgId: string, jobType: string, publicId: string, start = 0, max = 1000): Promise<Page<JobError, number>> {
    const job = await this.get(orgId, jobType, publicId);
    return this.store.jobs.errors(job.id, start, max);
  }

  /** The job's stored data (what its kind was asked to do). */
  data<T>(job: Job): T {
    return (JSON.parse(job.newValue ?? '{}') as Plan<T>).data;
  }

  async resume(): Promise<void> {
    for (const job of await this.store.jobs.unfinished()) if (this.kinds.has(job.jobType)) this.steps.run(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  private kind(jobType: string): DeviceJobKind<any> {
    const kind = this.kinds.get(jobType);
    if (!kind) throw new Error(`no device job kind ${jobType}`);
    return kind;
  }

  /** One batch of devices; true when there is more to do. */
  private async step(jobId: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const job = await tx.jobs.find(jobId);
      const kind = job && this.kinds.get(job.jobType);
      if (!job || !kind || job.status === 'COMPLETED' || job.status === 'FAILED') return false;
      const plan = JSON.parse(job.newValue ?? '{}') as Plan<unknown>;
      const now = timestamp(this.clock);
      const next: Job = { ...job, lastUpdated: now };
      if (job.status === 'STARTING') {
        Object.assign(next, { status: 'STARTED', started: now });
        await kind.begin?.(tx, job, plan.data);
      }
      const from = job.cursor === null ? 0 : plan.deviceIds.indexOf(job.cursor) + 1;
      const batch = plan.deviceIds.slice(from, from + BATCH_SIZE);
      for (const id of batch) {
        const device = await tx.devices.get(job.orgId, id);
        if (device) {
          await kind.applyTo(tx, device, plan.data, now);
          next.updatedItems++;
        } else {
          next.failedItems++;
          await tx.jobs.addError({ jobId: job.id, itemNumber: next.failedItems, itemId: encodeId('DEVICE', id), trackingId: job.trackingId, errorCode: 'DEVICE_NOT_FOUND', message: 'The device was deleted before the job reached it.' });
        }
        next.cursor = id;
      }
      const done = from + batch.length >= plan.deviceIds.length;
      if (done) Object.assign(next, { status: 'COMPLETED', exitCode: next.failedItems > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED', ended: now });
      if (!(await tx.jobs.updateIf(next, job.lastUpdated))) return false;
      return !done;
    });
  }
}
