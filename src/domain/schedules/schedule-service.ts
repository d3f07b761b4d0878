import { randomUUID } from 'node:crypto';
import type { StoredSchedule } from '../../store/schedules-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeEventId, decodeScheduleId, decodeUserScheduleId } from './schedule-ids.ts';
import { personOf } from '../settings/settings-service.ts';
import {
  checkEvent,
  checkName,
  checkUniqueEvents,
  eventNameInUse,
  eventNotFound,
  invalidType,
  scheduleNameInUse,
  scheduleNotFound,
  type EventInput,
} from './schedule-rules.ts';
import type { ScheduleEvent, ScheduleType } from './schedule-types.ts';

// Time schedules of a calling location, or a person's own: business hours and holidays, each with
// named events. Names are unique per owner and type, event names per schedule; renaming changes
// the ID (the ID carries the name, as at Webex).

export type ScheduleInput = { type: string; name: string; events?: EventInput[] };
export type ScheduleUpdate = { name: string; events?: (EventInput & { newName: string })[] };
export type ScheduleListQuery = { type?: ScheduleType; name?: string; start: number; max: number };

/**
 * Whose schedules: a location's (its public ID, as the location paths name it) or a person's own
 * (User Call Settings: /v1/people/{personId}/features/schedules). The rules are the same.
 */
export type ScheduleScope = string | { personId: string };

type Owner = { locationId: string; locationName: string; personId?: string };

async function ownerOf(store: Store, orgId: string, scope: ScheduleScope): Promise<Owner> {
  if (typeof scope === 'string') {
    const location = await findCallingLocation(store, orgId, scope);
    return { locationId: location.id, locationName: location.name };
  }
  const person = await personOf(store, orgId, scope.personId);
  const location = await store.locations.get(orgId, person.locationId!);
  return { locationId: person.locationId!, locationName: location?.name ?? '', personId: person.id };
}

function checkType(type: string): ScheduleType {
  if (type !== 'businessHours' && type !== 'holidays') throw invalidType(type);
  return type;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class ScheduleService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, scope: ScheduleScope, query: ScheduleListQuery): Promise<{ page: Page<StoredSchedule, number>; locationName: string }> {
    const owner = await ownerOf(this.store, orgId, scope);
    const filter = owner.personId === undefined ? query : { ...query, personId: owner.personId };
    return { page: await this.store.schedules.list(orgId, owner.personId === undefined ? owner.locationId : undefined, filter), locationName: owner.locationName };
  }

  /** A person's location's schedules, which the person's settings may name too (level GROUP). */
  async locationSchedulesOf(orgId: string, personPublicId: string, query: ScheduleListQuery): Promise<Page<StoredSchedule, number>> {
    const owner = await ownerOf(this.store, orgId, { personId: personPublicId });
    return this.store.schedules.list(orgId, owner.locationId, query);
  }

  async create(orgId: string, scope: ScheduleScope, input: ScheduleInput): Promise<StoredSchedule> {
    return this.store.transaction(async (tx) => {
      const owner = await ownerOf(tx, orgId, scope);
      const type = checkType(input.type);
      const name = checkName(input.name, 'The schedule name');
      const events = (input.events ?? []).map((e) => checkEvent(e, type));
      checkUniqueEvents(events);
      if (await tx.schedules.findByName(orgId, owner.locationId, type, name, owner.personId)) throw scheduleNameInUse(name, type);
      const now = timestamp(this.clock);
      const schedule: StoredSchedule = { id: randomUUID(), orgId, locationId: owner.locationId, personId: owner.personId ?? null, type, name, events, created: now, lastModified: now };
      await tx.schedules.insert(schedule);
      return schedule;
    });
  }

  async get(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string, store: Store = this.store): Promise<StoredSchedule> {
    const owner = await ownerOf(store, orgId, scope);
    const scheduleType = checkType(type);
    const name = owner.personId === undefined ? decodeScheduleId(schedulePublicId) : decodeUserScheduleId(schedulePublicId);
    const schedule = name !== undefined ? await store.schedules.findByName(orgId, owner.locationId, scheduleType, name, owner.personId) : undefined;
    if (!schedule) throw scheduleNotFound();
    return schedule;
  }

  /** Renames the schedule; `events`, when given, is its complete new list, each event named by `newName`. */
  async update(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string, input: ScheduleUpdate): Promise<StoredSchedule> {
    return this.store.transaction(async (tx) => {
      const schedule = await this.get(orgId, scope, type, schedulePublicId, tx);
      const name = checkName(input.name, 'The schedule name');
      const events = input.events ? input.events.map(({ newName, ...e }) => checkEvent({ ...e, name: newName }, schedule.type)) : schedule.events;
      checkUniqueEvents(events);
      const namesake = await tx.schedules.findByName(orgId, schedule.locationId, schedule.type, name, schedule.personId ?? undefined);
      if (namesake && namesake.id !== schedule.id) throw scheduleNameInUse(name, schedule.type);
      const changed = { ...schedule, name, events, lastModified: timestamp(this.clock) };
      await tx.schedules.update(changed);
      return changed;
    });
  }

  async delete(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const schedule = await this.get(orgId, scope, type, schedulePublicId, tx);
      await tx.schedules.delete(orgId, schedule.id);
    });
  }

  async event(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string, eventPublicId: string): Promise<ScheduleEvent> {
    const schedule = await this.get(orgId, scope, type, schedulePublicId);
    return schedule.events[this.eventIndex(schedule, eventPublicId)]!;
  }

  async createEvent(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string, input: EventInput): Promise<ScheduleEvent> {
    return this.store.transaction(async (tx) => {
      const schedule = await this.get(orgId, scope, type, schedulePublicId, tx);
      const event = checkEvent(input, schedule.type);
      if (schedule.events.some((e) => sameName(e.name, event.name))) throw eventNameInUse(event.name);
      await tx.schedules.update({ ...schedule, events: [...schedule.events, event], lastModified: timestamp(this.clock) });
      return event;
    });
  }

  async updateEvent(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string, eventPublicId: string, input: EventInput): Promise<ScheduleEvent> {
    return this.store.transaction(async (tx) => {
      const schedule = await this.get(orgId, scope, type, schedulePublicId, tx);
      const at = this.eventIndex(schedule, eventPublicId);
      const event = checkEvent(input, schedule.type);
      if (schedule.events.some((e, i) => i !== at && sameName(e.name, event.name))) throw eventNameInUse(event.name);
      const events = schedule.events.map((e, i) => (i === at ? event : e));
      await tx.schedules.update({ ...schedule, events, lastModified: timestamp(this.clock) });
      return event;
    });
  }

  async deleteEvent(orgId: string, scope: ScheduleScope, type: string, schedulePublicId: string, eventPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const schedule = await this.get(orgId, scope, type, schedulePublicId, tx);
      const at = this.eventIndex(schedule, eventPublicId);
      await tx.schedules.update({ ...schedule, events: schedule.events.filter((_, i) => i !== at), lastModified: timestamp(this.clock) });
    });
  }

  private eventIndex(schedule: StoredSchedule, eventPublicId: string): number {
    const name = decodeEventId(eventPublicId);
    const at = name === undefined ? -1 : schedule.events.findIndex((e) => sameName(e.name, name));
    if (at < 0) throw eventNotFound();
    return at;
  }
}
