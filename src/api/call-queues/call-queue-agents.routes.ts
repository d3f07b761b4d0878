import type { AgentLine, CallQueueAgentService } from '../../domain/call-queues/call-queue-agents.ts';
import type { OrgQueueSettingsService } from '../../domain/call-queues/call-queue-org-settings.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-call-queue.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { callQueueId } from './call-queues.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

/** An agent's line as the agent lists show it. */
export const presentLine = (l: AgentLine) => ({
  id: encodeId('PEOPLE', l.person.id),
  ...(l.person.firstName !== null ? { firstName: l.person.firstName } : {}),
  ...(l.person.lastName !== null ? { lastName: l.person.lastName } : {}),
  ...(l.phoneNumber ? { phoneNumber: l.phoneNumber } : {}),
  ...(l.person.extension !== null ? { extension: l.person.extension } : {}),
  ...(l.person.extension !== null && l.person.routingPrefix !== null ? { routingPrefix: l.person.routingPrefix, esn: `${l.person.routingPrefix}${l.person.extension}` } : {}),
});

const locationOf = (l: AgentLine) => ({ id: l.location ? encodeId('LOCATION', l.location.id) : '', name: l.location?.name ?? '' });

// Features: Call Queue — agents across queues (join and leave), the people who could be agents,
// and the organization's call queue settings.
export function callQueueAgentRoutes(server: Server, deps: { callQueueAgents: CallQueueAgentService; orgQueueSettings: OrgQueueSettingsService }): void {
  const agents = deps.callQueueAgents;

  webexRoute(server, operations.listCallQueueAgents, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { locationId, queueId, name, phoneNumber, joinEnabled } = request.query;
      const page = await agents.list(request.orgId, { locationId, queueId, name, phoneNumber, joinEnabled, start, max });
      return {
        agents: offsetPageItems(request, reply, page, max).map((a) => ({
          ...presentLine(a),
          queueCount: a.queueCount,
          locationCount: a.locationCount,
          joinCount: a.joinCount,
          unjoinCount: a.unjoinCount,
          location: locationOf(a),
          type: 'PEOPLE',
        })),
      };
    },
  });

  webexRoute(server, operations.getCallQueueAgent, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { agent, queues } = await agents.get(request.orgId, request.params.id, start, max);
      return {
        agent: { ...presentLine(agent), location: locationOf(agent), type: 'PEOPLE' },
        queues: offsetPageItems(request, reply, queues, max).map((q) => ({
          id: callQueueId(q.queue.id),
          name: q.queue.name,
          ...(q.queue.phoneNumber ? { phoneNumber: q.queue.phoneNumber } : {}),
          routingPrefix: q.location?.routingPrefix ?? '',
          locationId: encodeId('LOCATION', q.queue.locationId),
          locationName: q.location?.name ?? '',
          joinEnabled: q.joinEnabled,
        })),
      };
    },
  });

  webexRoute(server, operations.updateAgentCallQueueSettings, {
    auth: write,
    handler: async (request, reply) => {
      await agents.updateSettings(request.orgId, request.params.id, request.body?.settings ?? []);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getCallQueueAvailableAgents, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { locationId, name, phoneNumber } = request.query;
      const page = await agents.available(request.orgId, { locationId, name, phoneNumber, start, max });
      return {
        agents: offsetPageItems(request, reply, page, max).map((l) => ({
          id: encodeId('PEOPLE', l.person.id),
          ...(l.person.lastName !== null ? { lastName: l.person.lastName } : {}),
          ...(l.person.firstName !== null ? { firstName: l.person.firstName } : {}),
          displayName: l.person.displayName,
          type: 'PEOPLE' as const,
          email: l.person.email,
          hasCxEssentials: false,
          phoneNumbers: [{ ...(l.phoneNumber ? { external: l.phoneNumber } : {}), ...(l.person.extension !== null ? { extension: l.person.extension } : {}) }],
        })),
      };
    },
  });

  webexRoute(server, operations.getCallQueueSettings, {
    auth: read,
    handler: async (request) => deps.orgQueueSettings.get(request.orgId),
  });

  webexRoute(server, operations.updateCallQueueSettings, {
    auth: write,
    handler: async (request, reply) => {
      await deps.orgQueueSettings.update(request.orgId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });
}
