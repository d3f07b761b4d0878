// What the domain may ask of persistence for paging groups.
import type { PagingGroupSettings } from '../domain/paging/paging-types.ts';

export type StoredPagingGroup = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  enabled: boolean;
  phoneNumber: string | null;
  extension: string | null;
  settings: PagingGroupSettings;
  created: string;
};

export type PagingMembers = { originators: string[]; targets: string[] };

export interface PagingGroupRepository {
  /** UniqueViolation for a name, number or extension in use. */
  insert(group: StoredPagingGroup, members: PagingMembers): Promise<void>;
  get(orgId: string, id: string): Promise<StoredPagingGroup | undefined>;
  findByName(locationId: string, name: string): Promise<StoredPagingGroup | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredPagingGroup | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredPagingGroup | undefined>;
  /** By name; locationId narrows to one location. */
  list(orgId: string, locationId?: string): Promise<StoredPagingGroup[]>;
  members(pagingGroupId: string): Promise<PagingMembers>;
  /** Saves everything but the ID; replaces originators or targets when given. */
  update(group: StoredPagingGroup, members: Partial<PagingMembers>): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
