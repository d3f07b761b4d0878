import { randomUUID } from 'node:crypto';
import type { StoredAgent, StoredHuntGroup } from '../../store/hunt-groups-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { agentViews, checkAgents, checkGroupExtension, checkGroupNumber, type AgentView } from './hunt-group-lines.ts';
import { checkCallPolicies, checkHuntGroupName, huntGroupNameInUse, huntGroupNotFound, numberOrExtensionRequired, type CallPoliciesInput } from './hunt-group-rules.ts';
import type { HuntGroupSettings } from './hunt-group-types.ts';

// Hunt groups of a calling location: a number and/or extension that rings agents (people of the
// organization with Webex Calling) by a policy. Names are unique per location; numbers and
// extensions are checked against people and other hunt groups (hunt-group-lines.ts).

export type HuntGroupInput = {
  name?: string;
  enabled?: boolean;
  phoneNumber?: string;
  extension?: string;
  distinctiveRing?: boolean;
  alternateNumbers?: { phoneNumber: string; ringPattern?: string }[];
  languageCode?: string;
  firstName?: string;
  lastName?: string;
  timeZone?: string;
  callPolicies?: CallPoliciesInput;
  agents?: { id: string; weight?: string }[];
  huntGroupCallerIdForOutgoingCallsEnabled?: boolean;
  directLineCallerIdName?: { selection?: 'CUSTOM_NAME' | 'DISPLAY_NAME'; customName?: string };
  dialByName?: string;
};

export type HuntGroupListQuery = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export type HuntGroupView = { group: StoredHuntGroup; location: Location; agents: AgentView[] };

const FORWARD_OFF = { enabled: false, ringReminderEnabled: false, destinationVoicemailEnabled: false };

function checkTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw badRequest(`timeZone "${value}" is not a time zone.`);
  }
}

function checkCallerIdName(input: HuntGroupInput['directLineCallerIdName'], current: HuntGroupSettings['directLineCallerIdName']) {
  const merged = { ...current, ...input };
  if (merged.selection === 'CUSTOM_NAME') {
    const customName = merged.customName?.trim();
    if (!customName || customName.length > 30) throw badRequest('directLineCallerIdName.customName (1 to 30 characters) is required with CUSTOM_NAME.');
    return { selection: merged.selection, customName };
  }
  return { selection: 'DISPLAY_NAME' as const };
}

