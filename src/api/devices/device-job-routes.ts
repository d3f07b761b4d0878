import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceJobs } from '../../domain/devices/device-jobs.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Job } from '../../store/location-calling-store.ts';
import { presentJobError } from '../location-calling/location-calling.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

// The three reads every device job kind serves the same way: its jobs (newest first, paged where
// the operation pages), one job, and one job's errors.

const MAX = 2000;
type Query = { start?: number; max?: number };
type Params = { jobId: string };

export function deviceJobReadRoutes(
  server: Server,
  jobs: DeviceJobs,
  jobType: string,
  ops: { list: WebexOperation; get: WebexOperation; errors: WebexOperation },
  present: (job: Job) => unknown,
): void {
  const auth = telephonyConfig.read.auth;
  webexRoute(server, ops.list, {
    auth,
    handler: (async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      return { items: await Promise.all(offsetPageItems(request, reply, await jobs.list(request.orgId, jobType, start, max), max).map(present)) };
    }) as never,
  });
  webexRoute(server, ops.get, {
    auth,
    handler: (async (request: FastifyRequest<{ Params: Params }>) => present(await jobs.get(request.orgId, jobType, request.params.jobId))) as never,
  });
  webexRoute(server, ops.errors, {
    auth,
    handler: (async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const job = await jobs.get(request.orgId, jobType, request.params.jobId);
      const page = await jobs.errors(request.orgId, jobType, request.params.jobId, start, max);
      return { items: offsetPageItems(request, reply, page, max).map((e) => presentJobError(e, job.locationId)) };
    }) as never,
  });
}
