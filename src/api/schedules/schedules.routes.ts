import type { ScheduleService } from '../../domain/schedules/schedule-service.ts';
import { encodeEventId, encodeScheduleId } from '../../domain/schedules/schedule-ids.ts';
import type { ScheduleEvent } from '../../domain/schedules/schedule-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { GetDetailsForAScheduleEventResponse200, operations } from '../../generated/webex/location-call-settings-schedules.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { Type, type Static } from 'typebox';
import { CreateAScheduleBody, UpdateAScheduleEventBody } from '../../generated/webex/shared.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

// Stored events passed the rules (weekdays all present, months named), so they fit the document's type.
// Cisco's own example of this operation has an event without endDate: the schema lets it through
// and the rules answer it (a 400 that says so), rather than a schema refusal of a documented example.
const CreateScheduleBody = Type.Object({
  type: CreateAScheduleBody.properties.type,
  name: Type.String(),
  events: Type.Optional(Type.Array(Type.Object({ ...UpdateAScheduleEventBody.properties, endDate: Type.Optional(Type.String()) }))),
});

const presentEvent = (e: ScheduleEvent) => ({ id: encodeEventId(e.name), ...e }) as Static<typeof GetDetailsForAScheduleEventResponse200>;

// Location Call Settings: Schedules, every operation of the tag. Creating answers 201 with the
// new ID; renaming answers the new ID (it carries the name).
export function scheduleRoutes(server: Server, deps: { schedules: ScheduleService }): void {
  const service = deps.schedules;

  webexRoute(server, operations.readTheListOfSchedules, {
    auth: read,
    handler: async (request, reply) => {
      const { type, name } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locationName } = await service.list(request.orgId, request.params.locationId, { type, name, max, start });
      return {
        schedules: offsetPageItems(request, reply, page, max).map((s) => ({
          id: encodeScheduleId(s.name),
          name: s.name,
          type: s.type,
          locationName,
          locationId: encodeId('LOCATION', s.locationId),
        })),
      };
    },
  });

  webexRoute(server, operations.createASchedule, {
    auth: write,
    schema: { body: CreateScheduleBody },
    handler: async (request, reply) => {
      const schedule = await service.create(request.orgId, request.params.locationId, request.body);
      reply.code(201);
      return { id: encodeScheduleId(schedule.name) };
    },
  });

  webexRoute(server, operations.getDetailsForASchedule, {
    auth: read,
    handler: async (request) => {
      const { locationId, type, scheduleId } = request.params;
      const s = await service.get(request.orgId, locationId, type, scheduleId);
      return { id: encodeScheduleId(s.name), name: s.name, type: s.type, events: s.events.map(presentEvent) };
    },
  });

  webexRoute(server, operations.updateAScheduleTelephonyConfigLocations, {
    auth: write,
    handler: async (request) => {
      const { locationId, type, scheduleId } = request.params;
      const s = await service.update(request.orgId, locationId, type, scheduleId, request.body);
      return { id: encodeScheduleId(s.name) };
    },
  });

  webexRoute(server, operations.deleteAScheduleTelephonyConfigLocations, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, type, scheduleId } = request.params;
      await service.delete(request.orgId, locationId, type, scheduleId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.createAScheduleEvent, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, type, scheduleId } = request.params;
      const event = await service.createEvent(request.orgId, locationId, type, scheduleId, request.body);
      reply.code(201);
      return { id: encodeEventId(event.name) };
    },
  });

  webexRoute(server, operations.getDetailsForAScheduleEvent, {
    auth: read,
    handler: async (request) => {
      const { locationId, type, scheduleId, eventId } = request.params;
      return presentEvent(await service.event(request.orgId, locationId, type, scheduleId, eventId));
    },
  });

  webexRoute(server, operations.updateAScheduleEvent, {
    auth: write,
    handler: async (request) => {
      const { locationId, type, scheduleId, eventId } = request.params;
      const event = await service.updateEvent(request.orgId, locationId, type, scheduleId, eventId, request.body);
      return { id: encodeEventId(event.name) };
    },
  });

  webexRoute(server, operations.deleteAScheduleEvent, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, type, scheduleId, eventId } = request.params;
      await service.deleteEvent(request.orgId, locationId, type, scheduleId, eventId);
      sendEmpty(reply, 204);
    },
  });
}
