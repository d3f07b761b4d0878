import { anyOf } from '../../domain/auth/scopes.ts';
import type { LocationCallingService } from '../../domain/location-calling/location-calling-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf, targetOrgId } from '../../http/auth.ts';
import { clampMax, linkNext } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { presentCallingLocation, presentCallingLocationItem, presentJob, presentJobError } from './location-calling.presenters.ts';
import {
  ChangeAnnouncementLanguage,
  EnableCalling,
  GetCallingLocation,
  GetJob,
  GetJobErrors,
  GetPrivateNetworkConnect,
  ListCallingLocations,
  ListJobs,
  UpdateCallingLocation,
  UpdatePrivateNetworkConnect,
} from './location-calling.schemas.ts';

const read = { auth: anyOf('spark-admin:telephony_config_read') };
const write = { auth: anyOf('spark-admin:telephony_config_write') };
const MAX_LOCATIONS = 1000;
const MAX_JOBS = 1000;

export function locationCallingRoutes(server: Server, deps: { locationCalling: LocationCallingService }): void {
  const service = deps.locationCalling;
  const location = '/v1/telephony/config/locations/:locationId';
  const jobs = '/v1/telephony/config/jobs/updateRoutingPrefix';

  server.get('/v1/telephony/config/locations', { schema: ListCallingLocations, config: read }, async (request, reply) => {
    const { query } = request;
    const orgId = targetOrgId(request, query.orgId);
    const max = clampMax(query.max, MAX_LOCATIONS, MAX_LOCATIONS);
    const start = query.start ?? 0;
    const page = await service.list(orgId, { name: query.name, order: query.order === 'desc' ? 'desc' : 'asc', start, max });
    if (page.next !== undefined) linkNext(request, reply, { start: String(page.next), max: String(max) });
    return { locations: page.items.map(presentCallingLocationItem) };
  });

  server.post('/v1/telephony/config/locations', { schema: EnableCalling, config: write }, async (request, reply) => {
    const enabled = await service.enable(targetOrgId(request, request.query.orgId), request.body);
    reply.code(201);
    return { id: encodeId('LOCATION', enabled.id) };
  });

  server.get(location, { schema: GetCallingLocation, config: read }, async (request) => {
    return presentCallingLocation(await service.get(targetOrgId(request, request.query.orgId), request.params.locationId));
  });

  server.put(location, { schema: UpdateCallingLocation, config: write }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    const outcome = await service.update(orgId, request.params.locationId, request.body, {
      personId: principalOf(request).personId,
      trackingId: request.id,
    });
    if (outcome.kind === 'job') return { batchJobId: encodeId('JOB_ID', outcome.job.id) };
    if (outcome.kind === 'noJob') {
      reply.code(206);
      return { failureReason: outcome.failureReason };
    }
    reply.code(204);
    return null;
  });

  server.get(jobs, { schema: ListJobs, config: read }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    const max = clampMax(request.query.max, MAX_JOBS, MAX_JOBS);
    const page = await service.listJobs(orgId, request.query.start ?? 0, max);
    if (page.next !== undefined) linkNext(request, reply, { start: String(page.next), max: String(max) });
    return { items: page.items.map(presentJob) };
  });

  server.get(`${jobs}/:jobId`, { schema: GetJob, config: read }, async (request) => {
    return presentJob(await service.job(targetOrgId(request, request.query.orgId), request.params.jobId));
  });

  server.get(`${jobs}/:jobId/errors`, { schema: GetJobErrors, config: read }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    const max = clampMax(request.query.max, MAX_JOBS, MAX_JOBS);
    const job = await service.job(orgId, request.params.jobId);
    const page = await service.jobErrors(orgId, request.params.jobId, request.query.start ?? 0, max);
    if (page.next !== undefined) linkNext(request, reply, { start: String(page.next), max: String(max) });
    return { items: page.items.map((error) => presentJobError(error, job.locationId)) };
  });

  server.post(`${location}/actions/modifyAnnouncementLanguage/invoke`, { schema: ChangeAnnouncementLanguage, config: write }, async (request, reply) => {
    await service.changeAnnouncementLanguage(targetOrgId(request, request.query.orgId), request.params.locationId, request.body);
    reply.code(204);
    return null;
  });

  server.get(`${location}/privateNetworkConnect`, { schema: GetPrivateNetworkConnect, config: read }, async (request) => {
    const type = await service.privateNetworkConnect(targetOrgId(request, request.query.orgId), request.params.locationId);
    return { networkConnectionType: type };
  });

  server.put(`${location}/privateNetworkConnect`, { schema: UpdatePrivateNetworkConnect, config: write }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    await service.setPrivateNetworkConnect(orgId, request.params.locationId, request.body.networkConnectionType);
    reply.code(204);
    return null;
  });
}
