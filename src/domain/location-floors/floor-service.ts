import { randomUUID } from 'node:crypto';
import type { StoredFloor } from '../../store/location-floors-store.ts';
import { UniqueViolation, type Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';

// The floors of a location (any location, with or without calling): a number, unique in the
// location, and an optional display name. A PUT replaces the floor: a displayName left out is
// cleared, as Webex says ("Omitting the optional displayName field will result in that field no
// longer being defined").

export type FloorInput = { floorNumber: number; displayName?: string };

/** **choice**: Webex states no range; buildings have at most a few hundred floors above or below ground. */
const MAX_FLOOR = 999;
const MAX_NAME = 256;

const floorNotFound = () => notFound('Floor not found.');
const floorNumberInUse = (n: number) => conflict(`The location already has floor ${n}.`);

function check(input: FloorInput): { floorNumber: number; displayName: string | null } {
  if (!Number.isInteger(input.floorNumber) || Math.abs(input.floorNumber) > MAX_FLOOR) throw badRequest(`floorNumber must be a whole number from -${MAX_FLOOR} to ${MAX_FLOOR}.`);
  const name = input.displayName?.trim();
  if (name !== undefined && name.length > MAX_NAME) throw badRequest(`displayName is at most ${MAX_NAME} characters.`);
  return { floorNumber: input.floorNumber, displayName: name || null };
}

export class FloorService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, locationPublicId: string): Promise<StoredFloor[]> {
    const location = await findLocation(this.store, orgId, locationPublicId);
    return this.store.locationFloors.list(orgId, location.id);
  }

  async create(orgId: string, locationPublicId: string, input: FloorInput): Promise<StoredFloor> {
    const fields = check(input);
    return this.store.transaction(async (tx) => {
      const location = await findLocation(tx, orgId, locationPublicId);
      const floor: StoredFloor = { id: randomUUID(), orgId, locationId: location.id, ...fields, created: timestamp(this.clock) };
      await tx.locationFloors.insert(floor).catch(inUse(fields.floorNumber));
      return floor;
    });
  }

  async get(orgId: string, locationPublicId: string, floorPublicId: string): Promise<StoredFloor> {
    return this.find(this.store, orgId, locationPublicId, floorPublicId);
  }

  async update(orgId: string, locationPublicId: string, floorPublicId: string, input: FloorInput): Promise<StoredFloor> {
    const fields = check(input);
    return this.store.transaction(async (tx) => {
      const floor = { ...(await this.find(tx, orgId, locationPublicId, floorPublicId)), ...fields };
      await tx.locationFloors.update(floor).catch(inUse(fields.floorNumber));
      return floor;
    });
  }

  async delete(orgId: string, locationPublicId: string, floorPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const floor = await this.find(tx, orgId, locationPublicId, floorPublicId);
      await tx.locationFloors.delete(orgId, floor.id);
    });
  }

  private async find(store: Store, orgId: string, locationPublicId: string, floorPublicId: string): Promise<StoredFloor> {
    const location = await findLocation(store, orgId, locationPublicId);
    const id = decodeId(floorPublicId, 'WORKSPACE_LOCATION_FLOOR');
    const floor = id ? await store.locationFloors.get(orgId, location.id, id) : undefined;
    if (!floor) throw floorNotFound();
    return floor;
  }
}

const inUse = (floorNumber: number) => (error: unknown) => {
  throw error instanceof UniqueViolation ? floorNumberInUse(floorNumber) : error;
};
