// Tables of settings documents (see store/migrations/0024-owner-settings.ts).

/** One stored settings document of one owner; absent means the setting's defaults. */
export type OwnerSettingsTable = {
  org_id: string;
  /** 'person' (later also 'workspace', 'virtualLine', 'location'). */
  owner_kind: string;
  owner_id: string;
  /** The setting's registry key, e.g. 'callWaiting'. */
  setting: string;
  /** The whole document as JSON. */
  data: string;
  last_modified: string;
};

export type OwnerSettingsTables = { owner_settings: OwnerSettingsTable };
