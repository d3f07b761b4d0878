import { anyOf } from '../../domain/auth/scopes.ts';
import type { CallQueueService } from '../../domain/call-queues/call-queue-service.ts';
import { operations } from '../../generated/webex/call-controls.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';

// List Call Queue Calls: the calls waiting in a call queue now, for an administrator (or service
// app) with the admin calls scope, as the other Call Controls of members are.
export function queueCallRoutes(server: Server, deps: { callQueues: CallQueueService }): void {
  webexRoute(server, operations.listcallqueuecalls, {
    auth: anyOf('spark-admin:calls_read'),
    handler: async (request) => ({ items: await deps.callQueues.waitingCalls(request.orgId, request.params.queueId) }),
  });
}
