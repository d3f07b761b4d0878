import { randomUUID } from 'node:crypto';
import type { StoredCallQueue, StoredQueueAgent } from '../../store/call-queues-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { checkAgents, checkGroupExtension, checkGroupNumber, agentViews, type AgentView } from '../hunt-groups/hunt-group-lines.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import {
  callQueueNameInUse,
  callQueueNotFound,
  checkCallPolicies,
  checkQueueName,
  checkQueueSettings,
  checkSkill,
  numberOrExtensionRequired,
  type CallPoliciesInput,
  type QueueSettingsInput,
} from './call-queue-rules.ts';
import type { CallQueueSettings } from './call-queue-types.ts';
import { queueCalls, type QueueCall } from './queue-calls.ts';

// Call queues of a calling location: a number and/or extension whose calls wait in line for
// agents (people of the organization with Webex Calling), offered by a policy. Numbers and
// extensions follow the hunt groups' rules (hunt-group-lines.ts: one owner per number).

export type AgentInput = { id: string; weight?: string; skillLevel?: number | string; joinEnabled?: boolean };

export type CallQueueInput = {
  name?: string;
  enabled?: boolean;
  phoneNumber?: string;
  extension?: string;
  languageCode?: string;
  firstName?: string;
  lastName?: string;
  timeZone?: string;
  alternateNumberSettings?: { distinctiveRingEnabled?: boolean; alternateNumbers?: { phoneNumber: string; ringPattern?: string }[] };
  callPolicies?: CallPoliciesInput;
  queueSettings?: QueueSettingsInput;
  agents?: AgentInput[];
  allowCallWaitingForAgentsEnabled?: boolean;
  callingLineIdPolicy?: string;
  callingLineIdPhoneNumber?: string;
  directLineCallerIdName?: { selection?: 'CUSTOM_NAME' | 'DISPLAY_NAME'; customName?: string };
  dialByName?: string;
};

export type CallQueueListQuery = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export type QueueAgentView = AgentView & { skillLevel: number; joinEnabled: boolean };
export type CallQueueView = { queue: StoredCallQueue; location: Location; agents: QueueAgentView[] };

const FORWARD_OFF = { enabled: false, ringReminderEnabled: false, destinationVoicemailEnabled: false };

function checkTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw badRequest(`timeZone "${value}" is not a time zone.`);
  }
}

/** The location as a public-ID filter: undefined when absent, a 400 when not a location ID. */
export function locationFilter(publicId: string | undefined): string | undefined {
  if (publicId === undefined) return undefined;
  const id = decodeId(publicId, 'LOCATION');
  if (id === undefined) throw badRequest('locationId is not a location ID.');
  return id;
}

export async function queueAgentViews(store: Store, orgId: string, agents: readonly StoredQueueAgent[]): Promise<QueueAgentView[]> {
  const views = await agentViews(store, orgId, agents);
  const byPerson = new Map(agents.map((a) => [a.personId, a]));
  return views.map((v) => ({ ...v, skillLevel: byPerson.get(v.person.id)!.skillLevel, joinEnabled: byPerson.get(v.person.id)!.joinEnabled }));
}

