import type { AutoAttendantForwardingService } from '../../domain/auto-attendants/auto-attendant-forwarding.ts';
import type { AutoAttendantService } from '../../domain/auto-attendants/auto-attendant-service.ts';
import type { Forward } from '../../domain/hunt-groups/hunt-group-types.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { operations } from '../../generated/webex/features-auto-attendant.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { presentFeatureModes } from '../operating-modes/feature-modes.presenters.ts';
import { autoAttendantId, presentAutoAttendant, presentListItem, presentRule, ruleId, ruleSummary } from './auto-attendants.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

const presentForward = (f: Forward) => ({
  enabled: f.enabled,
  ...(f.destination !== undefined ? { destination: f.destination } : {}),
  ringReminderEnabled: f.ringReminderEnabled,
  sendToVoicemailEnabled: f.destinationVoicemailEnabled,
});

const numberQuery = (q: { phoneNumber?: unknown[]; ownerName?: string; extension?: string }) => ({
  ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {}),
  ...(q.ownerName !== undefined ? { ownerName: q.ownerName } : {}),
  ...(q.extension !== undefined ? { extension: q.extension } : {}),
});

// Features: Auto Attendant — the attendant (list, create, get, update, delete), its announcement
// files, call forwarding with selective rules, and the available-number lists.
export function autoAttendantRoutes(
  server: Server,
  deps: { autoAttendants: AutoAttendantService; autoAttendantForwarding: AutoAttendantForwardingService; locationNumbers: LocationNumberService },
): void {
  const service = deps.autoAttendants;
  const forwarding = deps.autoAttendantForwarding;

  webexRoute(server, operations.listAutoAttendants, {
    auth: read,
    handler: async (request, reply) => {
      const { locationId, name, phoneNumber } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { locationId, name, phoneNumber, max, start });
      return { autoAttendants: offsetPageItems(request, reply, page, max).map((a) => presentListItem(a, locations.get(a.locationId))) };
    },
  });

  webexRoute(server, operations.createAutoAttendant, {
    auth: write,
    handler: async (request, reply) => {
      const attendant = await service.create(request.orgId, request.params.locationId, request.body ?? {});
      reply.code(201);
      return { id: autoAttendantId(attendant.id) };
    },
  });

  webexRoute(server, operations.getAutoAttendant, {
    auth: read,
    handler: async (request) => {
      const { attendant, location } = await service.get(request.orgId, request.params.locationId, request.params.autoAttendantId);
      return presentAutoAttendant(attendant, location);
    },
  });

  webexRoute(server, operations.updateAutoAttendant, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.locationId, request.params.autoAttendantId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAutoAttendant, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.autoAttendantId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listAutoAttendantAnnouncementFiles, {
    auth: read,
    handler: async (request) => {
      const files = await service.announcements(request.orgId, request.params.locationId, request.params.autoAttendantId);
      return { announcements: files.map((f) => ({ id: f.id, fileName: f.fileName, fileSize: '0', mediaFileType: f.mediaFileType, level: f.level, isTextToSpeech: false })) };
    },
  });

  webexRoute(server, operations.deleteAutoAttendantAnnouncementFile, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, autoAttendantId: id, fileName } = request.params;
      await service.deleteAnnouncement(request.orgId, locationId, id, fileName);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getAutoAttendantCallForwardingSettings, {
    auth: read,
    handler: async (request) => {
      const { locationId, autoAttendantId: id } = request.params;
      const f = await forwarding.get(request.orgId, locationId, id);
      const modes = await forwarding.modes(request.orgId, locationId, id);
      return {
        callForwarding: {
          always: presentForward(f.always),
          selective: presentForward(f.selective),
          rules: f.rules.map(ruleSummary),
          ...(modes ? { operatingModes: presentFeatureModes(modes.fm, modes.modes, modes.current) } : {}),
        },
      };
    },
  });

  webexRoute(server, operations.updateAutoAttendantCallForwardingSettings, {
    auth: write,
    handler: async (request, reply) => {
      await forwarding.update(request.orgId, request.params.locationId, request.params.autoAttendantId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.switchAutoAttendantCallForwardingMode, {
    auth: write,
    handler: async (request, reply) => {
      await forwarding.switchMode(request.orgId, request.params.locationId, request.params.autoAttendantId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.createAutoAttendantSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const rule = await forwarding.createRule(request.orgId, request.params.locationId, request.params.autoAttendantId, request.body ?? {});
      reply.code(201);
      return { id: ruleId(rule.id) };
    },
  });

  webexRoute(server, operations.getAutoAttendantSelectiveCallForwardingRule, {
    auth: read,
    handler: async (request) => {
      const { locationId, autoAttendantId: id, ruleId: rule } = request.params;
      return presentRule(await forwarding.rule(request.orgId, locationId, id, rule));
    },
  });

  // The document answers 201 {id} to an update.
  webexRoute(server, operations.updateAutoAttendantSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, autoAttendantId: id, ruleId: rule } = request.params;
      const updated = await forwarding.updateRule(request.orgId, locationId, id, rule, request.body ?? {});
      reply.code(201);
      return { id: ruleId(updated.id) };
    },
  });

  webexRoute(server, operations.deleteAutoAttendantSelectiveCallForwardingRule, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, autoAttendantId: id, ruleId: rule } = request.params;
      await forwarding.deleteRule(request.orgId, locationId, id, rule);
      sendEmpty(reply, 204);
    },
  });

  // An attendant's numbers follow the hunt group lists' rules (unassigned numbers; assigned ones to forward to).
  for (const operation of [operations.getAutoAttendantPrimaryAvailablePhoneNumbers, operations.getAutoAttendantAlternateAvailablePhoneNumbers]) {
    webexRoute(server, operation, {
      auth: read,
      handler: async (request, reply) => {
        const { max, start } = telephonyPaging(request.query, MAX);
        const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroup', { ...numberQuery(request.query), start, max });
        return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroup', n)) } as never;
      },
    });
  }

  webexRoute(server, operations.getAutoAttendantCallForwardAvailablePhoneNumbers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroupCallForward', { ...numberQuery(request.query), start, max });
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroupCallForward', n)) } as never;
    },
  });
}
