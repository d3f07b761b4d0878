// What the domain may ask of persistence for location schedules.
import type { ScheduleEvent, ScheduleType } from '../domain/schedules/schedule-types.ts';
import type { Page } from './store.ts';

export type StoredSchedule = {
  id: string;
  orgId: string;
  locationId: string;
  /** The person whose own schedule it is; absent or null for the location's. */
  personId?: string | null;
  type: ScheduleType;
  name: string;
  events: ScheduleEvent[];
  created: string;
  lastModified: string;
};

/** personId: that person's own schedules; without it, locations' schedules only. */
export type ScheduleFilter = { type?: ScheduleType; name?: string; personId?: string; start: number; max: number };

export interface ScheduleRepository {
  /** UniqueViolation for a name in use by the owner (location or person) for the type. */
  insert(schedule: StoredSchedule): Promise<void>;
  /** The location's schedule, or with `personId` that person's own (the location is then ignored). */
  findByName(orgId: string, locationId: string, type: ScheduleType, name: string, personId?: string): Promise<StoredSchedule | undefined>;
  /** The location's schedules (all locations' when locationId is undefined) by type and name; name: case-insensitive substring. */
  list(orgId: string, locationId: string | undefined, filter: ScheduleFilter): Promise<Page<StoredSchedule, number>>;
  /** Saves the name and events; UniqueViolation for a name in use. */
  update(schedule: StoredSchedule): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
