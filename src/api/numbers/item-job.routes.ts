import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ItemJobs } from '../../domain/jobs/item-jobs.ts';
import { isPaused } from '../../domain/jobs/item-jobs.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Job } from '../../store/location-calling-store.ts';
import { presentJob, presentJobError } from '../location-calling/location-calling.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

// The routes every job of items has (domain/jobs/item-jobs.ts): list, status, errors, pause and
// resume, each kind with its own operations and presentation.

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

export type ItemJobOperations = { list: WebexOperation; get: WebexOperation; errors: WebexOperation; pause: WebexOperation; resume: WebexOperation };
type JobRequest = FastifyRequest<{ Params: { jobId: string }; Querystring: { start?: number; max?: number } }>;

export function itemJobRoutes(server: Server, jobs: ItemJobs<unknown, { items: unknown[] }>, ops: ItemJobOperations, present: (job: Job) => unknown): void {
  const route = (op: WebexOperation, write: boolean, handler: (request: JobRequest, reply: FastifyReply) => Promise<unknown>) =>
    webexRoute(server, op, { auth: write ? telephonyConfig.write.auth : telephonyConfig.read.auth, handler: handler as never });

  route(ops.list, false, async (request, reply) => {
    const { max, start } = telephonyPaging(request.query, MAX);
    const page = await jobs.list(request.orgId, start, max);
    return { items: offsetPageItems(request, reply, page, max).map(present) };
  });
  route(ops.get, false, async (request) => present(await jobs.get(request.orgId, request.params.jobId)));
  route(ops.errors, false, async (request, reply) => {
    const { max, start } = telephonyPaging(request.query, MAX);
    const page = await jobs.errors(request.orgId, request.params.jobId, start, max);
    return { items: offsetPageItems(request, reply, page, max).map((e) => presentJobError(e, null)) };
  });
  // Pausing and resuming answer the document's status (204 for manage numbers, 202 for move users).
  for (const [op, act] of [
    [ops.pause, (orgId: string, jobId: string) => jobs.pause(orgId, jobId)],
    [ops.resume, (orgId: string, jobId: string) => jobs.resume(orgId, jobId)],
  ] as const) {
    const status = Number(Object.keys(op.response)[0]);
    route(op, true, async (request, reply) => {
      await act(request.orgId, request.params.jobId);
      sendEmpty(reply, status);
    });
  }
}
