import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { anyOf, hasScope } from '../../domain/auth/scopes.ts';
import type { BinRequest, RecordingService, Viewer } from '../../domain/recordings/recording-service.ts';
import { mp3Size, silentMp3 } from '../../domain/recordings/silent-mp3.ts';
import { silentMulawWav } from '../../domain/media/wav-writer.ts';
import { decodeId, encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/converged-recordings.ts';
import { principalOf } from '../../http/auth.ts';
import { publicBase } from '../../http/host.ts';
import { clampMax, decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredRecording } from '../../store/recordings-store.ts';
import type { Person } from '../../store/store.ts';

// Converged Recordings of calls recorded in Callplane. The audio link of a recording's details
// is this server's own (GET …/audio, with a token that may read the recording).

const USER_READ = 'spark:recordings_read';
const ADMIN_READ = 'spark-admin:recordings_read';
const USER_WRITE = 'spark:recordings_write';
const ADMIN_WRITE = 'spark-admin:recordings_write';
const AUDIO_LINK_HOURS = 3;

const viewer = (request: FastifyRequest, adminScope: string): Viewer => {
  const principal = principalOf(request);
  return { principal, admin: hasScope(principal, adminScope) };
};

function summary(r: StoredRecording, owners: Map<string, Person>) {
  return {
    id: r.id,
    topic: r.topic,
    createTime: r.ended ?? r.started,
    timeRecorded: r.started,
    format: 'MP3' as const,
    serviceType: 'calling' as const,
    durationSeconds: r.durationSeconds,
    sizeBytes: mp3Size(r.durationSeconds),
    status: r.status,
    ownerId: encodeId('PEOPLE', r.ownerId),
    ownerEmail: owners.get(r.ownerId)?.email ?? '',
    ownerType: 'user' as const,
    storageRegion: 'US',
    serviceData: { ...(r.locationId ? { locationId: encodeId('LOCATION', r.locationId) } : {}), callSessionId: r.sessionId },
  };
}

const party = (p: { personId?: string; number?: string }) => ({
  ...(p.personId ? { actor: { type: 'PERSON', id: encodeId('PEOPLE', p.personId) } } : {}),
  ...(p.number ? { number: p.number } : {}),
});

type ListQuery = { max?: number; from?: string; to?: string; status?: 'available' | 'deleted' | 'purged'; ownerId?: string; ownerEmail?: string; locationId?: string; topic?: string; before?: string };

export function recordingRoutes(server: Server, deps: { recordings: RecordingService }): void {
  const service = deps.recordings;

  const list = (adminList: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as ListQuery;
    const max = clampMax(q.max, 100, 100);
    const cursor = decodeCursor(q.before);
    const who: Viewer = adminList ? { principal: principalOf(request), admin: true } : { principal: principalOf(request), admin: false };
    const ownerId = q.ownerId === undefined ? undefined : (decodeId(q.ownerId, 'PEOPLE') ?? '');
    const locationId = q.locationId === undefined ? undefined : (decodeId(q.locationId, 'LOCATION') ?? '');
    const rows = await service.list(who, { ...q, ownerId, locationId, before: cursor && { started: cursor.created, id: cursor.id }, max: max + 1 });
    const items = rows.slice(0, max);
    const last = items.at(-1);
    if (rows.length > max && last) linkNext(request, reply, { before: encodeCursor({ created: last.started, id: last.id }), max: String(max) });
    const owners = await service.owners(request.orgId, items);
    return { items: items.map((r) => summary(r, owners)) };
  };

  webexRoute(server, operations.listRecordings, { auth: anyOf(USER_READ), handler: list(false) as never });
  webexRoute(server, operations.listRecordingsForAdminOrComplianceOfficer, { auth: anyOf(ADMIN_READ), handler: list(true) as never });

  webexRoute(server, operations.getRecordingDetails, {
    auth: anyOf(USER_READ, ADMIN_READ),
    handler: (async (request: FastifyRequest) => {
      const recording = await service.get(viewer(request, ADMIN_READ), (request.params as { recordingId: string }).recordingId);
      const link = publicBase(request);
      link.pathname = `${link.pathname.replace(/\/$/, '')}/v1/convergedRecordings/${recording.id}/audio`;
      const expiration = new Date(service.clock.now().getTime() + AUDIO_LINK_HOURS * 3_600_000).toISOString();
      return { ...summary(recording, await service.owners(request.orgId, [recording])), temporaryDirectDownloadLinks: { audioDownloadLink: link.toString(), expiration } };
    }) as never,
  });

  webexRoute(server, operations.getRecordingMetadata, {
    auth: anyOf(USER_READ, ADMIN_READ),
    handler: (async (request: FastifyRequest) => {
      const r = await service.get(viewer(request, ADMIN_READ), (request.params as { recordingId: string }).recordingId);
      const owner = (await service.owners(request.orgId, [r])).get(r.ownerId);
      return {
        id: r.id,
        orgId: encodeId('ORGANIZATION', r.orgId),
        ownerId: encodeId('PEOPLE', r.ownerId),
        ownerType: 'user',
        ...(owner ? { ownerName: owner.displayName, ownerEmail: owner.email } : {}),
        storageRegion: 'US',
        serviceType: 'calling',
        version: '1.0',
        serviceData: {
          callRecordingId: r.id,
          ...(r.locationId ? { locationId: encodeId('LOCATION', r.locationId) } : {}),
          callSessionId: r.sessionId,
          personality: r.details.personality,
          callingParty: party(r.details.calling),
          calledParty: party(r.details.called),
          callId: encodeId('CALL', r.callId),
          session: { startTime: r.started, ...(r.ended ? { stopTime: r.ended } : {}) },
          recordingType: r.details.recordingType,
          recordingActions: r.details.actions,
        },
      };
    }) as never,
  });

  const bin = (allField: 'trashAll' | 'restoreAll' | 'purgeAll', from: 'available' | 'deleted', to: 'available' | 'deleted' | 'purged') =>
    (async (request: FastifyRequest, reply: FastifyReply) => {
      const body = (request.body ?? {}) as BinRequest & Record<string, unknown>;
      await service.moveBin(viewer(request, ADMIN_WRITE), { all: body[allField] === true, ownerEmail: body.ownerEmail, recordingIds: body.recordingIds }, from, to, allField);
      sendEmpty(reply, 204);
    }) as never;
  webexRoute(server, operations.moveRecordingsIntoTheRecycleBin, { auth: anyOf(USER_WRITE, ADMIN_WRITE), handler: bin('trashAll', 'available', 'deleted') });
  webexRoute(server, operations.restoreRecordingsFromRecycleBin, { auth: anyOf(USER_WRITE, ADMIN_WRITE), handler: bin('restoreAll', 'deleted', 'available') });
  webexRoute(server, operations.purgeRecordingsFromRecycleBin, { auth: anyOf(USER_WRITE, ADMIN_WRITE), handler: bin('purgeAll', 'deleted', 'purged') });

  webexRoute(server, operations.reassignRecordings, {
    auth: anyOf(ADMIN_WRITE),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await service.reassign(viewer(request, ADMIN_WRITE), request.body as never);
      sendEmpty(reply, 204);
    }) as never,
  });

  // Webex asks for spark-compliance:recordings_write; Callplane has no compliance officers, so
  // the organization's administrator stands in.
  webexRoute(server, operations.deleteARecording, {
    auth: anyOf(ADMIN_WRITE),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await service.delete(viewer(request, ADMIN_WRITE), (request.params as { recordingId: string }).recordingId);
      sendEmpty(reply, 204);
    }) as never,
  });

  // Not a Webex operation: where audioDownloadLink points. Webex's recordings are MP3 (their
  // `format`), and so is this by default; a client that asks for WAV (Accept: audio/wav) gets the
  // same length of 8 kHz µ-law, the call's own codec. Either way the audio is silence: simulated
  // parties say nothing.
  server.get(
    '/v1/convergedRecordings/:recordingId/audio',
    { schema: { params: Type.Object({ recordingId: Type.String() }) }, config: { auth: anyOf(USER_READ, ADMIN_READ) } },
    async (request, reply) => {
      const recording = await service.get(viewer(request, ADMIN_READ), request.params.recordingId);
      const wav = /\baudio\/(x-)?wav\b/i.test(request.headers.accept ?? '');
      reply.header('vary', 'accept');
      reply.header('content-type', wav ? 'audio/wav' : 'audio/mpeg');
      reply.header('content-disposition', `attachment; filename="${recording.id}.${wav ? 'wav' : 'mp3'}"`);
      return wav ? silentMulawWav(recording.durationSeconds) : silentMp3(recording.durationSeconds);
    },
  );
}
