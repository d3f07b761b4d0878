import { randomUUID } from 'node:crypto';
import { JobSteps } from '../jobs/job-steps.ts';
import { jobOfType } from '../jobs/job-of-type.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { callingLocationNotFound } from '../location-calling/location-calling-errors.ts';
import { decodeId } from '../webex-ids.ts';
import { deletionCheck, locationFeatures } from './deletion-check.ts';

// The disable-calling-location job: takes Webex Calling off a location in one step on the
// server's clock (STARTING → STARTED → COMPLETED, or FAILED when something blocks it by then). A
// job may be paused before it runs and resumed. Disabling removes the location's calling
// details, its settings documents and numbers and, when forced, its features (hunt groups, call
// queues, auto attendants, paging groups, voicemail groups); the location itself stays.

export const DISABLE_LOCATION_JOB = 'deletecallinglocation';
const STEP_MS = 1000;

export type DisableRequest = { locationId: string; locationName?: string; forceDelete?: boolean };


export class DisableLocationJobs {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly steps: JobSteps;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
    // A failed step is tried again on the next tick.
    this.steps = new JobSteps(clock, STEP_MS, (jobId) => this.step(jobId), () => {});
  }

  /** Checks the location can be disabled (forced, if it must be) and starts the job. */
  async start(orgId: string, body: DisableRequest, by: { personId: string; trackingId: string }): Promise<Job> {
    const job = await this.store.transaction(async (tx) => {
      const location = await callingLocation(tx, orgId, body.locationId);
      if (body.locationName !== undefined && body.locationName !== location.name) throw badRequest(`locationName "${body.locationName}" is not the name of location ${body.locationId}.`);
      if (await tx.jobs.runningForLocation(location.id, DISABLE_LOCATION_JOB)) throw conflict('A job is already disabling this location.');
      const check = await deletionCheck(tx, location);
      if (check.locationDeleteStatus === 'BLOCKED') throw badRequest(`The location cannot be disabled: ${blockers(check.blocking).join(', ')} (see actions/precheckForDeletion).`);
      if (check.locationDeleteStatus === 'FORCE_REQUIRED' && body.forceDelete !== true) {
        throw badRequest('The location has features or trunks: set forceDelete to disable it and remove them.');
      }
      const now = timestamp(this.clock);
      const created: Job = {
        id: randomUUID(),
        orgId,
        jobType: DISABLE_LOCATION_JOB,
        locationId: location.id,
        status: 'STARTING',
        exitCode: 'UNKNOWN',
        oldValue: location.name,
        newValue: body.forceDelete === true ? 'force' : null,
        totalItems: 1,
        updatedItems: 0,
        failedItems: 0,
        cursor: null,
        sourceUserId: by.personId,
        trackingId: by.trackingId,
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

  list(orgId: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, DISABLE_LOCATION_JOB, start, max);
  }

  async get(orgId: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, DISABLE_LOCATION_JOB);
  }

  async errors(orgId: string, publicId: string) {
    const job = await this.get(orgId, publicId);
    return (await this.store.jobs.errors(job.id, 0, 1000)).items;
  }

  /** Only a job that has not run yet can be paused. */
  async pause(orgId: string, publicId: string): Promise<void> {
    const job = await this.get(orgId, publicId);
    if (job.status !== 'STARTING') throw conflict(`The job is ${job.status}; only a job that has not started can be paused.`);
    if (!(await this.store.jobs.updateIf({ ...job, status: 'PAUSED', lastUpdated: timestamp(this.clock) }, job.lastUpdated))) throw conflict('The job changed meanwhile.');
    this.steps.cancel(job.id);
  }

  async resume(orgId: string, publicId: string): Promise<void> {
    const job = await this.get(orgId, publicId);
    if (job.status !== 'PAUSED') throw conflict(`The job is ${job.status}; only a paused job can be resumed.`);
    if (!(await this.store.jobs.updateIf({ ...job, status: 'STARTING', lastUpdated: timestamp(this.clock) }, job.lastUpdated))) throw conflict('The job changed meanwhile.');
    this.steps.run(job.id);
  }

  /** Picks up the jobs a previous run of the server left to do. */
  async resumeUnfinished(): Promise<void> {
    for (const job of await this.store.jobs.unfinished()) if (job.jobType === DISABLE_LOCATION_JOB && job.status !== 'PAUSED') this.steps.run(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  /** The job's one step (never more to do): disable the location, or fail when something now blocks it. */
  private async step(jobId: string): Promise<boolean> {
    await this.store.transaction(async (tx) => {
      const job = await tx.jobs.find(jobId);
      if (!job || job.jobType !== DISABLE_LOCATION_JOB || job.status !== 'STARTING' || job.locationId === null) return;
      const now = timestamp(this.clock);
      const next: Job = { ...job, status: 'COMPLETED', exitCode: 'COMPLETED', started: now, ended: now, lastUpdated: now, updatedItems: 1 };
      const location = await tx.locations.get(job.orgId, job.locationId);
      const check = location?.callingEnabled ? await deletionCheck(tx, location) : undefined;
      const blocked = !check || check.locationDeleteStatus === 'BLOCKED' || (check.locationDeleteStatus === 'FORCE_REQUIRED' && job.newValue !== 'force');
      if (blocked) {
        Object.assign(next, { status: 'FAILED', exitCode: 'FAILED', updatedItems: 0, failedItems: 1 });
        await tx.jobs.addError({
          jobId: job.id,
          itemNumber: 1,
          itemId: job.locationId,
          trackingId: job.trackingId,
          errorCode: 'LOCATION_IN_USE',
          message: check ? `The location can no longer be disabled: ${blockers(check.blocking).join(', ') || 'it has features or trunks'}.` : 'The location is no longer enabled for Webex Calling.',
        });
      } else {
        await disable(tx, location!);
      }
      await tx.jobs.updateIf(next, job.lastUpdated);
    });
    return false;
  }
}

/** Takes calling off the location, inside the caller's transaction. */
async function disable(tx: Store, location: Location): Promise<void> {
  const { orgId, id } = location;
  const features = await locationFeatures(tx, location);
  for (const g of features.huntGroups) await tx.huntGroups.delete(orgId, g.id);
  for (const q of features.callQueues) await tx.callQueues.delete(orgId, q.id);
  for (const a of features.autoAttendants) await tx.autoAttendants.delete(orgId, a.id);
  for (const r of features.aiReceptionists) await tx.aiReceptionists.delete(orgId, r.id);
  for (const p of features.pagingGroups) await tx.pagingGroups.delete(orgId, p.id);
  for (const v of features.voicemailGroups) {
    await tx.ownerSettings.deleteOwner({ orgId, kind: 'voicemailGroup', id: v.id });
    await tx.voicemailGroups.delete(orgId, v.id);
  }
  const numbers = (await tx.numbers.search(orgId, { locationId: id }, 0, 100_000)).items.flatMap((n) => (n.phoneNumber ? [n.phoneNumber] : []));
  if (numbers.length > 0) await tx.numbers.deleteMany(numbers);
  await tx.ownerSettings.deleteOwner({ orgId, kind: 'location', id });
  await tx.locationCalling.delete(id);
  await tx.locations.update({ ...location, callingEnabled: false });
}

function blockers(b: { lastLocation: boolean; trunksInUseCount: number; usersInUseCount: number; workspacesInUseCount: number; virtualLineInUseCount: number }): string[] {
  return [
    ...(b.lastLocation ? ['it is the organization’s last calling location'] : []),
    ...(b.usersInUseCount > 0 ? [`${b.usersInUseCount} users`] : []),
    ...(b.workspacesInUseCount > 0 ? [`${b.workspacesInUseCount} workspaces`] : []),
    ...(b.virtualLineInUseCount > 0 ? [`${b.virtualLineInUseCount} virtual lines`] : []),
    ...(b.trunksInUseCount > 0 ? [`${b.trunksInUseCount} trunks in use`] : []),
  ];
}

/** A calling location named in a request body: an ID that names none is a 400, as body IDs are; another organization's a 404. */
async function callingLocation(store: Store, orgId: string, publicId: string): Promise<Location> {
  const id = decodeId(publicId, 'LOCATION');
  if (!id) throw badRequest(`locationId "${publicId}" is not a location ID.`);
  const location = await store.locations.get(orgId, id);
  if (!location || !location.callingEnabled) throw callingLocationNotFound();
  return location;
}
