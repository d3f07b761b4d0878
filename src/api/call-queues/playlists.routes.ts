import { encodeAnnouncementId } from '../../domain/announcements/announcement-ids.ts';
import { playlistId, type PlaylistService } from '../../domain/call-queues/playlist-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as usage } from '../../generated/webex/call-queue-settings-with-playlist-settings.ts';
import { operations } from '../../generated/webex/features-announcement-playlist.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

// Features: Announcement Playlist, and the playlist usage of Call Queue Settings with Playlist
// Settings. Creating answers 201 {id}.
export function playlistRoutes(server: Server, deps: { playlists: PlaylistService }): void {
  const service = deps.playlists;

  webexRoute(server, operations.listAnnouncementPlaylists, {
    auth: read,
    handler: async (request) => ({ playlists: (await service.list(request.orgId)).map((d) => ({ id: playlistId(d.id), name: d.name })) }),
  });

  webexRoute(server, operations.createAnnouncementPlaylist, {
    auth: write,
    handler: async (request, reply) => {
      const id = await service.create(request.orgId, request.body);
      reply.code(201);
      return { id: playlistId(id) };
    },
  });

  webexRoute(server, operations.getAnnouncementPlaylist, {
    auth: read,
    handler: async (request) => {
      const { doc, announcements } = await service.get(request.orgId, request.params.playlistId);
      return {
        id: playlistId(doc.id),
        name: doc.name,
        lastUpdated: doc.lastModified,
        fileSize: String(announcements.reduce((sum, a) => sum + a.fileSize, 0)),
        fileCount: String(announcements.length),
        announcements: announcements.map((a) => ({
          id: encodeAnnouncementId(a.id),
          name: a.name,
          fileName: a.fileName,
          fileSize: String(a.fileSize),
          mediaFileType: a.mediaFileType,
          lastUpdated: a.lastUpdated,
          level: 'ORGANIZATION' as const,
        })),
      };
    },
  });

  webexRoute(server, operations.updateAnnouncementPlaylist, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.playlistId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAnnouncementPlaylist, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.playlistId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listPlaylistLocations, {
    auth: read,
    handler: async (request) => ({
      id: request.params.playlistId,
      locations: (await service.locations(request.orgId, request.params.playlistId)).map((l) => ({ id: encodeId('LOCATION', l.id), name: l.name })),
    }),
  });

  webexRoute(server, operations.updatePlaylistLocations, {
    auth: write,
    handler: async (request, reply) => {
      await service.setLocations(request.orgId, request.params.playlistId, request.body?.locationIds ?? []);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, usage.getPlaylistUsage, {
    auth: read,
    handler: async (request) => ({
      id: request.params.playListId,
      locations: (await service.usage(request.orgId, request.params.playListId, request.query.playlistUsageType)).map((u) => ({
        id: encodeId('LOCATION', u.location.id),
        name: u.location.name,
        featureReference: u.feature,
      })),
    }),
  });
}
