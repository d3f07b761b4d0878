import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest } from '../../domain/errors.ts';
import { encodeEventId, encodeScheduleId, encodeUserScheduleId } from '../../domain/schedules/schedule-ids.ts';
import type { ScheduleService } from '../../domain/schedules/schedule-service.ts';
import type { ScheduleEvent, ScheduleType } from '../../domain/schedules/schedule-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as mine } from '../../generated/webex/call-settings-for-me-with-userhub-phase2.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { documentScopes, personOnAdminPath } from '../person-settings/setting-routes.ts';
import { telephonyPaging } from '../telephony-config.ts';

// A person's own schedules, served by the location schedules' service with a person as the owner:
// the same rules, IDs of type USER_SCHEDULE. Two sets of paths reach them: User Call Settings
// (/v1/people/{personId}/features/schedules, an admin or the person) and Call Settings For Me
// (/v1/telephony/config/people/me/schedules, the token's own person). They differ only in whose
// schedules, the answers' statuses and a few field names, which a Variant states.

const MAX = 2000;
/** The location schedules shown beside the person's own: a location has far fewer. */
const MAX_LOCATION_SCHEDULES = 1000;

type Params = { personId?: string; scheduleType: string; scheduleId: string; eventId: string };
type Request = FastifyRequest<{ Params: Params }>;
type EventBody = { name: string; newName?: string; startDate: string; endDate: string; startTime?: string; endTime?: string; allDayEnabled?: boolean; recurrence?: never };
type ScheduleBody = { name: string; newName?: string; events?: EventBody[] };

/**
 * A person's events state how often a weekly event recurs (recurInterval); Callplane's schedules
 * recur every week, so another interval is refused rather than kept and not followed.
 */
function everyWeek<T>(event: T): T {
  const interval = (event as { recurrence?: { recurWeekly?: { recurInterval?: number } } }).recurrence?.recurWeekly?.recurInterval;
  if (interval !== undefined && interval !== 1) throw badRequest(`recurWeekly.recurInterval ${interval} is not supported: events recur every week (1).`);
  return event;
}

type Variant = {
  ops: {
    list: WebexOperation; create: WebexOperation; get: WebexOperation; update: WebexOperation; delete: WebexOperation;
    createEvent: WebexOperation; getEvent: WebexOperation; updateEvent: WebexOperation; deleteEvent: WebexOperation;
  };
  /** Who may call an operation. */
  scopes: (op: WebexOperation) => string[];
  /** The public ID of the person whose schedules the request reaches (or a 403). */
  whose: (request: FastifyRequest, scopes: readonly string[]) => string;
  /** The status of a created schedule or event (the document's). */
  created: 200 | 201;
  /** Whether an update answers the (possibly new) ID, or 204. */
  updateAnswersId: boolean;
  /** How the list names the location's schedules. */
  locationLevel: 'GROUP' | 'LOCATION';
  /** The new name of a renamed schedule, and of each event of a schedule's new list. */
  renamed: (body: ScheduleBody) => string;
  eventRenamed: (event: EventBody) => string;
  /** Events as the variant's document shows them. */
  present: (event: ScheduleEvent) => unknown;
};

/** Webex shows weekly recurrences of a person's events with their interval (every week here). */
const withInterval = (e: ScheduleEvent) => ({
  id: encodeEventId(e.name),
  ...e,
  ...(e.recurrence?.recurWeekly ? { recurrence: { ...e.recurrence, recurWeekly: { recurInterval: 1, ...e.recurrence.recurWeekly } } } : {}),
});

const ADMIN: Variant = {
  ops: {
    list: user.listOfSchedulesForAPerson, create: user.createScheduleForAPerson, get: user.getAScheduleDetails, update: user.updateASchedule, delete: user.deleteASchedule,
    createEvent: user.addANewEventForPersonSchedule, getEvent: user.fetchEventForPersonSchedule, updateEvent: user.updateAnEventForPersonSchedule, deleteEvent: user.deleteAnEventForPersonSchedule,
  },
  scopes: (op) => documentScopes(op.operationId),
  whose: personOnAdminPath,
  created: 201,
  updateAnswersId: true,
  locationLevel: 'GROUP',
  // The admin PUT names the schedule's new name newName and its events by name (the whole new list).
  renamed: (body) => body.newName!,
  eventRenamed: (event) => event.name,
  present: withInterval,
};

const ME: Variant = {
  ops: {
    list: mine.getMySchedules, create: mine.createMySchedule, get: mine.getMySchedule, update: mine.updateMySchedule, delete: mine.deleteMyUserSchedule,
    createEvent: mine.createMyScheduleEvent, getEvent: mine.getMyScheduleEvent, updateEvent: mine.updateMyScheduleEvent, deleteEvent: mine.deleteMyUserScheduleEvent,
  },
  // As the other For Me operations, a person's calling token is accepted beside the document's scopes.
  scopes: (op) => [...documentScopes(op.operationId), op.method === 'GET' ? 'spark:calls_read' : 'spark:calls_write'],
  whose: (request) => encodeId('PEOPLE', principalOf(request).personId),
  created: 200,
  updateAnswersId: false,
  locationLevel: 'LOCATION',
  // The For Me PUT names the schedule's new name `name`, and an event's new name newName.
  renamed: (body) => body.name,
  eventRenamed: (event) => event.newName ?? event.name,
  present: (e) => ({ id: encodeEventId(e.name), ...e }),
};

