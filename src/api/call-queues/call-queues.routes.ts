import type { CallQueueService } from '../../domain/call-queues/call-queue-service.ts';
import { operations } from '../../generated/webex/features-call-queue.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { callQueueId, presentCallQueue, presentListItem } from './call-queues.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

// Features: Call Queue — the queue itself (list, create, get, update, delete). Creating answers
// 200 {id}, as the document says.
export function callQueueRoutes(server: Server, deps: { callQueues: CallQueueService }): void {
  const service = deps.callQueues;

  webexRoute(server, operations.listCallQueues, {
    auth: read,
    handler: async (request, reply) => {
      const { locationId, name, phoneNumber, hasCxEssentials } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { locationId, name, phoneNumber, max, start });
      const items = offsetPageItems(request, reply, page, max).filter((q) => hasCxEssentials === undefined || q.settings.hasCxEssentials === hasCxEssentials);
      return { queues: items.map((q) => presentListItem(q, locations.get(q.locationId))) };
    },
  });

  webexRoute(server, operations.createCallQueue, {
    auth: write,
    handler: async (request) => {
      const queue = await service.create(request.orgId, request.params.locationId, request.body, request.query.hasCxEssentials === true);
      return { id: callQueueId(queue.id) };
    },
  });

  webexRoute(server, operations.getCallQueueWithCustomerAssist, {
    auth: read,
    handler: async (request) => presentCallQueue(await service.get(request.orgId, request.params.locationId, request.params.queueId)),
  });

  webexRoute(server, operations.updateCallQueue, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.locationId, request.params.queueId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteCallQueue, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.queueId);
      sendEmpty(reply, 204);
    },
  });
}
