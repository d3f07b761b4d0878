import type { HuntGroupForwardingService } from '../../domain/hunt-groups/hunt-group-forwarding.ts';
import type { ForwardingRule } from '../../domain/hunt-groups/hunt-group-types.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { GetHuntGroupSelectiveCallForwardingRuleResponse200 } from '../../generated/webex/shared.ts';
import { operations } from '../../generated/webex/features-hunt-group.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import type { Static } from 'typebox';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX_NUMBERS = 2000;

export const ruleId = (id: string) => encodeId('CALL_FORWARDING_SELECTIVE_RULE', id);

// Stored rules passed the rules' checks (selections from the document's enums).
export const presentRule = (r: ForwardingRule) => ({ ...r, id: ruleId(r.id) }) as Static<typeof GetHuntGroupSelectiveCallForwardingRuleResponse200>;

/** The one-line summary of a rule that the forwarding settings list. */
export const summary = (r: ForwardingRule) => ({
  id: ruleId(r.id),
  name: r.name,
  callFrom: r.callsFrom.selection === 'ANY' ? 'Any' : (r.callsFrom.customNumbers?.numbers.join(', ') ?? 'Custom'),
  callsTo: r.callsTo.numbers.length === 0 ? 'Any' : r.callsTo.numbers.map((n) => n.phoneNumber ?? n.extension).join(', '),
  forwardTo: r.forwardTo.selection === 'FORWARD_TO_SPECIFIED_NUMBER' ? r.forwardTo.phoneNumber! : r.forwardTo.selection,
  enabled: r.enabled,
});

/** The three available-number lists of hunt groups (query phoneNumber: numbers to keep). */
export const numberQuery = (q: { phoneNumber?: unknown[]; ownerName?: string; extension?: string }) => ({
  ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {}),
  ...(q.ownerName !== undefined ? { ownerName: q.ownerName } : {}),
  ...(q.extension !== undefined ? { extension: q.extension } : {}),
});

// Features: Hunt Group — call forwarding, its selective rules, and the available-number lists.
export function huntGroupForwardingRoutes(server: Server, deps: { huntGroupForwarding: HuntGroupForwardingService; locationNumbers: LocationNumberService }): void {
  const service = deps.huntGroupForwarding;

  webexRoute(server, operations.switchHuntGroupCallForwardingMode, {
    auth: write,
    handler: async (request) => service.switchMode(request.orgId, request.params.locationId, request.params.huntGroupId),
  });

  webexRoute(server, operations.getHuntGroupCallForwardingSettings, {
    auth: read,
    handler: async (request) => {
      const { locationId, huntGroupId } = request.params;
      const f = await service.get(request.orgId, locationId, huntGroupId);
      return { callForwarding: { always: f.always, selective: f.selective, rules: f.rules.map(summary) } };
    },
  });

  webexRoute(server, operations.updateHuntGroupCallForwardingSettings, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, huntGroupId } = request.params;
      await service.update(request.orgId, locationId, huntGroupId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.createHuntGroupSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, huntGroupId } = request.params;
      const rule = await service.createRule(request.orgId, locationId, huntGroupId, request.body);
      reply.code(201);
      return { id: ruleId(rule.id) };
    },
  });

  webexRoute(server, operations.getHuntGroupSelectiveCallForwardingRule, {
    auth: read,
    handler: async (request) => {
      const { locationId, huntGroupId, ruleId: id } = request.params;
      return presentRule(await service.rule(request.orgId, locationId, huntGroupId, id));
    },
  });

  // The document answers 201 {id} to an update.
  webexRoute(server, operations.updateHuntGroupSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, huntGroupId, ruleId: id } = request.params;
      const rule = await service.updateRule(request.orgId, locationId, huntGroupId, id, request.body ?? {});
      reply.code(201);
      return { id: ruleId(rule.id) };
    },
  });

  webexRoute(server, operations.deleteHuntGroupSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, huntGroupId, ruleId: id } = request.params;
      await service.deleteRule(request.orgId, locationId, huntGroupId, id);
      sendEmpty(reply, 204);
    },
  });

  const lists = [
    [operations.getHuntGroupPrimaryAvailablePhoneNumbers, 'huntGroup'],
    [operations.getHuntGroupAlternateAvailablePhoneNumbers, 'huntGroup'],
  ] as const;
  for (const [operation, list] of lists) {
    webexRoute(server, operation, {
      auth: read,
      handler: async (request, reply) => {
        const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
        const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, list, { ...numberQuery(request.query), start, max });
        // presentCandidate keeps the list's fields, which are the document's for these lists.
        return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate(list, n)) } as never;
      },
    });
  }

  webexRoute(server, operations.getHuntGroupCallForwardAvailablePhoneNumbers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
      const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroupCallForward', { ...numberQuery(request.query), start, max });
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroupCallForward', n)) } as never;
    },
  });
}