export function personScheduleRoutes(server: Server, deps: { schedules: ScheduleService }): void {
  for (const variant of [ADMIN, ME]) schedulesOf(server, deps.schedules, variant);
}

function schedulesOf(server: Server, service: ScheduleService, variant: Variant): void {
  const { ops } = variant;
  /** A route on the variant's person: `work` answers the body, or undefined for a 204. */
  const route = (op: WebexOperation, work: (request: Request, reply: FastifyReply, scope: { personId: string }) => Promise<unknown>) => {
    const scopes = variant.scopes(op);
    webexRoute(server, op, {
      auth: anyOf(...scopes),
      handler: (async (request: Request, reply: FastifyReply) => {
        const answer = await work(request, reply, { personId: variant.whose(request, scopes) });
        if (answer === undefined) return sendEmpty(reply, 204);
        return answer;
      }) as never,
    });
  };
  const created = (reply: FastifyReply, id: string) => {
    reply.code(variant.created);
    return { id };
  };

  route(ops.list, async (request, reply, scope) => {
    const query = request.query as { start?: number; max?: number; type?: string; name?: string };
    const { max, start } = telephonyPaging(query, MAX);
    // An unknown type matches nothing (Webex filters by it).
    const filter = { ...(query.type !== undefined ? { type: query.type as ScheduleType } : {}), ...(query.name !== undefined ? { name: query.name } : {}) };
    const own = (await service.list(request.orgId, scope, { ...filter, start: 0, max: MAX })).page.items;
    const shared = (await service.locationSchedulesOf(request.orgId, scope.personId, { ...filter, start: 0, max: MAX_LOCATION_SCHEDULES })).items;
    const all = [
      ...own.map((s) => ({ id: encodeUserScheduleId(s.name), name: s.name, type: s.type, level: 'PEOPLE' as const })),
      ...shared.map((s) => ({ id: encodeScheduleId(s.name), name: s.name, type: s.type, level: variant.locationLevel })),
    ];
    const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
    return { schedules: offsetPageItems(request, reply, page, max) };
  });

  route(ops.create, async (request, reply, scope) => {
    const body = request.body as { type: string; name: string; events?: EventBody[] };
    const schedule = await service.create(request.orgId, scope, { ...body, events: body.events?.map(everyWeek) });
    return created(reply, encodeUserScheduleId(schedule.name));
  });

  route(ops.get, async (request, _reply, scope) => {
    const s = await service.get(request.orgId, scope, request.params.scheduleType, request.params.scheduleId);
    return { id: encodeUserScheduleId(s.name), name: s.name, type: s.type, events: s.events.map(variant.present) };
  });

  route(ops.update, async (request, _reply, scope) => {
    const body = request.body as ScheduleBody;
    const events = body.events?.map((e) => ({ ...everyWeek(e), newName: variant.eventRenamed(e) }));
    const { scheduleType, scheduleId } = request.params;
    const s = await service.update(request.orgId, scope, scheduleType, scheduleId, { name: variant.renamed(body), ...(events ? { events } : {}) });
    return variant.updateAnswersId ? { id: encodeUserScheduleId(s.name) } : undefined;
  });

  route(ops.delete, async (request, _reply, scope) => {
    await service.delete(request.orgId, scope, request.params.scheduleType, request.params.scheduleId);
    return undefined;
  });

  route(ops.createEvent, async (request, reply, scope) => {
    const { scheduleType, scheduleId } = request.params;
    const event = await service.createEvent(request.orgId, scope, scheduleType, scheduleId, everyWeek(request.body) as never);
    return created(reply, encodeEventId(event.name));
  });

  route(ops.getEvent, async (request, _reply, scope) => {
    const { scheduleType, scheduleId, eventId } = request.params;
    return variant.present(await service.event(request.orgId, scope, scheduleType, scheduleId, eventId));
  });

  route(ops.updateEvent, async (request, _reply, scope) => {
    const { scheduleType, scheduleId, eventId } = request.params;
    const { newName, ...body } = everyWeek(request.body as EventBody);
    const event = await service.updateEvent(request.orgId, scope, scheduleType, scheduleId, eventId, { ...body, name: newName ?? body.name });
    return variant.updateAnswersId ? { id: encodeEventId(event.name) } : undefined;
  });

  route(ops.deleteEvent, async (request, _reply, scope) => {
    const { scheduleType, scheduleId, eventId } = request.params;
    await service.deleteEvent(request.orgId, scope, scheduleType, scheduleId, eventId);
    return undefined;
  });
}
