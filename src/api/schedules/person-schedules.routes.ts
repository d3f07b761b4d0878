import type { FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest } from '../../domain/errors.ts';
import { encodeEventId, encodeScheduleId, encodeUserScheduleId } from '../../domain/schedules/schedule-ids.ts';
import type { ScheduleService } from '../../domain/schedules/schedule-service.ts';
import type { ScheduleEvent, ScheduleType } from '../../domain/schedules/schedule-types.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { documentScopes, personOnAdminPath } from '../person-settings/setting-routes.ts';
import { telephonyPaging } from '../telephony-config.ts';

// A person's own schedules (User Call Settings), served by the location schedules' service with a
// person as the owner: the same rules, IDs of type USER_SCHEDULE. The list shows the person's
// schedules (level PEOPLE) and their location's (level GROUP), which their settings may name too.

const MAX = 2000;
/** The location schedules shown beside the person's own: a location has far fewer. */
const MAX_LOCATION_SCHEDULES = 1000;

/** Webex shows weekly recurrences of a person's events with their interval (every week here). */
const presentEvent = (e: ScheduleEvent) => ({
  id: encodeEventId(e.name),
  ...e,
  ...(e.recurrence?.recurWeekly ? { recurrence: { ...e.recurrence, recurWeekly: { recurInterval: 1, ...e.recurrence.recurWeekly } } } : {}),
});

/**
 * A person's events state how often a weekly event recurs (recurInterval); Callplane's schedules
 * recur every week, so another interval is refused rather than kept and not followed.
 */
function everyWeek<T>(event: T): T {
  const interval = (event as { recurrence?: { recurWeekly?: { recurInterval?: number } } }).recurrence?.recurWeekly?.recurInterval;
  if (interval !== undefined && interval !== 1) throw badRequest(`recurWeekly.recurInterval ${interval} is not supported: events recur every week (1).`);
  return event;
}

type Params = { personId: string; scheduleType: string; scheduleId: string; eventId: string };
type EventBody = { name: string; newName?: string; startDate: string; endDate: string; startTime?: string; endTime?: string; allDayEnabled?: boolean; recurrence?: never };

/** A route on the person of the path (or, with a user scope the document allows, oneself). */
function personRoute(server: Server, op: WebexOperation, work: (request: FastifyRequest<{ Params: Params }>, scope: { personId: string }) => Promise<unknown>): void {
  const scopes = documentScopes(op.operationId);
  webexRoute(server, op, {
    auth: anyOf(...scopes),
    handler: (async (request: FastifyRequest<{ Params: Params }>) => work(request, { personId: personOnAdminPath(request, scopes) })) as never,
  });
}

export function personScheduleRoutes(server: Server, deps: { schedules: ScheduleService }): void {
  const service = deps.schedules;

  const listScopes = documentScopes(user.listOfSchedulesForAPerson.operationId);
  webexRoute(server, user.listOfSchedulesForAPerson, {
    auth: anyOf(...listScopes),
    handler: async (request, reply) => {
      const scope = { personId: personOnAdminPath(request, listScopes) };
      const query = request.query;
      const { max, start } = telephonyPaging(query, MAX);
      // An unknown type matches nothing (Webex filters by it).
      const filter = { ...(query.type !== undefined ? { type: query.type as ScheduleType } : {}), ...(query.name !== undefined ? { name: query.name } : {}) };
      const own = (await service.list(request.orgId, scope, { ...filter, start: 0, max: MAX })).page.items;
      const shared = (await service.locationSchedulesOf(request.orgId, scope.personId, { ...filter, start: 0, max: MAX_LOCATION_SCHEDULES })).items;
      const all = [
        ...own.map((s) => ({ id: encodeUserScheduleId(s.name), name: s.name, type: s.type, level: 'PEOPLE' as const })),
        ...shared.map((s) => ({ id: encodeScheduleId(s.name), name: s.name, type: s.type, level: 'GROUP' as const })),
      ];
      const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
      return { schedules: offsetPageItems(request, reply, page, max) };
    },
  });

  webexRoute(server, user.createScheduleForAPerson, {
    auth: anyOf(...documentScopes(user.createScheduleForAPerson.operationId)),
    handler: async (request, reply) => {
      const personId = personOnAdminPath(request, documentScopes(user.createScheduleForAPerson.operationId));
      const body = request.body!;
      const schedule = await service.create(request.orgId, { personId }, { ...body, events: body.events?.map(everyWeek) });
      reply.code(201);
      return { id: encodeUserScheduleId(schedule.name) };
    },
  });

  personRoute(server, user.getAScheduleDetails, async (request, scope) => {
    const { scheduleType, scheduleId } = request.params;
    const s = await service.get(request.orgId, scope, scheduleType, scheduleId);
    return { id: encodeUserScheduleId(s.name), name: s.name, type: s.type, events: s.events.map(presentEvent) };
  });

  // A person's PUT names the schedule's new name newName and its events by name (the whole new list).
  personRoute(server, user.updateASchedule, async (request, scope) => {
    const { scheduleType, scheduleId } = request.params;
    const body = request.body as { newName: string; events?: EventBody[] };
    const events = body.events?.map((e) => ({ ...everyWeek(e), newName: e.name }));
    const s = await service.update(request.orgId, scope, scheduleType, scheduleId, { name: body.newName, ...(events ? { events } : {}) });
    return { id: encodeUserScheduleId(s.name) };
  });

  webexRoute(server, user.deleteASchedule, {
    auth: anyOf(...documentScopes(user.deleteASchedule.operationId)),
    handler: async (request, reply) => {
      const personId = personOnAdminPath(request, documentScopes(user.deleteASchedule.operationId));
      await service.delete(request.orgId, { personId }, request.params.scheduleType, request.params.scheduleId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, user.addANewEventForPersonSchedule, {
    auth: anyOf(...documentScopes(user.addANewEventForPersonSchedule.operationId)),
    handler: async (request, reply) => {
      const personId = personOnAdminPath(request, documentScopes(user.addANewEventForPersonSchedule.operationId));
      const { scheduleType, scheduleId } = request.params;
      const event = await service.createEvent(request.orgId, { personId }, scheduleType, scheduleId, everyWeek(request.body) as never);
      reply.code(201);
      return { id: encodeEventId(event.name) };
    },
  });

  personRoute(server, user.fetchEventForPersonSchedule, async (request, scope) => {
    const { scheduleType, scheduleId, eventId } = request.params;
    return presentEvent(await service.event(request.orgId, scope, scheduleType, scheduleId, eventId));
  });

  personRoute(server, user.updateAnEventForPersonSchedule, async (request, scope) => {
    const { scheduleType, scheduleId, eventId } = request.params;
    const { newName, ...body } = everyWeek(request.body as EventBody);
    const event = await service.updateEvent(request.orgId, scope, scheduleType, scheduleId, eventId, { ...body, name: newName ?? body.name });
    return { id: encodeEventId(event.name) };
  });

  webexRoute(server, user.deleteAnEventForPersonSchedule, {
    auth: anyOf(...documentScopes(user.deleteAnEventForPersonSchedule.operationId)),
    handler: async (request, reply) => {
      const personId = personOnAdminPath(request, documentScopes(user.deleteAnEventForPersonSchedule.operationId));
      const { scheduleType, scheduleId, eventId } = request.params;
      await service.deleteEvent(request.orgId, { personId }, scheduleType, scheduleId, eventId);
      sendEmpty(reply, 204);
    },
  });
}
