import type { CallQueueSupervisorService } from '../../domain/call-queues/call-queue-supervisors.ts';
import { operations } from '../../generated/webex/features-call-queue.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { presentLine } from './call-queue-agents.routes.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

// Features: Call Queue — supervisors and the agents they supervise. Adding agents some of whom
// cannot be added answers 206 with their statuses, as the document says.
export function callQueueSupervisorRoutes(server: Server, deps: { callQueueSupervisors: CallQueueSupervisorService }): void {
  const service = deps.callQueueSupervisors;
  const query = (q: { name?: string; phoneNumber?: string; max?: number; start?: number }) => ({ name: q.name, phoneNumber: q.phoneNumber, ...telephonyPaging(q, MAX) });

  webexRoute(server, operations.listCallQueueSupervisors, {
    auth: read,
    handler: async (request, reply) => {
      const q = query(request.query);
      const page = await service.list(request.orgId, q);
      return { supervisors: offsetPageItems(request, reply, page, q.max).map((s) => ({ ...presentLine(s), agentCount: s.agentCount })) };
    },
  });

  webexRoute(server, operations.createCallQueueSupervisor, {
    auth: write,
    handler: async (request, reply) => {
      const failed = await service.create(request.orgId, request.body.id, request.body.agents);
      if (failed.length === 0) return void sendEmpty(reply, 201);
      reply.code(206);
      return { supervisorAgentStatus: failed };
    },
  });

  webexRoute(server, operations.getCallQueueSupervisor, {
    auth: read,
    handler: async (request, reply) => {
      const q = query(request.query);
      const page = await service.agents(request.orgId, request.params.supervisorId, q);
      return { id: request.params.supervisorId, agents: offsetPageItems(request, reply, page, q.max).map(presentLine) };
    },
  });

  webexRoute(server, operations.updateCallQueueSupervisorAgents, {
    auth: write,
    handler: async (request, reply) => {
      const failed = await service.changeAgents(request.orgId, request.params.supervisorId, request.body?.agents ?? []);
      if (failed.length === 0) return void sendEmpty(reply, 204);
      reply.code(206);
      return { supervisorAgentStatus: failed };
    },
  });

  webexRoute(server, operations.deleteCallQueueSupervisor, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, [request.params.supervisorId]);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteBulkCallQueueSupervisors, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.body?.supervisorIds ?? [], request.body?.deleteAll === true);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listAvailableCallQueueSupervisors, {
    auth: read,
    handler: async (request, reply) => {
      const q = query(request.query);
      const page = await service.availableSupervisors(request.orgId, q);
      return { supervisors: offsetPageItems(request, reply, page, q.max).map((l) => ({ ...presentLine(l), displayName: l.person.displayName })) };
    },
  });

  webexRoute(server, operations.listAvailableCallQueueAgents, {
    auth: read,
    handler: async (request, reply) => {
      const q = query(request.query);
      const page = await service.availableAgents(request.orgId, q);
      return { agents: offsetPageItems(request, reply, page, q.max).map((l) => ({ ...presentLine(l), displayName: l.person.displayName, type: 'PEOPLE' as const })) };
    },
  });
}
