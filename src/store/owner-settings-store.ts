// What the domain may ask of persistence for settings documents (domain/settings).

/** Who has settings documents: people, workspaces and virtual lines (one mechanism for all). */
export type OwnerKind = 'person' | 'workspace' | 'virtualLine';

export type SettingOwner = { orgId: string; kind: OwnerKind; id: string };

export interface OwnerSettingRepository {
  /** The stored document (JSON), or undefined when the owner never changed this setting. */
  get(owner: SettingOwner, setting: string): Promise<string | undefined>;
  /** Every stored document of an owner, by setting key. */
  all(owner: SettingOwner): Promise<Map<string, string>>;
  /** Stores the whole document, replacing any earlier one. */
  put(owner: SettingOwner, setting: string, data: string, at: string): Promise<void>;
  /** Forgets every setting of an owner (the owner is being deleted). */
  deleteOwner(owner: SettingOwner): Promise<void>;
}
