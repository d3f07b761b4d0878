import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { deletionCheck } from '../../domain/location-deletion/deletion-check.ts';
import type { DisableLocationJobs, DisableRequest } from '../../domain/location-deletion/disable-location-jobs.ts';
import { CALLING_LOCATIONS } from '../../domain/service-settings/admin-owners.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as ops } from '../../generated/webex/location-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Job, JobError } from '../../store/location-calling-store.ts';
import type { Store } from '../../store/store.ts';
import { bodyOf, documentScopes } from '../person-settings/setting-routes.ts';
import { telephonyPaging } from '../telephony-config.ts';

// Disabling Webex Calling at a location: the safe delete check, and the disable job with its
// list, status, errors, pause and resume.

const MAX_JOBS = 1000;

const presentJob = (job: Job) => ({
  name: job.jobType,
  id: encodeId('JOB_ID', job.id),
  ...(job.oldValue ? { locationName: job.oldValue } : {}),
  trackingId: job.trackingId,
  sourceUserId: encodeId('PEOPLE', job.sourceUserId),
  sourceCustomerId: encodeId('ORGANIZATION', job.orgId),
  targetCustomerId: encodeId('ORGANIZATION', job.orgId),
  instanceId: job.instanceId,
  latestExecutionStatus: job.status,
  latestExecutionExitCode: job.exitCode,
});

const presentError = (error: JobError) => ({
  itemNumber: error.itemNumber,
  item: encodeId('LOCATION', error.itemId),
  errorType: error.errorCode,
  error: { key: '409', message: [{ description: error.message, code: error.errorCode }] },
  trackingId: error.trackingId,
});

export function locationDeletionRoutes(server: Server, deps: { locationDeletions: DisableLocationJobs; store: Store }): void {
  const jobs = deps.locationDeletions;
  const route = (op: WebexOperation, fallback: string, work: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    webexRoute(server, op, {
      auth: anyOf(...(documentScopes(op.operationId).length > 0 ? documentScopes(op.operationId) : [fallback])),
      handler: work as never,
    });
  const READ = 'spark-admin:telephony_config_read';
  const WRITE = 'spark-admin:telephony_config_write';
  const jobId = (request: FastifyRequest) => (request.params as { jobId: string }).jobId;

  route(ops.safeDeleteCheckBeforeDisablingCallingLocation, READ, async (request) => {
    const { owner } = await CALLING_LOCATIONS.find(deps.store, request.orgId, (request.params as { locationId: string }).locationId);
    return deletionCheck(deps.store, (await deps.store.locations.get(request.orgId, owner.id))!);
  });
  route(ops.disableLocationForWebexCalling, WRITE, async (request, reply) => {
    const job = await jobs.start(request.orgId, bodyOf(request, ops.disableLocationForWebexCalling) as DisableRequest, {
      personId: principalOf(request).personId,
      trackingId: request.id,
    });
    return reply.code(202).send(presentJob(job));
  });
  route(ops.getListOfDisableCallingLocationJobs, READ, async (request, reply) => {
    const { max, start } = telephonyPaging(request.query as { max?: number; start?: number }, MAX_JOBS);
    const page = await jobs.list(request.orgId, start, max);
    return { items: offsetPageItems(request, reply, page, max).map(presentJob) };
  });
  route(ops.getDisableCallingLocationJobStatus, READ, async (request) => presentJob(await jobs.get(request.orgId, jobId(request))));
  route(ops.retrieveErrorsForDisableCallingLocationJob, READ, async (request) => ({ items: (await jobs.errors(request.orgId, jobId(request))).map(presentError) }));
  route(ops.pauseDisableCallingLocationJob, WRITE, async (request, reply) => {
    await jobs.pause(request.orgId, jobId(request));
    sendEmpty(reply, 202);
  });
  route(ops.resumePausedDisableCallingLocationJob, WRITE, async (request, reply) => {
    await jobs.resume(request.orgId, jobId(request));
    sendEmpty(reply, 202);
  });
}
