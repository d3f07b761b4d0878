import type { Flag } from '../database.ts';

// Tables of the location-calling area (see store/migrations/0002-location-calling.ts).

/** One row per location enabled for Webex Calling. */
export type LocationCallingTable = {
  location_id: string;
  org_id: string;
  /** Null: the organization's name. */
  calling_line_name: string | null;
  outside_dial_digit: string | null;
  enforce_outside_dial_digit: Flag;
  external_caller_id_name: string | null;
  p_access_network_info: string | null;
  charge_number: string | null;
  use_charge_number: Flag;
  /** TRUNK or ROUTE_GROUP, with the uuid of that trunk or route group. */
  connection_type: string | null;
  connection_id: string | null;
  private_network_connect: string;
  enabled_at: string;
};

export type JobsTable = {
  id: string;
  org_id: string;
  job_type: string;
  location_id: string | null;
  status: string;
  exit_code: string;
  old_value: string | null;
  new_value: string | null;
  total_items: number;
  updated_items: number;
  failed_items: number;
  /** The id of the last item processed: a job resumes after it. */
  cursor: string | null;
  source_user_id: string;
  tracking_id: string;
  instance_id: number;
  created: string;
  started: string | null;
  ended: string | null;
  last_updated: string;
};

export type JobErrorsTable = {
  job_id: string;
  item_number: number;
  item_id: string;
  tracking_id: string;
  error_code: string;
  message: string;
};

export type LocationCallingTables = {
  location_calling: LocationCallingTable;
  jobs: JobsTable;
  job_errors: JobErrorsTable;
};
