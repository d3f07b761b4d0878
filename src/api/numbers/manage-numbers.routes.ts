import { isPaused, planOf } from '../../domain/jobs/item-jobs.ts';
import { presentLocation, type ManageNumbersJobs, type ManageNumbersPlan } from '../../domain/jobs/manage-numbers-jobs.ts';
import { validateNumbers } from '../../domain/numbers/number-validation.ts';
import { operations } from '../../generated/webex/numbers.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { Store } from '../../store/store.ts';
import { presentJob, presentJobError } from '../location-calling/location-calling.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

/** A job of items as Webex shows it: paused as STOPPED, and its counts of items. */
export function presentItemJob(job: Job) {
  const { counts: _counts, ...rest } = presentJob(job);
  const processed = job.updatedItems + job.failedItems;
  return {
    ...rest,
    ...(isPaused(job) ? { latestExecutionExitCode: 'STOPPED' as const } : {}),
    counts: { totalMoves: job.totalItems, moved: job.updatedItems, failed: job.failedItems, pending: job.totalItems - processed, skipped: 0 },
  };
}

/** A manage numbers job: its operation and locations besides. */
function presentManageJob(job: Job) {
  const plan = planOf<ManageNumbersPlan>(job);
  return {
    ...presentItemJob(job),
    operationType: plan.operation,
    sourceLocationId: presentLocation(plan.items[0]?.locationId ?? null),
    targetLocationId: presentLocation(plan.targetLocationId),
  };
}

// Numbers: validateNumbers and the manage numbers jobs (domain/jobs/manage-numbers-jobs.ts).
export function manageNumbersRoutes(server: Server, deps: { manageNumbers: ManageNumbersJobs; store: Store }): void {
  const jobs = deps.manageNumbers;

  webexRoute(server, operations.validatePhoneNumbers, {
    auth: write,
    handler: async (request) => validateNumbers(deps.store, request.orgId, request.body?.phoneNumbers ?? []),
  });

  webexRoute(server, operations.initiateNumberJobs, {
    auth: write,
    handler: async (request, reply) => {
      const job = await jobs.initiate(request.orgId, principalOf(request).personId, request.body!);
      reply.code(201);
      return presentManageJob(job) as never;
    },
  });
  webexRoute(server, operations.listManageNumbersJobs, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await jobs.list(request.orgId, start, max);
      return { items: offsetPageItems(request, reply, page, max).map(presentManageJob) } as never;
    },
  });
  webexRoute(server, operations.getManageNumbersJobStatus, {
    auth: read,
    handler: async (request) => presentManageJob(await jobs.get(request.orgId, request.params.jobId)) as never,
  });
  webexRoute(server, operations.listManageNumbersJobErrors, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await jobs.errors(request.orgId, request.params.jobId, start, max);
      return { items: offsetPageItems(request, reply, page, max).map((e) => presentJobError(e, null)) };
    },
  });
  webexRoute(server, operations.pauseTheManageNumbersJob, {
    auth: write,
    handler: async (request, reply) => {
      await jobs.pause(request.orgId, request.params.jobId);
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.resumeTheManageNumbersJob, {
    auth: write,
    handler: async (request, reply) => {
      await jobs.resume(request.orgId, request.params.jobId);
      sendEmpty(reply, 204);
    },
  });
}
