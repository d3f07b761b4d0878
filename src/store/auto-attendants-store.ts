// What the domain may ask of persistence for auto attendants.
import type { AutoAttendantSettings } from '../domain/auto-attendants/auto-attendant-types.ts';
import type { Page } from './store.ts';

export type StoredAutoAttendant = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  enabled: boolean;
  phoneNumber: string | null;
  extension: string | null;
  settings: AutoAttendantSettings;
  created: string;
  lastModified: string;
};

export type AutoAttendantFilter = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export interface AutoAttendantRepository {
  /** UniqueViolation for a name, number or extension in use. */
  insert(attendant: StoredAutoAttendant): Promise<void>;
  get(orgId: string, id: string): Promise<StoredAutoAttendant | undefined>;
  findByName(locationId: string, name: string): Promise<StoredAutoAttendant | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredAutoAttendant | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredAutoAttendant | undefined>;
  /** By name; name: case-insensitive substring, phoneNumber: contained digits. */
  list(orgId: string, filter: AutoAttendantFilter): Promise<Page<StoredAutoAttendant, number>>;
  /** Saves everything but the ID. */
  update(attendant: StoredAutoAttendant): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
