import type { CallQueueAgentService } from '../../domain/call-queues/call-queue-agents.ts';
import { wrapupReasonId, type QueueRow, type WrapupData, type WrapupReasonService } from '../../domain/call-queues/wrapup-reasons.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-customer-assist.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { callQueueId } from './call-queues.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

/** A queue as the wrap-up lists show it (the document types its extension as a number). */
const presentQueue = ({ queue, location }: QueueRow) => ({
  id: callQueueId(queue.id),
  name: queue.name,
  locationName: location?.name ?? '',
  locationId: encodeId('LOCATION', queue.locationId),
  phoneNumber: queue.phoneNumber ?? '',
  ...(queue.extension !== null && /^\d+$/.test(queue.extension) ? { extension: Number(queue.extension) } : {}),
});

// Features: Customer Assist — wrap-up reasons and their queues, a queue's wrap-up settings, and
// the people of a location who could be Customer Assist agents (the screen pop is served with
// the queue's other documents, call-queue-parts.routes.ts).
export function customerAssistRoutes(server: Server, deps: { wrapupReasons: WrapupReasonService; callQueueAgents: CallQueueAgentService }): void {
  const service = deps.wrapupReasons;

  webexRoute(server, operations.listWrapUpReasons, {
    auth: read,
    handler: async (request) => ({
      wrapupReasons: (await service.list(request.orgId)).map((d) => {
        const data = d.data as WrapupData;
        return { id: wrapupReasonId(d.id), name: d.name, ...(data.description !== undefined ? { description: data.description } : {}), numberOfQueuesAssigned: data.queueIds.length };
      }),
    }),
  });

  webexRoute(server, operations.createWrapUpReason, {
    auth: write,
    handler: async (request, reply) => {
      const id = await service.create(request.orgId, request.body);
      reply.code(201);
      return { id: wrapupReasonId(id) };
    },
  });

  webexRoute(server, operations.validateWrapUpReason, {
    auth: write,
    handler: async (request, reply) => {
      await service.validate(request.orgId, request.body.name);
      sendEmpty(reply, 200);
    },
  });

  webexRoute(server, operations.readWrapUpReason, {
    auth: read,
    handler: async (request) => {
      const { doc, queues } = await service.get(request.orgId, request.params.wrapupReasonId);
      const data = doc.data as WrapupData;
      return {
        name: doc.name,
        ...(data.description !== undefined ? { description: data.description } : {}),
        defaultWrapupQueuesCount: queues.filter((q) => q.isDefault).length,
        queues: queues.map((q) => ({ ...presentQueue(q), defaultWrapupEnabled: q.isDefault })),
      };
    },
  });

  webexRoute(server, operations.updateWrapUpReason, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.wrapupReasonId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteWrapUpReason, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.wrapupReasonId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.readAvailableQueues, {
    auth: read,
    handler: async (request) => ({ queues: (await service.availableQueues(request.orgId, request.params.wrapupReasonId)).map(presentQueue) }),
  });

  webexRoute(server, operations.readWrapUpReasonSettings, {
    auth: read,
    handler: async (request) => service.queueSettings(request.orgId, request.params.locationId, request.params.queueId),
  });

  webexRoute(server, operations.updateWrapUpReasonSettings, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateQueueSettings(request.orgId, request.params.locationId, request.params.queueId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listAvailableAgents, {
    auth: read,
    handler: async (request) => {
      const page = await deps.callQueueAgents.available(request.orgId, { locationId: request.params.locationId, start: 0, max: 1000 });
      return {
        agents: page.items.map((l) => ({
          id: encodeId('PEOPLE', l.person.id),
          ...(l.person.lastName !== null ? { lastName: l.person.lastName } : {}),
          ...(l.person.firstName !== null ? { firstName: l.person.firstName } : {}),
          displayName: l.person.displayName,
          type: 'PEOPLE' as const,
          email: l.person.email,
          hasCxEssentials: false,
          phoneNumbers: { ...(l.phoneNumber ? { external: l.phoneNumber } : {}), ...(l.person.extension !== null ? { extension: l.person.extension } : {}) },
        })),
      };
    },
  });
}
