import { planOf } from '../../domain/jobs/item-jobs.ts';
import { presentLocation, type ManageNumbersJobs, type ManageNumbersPlan } from '../../domain/jobs/manage-numbers-jobs.ts';
import { validateNumbers } from '../../domain/numbers/number-validation.ts';
import { operations } from '../../generated/webex/numbers.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { Store } from '../../store/store.ts';
import { itemJobRoutes, presentItemJob } from './item-job.routes.ts';
import { telephonyConfig } from '../telephony-config.ts';

const write = telephonyConfig.write.auth;

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
  itemJobRoutes(
    server,
    jobs as never,
    {
      list: operations.listManageNumbersJobs,
      get: operations.getManageNumbersJobStatus,
      errors: operations.listManageNumbersJobErrors,
      pause: operations.pauseTheManageNumbersJob,
      resume: operations.resumeTheManageNumbersJob,
    },
    presentManageJob,
  );
}
