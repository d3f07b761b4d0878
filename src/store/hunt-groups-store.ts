// What the domain may ask of persistence for hunt groups.
import type { HuntGroupSettings } from '../domain/hunt-groups/hunt-group-types.ts';
import type { Page } from './store.ts';

export type StoredHuntGroup = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  enabled: boolean;
  phoneNumber: string | null;
  extension: string | null;
  settings: HuntGroupSettings;
  created: string;
  lastModified: string;
};

/** An agent in hunting order; weight only for WEIGHTED groups. */
export type StoredAgent = { personId: string; weight: number | null };

export type HuntGroupFilter = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export interface HuntGroupRepository {
  /** UniqueViolation for a name, number or extension in use. */
  insert(group: StoredHuntGroup, agents: readonly StoredAgent[]): Promise<void>;
  get(orgId: string, id: string): Promise<StoredHuntGroup | undefined>;
  findByName(locationId: string, name: string): Promise<StoredHuntGroup | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredHuntGroup | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredHuntGroup | undefined>;
  /** By name; name: case-insensitive substring, phoneNumber: contained digits. */
  list(orgId: string, filter: HuntGroupFilter): Promise<Page<StoredHuntGroup, number>>;
  agents(huntGroupId: string): Promise<StoredAgent[]>;
  /** Saves everything but the ID; replaces the agents when given. */
  update(group: StoredHuntGroup, agents?: readonly StoredAgent[]): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  /** The agent a CIRCULAR hunt group offered a call to last. */
  lastAgent(id: string): Promise<string | null>;
  setLastAgent(id: string, personId: string): Promise<void>;
}
