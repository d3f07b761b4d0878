import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { myQueues, updateMyQueues, type AcdState } from '../call-queues/my-queues.ts';
import { notCallingUser } from '../calls/call-errors.ts';
import { personNotFound } from '../people/people-errors.ts';
import type { Person } from '../../store/store.ts';
import { agentLines, callingPeople, matchesPerson } from '../call-queues/call-queue-agents.ts';
import { availableAnswerEndpoints, modifyMyEndpoint, myEndpoint, myEndpoints, preferredAnswerEndpoint, setPreferredAnswerEndpoint } from './my-endpoints.ts';
import { largeOrgStatus } from '../service-settings/organization-status.ts';
import type { ScheduleService } from '../schedules/schedule-service.ts';
import type { StoredSchedule } from '../../store/schedules-store.ts';
import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

/** A page of a list Webex pages with start and max. */
const page = <T>(items: T[], start = 0, max?: number) => items.slice(start, max === undefined ? undefined : start + max);

/** A group the person belongs to, as the For Me group documents show it; no group: no name, no members (**choice**). */
type GroupOf<M> = { groupName: string; memberList: M[] };
type QueuesUpdate = { agentACDState?: AcdState; queues?: readonly { id: string; available?: boolean }[] };

// Call Settings For Me that are not a settings document: what the token's person is part of
// (call queues, park and pickup groups), read from the same records the admin paths change.

