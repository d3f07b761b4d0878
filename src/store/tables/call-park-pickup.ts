// Tables of call park and call pickup (see store/migrations/0040-call-park-pickup.ts).
import type { Flag } from '../database.ts';

export type CallParksTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  /** ALERT_PARKING_USER_ONLY, ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP or ALERT_HUNT_GROUP_ONLY. */
  recall_option: string;
  recall_hunt_group_id: string | null;
  park_on_agents: Flag;
  created: string;
};

export type CallParkAgentsTable = { call_park_id: string; person_id: string; position: number };

export type CallParkExtensionsTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  extension: string;
  call_park_id: string | null;
  /** Order within the call park group (group park takes the first free one). */
  position: number;
  created: string;
};

export type CallParkSettingsTable = { location_id: string; org_id: string; settings: string };

export type CallPickupsTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  notification_type: string;
  notification_delay_seconds: number;
  created: string;
};

export type CallPickupAgentsTable = { call_pickup_id: string; person_id: string; position: number };

export type CallParkPickupTables = {
  call_parks: CallParksTable;
  call_park_agents: CallParkAgentsTable;
  call_park_extensions: CallParkExtensionsTable;
  call_park_settings: CallParkSettingsTable;
  call_pickups: CallPickupsTable;
  call_pickup_agents: CallPickupAgentsTable;
};
