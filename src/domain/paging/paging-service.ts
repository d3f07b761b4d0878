import { randomUUID } from 'node:crypto';
import type { PagingMembers, StoredPagingGroup } from '../../store/paging-store.ts';
import type { Location, NumberListing, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { looseE164 } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { checkFeatureName, checkFreeExtension, checkMembers, memberViews, type MemberView } from '../call-park/feature-lines.ts';
import type { PagingGroupSettings } from './paging-types.ts';

// Paging groups of a location: a number and/or extension that, called by one of its originators
// (anyone when it lists none), reaches every target at once as a one-way call their phones
// answer by themselves (paging-calls.ts).

export const pagingGroupNotFound = () => notFound('Paging group not found.');

export type PagingInput = {
  enabled?: boolean;
  name?: string;
  phoneNumber?: string;
  extension?: string;
  languageCode?: string;
  firstName?: string;
  lastName?: string;
  originatorCallerIdEnabled?: boolean;
  originators?: string[];
  targets?: string[];
  directLineCallerIdName?: { selection?: 'CUSTOM_NAME' | 'DISPLAY_NAME'; customName?: string };
  dialByName?: string;
};

export type PagingView = { group: StoredPagingGroup; location: Location; originators: MemberView[]; targets: MemberView[] };

/** Webex pages at most this many targets. */
const MAX_TARGETS = 75;

export class PagingService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, filter: { locationId?: string; name?: string; phoneNumber?: string }): Promise<{ groups: StoredPagingGroup[]; locations: Map<string, Location> }> {
    let locationId: string | undefined;
    if (filter.locationId !== undefined) {
      locationId = decodeId(filter.locationId, 'LOCATION');
      if (locationId === undefined) throw badRequest('locationId is not a location ID.');
    }
    const name = filter.name?.toLowerCase();
    const digits = filter.phoneNumber?.replace(/[^\d]/g, '');
    const groups = (await this.store.pagingGroups.list(orgId, locationId)).filter(
      (g) => (name === undefined || g.name.toLowerCase().includes(name)) && (!digits || (g.phoneNumber?.includes(digits) ?? false)),
    );
    const locations = new Map((await this.store.locations.getMany(orgId, [...new Set(groups.map((g) => g.locationId))])).map((l) => [l.id, l]));
    return { groups, locations };
  }

  async create(orgId: string, locationPublicId: string, input: PagingInput): Promise<StoredPagingGroup> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = checkFeatureName(input.name ?? '', 30);
      if (await tx.pagingGroups.findByName(location.id, name)) throw conflict(`A paging group named "${name}" already exists in this location.`);
      if (input.phoneNumber === undefined && input.extension === undefined) throw badRequest('A paging group needs a phoneNumber or an extension.');
      const settings: PagingGroupSettings = {
        languageCode: location.announcementLanguage,
        firstName: name,
        lastName: 'Paging Group',
        originatorCallerIdEnabled: false,
        directLineCallerIdName: { selection: 'DISPLAY_NAME' },
      };
      const draft: StoredPagingGroup = { id: randomUUID(), orgId, locationId: location.id, name, enabled: true, phoneNumber: null, extension: null, settings, created: timestamp(this.clock) };
      const { group, members } = await this.apply(tx, location, draft, { ...input, name: undefined });
      await tx.pagingGroups.insert(group, { originators: members.originators ?? [], targets: members.targets ?? [] });
      return group;
    });
  }

  async get(orgId: string, locationPublicId: string, pagingPublicId: string): Promise<PagingView> {
    const { group, location } = await this.find(this.store, orgId, locationPublicId, pagingPublicId);
    const members = await this.store.pagingGroups.members(group.id);
    return { group, location, originators: await memberViews(this.store, orgId, members.originators), targets: await memberViews(this.store, orgId, members.targets) };
  }

  async update(orgId: string, locationPublicId: string, pagingPublicId: string, input: PagingInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { group, location } = await this.find(tx, orgId, locationPublicId, pagingPublicId);
      const { group: next, members } = await this.apply(tx, location, group, input);
      await tx.pagingGroups.update(next, members);
    });
  }

  async delete(orgId: string, locationPublicId: string, pagingPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { group } = await this.find(tx, orgId, locationPublicId, pagingPublicId);
      await tx.pagingGroups.delete(orgId, group.id);
    });
  }

  /** The location's numbers a paging group may take: active or not, owned by nobody, not the main number. */
  async availableNumbers(orgId: string, locationPublicId: string, filter: { phoneNumber?: string[] }): Promise<NumberListing[]> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const page = await this.store.numbers.search(orgId, { locationId: location.id, available: true, numberType: 'NUMBER' }, 0, 5000);
    const wanted = (filter.phoneNumber ?? []).map((n) => String(n).replace(/[^\d]/g, '')).filter((n) => n !== '');
    const out: NumberListing[] = [];
    for (const n of page.items) {
      if (n.phoneNumber === null || n.isMainNumber) continue;
      if (wanted.length > 0 && !wanted.some((w) => n.phoneNumber!.includes(w))) continue;
      if (await this.store.pagingGroups.findByNumber(n.phoneNumber)) continue;
      out.push(n);
    }
    return out;
  }

  private async find(store: Store, orgId: string, locationPublicId: string, publicId: string): Promise<{ group: StoredPagingGroup; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(publicId, 'PAGING_GROUP');
    const group = id !== undefined ? await store.pagingGroups.get(orgId, id) : undefined;
    if (!group || group.locationId !== location.id) throw pagingGroupNotFound();
    return { group, location };
  }

  private async apply(tx: Store, location: Location, group: StoredPagingGroup, input: PagingInput): Promise<{ group: StoredPagingGroup; members: Partial<PagingMembers> }> {
    const next: StoredPagingGroup = { ...group, settings: { ...group.settings } };
    if (input.name !== undefined) {
      next.name = checkFeatureName(input.name, 30);
      const namesake = await tx.pagingGroups.findByName(location.id, next.name);
      if (namesake && namesake.id !== group.id) throw conflict(`A paging group named "${next.name}" already exists in this location.`);
    }
    if (input.enabled !== undefined) next.enabled = input.enabled;
    if (input.phoneNumber !== undefined) next.phoneNumber = input.phoneNumber === '' ? null : await checkPagingNumber(tx, location, input.phoneNumber, group.id);
    if (input.extension !== undefined) next.extension = input.extension === '' ? null : await checkFreeExtension(tx, location, input.extension, { pagingGroupId: group.id });
    if (next.phoneNumber === null && next.extension === null) throw badRequest('A paging group needs a phoneNumber or an extension.');
    const s = next.settings;
    if (input.languageCode !== undefined) s.languageCode = input.languageCode;
    if (input.firstName !== undefined) s.firstName = input.firstName;
    if (input.lastName !== undefined) s.lastName = input.lastName;
    if (input.originatorCallerIdEnabled !== undefined) s.originatorCallerIdEnabled = input.originatorCallerIdEnabled;
    if (input.dialByName !== undefined) s.dialByName = input.dialByName;
    if (input.directLineCallerIdName !== undefined) {
      const merged = { ...s.directLineCallerIdName, ...input.directLineCallerIdName };
      if (merged.selection === 'CUSTOM_NAME') {
        const customName = merged.customName?.trim();
        if (!customName || customName.length > 30) throw badRequest('directLineCallerIdName.customName (1 to 30 characters) is required with CUSTOM_NAME.');
        s.directLineCallerIdName = { selection: 'CUSTOM_NAME', customName };
      } else s.directLineCallerIdName = { selection: 'DISPLAY_NAME' };
    }
    const members: Partial<PagingMembers> = {};
    if (input.originators !== undefined) members.originators = await checkMembers(tx, location.orgId, input.originators, 'originators');
    if (input.targets !== undefined) {
      members.targets = await checkMembers(tx, location.orgId, input.targets, 'targets');
      if (members.targets.length > MAX_TARGETS) throw badRequest(`targets: a paging group pages at most ${MAX_TARGETS} targets.`);
    }
    return { group: next, members };
  }
}

/** The number in E.164 if the paging group may have it: the location's, not its main number, held by nobody. */
async function checkPagingNumber(tx: Store, location: Location, value: string, pagingGroupId: string): Promise<string> {
  const e164 = looseE164(value);
  if (e164 === undefined) throw badRequest(`phoneNumber "${value}" is not a phone number in E.164 format.`);
  const number = await tx.numbers.get(e164);
  if (!number || number.orgId !== location.orgId || number.locationId !== location.id) throw badRequest(`Phone number ${e164} is not in the number inventory of the paging group's location.`);
  if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
  if (number.ownerId !== null || (await tx.huntGroups.findByNumber(e164))) throw conflict(`Phone number ${e164} is already assigned.`);
  const other = await tx.pagingGroups.findByNumber(e164);
  if (other && other.id !== pagingGroupId) throw conflict(`Phone number ${e164} is already assigned.`);
  return e164;
}
