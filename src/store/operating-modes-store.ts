// What the domain may ask of persistence for operating modes.
import type { OperatingMode } from '../domain/operating-modes/operating-mode-types.ts';
import type { Page } from './store.ts';

/** locationId: that location's modes (and, unless orgLevelOnly, the organization's); name: contained, case-insensitive. */
export type OperatingModeFilter = { locationId?: string; orgLevelOnly?: boolean; name?: string; order?: 'asc' | 'desc'; start: number; max: number };

export interface OperatingModeRepository {
  /** UniqueViolation for a name in use at the level. */
  insert(mode: OperatingMode): Promise<void>;
  get(orgId: string, id: string): Promise<OperatingMode | undefined>;
  getMany(orgId: string, ids: readonly string[]): Promise<OperatingMode[]>;
  findByName(orgId: string, locationId: string | null, name: string): Promise<OperatingMode | undefined>;
  list(orgId: string, filter: OperatingModeFilter): Promise<Page<OperatingMode, number>>;
  count(orgId: string, locationId: string | null): Promise<number>;
  update(mode: OperatingMode): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
