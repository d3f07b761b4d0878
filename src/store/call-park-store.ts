// What the domain may ask of persistence for call park and call pickup.

export type RecallOption = 'ALERT_PARKING_USER_ONLY' | 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP' | 'ALERT_HUNT_GROUP_ONLY';

export type StoredCallPark = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  recall: { option: RecallOption; huntGroupId: string | null };
  parkOnAgentsEnabled: boolean;
  created: string;
};

export type StoredParkExtension = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  extension: string;
  callParkId: string | null;
  created: string;
};

/** A location's call park settings (GET/PUT callParks/settings). */
export type CallParkLocationSettings = {
  callParkRecall: { option: RecallOption; huntGroupId: string | null };
  callParkSettings: { ringPattern: 'NORMAL' | 'LONG_LONG' | 'SHORT_SHORT_LONG' | 'SHORT_LONG_SHORT'; recallTime: number; huntWaitTime: number };
};

export type StoredCallPickup = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  notificationType: 'NONE' | 'AUDIO_ONLY' | 'VISUAL_ONLY' | 'AUDIO_AND_VISUAL';
  notificationDelayTimerSeconds: number;
  created: string;
};

export interface CallParkRepository {
  /** UniqueViolation for a name in use or a person already in a call park group. */
  insert(park: StoredCallPark, agents: readonly string[]): Promise<void>;
  get(orgId: string, id: string): Promise<StoredCallPark | undefined>;
  findByName(locationId: string, name: string): Promise<StoredCallPark | undefined>;
  /** By name (case-insensitive). */
  list(orgId: string, locationId: string): Promise<StoredCallPark[]>;
  /** Person IDs in order. */
  agents(callParkId: string): Promise<string[]>;
  /** Saves name, recall and parkOnAgents; replaces the agents when given. */
  update(park: StoredCallPark, agents?: readonly string[]): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  /** The call park group a person belongs to. */
  groupOf(personId: string): Promise<StoredCallPark | undefined>;
  /** People of the organization in any call park group. */
  members(orgId: string): Promise<Set<string>>;

  insertExtension(extension: StoredParkExtension): Promise<void>;
  getExtension(orgId: string, id: string): Promise<StoredParkExtension | undefined>;
  findExtension(locationId: string, extension: string): Promise<StoredParkExtension | undefined>;
  /** By name; locationId narrows to one location. */
  listExtensions(orgId: string, locationId?: string): Promise<StoredParkExtension[]>;
  updateExtension(extension: StoredParkExtension): Promise<void>;
  deleteExtension(orgId: string, id: string): Promise<void>;
  /** The group's extensions in their order. */
  extensionsOf(callParkId: string): Promise<StoredParkExtension[]>;
  /** Makes these extensions (in order) the group's, and releases the ones it had. */
  setExtensions(callParkId: string, extensionIds: readonly string[]): Promise<void>;

  settings(locationId: string): Promise<CallParkLocationSettings | undefined>;
  saveSettings(orgId: string, locationId: string, settings: CallParkLocationSettings): Promise<void>;
}

export interface CallPickupRepository {
  /** UniqueViolation for a name in use or a person already in a call pickup group. */
  insert(pickup: StoredCallPickup, agents: readonly string[]): Promise<void>;
  get(orgId: string, id: string): Promise<StoredCallPickup | undefined>;
  findByName(locationId: string, name: string): Promise<StoredCallPickup | undefined>;
  list(orgId: string, locationId: string): Promise<StoredCallPickup[]>;
  agents(callPickupId: string): Promise<string[]>;
  update(pickup: StoredCallPickup, agents?: readonly string[]): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  groupOf(personId: string): Promise<StoredCallPickup | undefined>;
  members(orgId: string): Promise<Set<string>>;
}
