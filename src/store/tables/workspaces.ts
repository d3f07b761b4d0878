// Tables of the workspaces area (see store/migrations/0042-workspaces.ts).

export type WorkspacesTable = {
  id: string;
  org_id: string;
  display_name: string;
  location_id: string | null;
  /** Webex's calling.type: freeCalling, webexCalling, none, … */
  calling_type: string;
  calling_location_id: string | null;
  /** E.164, unique across workspaces (people and hunt groups are checked by the domain). */
  phone_number: string | null;
  extension: string | null;
  capacity: number | null;
  type: string;
  sip_address: string | null;
  notes: string | null;
  hotdesking_status: string;
  supported_devices: string;
  /** JSON: the domain's WorkspaceDetails. */
  details: string;
  created: string;
};

export type WorkspaceTables = { workspaces: WorkspacesTable };
