// Tables of the schedules area (see store/migrations/0026-schedules.ts).

export type SchedulesTable = {
  id: string;
  org_id: string;
  location_id: string;
  /** A person's own schedule (migration 0056); null for the location's. */
  person_id: string | null;
  /** businessHours | holidays */
  type: string;
  name: string;
  /** JSON: the events, each as the domain's ScheduleEvent. */
  events: string;
  created: string;
  last_modified: string;
};

export type ScheduleTables = { schedules: SchedulesTable };