export class HuntGroupService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: HuntGroupListQuery): Promise<{ page: Page<StoredHuntGroup, number>; locations: Map<string, Location> }> {
    let locationId: string | undefined;
    if (query.locationId !== undefined) {
      locationId = decodeId(query.locationId, 'LOCATION');
      if (locationId === undefined) throw badRequest('locationId is not a location ID.');
    }
    const page = await this.store.huntGroups.list(orgId, { ...query, locationId, phoneNumber: query.phoneNumber?.replace(/[^\d+]/g, '') });
    const locations = await this.store.locations.getMany(orgId, [...new Set(page.items.map((g) => g.locationId))]);
    return { page, locations: new Map(locations.map((l) => [l.id, l])) };
  }

  async create(orgId: string, locationPublicId: string, input: HuntGroupInput): Promise<StoredHuntGroup> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = checkHuntGroupName(input.name ?? '');
      if (input.phoneNumber === undefined && input.extension === undefined) throw numberOrExtensionRequired();
      if (await tx.huntGroups.findByName(location.id, name)) throw huntGroupNameInUse(name);
      const callPolicies = checkCallPolicies(input.callPolicies ?? {});
      const settings: HuntGroupSettings = {
        distinctiveRing: false,
        alternateNumbers: [],
        languageCode: location.announcementLanguage,
        firstName: name,
        lastName: 'Hunt Group',
        timeZone: location.timeZone,
        callPolicies,
        huntGroupCallerIdForOutgoingCallsEnabled: false,
        directLineCallerIdName: { selection: 'DISPLAY_NAME' },
        callForwarding: { always: FORWARD_OFF, selective: FORWARD_OFF, rules: [] },
      };
      const now = timestamp(this.clock);
      const draft: StoredHuntGroup = { id: randomUUID(), orgId, locationId: location.id, name, enabled: input.enabled ?? true, phoneNumber: null, extension: null, settings, created: now, lastModified: now };
      const { group, agents } = await this.apply(tx, location, draft, [], { ...input, name: undefined });
      await tx.huntGroups.insert(group, agents ?? []);
      return group;
    });
  }

  async get(orgId: string, locationPublicId: string, huntGroupPublicId: string): Promise<HuntGroupView> {
    const { group, location } = await this.find(this.store, orgId, locationPublicId, huntGroupPublicId);
    const agents = await agentViews(this.store, orgId, await this.store.huntGroups.agents(group.id));
    return { group, location, agents };
  }

  async update(orgId: string, locationPublicId: string, huntGroupPublicId: string, input: HuntGroupInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { group, location } = await this.find(tx, orgId, locationPublicId, huntGroupPublicId);
      const current = await tx.huntGroups.agents(group.id);
      const { group: changed, agents } = await this.apply(tx, location, group, current, input);
      await tx.huntGroups.update({ ...changed, lastModified: timestamp(this.clock) }, agents);
    });
  }

  async delete(orgId: string, locationPublicId: string, huntGroupPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { group } = await this.find(tx, orgId, locationPublicId, huntGroupPublicId);
      await tx.huntGroups.delete(orgId, group.id);
    });
  }

  /** The hunt group of the location, or 404 (for another organization's or location's too). */
  async find(store: Store, orgId: string, locationPublicId: string, huntGroupPublicId: string): Promise<{ group: StoredHuntGroup; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(huntGroupPublicId, 'HUNT_GROUP');
    const group = id !== undefined ? await store.huntGroups.get(orgId, id) : undefined;
    if (!group || group.locationId !== location.id) throw huntGroupNotFound();
    return { group, location };
  }

  /** The group with the input applied; agents when they change (given, or a policy change re-weighs them). */
  private async apply(tx: Store, location: Location, group: StoredHuntGroup, current: StoredAgent[], input: HuntGroupInput) {
    const s = group.settings;
    const next: StoredHuntGroup = { ...group, settings: { ...s } };
    if (input.name !== undefined) {
      next.name = checkHuntGroupName(input.name);
      const namesake = await tx.huntGroups.findByName(location.id, next.name);
      if (namesake && namesake.id !== group.id) throw huntGroupNameInUse(next.name);
    }
    if (input.enabled !== undefined) next.enabled = input.enabled;
    // An empty string removes the number or extension; one of them must remain.
    if (input.phoneNumber !== undefined) next.phoneNumber = input.phoneNumber === '' ? null : await checkGroupNumber(tx, location, input.phoneNumber, group.id);
    if (input.extension !== undefined) next.extension = input.extension === '' ? null : await checkGroupExtension(tx, location, input.extension, group.id);
    if (next.phoneNumber === null && next.extension === null) throw numberOrExtensionRequired();
    if (input.alternateNumbers !== undefined) {
      if (input.alternateNumbers.length > 10) throw badRequest('alternateNumbers holds at most 10 numbers.');
      const alternates: HuntGroupSettings['alternateNumbers'] = [];
      for (const a of input.alternateNumbers) {
        const phoneNumber = await checkGroupNumber(tx, location, a.phoneNumber, group.id, 'alternateNumbers.phoneNumber');
        if (phoneNumber === next.phoneNumber || alternates.some((x) => x.phoneNumber === phoneNumber)) throw badRequest(`alternateNumbers: ${phoneNumber} is given twice.`);
        alternates.push({ phoneNumber, ringPattern: a.ringPattern ?? 'NORMAL' });
      }
      next.settings.alternateNumbers = alternates;
    }
    if (input.distinctiveRing !== undefined) next.settings.distinctiveRing = input.distinctiveRing;
    if (input.languageCode !== undefined) next.settings.languageCode = input.languageCode;
    if (input.firstName !== undefined) next.settings.firstName = input.firstName;
    if (input.lastName !== undefined) next.settings.lastName = input.lastName;
    if (input.timeZone !== undefined) next.settings.timeZone = checkTimeZone(input.timeZone);
    if (input.huntGroupCallerIdForOutgoingCallsEnabled !== undefined) next.settings.huntGroupCallerIdForOutgoingCallsEnabled = input.huntGroupCallerIdForOutgoingCallsEnabled;
    if (input.directLineCallerIdName !== undefined) next.settings.directLineCallerIdName = checkCallerIdName(input.directLineCallerIdName, s.directLineCallerIdName);
    if (input.dialByName !== undefined) next.settings.dialByName = input.dialByName;
    next.settings.callPolicies = checkCallPolicies(input.callPolicies, s.callPolicies);
    const policy = next.settings.callPolicies.policy;
    let agents: StoredAgent[] | undefined;
    if (input.agents !== undefined) agents = await checkAgents(tx, group.orgId, input.agents, policy);
    else if (policy !== s.callPolicies.policy && (policy === 'WEIGHTED' || s.callPolicies.policy === 'WEIGHTED')) {
      // Switching to or from WEIGHTED changes what the agents' weights mean: check them again.
      agents = await checkAgents(tx, group.orgId, current.map((a) => ({ id: encodePerson(a.personId), weight: a.weight?.toString() })), policy);
    }
    return { group: next, agents };
  }
}

const encodePerson = (id: string) => encodeId('PEOPLE', id);
