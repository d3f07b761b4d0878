import type { MoveUsersJobs } from '../../domain/jobs/move-users-jobs.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { presentJobError } from '../location-calling/location-calling.presenters.ts';
import { presentItemJob } from '../numbers/manage-numbers.routes.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

// Move users jobs (domain/jobs/move-users-jobs.ts): validate one user's move (200) or start a job
// moving users to another location (201), and follow, pause and resume the jobs.

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

export function moveUsersRoutes(server: Server, deps: { moveUsers: MoveUsersJobs }): void {
  const jobs = deps.moveUsers;

  webexRoute(server, user.validateOrInitiateMoveUsersJob, {
    auth: write,
    handler: async (request, reply) => {
      const result = await jobs.moveOrValidate(request.orgId, principalOf(request).personId, request.body ?? { usersList: [] });
      if ('validation' in result) return { response: result.validation };
      reply.code(201);
      // The answer to a new job names its start time: a job not stepped yet starts as it is created.
      const job = presentItemJob(result.job);
      const executions = job.jobExecutionStatus.map((e) => ({ ...e, startTime: e.startTime ?? result.job.created }));
      return { response: { ...job, jobExecutionStatus: executions } } as never;
    },
  });
  webexRoute(server, user.listMoveUsersJobs, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await jobs.list(request.orgId, start, max);
      return { items: offsetPageItems(request, reply, page, max).map(presentItemJob) } as never;
    },
  });
  webexRoute(server, user.getMoveUsersJobStatus, {
    auth: read,
    handler: async (request) => presentItemJob(await jobs.get(request.orgId, request.params.jobId)) as never,
  });
  webexRoute(server, user.listMoveUsersJobErrors, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await jobs.errors(request.orgId, request.params.jobId, start, max);
      return { items: offsetPageItems(request, reply, page, max).map((e) => presentJobError(e, null)) } as never;
    },
  });
  for (const [operation, act] of [
    [user.pauseMoveUsersJob, jobs.pause.bind(jobs)],
    [user.resumeMoveUsersJob, jobs.resume.bind(jobs)],
  ] as const) {
    webexRoute(server, operation, {
      auth: write,
      handler: async (request, reply) => {
        await act(request.orgId, request.params.jobId);
        sendEmpty(reply, 202);
      },
    });
  }
}
