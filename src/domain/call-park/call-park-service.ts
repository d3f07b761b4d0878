import { randomUUID } from 'node:crypto';
import type { CallParkLocationSettings, RecallOption, StoredCallPark, StoredParkExtension } from '../../store/call-park-store.ts';
import type { StoredHuntGroup } from '../../store/hunt-groups-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import { checkFeatureName, checkFreeExtension, checkMembers, locationPeople, memberViews, type MemberView } from './feature-lines.ts';

// Call park of a location: call park groups (members, park extensions, the recall option and
// its hunt group), call park extensions (an extension a call can be parked on), and the
// location's settings (recall time, hunt wait time). A person is in one call park group at
// most; an extension belongs to one group at most.

export const callParkNotFound = () => notFound('Call park not found.');
export const parkExtensionNotFound = () => notFound('Call park extension not found.');

const NEEDS_HUNT_GROUP: readonly RecallOption[] = ['ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP', 'ALERT_HUNT_GROUP_ONLY'];

/** Webex's defaults for a location nobody configured: recall the parker after 45 s. */
export const DEFAULT_PARK_SETTINGS: CallParkLocationSettings = {
  callParkRecall: { option: 'ALERT_PARKING_USER_ONLY', huntGroupId: null },
  callParkSettings: { ringPattern: 'NORMAL', recallTime: 45, huntWaitTime: 45 },
};

export type RecallInput = { option: RecallOption; huntGroupId?: string };
export type CallParkInput = { name?: string; recall?: RecallInput; agents?: string[]; parkOnAgentsEnabled?: boolean; callParkExtensions?: string[] };
export type CallParkView = { park: StoredCallPark; huntGroup: StoredHuntGroup | undefined; agents: MemberView[]; extensions: StoredParkExtension[] };