export class CallQueueService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: CallQueueListQuery): Promise<{ page: Page<StoredCallQueue, number>; locations: Map<string, Location> }> {
    const locationId = locationFilter(query.locationId);
    const page = await this.store.callQueues.list(orgId, { ...query, locationId, phoneNumber: query.phoneNumber?.replace(/[^\d+]/g, '') });
    const locations = await this.store.locations.getMany(orgId, [...new Set(page.items.map((q) => q.locationId))]);
    return { page, locations: new Map(locations.map((l) => [l.id, l])) };
  }

  async create(orgId: string, locationPublicId: string, input: CallQueueInput, hasCxEssentials = false): Promise<StoredCallQueue> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = checkQueueName(input.name ?? '');
      if (input.phoneNumber === undefined && input.extension === undefined) throw numberOrExtensionRequired();
      if (await tx.callQueues.findByName(location.id, name)) throw callQueueNameInUse(name);
      const settings: CallQueueSettings = {
        hasCxEssentials,
        languageCode: location.announcementLanguage,
        firstName: name,
        lastName: 'Call Queue',
        timeZone: location.timeZone,
        alternateNumberSettings: { distinctiveRingEnabled: false, alternateNumbers: [] },
        callPolicies: checkCallPolicies(input.callPolicies ?? {}),
        queueSettings: checkQueueSettings(input.queueSettings ?? {}),
        allowCallWaitingForAgentsEnabled: false,
        callingLineIdPolicy: 'DIRECT_LINE',
        directLineCallerIdName: { selection: 'DISPLAY_NAME' },
        callForwarding: { always: FORWARD_OFF, selective: FORWARD_OFF, rules: [] },
        parts: {},
        dnis: [],
      };
      const now = timestamp(this.clock);
      const draft: StoredCallQueue = { id: randomUUID(), orgId, locationId: location.id, name, enabled: input.enabled ?? true, phoneNumber: null, extension: null, settings, created: now, lastModified: now };
      const { queue, agents } = await this.apply(tx, location, draft, [], { ...input, name: undefined, callPolicies: undefined, queueSettings: undefined });
      await tx.callQueues.insert(queue, agents ?? []);
      return queue;
    });
  }

  async get(orgId: string, locationPublicId: string, queuePublicId: string): Promise<CallQueueView> {
    const { queue, location } = await this.find(this.store, orgId, locationPublicId, queuePublicId);
    return { queue, location, agents: await queueAgentViews(this.store, orgId, await this.store.callQueues.agents(queue.id)) };
  }

  async update(orgId: string, locationPublicId: string, queuePublicId: string, input: CallQueueInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { queue, location } = await this.find(tx, orgId, locationPublicId, queuePublicId);
      const current = await tx.callQueues.agents(queue.id);
      const { queue: changed, agents } = await this.apply(tx, location, queue, current, input);
      await tx.callQueues.update({ ...changed, lastModified: timestamp(this.clock) }, agents);
    });
  }

  /** The calls waiting in the queue now (the Call Controls' List Call Queue Calls). */
  waitingCalls(orgId: string, queuePublicId: string): Promise<QueueCall[]> {
    return queueCalls(this.store, orgId, queuePublicId);
  }

  async delete(orgId: string, locationPublicId: string, queuePublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { queue } = await this.find(tx, orgId, locationPublicId, queuePublicId);
      await tx.callQueues.delete(orgId, queue.id);
    });
  }

  /** The queue of the location, or 404 (for another organization's or location's too). */
  async find(store: Store, orgId: string, locationPublicId: string, queuePublicId: string): Promise<{ queue: StoredCallQueue; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(queuePublicId, 'CALL_QUEUE');
    const queue = id !== undefined ? await store.callQueues.get(orgId, id) : undefined;
    if (!queue || queue.locationId !== location.id) throw callQueueNotFound();
    return { queue, location };
  }

  /** Changes the queue's settings document in one transaction (sub-documents, forwarding, DNIS). */
  async change(orgId: string, locationPublicId: string, queuePublicId: string, fn: (settings: CallQueueSettings, tx: Store, location: Location, queue: StoredCallQueue) => Promise<CallQueueSettings>): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { queue, location } = await this.find(tx, orgId, locationPublicId, queuePublicId);
      const settings = await fn(structuredClone(queue.settings), tx, location, queue);
      await tx.callQueues.update({ ...queue, settings, lastModified: timestamp(this.clock) });
    });
  }

  /** The queue with the input applied; agents when they change (given, or a policy change re-weighs them). */
  private async apply(tx: Store, location: Location, queue: StoredCallQueue, current: StoredQueueAgent[], input: CallQueueInput) {
    const s = queue.settings;
    const next: StoredCallQueue = { ...queue, settings: { ...s } };
    if (input.name !== undefined) {
      next.name = checkQueueName(input.name);
      const namesake = await tx.callQueues.findByName(location.id, next.name);
      if (namesake && namesake.id !== queue.id) throw callQueueNameInUse(next.name);
    }
    if (input.enabled !== undefined) next.enabled = input.enabled;
    // An empty string removes the number or extension; one of them must remain.
    if (input.phoneNumber !== undefined) next.phoneNumber = input.phoneNumber === '' ? null : await checkGroupNumber(tx, location, input.phoneNumber, queue.id);
    if (input.extension !== undefined) next.extension = input.extension === '' ? null : await checkGroupExtension(tx, location, input.extension, queue.id);
    if (next.phoneNumber === null && next.extension === null) throw numberOrExtensionRequired();
    const alt = input.alternateNumberSettings;
    if (alt !== undefined) {
      const alternates: CallQueueSettings['alternateNumberSettings']['alternateNumbers'] = [];
      if ((alt.alternateNumbers?.length ?? 0) > 10) throw badRequest('alternateNumbers holds at most 10 numbers.');
      for (const a of alt.alternateNumbers ?? s.alternateNumberSettings.alternateNumbers) {
        const phoneNumber = await checkGroupNumber(tx, location, a.phoneNumber, queue.id, 'alternateNumbers.phoneNumber');
        if (phoneNumber === next.phoneNumber || alternates.some((x) => x.phoneNumber === phoneNumber)) throw badRequest(`alternateNumbers: ${phoneNumber} is given twice.`);
        alternates.push({ phoneNumber, ringPattern: a.ringPattern ?? 'NORMAL' });
      }
      next.settings.alternateNumberSettings = { distinctiveRingEnabled: alt.distinctiveRingEnabled ?? s.alternateNumberSettings.distinctiveRingEnabled, alternateNumbers: alternates };
    }
    if (input.languageCode !== undefined) next.settings.languageCode = input.languageCode;
    if (input.firstName !== undefined) next.settings.firstName = input.firstName;
    if (input.lastName !== undefined) next.settings.lastName = input.lastName;
    if (input.timeZone !== undefined) next.settings.timeZone = checkTimeZone(input.timeZone);
    if (input.allowCallWaitingForAgentsEnabled !== undefined) next.settings.allowCallWaitingForAgentsEnabled = input.allowCallWaitingForAgentsEnabled;
    if (input.callingLineIdPolicy !== undefined) {
      const policy = input.callingLineIdPolicy as CallQueueSettings['callingLineIdPolicy'];
      if (!['DIRECT_LINE', 'LOCATION_NUMBER', 'CUSTOM'].includes(policy)) throw badRequest(`callingLineIdPolicy "${policy}" is not DIRECT_LINE, LOCATION_NUMBER or CUSTOM.`);
      next.settings.callingLineIdPolicy = policy;
    }
    if (input.callingLineIdPhoneNumber !== undefined) next.settings.callingLineIdPhoneNumber = input.callingLineIdPhoneNumber;
    if (next.settings.callingLineIdPolicy === 'CUSTOM' && !next.settings.callingLineIdPhoneNumber) throw badRequest('callingLineIdPhoneNumber is required with callingLineIdPolicy CUSTOM.');
    if (input.directLineCallerIdName !== undefined) {
      const merged = { ...s.directLineCallerIdName, ...input.directLineCallerIdName };
      if (merged.selection === 'CUSTOM_NAME' && !(merged.customName?.trim() && merged.customName.trim().length <= 30)) throw badRequest('directLineCallerIdName.customName (1 to 30 characters) is required with CUSTOM_NAME.');
      next.settings.directLineCallerIdName = merged.selection === 'CUSTOM_NAME' ? { selection: 'CUSTOM_NAME', customName: merged.customName!.trim() } : { selection: 'DISPLAY_NAME' };
    }
    if (input.dialByName !== undefined) next.settings.dialByName = input.dialByName;
    next.settings.callPolicies = checkCallPolicies(input.callPolicies, s.callPolicies);
    next.settings.queueSettings = checkQueueSettings(input.queueSettings, s.queueSettings);
    const policy = next.settings.callPolicies.policy;
    let agents: StoredQueueAgent[] | undefined;
    const given = input.agents ?? (policy !== s.callPolicies.policy && (policy === 'WEIGHTED' || s.callPolicies.policy === 'WEIGHTED') ? current.map(asInput) : undefined);
    if (given !== undefined) {
      // Switching to or from WEIGHTED changes what the weights mean: they are checked again.
      const checked = await checkAgents(tx, queue.orgId, given, policy);
      const joined = new Map(current.map((a) => [a.personId, a.joinEnabled]));
      agents = checked.map((a) => {
        const g = given.find((x) => decodeId(x.id, 'PEOPLE') === a.personId)!;
        return { ...a, skillLevel: checkSkill(g.skillLevel), joinEnabled: g.joinEnabled ?? joined.get(a.personId) ?? true };
      });
    }
    return { queue: next, agents };
  }
}

const asInput = (a: StoredQueueAgent): AgentInput => ({ id: encodePerson(a.personId), weight: a.weight?.toString(), skillLevel: a.skillLevel, joinEnabled: a.joinEnabled });
import { encodeId } from '../webex-ids.ts';
const encodePerson = (id: string) => encodeId('PEOPLE', id);
