import type { LocationCallingService } from '../../domain/location-calling/location-calling-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems, offsetPaging } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { announcementLanguageRoutes } from './announcement-languages.routes.ts';
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

const { read, write } = telephonyConfig;
const MAX_LOCATIONS = 1000;
const MAX_JOBS = 1000;

export function locationCallingRoutes(server: Server, deps: { locationCalling: LocationCallingService }): void {
  const service = deps.locationCalling;
  const location = '/v1/telephony/config/locations/:locationId';
  const jobs = '/v1/telephony/config/jobs/updateRoutingPrefix';

  announcementLanguageRoutes(server);

  server.get('/v1/telephony/config/locations', { schema: ListCallingLocations, config: read }, async (request, reply) => {
    const { query } = request;
    const orgId = request.orgId;
    const { max, start } = offsetPaging(query, MAX_LOCATIONS);
    const page = await service.list(orgId, { name: query.name, order: query.order === 'desc' ? 'desc' : 'asc', start, max });
    return { locations: offsetPageItems(request, reply, page, max).map(presentCallingLocationItem) };
  });

  server.post('/v1/telephony/config/locations', { schema: EnableCalling, config: write }, async (request, reply) => {
    const enabled = await service.enable(request.orgId, request.body);
    reply.code(201);
    return { id: encodeId('LOCATION', enabled.id) };
  });

  server.get(location, { schema: GetCallingLocation, config: { ...read, readCache: true } }, async (request) => {
    return presentCallingLocation(await service.get(request.orgId, request.params.locationId));
  });

  server.put(location, { schema: UpdateCallingLocation, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const outcome = await service.update(orgId, request.params.locationId, request.body, {
      personId: principalOf(request).personId,
      trackingId: request.id,
    });
    if (outcome.kind === 'job') return { batchJobId: encodeId('JOB_ID', outcome.job.id) };
    if (outcome.kind === 'noJob') {
      reply.code(206);
      return { failureReason: outcome.failureReason };
    }
    sendEmpty(reply, 204);
  });

  server.get(jobs, { schema: ListJobs, config: read }, async (request, reply) => {
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_JOBS);
    const page = await service.listJobs(orgId, start, max);
    return { items: offsetPageItems(request, reply, page, max).map(presentJob) };
  });

  server.get(`${jobs}/:jobId`, { schema: GetJob, config: read }, async (request) => {
    return presentJob(await service.job(request.orgId, request.params.jobId));
  });

  server.get(`${jobs}/:jobId/errors`, { schema: GetJobErrors, config: read }, async (request, reply) => {
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_JOBS);
    const job = await service.job(orgId, request.params.jobId);
    const page = await service.jobErrors(orgId, request.params.jobId, start, max);
    return { items: offsetPageItems(request, reply, page, max).map((error) => presentJobError(error, job.locationId)) };
  });

  server.post(`${location}/actions/modifyAnnouncementLanguage/invoke`, { schema: ChangeAnnouncementLanguage, config: write }, async (request, reply) => {
    await service.changeAnnouncementLanguage(request.orgId, request.params.locationId, request.body);
    sendEmpty(reply, 204);
  });

  server.get(`${location}/privateNetworkConnect`, { schema: GetPrivateNetworkConnect, config: read }, async (request) => {
    const type = await service.privateNetworkConnect(request.orgId, request.params.locationId);
    return { networkConnectionType: type };
  });

  server.put(`${location}/privateNetworkConnect`, { schema: UpdatePrivateNetworkConnect, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.setPrivateNetworkConnect(orgId, request.params.locationId, request.body.networkConnectionType);
    sendEmpty(reply, 204);
  });
}
