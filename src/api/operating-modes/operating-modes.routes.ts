import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import type { OperatingModeService } from '../../domain/operating-modes/operating-mode-service.ts';
import type { ModeHoliday, OperatingMode } from '../../domain/operating-modes/operating-mode-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-operating-modes.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { Location } from '../../store/store.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 100;

export const modeId = (id: string) => encodeId('OPERATING_MODE', id);
const holidayId = (id: string) => encodeId('OPERATING_MODE_HOLIDAY', id);
const level = (m: OperatingMode) => (m.locationId === null ? ('ORGANIZATION' as const) : ('LOCATION' as const));
const locationOf = (m: OperatingMode, location: Location | undefined) =>
  m.locationId === null ? {} : { location: { id: encodeId('LOCATION', m.locationId), ...(location ? { name: location.name } : {}) } };

// Hours as the document shows them: start and end times are always present ("00:00" when unused).
const hours = (h: { enabled: boolean; allDayEnabled: boolean; startTime?: string; endTime?: string }) => ({ ...h, startTime: h.startTime ?? '00:00', endTime: h.endTime ?? '00:00' });

const presentHoliday = (h: ModeHoliday) => ({ ...h, id: holidayId(h.id) });

function presentMode(m: OperatingMode, location: Location | undefined) {
  const s = m.settings;
  return {
    id: modeId(m.id),
    name: m.name,
    type: m.type,
    level: level(m),
    ...locationOf(m, location),
    ...(s.sameHoursDaily ? { sameHoursDaily: { mondayToFriday: hours(s.sameHoursDaily.mondayToFriday), saturdayToSunday: hours(s.sameHoursDaily.saturdayToSunday) } } : {}),
    ...(s.differentHoursDaily ? { differentHoursDaily: Object.fromEntries(Object.entries(s.differentHoursDaily).map(([d, h]) => [d, hours(h)])) as never } : {}),
    ...(m.type === 'HOLIDAY' ? { holidays: s.holidays.map(presentHoliday) } : {}),
    callForwarding: s.callForwarding,
  };
}

// Features: Operating Modes — modes of the organization and its locations, their holidays, the
// modes a location's features may use, and the numbers a mode may forward to.
export function operatingModeRoutes(server: Server, deps: { operatingModes: OperatingModeService; locationNumbers: LocationNumberService }): void {
  const service = deps.operatingModes;

  webexRoute(server, operations.readTheListOfOperatingModes, {
    auth: read,
    handler: async (request, reply) => {
      const { limitToLocationId, limitToOrgLevelEnabled, name, order } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { limitToLocationId, limitToOrgLevelEnabled, name, order, max, start });
      return {
        operatingModes: offsetPageItems(request, reply, page, max).map((m) => ({
          id: modeId(m.id),
          name: m.name,
          type: m.type,
          level: level(m),
          ...locationOf(m, m.locationId ? locations.get(m.locationId) : undefined),
          callForwarding: { ...m.settings.callForwarding, destination: m.settings.callForwarding.destination ?? '' },
        })),
      };
    },
  });

  webexRoute(server, operations.createAnOperatingMode, {
    auth: write,
    handler: async (request, reply) => {
      const mode = await service.create(request.orgId, (request.body ?? {}) as never);
      reply.code(201);
      return { id: modeId(mode.id) };
    },
  });

  webexRoute(server, operations.getDetailsForAnOperatingMode, {
    auth: read,
    handler: async (request) => {
      const { mode, location } = await service.get(request.orgId, request.params.modeId);
      return presentMode(mode, location);
    },
  });

  webexRoute(server, operations.modifyAnOperatingMode, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.modeId, (request.body ?? {}) as never);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAnOperatingMode, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.modeId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.createAnOperatingModeHoliday, {
    auth: write,
    handler: async (request, reply) => {
      const holiday = await service.createHoliday(request.orgId, request.params.modeId, request.body ?? {});
      reply.code(201);
      return { id: holidayId(holiday.id) };
    },
  });

  webexRoute(server, operations.getDetailsForAnOperatingModeHoliday, {
    auth: read,
    handler: async (request) => presentHoliday(await service.holiday(request.orgId, request.params.modeId, request.params.holidayId)) as never,
  });

  webexRoute(server, operations.modifyAnOperatingModeHoliday, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateHoliday(request.orgId, request.params.modeId, request.params.holidayId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAnOperatingModeHoliday, {
    auth: write,
    handler: async (request, reply) => {
      await service.deleteHoliday(request.orgId, request.params.modeId, request.params.holidayId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.retrieveTheListOfAvailableOperatingModesInALocation, {
    auth: read,
    handler: async (request) => ({ operatingModes: (await service.available(request.orgId, request.params.locationId)).map((m) => ({ id: modeId(m.id), name: m.name })) }),
  });

  // A mode forwards to numbers with an owner, as a hunt group's call forwarding does.
  webexRoute(server, operations.getOperatingModeCallForwardAvailablePhoneNumbers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, 2000);
      const q = request.query;
      const filter = {
        ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {}),
        ...(q.ownerName !== undefined ? { ownerName: q.ownerName } : {}),
        ...(q.extension !== undefined ? { extension: q.extension } : {}),
      };
      const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroupCallForward', { ...filter, start, max });
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroupCallForward', n)) } as never;
    },
  });
}
