import multipart from '@fastify/multipart';
import { encodeAnnouncementId } from '../../domain/announcements/announcement-ids.ts';
import type { AnnouncementMediaService } from '../../domain/announcements/announcement-media-service.ts';
import { MAX_AUDIO_FILE_BYTES, type AnnouncementService } from '../../domain/announcements/announcements-service.ts';
import { offsetPageItems, offsetPaging } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { readAnnouncementUpload } from './announcement-upload.ts';
import { presentAnnouncement, presentAnnouncementDetails, presentMusicOnHold, presentUsage } from './announcements.presenters.ts';
import {
  DeleteLocationAnnouncement,
  DeleteOrganizationAnnouncement,
  GetLocationAnnouncement,
  GetMusicOnHold,
  GetOrganizationAnnouncement,
  ListAnnouncements,
  LocationUsage,
  ModifyLocationAnnouncement,
  ModifyOrganizationAnnouncement,
  OrganizationUsage,
  UpdateMusicOnHold,
  UploadLocationAnnouncement,
  UploadOrganizationAnnouncement,
} from './announcements.schemas.ts';

const { read, write } = telephonyConfig;
const MAX_ANNOUNCEMENTS = 1000;

const ORGANIZATION = '/v1/telephony/config/announcements';
const LOCATION = '/v1/telephony/config/locations/:locationId/announcements';

export function announcementRoutes(server: Server, deps: { announcements: AnnouncementService; announcementMedia: AnnouncementMediaService }): void {
  // multipart/form-data for the uploads. The plugin is wrapped with fastify-plugin, so this
  // registers it for the whole server; its limits are the repository's (each upload reads with
  // its own limits too, see announcement-upload.ts).
  void server.register(multipart, { limits: { fileSize: MAX_AUDIO_FILE_BYTES, files: 1 } });
  const service = deps.announcements;

  server.get(ORGANIZATION, { schema: ListAnnouncements, config: read }, async (request, reply) => {
    const { orgId: _orgId, max: _max, start: _start, ...filters } = request.query;
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_ANNOUNCEMENTS);
    const list = await service.list(orgId, { ...filters, start, max });
    return { announcements: offsetPageItems(request, reply, list, max).map(presentAnnouncement) };
  });

  server.post(ORGANIZATION, { schema: UploadOrganizationAnnouncement, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const id = await service.upload(orgId, undefined, await readAnnouncementUpload(request, deps.announcementMedia));
    reply.code(201);
    return { id: encodeAnnouncementId(id) };
  });

  server.post(LOCATION, { schema: UploadLocationAnnouncement, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const id = await service.upload(orgId, request.params.locationId, await readAnnouncementUpload(request, deps.announcementMedia));
    reply.code(201);
    return { id: encodeAnnouncementId(id) };
  });

  server.get(`${ORGANIZATION}/usage`, { schema: OrganizationUsage, config: read }, async (request) => {
    return presentUsage(await service.usage(request.orgId));
  });

  server.get(`${LOCATION}/usage`, { schema: LocationUsage, config: read }, async (request) => {
    return presentUsage(await service.usage(request.orgId, request.params.locationId));
  });

  server.get(`${ORGANIZATION}/:announcementId`, { schema: GetOrganizationAnnouncement, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentAnnouncementDetails(await service.details(orgId, undefined, request.params.announcementId));
  });

  server.get(`${LOCATION}/:announcementId`, { schema: GetLocationAnnouncement, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentAnnouncementDetails(await service.details(orgId, request.params.locationId, request.params.announcementId));
  });

  server.put(`${ORGANIZATION}/:announcementId`, { schema: ModifyOrganizationAnnouncement, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.replace(orgId, undefined, request.params.announcementId, await readAnnouncementUpload(request, deps.announcementMedia));
    sendEmpty(reply, 204);
  });

  server.put(`${LOCATION}/:announcementId`, { schema: ModifyLocationAnnouncement, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.replace(orgId, request.params.locationId, request.params.announcementId, await readAnnouncementUpload(request, deps.announcementMedia));
    sendEmpty(reply, 204);
  });

  server.delete(`${ORGANIZATION}/:announcementId`, { schema: DeleteOrganizationAnnouncement, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.delete(orgId, undefined, request.params.announcementId);
    sendEmpty(reply, 204);
  });

  server.delete(`${LOCATION}/:announcementId`, { schema: DeleteLocationAnnouncement, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.delete(orgId, request.params.locationId, request.params.announcementId);
    sendEmpty(reply, 204);
  });

  const musicOnHold = '/v1/telephony/config/locations/:locationId/musicOnHold';

  server.get(musicOnHold, { schema: GetMusicOnHold, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentMusicOnHold(await service.musicOnHold(orgId, request.params.locationId));
  });

  server.put(musicOnHold, { schema: UpdateMusicOnHold, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.updateMusicOnHold(orgId, request.params.locationId, request.body);
    sendEmpty(reply, 204);
  });
}