export class ForMeService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly schedules: ScheduleService;

  constructor(store: Store, clock: Clock, schedules: ScheduleService) {
    this.store = store;
    this.clock = clock;
    this.schedules = schedules;
  }

  /** The token's person, a Webex Calling user (403 otherwise, as the Call Controls answer). */
  async me(orgId: string, personId: string): Promise<Person & { locationId: string }> {
    const person = await this.store.people.get(orgId, personId);
    if (!person) throw personNotFound();
    if (person.locationId === null) throw notCallingUser();
    return person as Person & { locationId: string };
  }

  async queues(orgId: string, personId: string) {
    return this.queuesOf(orgId, (await this.me(orgId, personId)).id);
  }

  async updateQueues(orgId: string, personId: string, update: QueuesUpdate): Promise<void> {
    await this.updateQueuesOf(orgId, (await this.me(orgId, personId)).id, update);
  }

  // The …Of forms take a line owner already checked (a secondary line the person carries, e.g. a
  // virtual line, which can be a queue agent or a park or pickup group member as a person can).

  async queuesOf(orgId: string, ownerId: string) {
    return myQueues(this.store, orgId, ownerId);
  }

  async updateQueuesOf(orgId: string, ownerId: string, update: QueuesUpdate): Promise<void> {
    await updateMyQueues(this.store, this.clock, orgId, ownerId, update);
  }

  /**
   * The organization's calling locations (the ones a person can dial into), by name; `name`:
   * any of these contained, case-insensitive.
   */
  async locations(orgId: string, personId: string, query: { start?: number; max?: number; name?: unknown[]; order?: string }) {
    await this.me(orgId, personId);
    const names = (query.name ?? []).map((n) => String(n).toLowerCase());
    const all = (await this.store.locations.list(orgId, {}, undefined, 100_000)).items
      .filter((l) => l.callingEnabled && (names.length === 0 || names.some((n) => l.name.toLowerCase().includes(n))))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    if (/desc$/i.test(query.order ?? '')) all.reverse();
    return page(all, query.start, query.max).map((l) => ({ id: encodeId('LOCATION', l.id), name: l.name, ...(l.routingPrefix ? { routingPrefix: l.routingPrefix } : {}) }));
  }

  /** The person's call park group and its members (people and workspaces). */
  async callPark(orgId: string, personId: string) {
    return this.callParkOf(orgId, (await this.me(orgId, personId)).id);
  }

  async callParkOf(orgId: string, ownerId: string): Promise<GroupOf<{ id: string; type: 'PEOPLE' | 'PLACE'; firstName?: string; lastName?: string; displayName: string }>> {
    const group = await this.store.callParks.groupOf(ownerId);
    if (!group) return { groupName: '', memberList: [] };
    const ids = await this.store.callParks.agents(group.id);
    const people = new Map((await this.store.people.getMany(orgId, ids)).map((p) => [p.id, p]));
    const memberList = [];
    for (const id of ids) {
      const person = people.get(id);
      if (person) {
        memberList.push({ id: encodeId('PEOPLE', id), type: 'PEOPLE' as const, ...names_(person), displayName: person.displayName });
        continue;
      }
      const workspace = await this.store.workspaces.get(orgId, id);
      if (workspace) memberList.push({ id: encodeId('PLACE', id), type: 'PLACE' as const, displayName: workspace.displayName });
    }
    return { groupName: group.name, memberList };
  }

  /** The person's call pickup group and its members, with their numbers. */
  async callPickupGroup(orgId: string, personId: string) {
    return this.callPickupGroupOf(orgId, (await this.me(orgId, personId)).id);
  }

  async callPickupGroupOf(orgId: string, ownerId: string) {
    const group = await this.store.callPickups.groupOf(ownerId);
    if (!group) return { groupName: '', memberList: [] };
    const ids = await this.store.callPickups.agents(group.id);
    const people = await this.store.people.getMany(orgId, ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    const lines = (await agentLines(this.store, orgId, people)).sort((a, b) => order.get(a.person.id)! - order.get(b.person.id)!);
    return {
      groupName: group.name,
      memberList: lines.map(({ person, phoneNumber }) => ({
        id: encodeId('PEOPLE', person.id),
        type: 'PEOPLE' as const,
        firstName: person.firstName ?? '',
        lastName: person.lastName ?? '',
        departmentName: person.department ?? '',
        ...(phoneNumber ? { directNumber: phoneNumber } : {}),
        ...(person.extension ? { extension: person.extension } : {}),
        email: person.email,
      })),
    };
  }

  /**
   * Who the person may pick as a speed dial or an executive assistant: every other Webex Calling
   * user of the organization (what those settings accept, setting-members.ts), with their line.
   */
  private async others(orgId: string, personId: string) {
    const me = await this.me(orgId, personId);
    const people = (await callingPeople(this.store, orgId)).filter((p) => p.id !== me.id);
    return agentLines(this.store, orgId, people);
  }

  /**
   * Speed dial candidates: `locationId` keeps one location's, `name` (any contained in the first or
   * last name) and `phoneNumber` (any contained in the number or extension) filter, `order` sorts by
   * firstName or lastName, asc or desc (display name otherwise).
   */
  async speedDialMembers(orgId: string, personId: string, query: { start?: number; max?: number; locationId?: string; name?: unknown[]; phoneNumber?: unknown[]; order?: string }) {
    const location = query.locationId === undefined ? undefined : decodeId(query.locationId, 'LOCATION');
    if (query.locationId !== undefined && location === undefined) throw badRequest('locationId is not a location ID.');
    const names = (query.name ?? []).map((n) => String(n).toLowerCase());
    const numbers = (query.phoneNumber ?? []).map((n) => String(n).replace(/[^\d+*#]/g, ''));
    const lines = (await this.others(orgId, personId)).filter(({ person, phoneNumber }) => {
      if (location !== undefined && person.locationId !== location) return false;
      if (names.length > 0 && !names.some((n) => [person.firstName, person.lastName].some((v) => v?.toLowerCase().includes(n)))) return false;
      return numbers.length === 0 || numbers.some((n) => [phoneNumber, person.extension].some((v) => v?.includes(n)));
    });
    const [, field, direction] = /^(firstName|lastName)?(?:[-:, ]?(asc|desc))?$/i.exec(query.order ?? '') ?? [];
    if (field) lines.sort((a, b) => (a.person[field as 'firstName'] ?? '').localeCompare(b.person[field as 'firstName'] ?? ''));
    if (/desc/i.test(direction ?? '')) lines.reverse();
    return page(lines, query.start, query.max).map(({ person, phoneNumber, location: at }) => ({
      id: encodeId('PEOPLE', person.id),
      ...names_(person),
      displayName: person.displayName,
      // The number a speed dial dials: the direct number, else the extension.
      phoneNumber: phoneNumber ?? person.extension ?? '',
      ...(person.extension ? { extension: person.extension } : {}),
      type: 'PEOPLE' as const,
      ...(at ? { locationId: encodeId('LOCATION', at.id), locationName: at.name } : {}),
    }));
  }

  /** Assistants the person (as an executive) may add to their pool. */
  async availableAssistants(orgId: string, personId: string) {
    return (await this.others(orgId, personId)).map(({ person, phoneNumber }) => ({
      id: encodeId('PEOPLE', person.id),
      ...names_(person),
      ...(phoneNumber ? { directNumber: phoneNumber } : {}),
      ...(person.extension ? { extension: person.extension } : {}),
    }));
  }

  /** A schedule of the person's own location. */
  async locationSchedule(orgId: string, personId: string, type: string, scheduleId: string): Promise<StoredSchedule> {
    const me = await this.me(orgId, personId);
    return this.schedules.get(orgId, encodeId('LOCATION', me.locationId), type, scheduleId);
  }

  /**
   * Hoteling hosts the person may sign in on as a guest: other Webex Calling users whose phone is
   * a hoteling host (their hoteling setting enabled); `name` (first or last name) and
   * `phoneNumber` (number or extension) contained. allowedAssociationDuration is 24 hours, the
   * association limit a guest gets by default (**choice**: Callplane hosts set no limit of their own).
   */
  async hotelingHosts(orgId: string, personId: string, query: { start?: number; max?: number; name?: string; phoneNumber?: string }) {
    const hosts = [];
    for (const line of await this.others(orgId, personId)) {
      const stored = await this.store.ownerSettings.get({ orgId, kind: 'person', id: line.person.id }, 'hoteling');
      if (stored === undefined || (JSON.parse(stored) as { enabled?: boolean }).enabled !== true) continue;
      if (!matchesPerson(line, query.name, query.phoneNumber)) continue;
      hosts.push(line);
    }
    return page(hosts, query.start, query.max).map(({ person, phoneNumber }) => ({
      hostId: encodeId('PEOPLE', person.id),
      firstName: person.firstName ?? '',
      lastName: person.lastName ?? '',
      phoneNumber: phoneNumber ?? '',
      extension: person.extension ?? '',
      allowedAssociationDuration: 24,
    }));
  }

  endpoints = async (orgId: string, personId: string) => myEndpoints(this.store, await this.me(orgId, personId));
  endpoint = async (orgId: string, personId: string, endpointId: string) => myEndpoint(this.store, await this.me(orgId, personId), endpointId);
  modifyEndpoint = async (orgId: string, personId: string, endpointId: string) => modifyMyEndpoint(this.store, await this.me(orgId, personId), endpointId);
  // `line`: the owner of a secondary line the person carries (their own line when absent).
  answerEndpoints = async (orgId: string, personId: string, line?: string) => availableAnswerEndpoints(this.store, await this.me(orgId, personId), line);
  preferredAnswerEndpoint = async (orgId: string, personId: string, line?: string) => preferredAnswerEndpoint(this.store, await this.me(orgId, personId), line);
  setPreferredAnswerEndpoint = async (orgId: string, personId: string, endpointId: string | null, line?: string) =>
    setPreferredAnswerEndpoint(this.store, this.clock, await this.me(orgId, personId), endpointId, line);

  /**
   * The numbers of the person's location held by someone (Webex's owners here are people), with
   * their extension and owner; `name` (owner), `phoneNumber`, `extension` contained; `order` by
   * lastName, dn or extension, asc or desc.
   */
  async locationNumbers(orgId: string, personId: string, query: { start?: number; max?: number; name?: string; phoneNumber?: string; extension?: string; order?: string }) {
    const me = await this.me(orgId, personId);
    const [, field, direction] = /^(lastName|dn|extension)?(?:[-:, ]?(asc|desc))?$/i.exec(query.order ?? '') ?? [];
    const all = await this.store.numbers.search(
      orgId,
      {
        locationId: me.locationId,
        available: false,
        numberType: 'NUMBER',
        ...(query.name !== undefined ? { ownerName: query.name } : {}),
        ...(query.phoneNumber !== undefined ? { phoneNumber: query.phoneNumber.replace(/[^\d+]/g, '') } : {}),
        ...(query.extension !== undefined ? { extension: query.extension } : {}),
        ...(field ? { order: field as 'lastName' | 'dn' | 'extension' } : {}),
      },
      0,
      100_000,
    );
    const items = /desc/i.test(direction ?? '') ? [...all.items].reverse() : all.items;
    return page(items, query.start, query.max).map((n) => ({
      ...(n.phoneNumber !== null ? { phoneNumber: n.phoneNumber } : {}),
      ...(n.extension !== null ? { extension: n.extension } : {}),
      state: n.state,
      phoneNumberType: 'PRIMARY' as const,
      tollFreeNumber: n.numberType === 'TOLLFREE',
      ...(n.owner !== null
        ? { owner: { type: 'PEOPLE' as const, ...(n.owner.firstName !== null ? { firstName: n.owner.firstName } : {}), ...(n.owner.lastName !== null ? { lastName: n.owner.lastName } : {}), displayName: n.owner.displayName } }
        : {}),
    }));
  }

  /** Whether the person's organization is a large one, by the organization's own rule (service-settings). */
  async largeOrgStatus(orgId: string, personId: string): Promise<{ isLargeOrg: boolean }> {
    await this.me(orgId, personId);
    return { isLargeOrg: (await largeOrgStatus(this.store, orgId)).isLargeOrg };
  }
}

const names_ = (p: Person) => ({ ...(p.firstName ? { firstName: p.firstName } : {}), ...(p.lastName ? { lastName: p.lastName } : {}) });
