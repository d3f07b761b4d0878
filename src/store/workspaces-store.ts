// What the domain may ask of persistence for workspaces.
import type { WorkspaceDetails } from '../domain/workspaces/workspace-types.ts';
import type { Page } from './store.ts';

export type StoredWorkspace = {
  id: string;
  orgId: string;
  displayName: string;
  locationId: string | null;
  callingType: string;
  /** Set with callingType webexCalling: the location the line belongs to. */
  callingLocationId: string | null;
  phoneNumber: string | null;
  extension: string | null;
  capacity: number | null;
  type: string;
  sipAddress: string | null;
  notes: string | null;
  hotdeskingStatus: string;
  supportedDevices: string;
  details: WorkspaceDetails;
  created: string;
};

export type WorkspaceFilter = {
  locationId?: string;
  displayName?: string;
  capacity?: number;
  type?: string;
  callingType?: string;
  supportedDevices?: string;
  start: number;
  max: number;
};

export interface WorkspaceRepository {
  /** UniqueViolation for a number or extension in use. */
  insert(workspace: StoredWorkspace): Promise<void>;
  get(orgId: string, id: string): Promise<StoredWorkspace | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredWorkspace | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredWorkspace | undefined>;
  /** By display name, then creation. */
  list(orgId: string, filter: WorkspaceFilter): Promise<Page<StoredWorkspace, number>>;
  /** Saves everything but the ID and creation. */
  update(workspace: StoredWorkspace): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
