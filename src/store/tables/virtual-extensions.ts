// Tables of the virtual-extensions and operating-modes areas (see migrations/0039-virtual-extensions-operating-modes.ts).

export type VirtualExtensionsTable = {
  id: string;
  org_id: string;
  /** null: the organization level. */
  location_id: string | null;
  extension: string;
  /** E.164: the external number the extension reaches. */
  phone_number: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  created: string;
};

export type VirtualExtensionRangesTable = {
  id: string;
  org_id: string;
  location_id: string | null;
  name: string;
  prefix: string;
  /** JSON array of patterns. */
  patterns: string;
  created: string;
};

export type OperatingModesTable = {
  id: string;
  org_id: string;
  location_id: string | null;
  name: string;
  type: string;
  /** JSON: the domain's OperatingModeSettings. */
  settings: string;
  created: string;
  last_modified: string;
};

export type VirtualExtensionTables = { virtual_extensions: VirtualExtensionsTable; virtual_extension_ranges: VirtualExtensionRangesTable; operating_modes: OperatingModesTable };
