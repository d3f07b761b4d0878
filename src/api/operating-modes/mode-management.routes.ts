import type { FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { ManagedFeature, ModeManagementService } from '../../domain/operating-modes/mode-management-service.ts';
import type { OperatingMode } from '../../domain/operating-modes/operating-mode-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/mode-management.ts';
import { operations as userOperations } from '../../generated/webex/user-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

// Mode Management — a person switching the operating modes of the features they manage (user
// token: spark:telephony_config_*, or the calls scopes a person's token carries) — and the three
// User Call Settings operations by which an administrator assigns them those features.

const meRead = anyOf('spark:telephony_config_read', 'spark:calls_read');
const meWrite = anyOf('spark:telephony_config_write', 'spark:calls_write');
const me = (request: FastifyRequest) => principalOf(request);

const modeId = (id: string) => encodeId('OPERATING_MODE', id);
const featureId = (f: ManagedFeature) => encodeId('AUTO_ATTENDANT', f.attendant.id);
const level = (m: OperatingMode) => (m.locationId === null ? ('ORGANIZATION' as const) : ('LOCATION' as const));
const line = (f: { phoneNumber: string | null; extension: string | null }) => ({ ...(f.phoneNumber ? { phoneNumber: f.phoneNumber } : {}), ...(f.extension ? { extension: f.extension } : {}) });

function summary(f: ManagedFeature, forwardDestination: string | undefined) {
  return {
    id: featureId(f),
    name: f.attendant.name,
    type: 'AUTO_ATTENDANT' as const,
    ...line(f.attendant),
    modeBasedForwardingEnabled: f.fm?.enabled === true,
    ...(f.location ? { location: { id: encodeId('LOCATION', f.location.id), name: f.location.name } } : {}),
    ...(forwardDestination ? { forwardDestination } : {}),
    ...(f.current ? { currentOperatingModeName: f.current.mode.name, currentOperatingModeId: modeId(f.current.mode.id) } : {}),
    exceptionType: f.current?.exceptionType ?? ('AUTOMATIC_SWITCH_BACK_STANDARD' as const),
  };
}

export function modeManagementRoutes(server: Server, deps: { modeManagement: ModeManagementService }): void {
  const service = deps.modeManagement;

  webexRoute(server, operations.getModeManagementFeatures, {
    auth: meRead,
    handler: async (request) => {
      const p = me(request);
      return { features: (await service.features(p.orgId, p.personId)).map((f) => summary(f, service.forwardDestination(f))) };
    },
  });

  webexRoute(server, operations.getModeManagementFeature, {
    auth: meRead,
    handler: async (request) => {
      const p = me(request);
      const f = await service.feature(p.orgId, p.personId, request.params.featureId);
      const s = f.attendant.settings;
      return {
        modeBasedForwardingEnabled: f.fm?.enabled === true,
        timezone: s.timeZone,
        ...line(f.attendant),
        currentOperatingModeId: f.current ? modeId(f.current.mode.id) : '',
        ...(f.fm?.manual?.endsAt && f.current?.mode.id === f.fm.manual.modeId ? { currentOperatingModeEndTime: f.fm.manual.endsAt } : {}),
        ...(service.forwardDestination(f) ? { currentOperatingModeForwardDestination: service.forwardDestination(f) } : {}),
        ...(f.current ? { exceptionType: f.current.exceptionType } : {}),
        modes: (f.fm?.modes ?? []).flatMap((entry) => {
          const mode = f.modes.get(entry.id);
          if (!mode) return [];
          const own = mode.settings.callForwarding;
          return [
            {
              id: modeId(mode.id),
              name: mode.name,
              type: mode.type,
              level: level(mode),
              normalOperationEnabled: entry.normalOperationEnabled,
              forwardTo: {
                selection: entry.forwardTo.selection,
                ...(entry.forwardTo.destination ? { phoneNumber: entry.forwardTo.destination } : {}),
                sendToVoicemailEnabled: entry.forwardTo.destinationVoicemailEnabled,
                ...(own.destination ? { defaultPhoneNumber: own.destination } : {}),
                defaultSendToVoicemailEnabled: own.destinationVoicemailEnabled,
              },
            },
          ];
        }),
      };
    },
  });

  webexRoute(server, operations.getNormalOperationMode, {
    auth: meRead,
    handler: async (request) => {
      const p = me(request);
      const mode = await service.normalOperationMode(p.orgId, p.personId, request.params.featureId);
      return { operatingModeId: mode ? modeId(mode.id) : '' };
    },
  });

  webexRoute(server, operations.getOperatingMode, {
    auth: meRead,
    handler: async (request) => {
      const p = me(request);
      const { feature, mode } = await service.mode(p.orgId, p.personId, request.params.featureId, request.params.modeId);
      const s = mode.settings;
      const entry = feature.fm?.modes.find((m) => m.id === mode.id);
      return {
        operatingModeId: modeId(mode.id),
        name: mode.name,
        type: mode.type,
        level: level(mode),
        ...(mode.locationId && feature.location?.id === mode.locationId ? { locationName: feature.location.name } : {}),
        ...(s.sameHoursDaily ? { sameHoursDaily: s.sameHoursDaily } : {}),
        ...(s.differentHoursDaily ? { differentHoursDaily: s.differentHoursDaily } : {}),
        ...(mode.type === 'HOLIDAY' ? { holidays: s.holidays.map((h) => ({ ...h, id: encodeId('OPERATING_MODE_HOLIDAY', h.id) })) } : {}),
        ...(entry ? { forwardTo: entry.forwardTo } : {}),
      };
    },
  });

  webexRoute(server, operations.switchModeForFeature, {
    auth: meWrite,
    handler: async (request, reply) => {
      const p = me(request);
      const body = request.body ?? { operatingModeId: '' };
      await service.switchMode(p.orgId, p.personId, request.params.featureId, body.operatingModeId, body.isManualSwitchbackEnabled === true);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.extendMode, {
    auth: meWrite,
    handler: async (request, reply) => {
      const p = me(request);
      const body = request.body ?? { operatingModeId: '' };
      await service.extendMode(p.orgId, p.personId, request.params.featureId, body.operatingModeId, body.extensionTime);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.switchToNormalOperation, {
    auth: meWrite,
    handler: async (request, reply) => {
      const p = me(request);
      await service.switchToNormal(p.orgId, p.personId, request.params.featureId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.switchModeMultipleFeatures, {
    auth: meWrite,
    handler: async (request, reply) => {
      const p = me(request);
      const body = request.body ?? { featureIds: [], operatingModeName: '' };
      await service.switchMany(p.orgId, p.personId, body.featureIds.map(String), body.operatingModeName);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getCommonModes, {
    auth: meRead,
    handler: async (request) => {
      const p = me(request);
      const ids = request.query.featureIds.flatMap((id) => String(id).split(','));
      return { commonModeNames: await service.commonModes(p.orgId, p.personId, ids) };
    },
  });

  webexRoute(server, userOperations.getListOfAvailableFeatures, {
    auth: telephonyConfig.read.auth,
    handler: async (request, reply) => {
      const { name, phoneNumber, extension } = request.query;
      const { max, start } = telephonyPaging(request.query, 1000);
      const all = await service.available(request.orgId, request.params.personId, { name, phoneNumber, extension });
      const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
      return {
        features: offsetPageItems(request, reply, page, max).map((a) => ({ id: encodeId('AUTO_ATTENDANT', a.id), name: a.name, type: 'AUTO_ATTENDANT' as const, ...line(a) })),
      };
    },
  });

  webexRoute(server, userOperations.getListOfFeaturesAssignedToAUserModeManagement, {
    auth: telephonyConfig.read.auth,
    handler: async (request) => ({
      features: (await service.assigned(request.orgId, request.params.personId)).map((f) => summary(f, service.forwardDestination(f))),
    }),
  });

  webexRoute(server, userOperations.assignListOfFeaturesToAUserModeManagement, {
    auth: telephonyConfig.write.auth,
    handler: async (request, reply) => {
      await service.assign(request.orgId, request.params.personId, request.body?.featureIds ?? []);
      sendEmpty(reply, 200);
    },
  });
}
