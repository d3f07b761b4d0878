import { randomUUID } from 'node:crypto';
import { JobSteps } from '../jobs/job-steps.ts';
import { jobOfType } from '../jobs/job-of-type.ts';
import type { Job, JobError } from '../../store/location-calling-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { encodeId } from '../webex-ids.ts';
import type { ApplyFilter, LineKeyTemplateService, TemplateData } from './line-key-templates.ts';

// The apply-line-key-template job: real work on the server's clock, like the routing prefix jobs
// (domain/jobs). It starts a step after it is created and lays out every target device (the
// template's keys, or the factory default) in batches, a step each; a device gone since is an
// error of the job. A job survives a restart and resumes after its last device.

export const APPLY_LINE_KEY_TEMPLATE_JOB = 'applylinekeytemplate';
const STEP_MS = 1000;
const BATCH_SIZE = 50;

/** What the job stores in newValue: the filter, and the devices chosen when it was created. */
type Plan = { filter: ApplyFilter; template: TemplateData | null; deviceIds: string[] };

export class DeviceJobs {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly templates: LineKeyTemplateService;
  private readonly steps: JobSteps;

  constructor(store: Store, clock: Clock, templates: LineKeyTemplateService) {
    this.store = store;
    this.clock = clock;
    this.templates = templates;
    // A step that fails is tried again on the next tick (the job stays where it was).
    this.steps = new JobSteps(clock, STEP_MS, (jobId) => this.step(jobId), () => {});
  }

  /** Creates the job (targets chosen now) and schedules its first step. */
  async applyLineKeyTemplate(orgId: string, filter: ApplyFilter, by: { personId: string; trackingId: string }): Promise<Job> {
    if (filter.action === 'APPLY_TEMPLATE' && !filter.templateId) throw badRequest('templateId is required to apply a template.');
    const template = filter.action === 'APPLY_TEMPLATE' ? (await this.templates.get(orgId, filter.templateId)).data : null;
    const devices = await this.templates.targets(orgId, filter);
    const plan: Plan = { filter, template, deviceIds: devices.map((d) => d.id) };
    const now = timestamp(this.clock);
    const job: Job = {
      id: randomUUID(),
      orgId,
      jobType: APPLY_LINE_KEY_TEMPLATE_JOB,
      locationId: null,
      status: 'STARTING',
      exitCode: 'UNKNOWN',
      oldValue: null,
      newValue: JSON.stringify(plan),
      totalItems: devices.length,
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

  list(orgId: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, APPLY_LINE_KEY_TEMPLATE_JOB, start, max);
  }

  async get(orgId: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, APPLY_LINE_KEY_TEMPLATE_JOB);
  }

  async errors(orgId: string, publicId: string): Promise<JobError[]> {
    const job = await this.get(orgId, publicId);
    return (await this.store.jobs.errors(job.id, 0, 1000)).items;
  }

  async resume(): Promise<void> {
    for (const job of await this.store.jobs.unfinished()) if (job.jobType === APPLY_LINE_KEY_TEMPLATE_JOB) this.steps.run(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  /** One batch of devices; true when there is more to do. */
  private async step(jobId: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const job = await tx.jobs.find(jobId);
      if (!job || job.jobType !== APPLY_LINE_KEY_TEMPLATE_JOB || job.status === 'COMPLETED' || job.status === 'FAILED') return false;
      const plan = JSON.parse(job.newValue ?? '{}') as Plan;
      const now = timestamp(this.clock);
      const next: Job = { ...job, lastUpdated: now };
      if (job.status === 'STARTING') Object.assign(next, { status: 'STARTED', started: now });
      const from = job.cursor === null ? 0 : plan.deviceIds.indexOf(job.cursor) + 1;
      const batch = plan.deviceIds.slice(from, from + BATCH_SIZE);
      for (const id of batch) {
        const device = await tx.devices.get(job.orgId, id);
        if (device) {
          await this.templates.applyTo(tx, device, plan.template);
          next.updatedItems++;
        } else {
          next.failedItems++;
          await tx.jobs.addError({ jobId: job.id, itemNumber: next.failedItems, itemId: encodeId('DEVICE', id), trackingId: job.trackingId, errorCode: 'DEVICE_NOT_FOUND', message: 'The device was deleted before the template reached it.' });
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
