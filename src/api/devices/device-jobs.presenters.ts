import type { SettingsJobData } from '../../domain/devices/device-settings.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { Job } from '../../store/location-calling-store.ts';
import { presentJob } from '../location-calling/location-calling.presenters.ts';

// Device jobs as Webex shows them: the common job status (location-calling presenters) with what
// each kind adds. The statuses are the job's own (JobStatus), a subset of every document enum.

/** How far the job is through its devices (a job without devices is done when it completes). */
export function percentageComplete(job: Job): number {
  const done = job.updatedItems + job.failedItems;
  return job.totalItems === 0 ? (job.status === 'COMPLETED' ? 100 : 0) : Math.floor((done * 100) / job.totalItems);
}

/** The fields every device job shows, from the common job status. */
export function presentJobStatus(job: Job) {
  const { name, id, trackingId, sourceUserId, sourceCustomerId, targetCustomerId, instanceId, jobExecutionStatus, latestExecutionStatus, latestExecutionExitCode } = presentJob(job);
  return {
    name,
    id,
    trackingId,
    sourceUserId,
    sourceCustomerId,
    targetCustomerId,
    instanceId,
    jobExecutionStatus: jobExecutionStatus as never[],
    latestExecutionStatus: latestExecutionStatus as 'STARTING' | 'STARTED' | 'COMPLETED' | 'FAILED',
    latestExecutionExitCode: latestExecutionExitCode as 'UNKNOWN' | 'COMPLETED' | 'FAILED' | 'STOPPED' | 'COMPLETED_WITH_ERRORS',
  };
}

/** A job over an organization's or a location's devices (rebuild phones, dynamic settings). */
export function presentLocationJob(job: Job, locationName?: string) {
  return {
    ...presentJobStatus(job),
    target: job.locationId === null ? ('CUSTOMER' as const) : ('LOCATION' as const),
    locationId: job.locationId === null ? '' : encodeId('LOCATION', job.locationId),
    ...(locationName !== undefined ? { locationName } : {}),
    percentageComplete: percentageComplete(job),
    deviceCount: job.totalItems,
  };
}

/**
 * A change-settings job: the fields its schema requires (a move job's counts, over devices) and
 * the ones Cisco's examples show (target, locationCustomizationsEnabled, percentageComplete).
 */
export function presentCallDeviceSettingsJob(job: Job, data: SettingsJobData) {
  const location = job.locationId === null ? '' : encodeId('LOCATION', job.locationId);
  const done = job.updatedItems + job.failedItems;
  return {
    ...presentLocationJob(job),
    jobType: job.jobType,
    operationType: job.locationId === null ? 'ORGANIZATION' : 'LOCATION',
    sourceLocationId: location,
    targetLocationId: location,
    locationCustomizationsEnabled: data.locationCustomizationsEnabled,
    counts: { totalMoves: job.totalItems, moved: job.updatedItems, failed: job.failedItems, pending: job.totalItems - done, skipped: 0 },
  };
}
