// Tables of the devices area (see migrations/0060-devices.ts).

export type DevicesTable = {
  id: string;
  org_id: string;
  person_id: string | null;
  workspace_id: string | null;
  location_id: string | null;
  display_name: string;
  mac: string | null;
  model: string;
  /** JSON array of strings. */
  tags: string;
  activation_state: string;
  activation_code: string | null;
  activation_expiry: string | null;
  created: string;
};

export type DeviceMembersTable = {
  device_id: string;
  org_id: string;
  port: number;
  member_kind: string;
  member_id: string;
  /** JSON: the domain's DeviceLine. */
  line: string;
};

export type DeviceTables = { devices: DevicesTable; device_members: DeviceMembersTable };
