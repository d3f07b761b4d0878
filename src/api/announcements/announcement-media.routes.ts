import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { KMS_KEY_URI, type AnnouncementMediaService } from '../../domain/announcements/announcement-media-service.ts';
import { MAX_AUDIO_FILE_BYTES } from '../../domain/announcements/announcements-service.ts';
import type { TextToSpeechService } from '../../domain/announcements/text-to-speech-service.ts';
import { badRequest } from '../../domain/errors.ts';
import { MEDIA_PREFIX } from '../../domain/media/media-links.ts';
import { operations } from '../../generated/webex/features-announcement-repository.ts';
import { publicBase } from '../../http/host.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';

// Announcement Repository with Media URLs and text-to-speech (domain/announcements), and the
// signed media links they hand out, which this server serves itself under /media.

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

/** A path and query of this server (a signed link) as an absolute URL clients can fetch. */
function absolute(request: FastifyRequest, pathAndQuery: string): string {
  const base = publicBase(request);
  return `${base.origin}${base.pathname.replace(/\/$/, '')}${pathAndQuery}`;
}

export function announcementMediaRoutes(server: Server, deps: { announcementMedia: AnnouncementMediaService; textToSpeech: TextToSpeechService }): void {
  const media = deps.announcementMedia;
  const tts = deps.textToSpeech;

  webexRoute(server, operations.getAnnouncementFileUri, {
    auth: read,
    handler: async (request) => ({ fileUri: await media.announcementFileUri(request.orgId, undefined, request.params.announcementId) }),
  });
  webexRoute(server, operations.getLocationAnnouncementFileUri, {
    auth: read,
    handler: async (request) => ({ fileUri: await media.announcementFileUri(request.orgId, request.params.locationId, request.params.announcementId) }),
  });
  webexRoute(server, operations.generateUploadUrl, {
    auth: write,
    handler: async (request) => {
      const { uploadPath, fileUri } = await media.generateUploadUrl(request.orgId);
      return { preSignedUrl: absolute(request, uploadPath), kmsKeyUri: KMS_KEY_URI, fileUri };
    },
  });
  webexRoute(server, operations.getMediaDownloadUrl, {
    auth: read,
    handler: async (request) => ({ preSignedUrl: absolute(request, await media.downloadPath(request.orgId, request.params.s3Path)), kmsKeyUri: KMS_KEY_URI }),
  });

  webexRoute(server, operations.generateTextToSpeech, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      reply.code(202);
      return { id: await tts.generate(request.orgId, request.body ?? {}) };
    },
  });
  webexRoute(server, operations.getTextToSpeechUsage, { auth: read, handler: async (request) => tts.usage(request.orgId) });
  webexRoute(server, operations.listTextToSpeechVoices, {
    auth: read,
    handler: async (request) => ({ voices: tts.voices(request.query.languageCode).map((v) => ({ ...v })) }),
  });
  webexRoute(server, operations.getTextToSpeechGenerationStatus, {
    auth: read,
    handler: async (request) => {
      const { promptPath, mediaId: _mediaId, orgId: _orgId, created: _created, readyAt: _readyAt, ...status } = await tts.status(request.orgId, request.params.ttsId);
      return { ...status, id: request.params.ttsId, ...(promptPath ? { promptUrl: absolute(request, promptPath) } : {}) };
    },
  });

  mediaFileRoutes(server, media);
}

const MediaParams = Type.Object({ orgId: Type.String({ maxLength: 64 }), mediaId: Type.String({ maxLength: 64 }) });
const SignedQuery = Type.Object({
  expires: Type.Optional(Type.String({ maxLength: 16, description: 'Unix time the link expires at.' })),
  signature: Type.Optional(Type.String({ maxLength: 128, description: 'HMAC-SHA256 of the link (base64url).' })),
});
const mediaSchema = (summary: string, description: string) => ({ summary, description, tags: ['Callplane media links'], params: MediaParams, querystring: SignedQuery });

/**
 * The signed links themselves. They carry no token: the signature is the credential (as with
 * S3's pre-signed URLs), so these routes declare no auth; a link that is forged, altered, for
 * another method or expired is a 403.
 */
function mediaFileRoutes(server: Server, media: AnnouncementMediaService): void {
  void server.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    // The file as sent, whatever its media type (audio/wav, application/octet-stream, text/plain…).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_AUDIO_FILE_BYTES }, (_request, body, done) => done(null, body));
    scope.get(
      `${MEDIA_PREFIX}/:orgId/:mediaId`,
      { schema: mediaSchema('Download a media file (signed link)', 'Where the download preSignedUrl and promptUrl point. The file is a WAV, unencrypted.') },
      async (request, reply) => {
        const { orgId, mediaId } = request.params;
        const content = await media.download(orgId, mediaId, request.query.expires, request.query.signature);
        reply.header('content-type', 'audio/wav');
        reply.header('cache-control', 'private, no-store');
        return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      },
    );
    scope.put(
      `${MEDIA_PREFIX}/:orgId/:mediaId`,
      { schema: mediaSchema('Upload a media file (signed link)', 'Where the preSignedUrl of Generate Upload URL points: the body is the file (at most 5 MB).') },
      async (request, reply) => {
        const { orgId, mediaId } = request.params;
        if (!Buffer.isBuffer(request.body)) throw badRequest('Send the file itself as the request body.');
        await media.upload(orgId, mediaId, request.body, request.query.expires, request.query.signature);
        sendEmpty(reply, 200);
      },
    );
  });
}
