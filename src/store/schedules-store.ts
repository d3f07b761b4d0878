// What the domain may ask of persistence for location schedules.
import type { ScheduleEvent, ScheduleType } from '../domain/schedules/schedule-types.ts';
import type { Page } from './store.ts';

export type StoredSchedule = {
  id: string;
  orgId: string;
  locationId: string;
  type: ScheduleType;
  name: string;
  events: ScheduleEvent[];
  created: string;
  lastModified: string;
};

export type ScheduleFilter = { type?: ScheduleType; name?: string; start: number; max: number };

export interface ScheduleRepository {
  /** UniqueViolation for a name in use in the location for the type. */
  insert(schedule: StoredSchedule): Promise<void>;
  findByName(orgId: string, locationId: string, type: ScheduleType, name: string): Promise<StoredSchedule | undefined>;
  /** The location's schedules (all locations' when locationId is undefined) by type and name; name: case-insensitive substring. */
  list(orgId: string, locationId: string | undefined, filter: ScheduleFilter): Promise<Page<StoredSchedule, number>>;
  /** Saves the name and events; UniqueViolation for a name in use. */
  update(schedule: StoredSchedule): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
