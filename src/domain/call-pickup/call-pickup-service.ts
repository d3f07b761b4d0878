import { randomUUID } from 'node:crypto';
import type { StoredCallPickup } from '../../store/call-park-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import { checkFeatureName, checkMembers, locationPeople, memberViews, type MemberView } from '../call-park/feature-lines.ts';

// Call pickup groups of a location: members who may answer each other's ringing calls (the
// `pickup` call control, call-pickups.ts). A person is in one call pickup group at most.

export const callPickupNotFound = () => notFound('Call pickup not found.');

export type CallPickupInput = {
  name?: string;
  notificationType?: StoredCallPickup['notificationType'];
  notificationDelayTimerSeconds?: number;
  agents?: string[];
};

function checkDelay(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 300) throw badRequest('notificationDelayTimerSeconds must be a whole number of seconds from 1 to 300.');
  return value;
}

export class CallPickupService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, locationPublicId: string, filter: { name?: string }): Promise<{ pickups: StoredCallPickup[]; location: Location }> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const name = filter.name?.toLowerCase();
    return { pickups: (await this.store.callPickups.list(orgId, location.id)).filter((p) => name === undefined || p.name.toLowerCase().includes(name)), location };
  }

  async create(orgId: string, locationPublicId: string, input: CallPickupInput): Promise<StoredCallPickup> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = checkFeatureName(input.name ?? '');
      if (await tx.callPickups.findByName(location.id, name)) throw conflict(`A call pickup named "${name}" already exists in this location.`);
      const pickup: StoredCallPickup = {
        id: randomUUID(),
        orgId,
        locationId: location.id,
        name,
        notificationType: input.notificationType ?? 'NONE',
        notificationDelayTimerSeconds: checkDelay(input.notificationDelayTimerSeconds ?? 6),
        created: timestamp(this.clock),
      };
      await tx.callPickups.insert(pickup, await this.checkAgents(tx, location, input.agents ?? [], pickup.id));
      return pickup;
    });
  }

  async get(orgId: string, locationPublicId: string, callPickupPublicId: string): Promise<{ pickup: StoredCallPickup; agents: MemberView[] }> {
    const { pickup } = await this.find(this.store, orgId, locationPublicId, callPickupPublicId);
    return { pickup, agents: await memberViews(this.store, orgId, await this.store.callPickups.agents(pickup.id)) };
  }

  async update(orgId: string, locationPublicId: string, callPickupPublicId: string, input: CallPickupInput): Promise<StoredCallPickup> {
    return this.store.transaction(async (tx) => {
      const { pickup, location } = await this.find(tx, orgId, locationPublicId, callPickupPublicId);
      const next = { ...pickup };
      if (input.name !== undefined) {
        next.name = checkFeatureName(input.name);
        const namesake = await tx.callPickups.findByName(location.id, next.name);
        if (namesake && namesake.id !== pickup.id) throw conflict(`A call pickup named "${next.name}" already exists in this location.`);
      }
      if (input.notificationType !== undefined) next.notificationType = input.notificationType;
      if (input.notificationDelayTimerSeconds !== undefined) next.notificationDelayTimerSeconds = checkDelay(input.notificationDelayTimerSeconds);
      const agents = input.agents && (await this.checkAgents(tx, location, input.agents, pickup.id));
      await tx.callPickups.update(next, agents);
      return next;
    });
  }

  async delete(orgId: string, locationPublicId: string, callPickupPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { pickup } = await this.find(tx, orgId, locationPublicId, callPickupPublicId);
      await tx.callPickups.delete(orgId, pickup.id);
    });
  }

  /** People of the location in no call pickup group (or in the one named `callPickupName`). */
  async availableAgents(orgId: string, locationPublicId: string, filter: { name?: string; phoneNumber?: string; callPickupName?: string }): Promise<MemberView[]> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const taken = await this.store.callPickups.members(orgId);
    const named = filter.callPickupName !== undefined ? await this.store.callPickups.findByName(location.id, filter.callPickupName) : undefined;
    const own = new Set(named ? await this.store.callPickups.agents(named.id) : []);
    return (await locationPeople(this.store, orgId, location, filter)).filter((v) => !taken.has(v.person.id) || own.has(v.person.id));
  }

  private async find(store: Store, orgId: string, locationPublicId: string, publicId: string): Promise<{ pickup: StoredCallPickup; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(publicId, 'CALL_PICKUP');
    const pickup = id !== undefined ? await store.callPickups.get(orgId, id) : undefined;
    if (!pickup || pickup.locationId !== location.id) throw callPickupNotFound();
    return { pickup, location };
  }

  private async checkAgents(tx: Store, location: Location, ids: readonly string[], callPickupId: string): Promise<string[]> {
    const agents = await checkMembers(tx, location.orgId, ids, 'agents', location);
    for (const personId of agents) {
      const group = await tx.callPickups.groupOf(personId);
      if (group && group.id !== callPickupId) throw conflict(`agents: a person is already in the call pickup "${group.name}"; a person is in one call pickup at most.`);
    }
    return agents;
  }
}
