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
  /** JSON: the domain's DeviceLayout; null for the model's default. */
  layout: string | null;
  sip_password: string | null;
  /** When the device last took its configuration (migrations/0095-device-settings.ts). */
  config_synced: string | null;
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

/** A port of a person's Webex App (migrations/0100-application-lines.ts). */
export type ApplicationMembersTable = Omit<DeviceMembersTable, 'device_id'> & { person_id: string };

/** An organization's uploaded phone background image (migrations/0095-device-settings.ts). */
export type DeviceBackgroundImagesTable = {
  org_id: string;
  file_name: string;
  content_type: string;
  content: Uint8Array;
  created: string;
};

export type DeviceTables = {
  devices: DevicesTable;
  device_members: DeviceMembersTable;
  application_members: ApplicationMembersTable;
  device_background_images: DeviceBackgroundImagesTable;
};

export type DectNetworksTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  display_name: string | null;
  model: string;
  chain_id: number;
  default_access_code_enabled: number;
  default_access_code: string | null;
  serviceability_password_enabled: number;
  serviceability_password: string | null;
  created: string;
};

export type DectBaseStationsTable = { id: string; org_id: string; network_id: string; mac: string; created: string };

export type DectHandsetsTable = {
  id: string;
  org_id: string;
  network_id: string;
  handset_index: number;
  custom_display_name: string;
  mac: string;
  access_code: string;
  line1_kind: string;
  line1_member_id: string;
  line2_kind: string | null;
  line2_member_id: string | null;
  created: string;
};

export type DectTables = { dect_networks: DectNetworksTable; dect_base_stations: DectBaseStationsTable; dect_handsets: DectHandsetsTable };
