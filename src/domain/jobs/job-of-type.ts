import type { Job } from '../../store/location-calling-store.ts';
import type { Store } from '../../store/store.ts';
import { jobNotFound } from '../location-calling/location-calling-errors.ts';
import { decodeId } from '../webex-ids.ts';

/**
 * The organization's job of one kind that a public job ID names: every kind shares the jobs
 * table, so a job of another kind (or another organization's) is a 404 on this kind's paths.
 */
export async function jobOfType(store: Store, orgId: string, publicId: string, jobType: string): Promise<Job> {
  const id = decodeId(publicId, 'JOB_ID');
  const job = id ? await store.jobs.get(orgId, id) : undefined;
  if (!job || job.jobType !== jobType) throw jobNotFound();
  return job;
}
