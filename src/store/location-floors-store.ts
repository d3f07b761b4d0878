// What the domain may ask of persistence for the floors of locations.

export type StoredFloor = { id: string; orgId: string; locationId: string; floorNumber: number; displayName: string | null; created: string };

export interface LocationFloorRepository {
  /** UniqueViolation when the location already has a floor with that number. */
  insert(floor: StoredFloor): Promise<void>;
  get(orgId: string, locationId: string, id: string): Promise<StoredFloor | undefined>;
  /** The location's floors by number. */
  list(orgId: string, locationId: string): Promise<StoredFloor[]>;
  /** UniqueViolation when another floor of the location has the new number. */
  update(floor: StoredFloor): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
