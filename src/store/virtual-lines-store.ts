// What the domain may ask of persistence for virtual lines.
import type { VirtualLineDetails } from '../domain/virtual-lines/virtual-line-service.ts';
import type { Page } from './store.ts';

export type StoredVirtualLine = {
  id: string;
  orgId: string;
  locationId: string;
  firstName: string;
  lastName: string;
  displayName: string | null;
  phoneNumber: string | null;
  extension: string | null;
  details: VirtualLineDetails;
  created: string;
};

export type VirtualLineFilter = {
  locationIds?: string[];
  ids?: string[];
  ownerName?: string;
  phoneNumber?: string;
  hasExtension?: boolean;
  hasNumber?: boolean;
  start: number;
  max: number;
};

export interface VirtualLineRepository {
  /** UniqueViolation for a number or extension in use. */
  insert(line: StoredVirtualLine): Promise<void>;
  get(orgId: string, id: string): Promise<StoredVirtualLine | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredVirtualLine | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredVirtualLine | undefined>;
  /** By last name, first name, then creation. */
  list(orgId: string, filter: VirtualLineFilter): Promise<Page<StoredVirtualLine, number>>;
  update(line: StoredVirtualLine): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
