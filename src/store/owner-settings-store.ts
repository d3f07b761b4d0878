// What the domain may ask of persistence for settings documents (domain/settings).

/**
 * Whose document: a person's, a workspace's or a virtual line's (one mechanism for all lines), a
 * location's, the organization's (id: the orgId), a voicemail group's or a device's.
 */
export type OwnerKind = 'person' | 'workspace' | 'virtualLine' | 'location' | 'organization' | 'voicemailGroup' | 'device';

export type SettingOwner = { orgId: string; kind: OwnerKind; id: string };

export interface OwnerSettingRepository {
  /** The stored document (JSON), or undefined when the owner never changed this setting. */
  get(owner: SettingOwner, setting: string): Promise<string | undefined>;
  /** Every stored document of an owner, by setting key. */
  all(owner: SettingOwner): Promise<Map<string, string>>;
  /**
   * Every stored document of one setting in an organization, by owner (`kind:id`): for the few
   * questions asked across owners (which lines chose this member as their emergency callback number).
   */
  ofSetting(orgId: string, setting: string): Promise<Map<string, string>>;
  /** Stores the whole document, replacing any earlier one. */
  put(owner: SettingOwner, setting: string, data: string, at: string): Promise<void>;
  /** Forgets one setting of an owner (a document that can be deleted, such as a registration). */
  deleteSetting(owner: SettingOwner, setting: string): Promise<void>;
  /** Forgets every setting of an owner (the owner is being deleted). */
  deleteOwner(owner: SettingOwner): Promise<void>;
  /**
   * From now on, for the rest of this transaction, reads each owner's documents once (all of
   * them, with the first `get` or `all`) and answers again from what it read; its own writes
   * forget what it read of their owner. Only for a transaction that changes settings through this
   * repository alone (the call engine's): a person or device deleted in it, or a snapshot
   * restored, would leave what it read stale. Outside a transaction it does nothing.
   */
  rememberInTransaction(): void;
  /**
   * Once remembering (rememberInTransaction), reads the documents of these owners not yet read,
   * all in one statement, as their first `get` or `all` would have; otherwise does nothing.
   */
  rememberOwners(owners: readonly SettingOwner[]): Promise<void>;
}
