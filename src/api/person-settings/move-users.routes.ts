import type { MoveUsersJobs } from '../../domain/jobs/move-users-jobs.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { itemJobRoutes, presentItemJob } from '../numbers/item-job.routes.ts';
import { telephonyConfig } from '../telephony-config.ts';

// Move users jobs (domain/jobs/move-users-jobs.ts): validate one user's move (200) or start a job
// moving users to another location (201), and follow, pause and resume the jobs.

const write = telephonyConfig.write.auth;

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
  itemJobRoutes(
    server,
    jobs as never,
    { list: user.listMoveUsersJobs, get: user.getMoveUsersJobStatus, errors: user.listMoveUsersJobErrors, pause: user.pauseMoveUsersJob, resume: user.resumeMoveUsersJob },
    presentItemJob,
  );
}