export class CallParkService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, locationPublicId: string, filter: { name?: string }): Promise<{ parks: StoredCallPark[]; location: Location }> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const name = filter.name?.toLowerCase();
    const parks = (await this.store.callParks.list(orgId, location.id)).filter((p) => name === undefined || p.name.toLowerCase().includes(name));
    return { parks, location };
  }

  async create(orgId: string, locationPublicId: string, input: CallParkInput): Promise<StoredCallPark> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = checkFeatureName(input.name ?? '');
      if (await tx.callParks.findByName(location.id, name)) throw conflict(`A call park named "${name}" already exists in this location.`);
      if (input.recall === undefined) throw badRequest('recall is required.');
      const park: StoredCallPark = {
        id: randomUUID(),
        orgId,
        locationId: location.id,
        name,
        recall: await checkRecall(tx, location, input.recall),
        parkOnAgentsEnabled: input.parkOnAgentsEnabled ?? false,
        created: timestamp(this.clock),
      };
      const agents = await this.checkAgents(tx, location, input.agents ?? [], park.id);
      const extensions = await this.checkExtensions(tx, location, input.callParkExtensions ?? [], park.id);
      await tx.callParks.insert(park, agents);
      await tx.callParks.setExtensions(park.id, extensions);
      return park;
    });
  }

  async get(orgId: string, locationPublicId: string, callParkPublicId: string): Promise<CallParkView> {
    const { park } = await this.find(this.store, orgId, locationPublicId, callParkPublicId);
    return this.view(this.store, park);
  }

  async update(orgId: string, locationPublicId: string, callParkPublicId: string, input: CallParkInput): Promise<StoredCallPark> {
    return this.store.transaction(async (tx) => {
      const { park, location } = await this.find(tx, orgId, locationPublicId, callParkPublicId);
      const next = { ...park };
      if (input.name !== undefined) {
        next.name = checkFeatureName(input.name);
        const namesake = await tx.callParks.findByName(location.id, next.name);
        if (namesake && namesake.id !== park.id) throw conflict(`A call park named "${next.name}" already exists in this location.`);
      }
      if (input.recall !== undefined) next.recall = await checkRecall(tx, location, input.recall);
      if (input.parkOnAgentsEnabled !== undefined) next.parkOnAgentsEnabled = input.parkOnAgentsEnabled;
      const agents = input.agents && (await this.checkAgents(tx, location, input.agents, park.id));
      await tx.callParks.update(next, agents);
      if (input.callParkExtensions !== undefined) await tx.callParks.setExtensions(park.id, await this.checkExtensions(tx, location, input.callParkExtensions, park.id));
      return next;
    });
  }

  async delete(orgId: string, locationPublicId: string, callParkPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { park } = await this.find(tx, orgId, locationPublicId, callParkPublicId);
      await tx.callParks.delete(orgId, park.id);
    });
  }

  /** People of the location in no call park group (or in the one named `callParkName`). */
  async availableAgents(orgId: string, locationPublicId: string, filter: { name?: string; phoneNumber?: string; callParkName?: string }): Promise<MemberView[]> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const taken = await this.store.callParks.members(orgId);
    const named = filter.callParkName !== undefined ? await this.store.callParks.findByName(location.id, filter.callParkName) : undefined;
    const own = new Set(named ? await this.store.callParks.agents(named.id) : []);
    return (await locationPeople(this.store, orgId, location, filter)).filter((v) => !taken.has(v.person.id) || own.has(v.person.id));
  }

  /** Hunt groups of the location a call park may recall to. */
  async availableRecallHuntGroups(orgId: string, locationPublicId: string, filter: { name?: string }): Promise<StoredHuntGroup[]> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const page = await this.store.huntGroups.list(orgId, { locationId: location.id, ...(filter.name !== undefined ? { name: filter.name } : {}), start: 0, max: 1000 });
    return page.items;
  }

  async settings(orgId: string, locationPublicId: string): Promise<{ settings: CallParkLocationSettings; huntGroup: StoredHuntGroup | undefined }> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const settings = (await this.store.callParks.settings(location.id)) ?? DEFAULT_PARK_SETTINGS;
    const id = settings.callParkRecall.huntGroupId;
    return { settings, huntGroup: id === null ? undefined : await this.store.huntGroups.get(orgId, id) };
  }

  async updateSettings(orgId: string, locationPublicId: string, input: { callParkRecall?: RecallInput; callParkSettings?: Partial<CallParkLocationSettings['callParkSettings']> }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const current = (await tx.callParks.settings(location.id)) ?? DEFAULT_PARK_SETTINGS;
      const next: CallParkLocationSettings = structuredClone(current);
      if (input.callParkRecall !== undefined) next.callParkRecall = await checkRecall(tx, location, input.callParkRecall);
      if (input.callParkSettings !== undefined) {
        const s = { ...next.callParkSettings, ...input.callParkSettings };
        for (const field of ['recallTime', 'huntWaitTime'] as const) {
          if (!Number.isInteger(s[field]) || s[field] < 30 || s[field] > 600) throw badRequest(`callParkSettings.${field} must be a whole number of seconds from 30 to 600.`);
        }
        next.callParkSettings = s;
      }
      await tx.callParks.saveSettings(orgId, location.id, next);
    });
  }

  // Call park extensions.

  async listExtensions(orgId: string, filter: { locationId?: string; extension?: string; name?: string; locationName?: string }): Promise<{ extensions: StoredParkExtension[]; locations: Map<string, Location> }> {
    let locationId: string | undefined;
    if (filter.locationId !== undefined) {
      locationId = decodeId(filter.locationId, 'LOCATION');
      if (locationId === undefined) throw badRequest('locationId is not a location ID.');
    }
    const all = await this.store.callParks.listExtensions(orgId, locationId);
    const locations = new Map((await this.store.locations.getMany(orgId, [...new Set(all.map((e) => e.locationId))])).map((l) => [l.id, l]));
    const name = filter.name?.toLowerCase();
    const locationName = filter.locationName?.toLowerCase();
    const extensions = all.filter(
      (e) =>
        (name === undefined || e.name.toLowerCase().includes(name)) &&
        (filter.extension === undefined || e.extension.includes(filter.extension)) &&
        (locationName === undefined || (locations.get(e.locationId)?.name.toLowerCase().includes(locationName) ?? false)),
    );
    return { extensions, locations };
  }

  async createExtension(orgId: string, locationPublicId: string, input: { name: string; extension: string }): Promise<StoredParkExtension> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const extension: StoredParkExtension = {
        id: randomUUID(),
        orgId,
        locationId: location.id,
        name: checkFeatureName(input.name, 30),
        extension: await checkFreeExtension(tx, location, input.extension),
        callParkId: null,
        created: timestamp(this.clock),
      };
      await tx.callParks.insertExtension(extension);
      return extension;
    });
  }

  async getExtension(orgId: string, locationPublicId: string, extensionPublicId: string): Promise<{ extension: StoredParkExtension; location: Location }> {
    return this.findExtension(this.store, orgId, locationPublicId, extensionPublicId);
  }

  async updateExtension(orgId: string, locationPublicId: string, extensionPublicId: string, input: { name?: string; extension?: string }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { extension, location } = await this.findExtension(tx, orgId, locationPublicId, extensionPublicId);
      const next = { ...extension };
      if (input.name !== undefined) next.name = checkFeatureName(input.name, 30);
      if (input.extension !== undefined) next.extension = await checkFreeExtension(tx, location, input.extension, { parkExtensionId: extension.id });
      await tx.callParks.updateExtension(next);
    });
  }

  async deleteExtension(orgId: string, locationPublicId: string, extensionPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { extension } = await this.findExtension(tx, orgId, locationPublicId, extensionPublicId);
      await tx.callParks.deleteExtension(orgId, extension.id);
    });
  }

  private async view(store: Store, park: StoredCallPark): Promise<CallParkView> {
    const huntGroup = park.recall.huntGroupId === null ? undefined : await store.huntGroups.get(park.orgId, park.recall.huntGroupId);
    return { park, huntGroup, agents: await memberViews(store, park.orgId, await store.callParks.agents(park.id)), extensions: await store.callParks.extensionsOf(park.id) };
  }

  private async find(store: Store, orgId: string, locationPublicId: string, callParkPublicId: string): Promise<{ park: StoredCallPark; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(callParkPublicId, 'CALL_PARK');
    const park = id !== undefined ? await store.callParks.get(orgId, id) : undefined;
    if (!park || park.locationId !== location.id) throw callParkNotFound();
    return { park, location };
  }

  private async findExtension(store: Store, orgId: string, locationPublicId: string, publicId: string): Promise<{ extension: StoredParkExtension; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(publicId, 'CALL_PARK_EXTENSION');
    const extension = id !== undefined ? await store.callParks.getExtension(orgId, id) : undefined;
    if (!extension || extension.locationId !== location.id) throw parkExtensionNotFound();
    return { extension, location };
  }

  /** Members of the location in no other call park group. */
  private async checkAgents(tx: Store, location: Location, ids: readonly string[], callParkId: string): Promise<string[]> {
    const agents = await checkMembers(tx, location.orgId, ids, 'agents', location);
    for (const personId of agents) {
      const group = await tx.callParks.groupOf(personId);
      if (group && group.id !== callParkId) throw conflict(`agents: a person is already in the call park "${group.name}"; a person is in one call park at most.`);
    }
    return agents;
  }

  /** Call park extensions of the location in no other group, in order. */
  private async checkExtensions(tx: Store, location: Location, ids: readonly string[], callParkId: string): Promise<string[]> {
    const out: string[] = [];
    for (const publicId of ids) {
      const id = decodeId(publicId, 'CALL_PARK_EXTENSION');
      const extension = id !== undefined ? await tx.callParks.getExtension(location.orgId, id) : undefined;
      if (!extension || extension.locationId !== location.id) throw badRequest(`callParkExtensions: ${publicId} is not a call park extension of this location.`);
      if (extension.callParkId !== null && extension.callParkId !== callParkId) throw conflict(`callParkExtensions: ${extension.extension} already belongs to another call park.`);
      if (!out.includes(extension.id)) out.push(extension.id);
    }
    return out;
  }
}

/** The recall option, with a hunt group of the location when the option alerts one. */
async function checkRecall(tx: Store, location: Location, input: RecallInput): Promise<StoredCallPark['recall']> {
  if (input.huntGroupId === undefined || input.huntGroupId === '') {
    if (NEEDS_HUNT_GROUP.includes(input.option)) throw badRequest(`recall.huntGroupId is required with ${input.option}.`);
    return { option: input.option, huntGroupId: null };
  }
  const id = decodeId(input.huntGroupId, 'HUNT_GROUP');
  const group = id !== undefined ? await tx.huntGroups.get(location.orgId, id) : undefined;
  if (!group || group.locationId !== location.id) throw badRequest(`recall.huntGroupId ${input.huntGroupId} is not a hunt group of this location.`);
  return { option: input.option, huntGroupId: NEEDS_HUNT_GROUP.includes(input.option) ? group.id : null };
}
