import type { CallQueueForwardingService } from '../../domain/call-queues/call-queue-forwarding.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { operations } from '../../generated/webex/features-call-queue.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { numberQuery, presentRule, ruleId, summary } from '../hunt-groups/hunt-group-forwarding.routes.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX_NUMBERS = 2000;

// Features: Call Queue — call forwarding, its selective rules, and the available-number lists
// (the hunt groups' rules and shapes: hunt-group-forwarding.routes.ts).
export function callQueueForwardingRoutes(server: Server, deps: { callQueueForwarding: CallQueueForwardingService; locationNumbers: LocationNumberService }): void {
  const service = deps.callQueueForwarding;

  webexRoute(server, operations.getCallQueueCallForwardingSettings, {
    auth: read,
    handler: async (request) => {
      const f = await service.get(request.orgId, request.params.locationId, request.params.queueId);
      return { callForwarding: { always: f.always, selective: f.selective, rules: f.rules.map(summary) } };
    },
  });

  webexRoute(server, operations.updateCallQueueCallForwardingSettings, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.locationId, request.params.queueId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.switchCallQueueCallForwardingMode, {
    auth: write,
    handler: async (request) => service.switchMode(request.orgId, request.params.locationId, request.params.queueId),
  });

  webexRoute(server, operations.createCallQueueSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const rule = await service.createRule(request.orgId, request.params.locationId, request.params.queueId, request.body);
      reply.code(201);
      return { id: ruleId(rule.id) };
    },
  });

  webexRoute(server, operations.getCallQueueSelectiveCallForwardingRule, {
    auth: read,
    handler: async (request) => {
      const { locationId, queueId, ruleId: id } = request.params;
      return presentRule(await service.rule(request.orgId, locationId, queueId, id));
    },
  });

  // The document answers 201 {id} to an update.
  webexRoute(server, operations.updateCallQueueSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, queueId, ruleId: id } = request.params;
      const rule = await service.updateRule(request.orgId, locationId, queueId, id, request.body ?? {});
      reply.code(201);
      return { id: ruleId(rule.id) };
    },
  });

  webexRoute(server, operations.deleteCallQueueSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, queueId, ruleId: id } = request.params;
      await service.deleteRule(request.orgId, locationId, queueId, id);
      sendEmpty(reply, 204);
    },
  });

  // A queue's numbers follow the hunt groups' lists: numbers nobody holds, and held numbers to forward to.
  const lists = [
    [operations.getCallQueuePrimaryAvailablePhoneNumbers, 'huntGroup'],
    [operations.getCallQueueAlternateAvailablePhoneNumbers, 'huntGroup'],
    [operations.getCallQueueCallForwardAvailablePhoneNumbers, 'huntGroupCallForward'],
  ] as const;
  for (const [operation, list] of lists) {
    webexRoute(server, operation, {
      auth: read,
      handler: async (request, reply) => {
        const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
        const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, list, { ...numberQuery(request.query), start, max });
        return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate(list, n)) } as never;
      },
    });
  }

  webexRoute(server, operations.getAvailablePhoneNumbersForDnis, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
      const phoneNumber = request.query.phoneNumber;
      const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroup', { ...(phoneNumber !== undefined ? { phoneNumber } : {}), start, max });
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroup', n)) } as never;
    },
  });
}
