// What the domain may ask of persistence for virtual extensions and their ranges.
import type { Page } from './store.ts';

export type StoredVirtualExtension = {
  id: string;
  orgId: string;
  /** null: the organization level. */
  locationId: string | null;
  extension: string;
  phoneNumber: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  created: string;
};

export type StoredExtensionRange = { id: string; orgId: string; locationId: string | null; name: string; prefix: string; patterns: string[]; created: string };

/** locationId: that location's; orgLevelOnly: the organization level's; neither: all. */
export type VirtualExtensionFilter = { locationId?: string; orgLevelOnly?: boolean; extension?: string; phoneNumber?: string; name?: string; start: number; max: number };
export type ExtensionRangeFilter = { locationId?: string; orgLevelOnly?: boolean; name?: string; prefix?: string; start: number; max: number };

export interface VirtualExtensionRepository {
  /** UniqueViolation for an extension in use at the level. */
  insert(v: StoredVirtualExtension): Promise<void>;
  get(orgId: string, id: string): Promise<StoredVirtualExtension | undefined>;
  /** The extension at one level (locationId null: the organization's). */
  findByExtension(orgId: string, locationId: string | null, extension: string): Promise<StoredVirtualExtension | undefined>;
  list(orgId: string, filter: VirtualExtensionFilter): Promise<Page<StoredVirtualExtension, number>>;
  update(v: StoredVirtualExtension): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  insertRange(r: StoredExtensionRange): Promise<void>;
  getRange(orgId: string, id: string): Promise<StoredExtensionRange | undefined>;
  listRanges(orgId: string, filter: ExtensionRangeFilter): Promise<Page<StoredExtensionRange, number>>;
  /** Every range a caller of the location may dial: the location's and the organization's. */
  rangesFor(orgId: string, locationId: string): Promise<StoredExtensionRange[]>;
  updateRange(r: StoredExtensionRange): Promise<void>;
  deleteRange(orgId: string, id: string): Promise<void>;
}
