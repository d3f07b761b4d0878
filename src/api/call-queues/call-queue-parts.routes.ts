import type { CallQueuePartsService } from '../../domain/call-queues/call-queue-parts-service.ts';
import type { Dnis, QueuePart } from '../../domain/call-queues/call-queue-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-call-queue.ts';
import { operations as customerAssist } from '../../generated/webex/features-customer-assist.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

type Doc = Record<string, unknown>;

/** Files as the document shows them: every field present (what was written, completed). */
const presentFiles = (files: unknown) =>
  (Array.isArray(files) ? (files as Doc[]) : []).map((f) => ({
    id: String(f.id ?? ''),
    fileName: String(f.fileName ?? f.name ?? ''),
    mediaFileType: String(f.mediaFileType ?? 'WAV'),
    level: String(f.level ?? 'ENTITY'),
    isTextToSpeech: f.isTextToSpeech === true,
  }));

/** A part with its file lists completed. */
const withFiles = (doc: Doc) => ({
  ...doc,
  ...('audioFiles' in doc ? { audioFiles: presentFiles(doc.audioFiles) } : {}),
  ...('manualAudioFiles' in doc ? { manualAudioFiles: presentFiles(doc.manualAudioFiles) } : {}),
});

const dnisId = (id: string) => encodeId('DNIS', id);
const presentDnis = (d: Dnis, routingPrefix: string | null) => ({
  id: dnisId(d.id),
  name: d.name,
  ...(d.phoneNumber ? { phoneNumber: d.phoneNumber } : {}),
  ...(d.extension ? { extension: d.extension } : {}),
  ...(d.extension && routingPrefix ? { routingPrefix, esn: `${routingPrefix}${d.extension}` } : {}),
  ringPattern: d.ringPattern,
  customDnisAnnouncementSettingsEnabled: d.customDnisAnnouncementSettingsEnabled,
});

// Features: Call Queue — the queue's documents on their own paths (holiday, night and stranded
// services, forced forward, DNIS and its settings, announcement files), and Customer Assist's
// per-queue screen pop.
export function callQueuePartRoutes(server: Server, deps: { callQueueParts: CallQueuePartsService }): void {
  const parts = deps.callQueueParts;
  const ref = (request: { orgId: string; params: { locationId: string; queueId: string } }) => ({ orgId: request.orgId, locationId: request.params.locationId, queueId: request.params.queueId });

  webexRoute(server, operations.getCallQueueHolidayService, {
    auth: read,
    handler: async (request) => {
      const { doc, location } = await parts.part(ref(request), 'holidayService');
      return { ...withFiles(doc), holidaySchedules: await parts.schedules(location, 'holidays') } as never;
    },
  });
  webexRoute(server, operations.getCallQueueNightService, {
    auth: read,
    handler: async (request) => {
      const { doc, location } = await parts.part(ref(request), 'nightService');
      return { ...withFiles(doc), businessHourSchedules: await parts.schedules(location, 'businessHours') } as never;
    },
  });
  const plain = [
    [operations.getCallQueueStrandedCalls, 'strandedCalls'],
    [operations.getCallQueueForcedForward, 'forcedForward'],
    [operations.getDnisSettingsForACallQueue, 'dnisSettings'],
    [customerAssist.readScreenPopConfiguration, 'screenPop'],
  ] as const;
  for (const [operation, part] of plain) {
    webexRoute(server, operation, { auth: read, handler: async (request) => withFiles((await parts.part(ref(request), part)).doc) as never });
  }
  const updates = [
    [operations.updateCallQueueHolidayService, 'holidayService'],
    [operations.updateCallQueueNightService, 'nightService'],
    [operations.updateCallQueueStrandedCalls, 'strandedCalls'],
    [operations.updateCallQueueForcedForward, 'forcedForward'],
    [operations.modifyDnisSettingsForACallQueue, 'dnisSettings'],
    [customerAssist.updateScreenPopConfiguration, 'screenPop'],
  ] as const satisfies readonly (readonly [unknown, QueuePart])[];
  for (const [operation, part] of updates) {
    webexRoute(server, operation, {
      auth: write,
      handler: async (request, reply) => {
        await parts.updatePart(ref(request), part, (request.body ?? {}) as Doc);
        sendEmpty(reply, 204);
      },
    });
  }

  webexRoute(server, operations.getListOfDnisForACallQueue, {
    auth: read,
    handler: async (request) => {
      const { list, location } = await parts.dnisList(ref(request));
      return { dnisList: list.map((d) => presentDnis(d, location.routingPrefix)) } as never;
    },
  });
  webexRoute(server, operations.createADnisForACallQueue, {
    auth: write,
    handler: async (request, reply) => {
      const created = await parts.createDnis(ref(request), request.body);
      reply.code(201);
      return { id: dnisId(created.id) };
    },
  });
  webexRoute(server, operations.getADnisForACallQueue, {
    auth: read,
    handler: async (request) => {
      const { dnis, location } = await parts.dnis(ref(request), request.params.dnisId);
      return presentDnis(dnis, location.routingPrefix) as never;
    },
  });
  webexRoute(server, operations.modifyADnisForACallQueue, {
    auth: write,
    handler: async (request, reply) => {
      await parts.updateDnis(ref(request), request.params.dnisId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.deleteADnisForACallQueue, {
    auth: write,
    handler: async (request, reply) => {
      await parts.deleteDnis(ref(request), [request.params.dnisId]);
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.bulkDeleteDnisForACallQueue, {
    auth: write,
    handler: async (request, reply) => {
      await parts.deleteDnis(ref(request), request.body?.items ?? []);
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.getDnisAnnouncementsForACallQueue, {
    auth: read,
    handler: async (request) => {
      const { dnis } = await parts.dnis(ref(request), request.params.dnisId);
      return { customDnisAnnouncementSettingsEnabled: dnis.customDnisAnnouncementSettingsEnabled, ...dnis.announcements } as never;
    },
  });
  webexRoute(server, operations.modifyDnisAnnouncementsForACallQueue, {
    auth: write,
    handler: async (request, reply) => {
      await parts.updateDnisAnnouncements(ref(request), request.params.dnisId, (request.body ?? {}) as Doc);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listCallQueueAnnouncementFiles, {
    auth: read,
    handler: async (request) => ({
      announcements: (await parts.announcementFiles(ref(request))).map((f) => ({
        id: f.id ?? '',
        fileName: f.fileName,
        fileSize: '0',
        mediaFileType: (['WMA', 'WAV', 'GP', 'MOV'].includes(f.mediaFileType) ? f.mediaFileType : 'WAV') as 'WAV',
        level: 'ENTITY' as const,
        isTextToSpeech: false,
      })),
    }),
  });
  webexRoute(server, operations.deleteCallQueueAnnouncementFile, {
    auth: write,
    handler: async (request, reply) => {
      await parts.deleteAnnouncementFile(ref(request), request.params.fileName);
      sendEmpty(reply, 204);
    },
  });
}
