import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { myQueues, updateMyQueues, type AcdState } from '../call-queues/my-queues.ts';
import { notCallingUser } from '../calls/call-errors.ts';
import { personNotFound } from '../people/people-errors.ts';
import type { Person } from '../../store/store.ts';
import { agentLines } from '../call-queues/call-queue-agents.ts';
import { encodeId } from '../webex-ids.ts';

/** A page of a list Webex pages with start and max. */
const page = <T>(items: T[], start = 0, max?: number) => items.slice(start, max === undefined ? undefined : start + max);

/** A group the person belongs to, as the For Me group documents show it; no group: no name, no members (**choice**). */
type GroupOf<M> = { groupName: string; memberList: M[] };

// Call Settings For Me that are not a settings document: what the token's person is part of
// (call queues, park and pickup groups), read from the same records the admin paths change.

export class ForMeService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The token's person, a Webex Calling user (403 otherwise, as the Call Controls answer). */
  async me(orgId: string, personId: string): Promise<Person & { locationId: string }> {
    const person = await this.store.people.get(orgId, personId);
    if (!person) throw personNotFound();
    if (person.locationId === null) throw notCallingUser();
    return person as Person & { locationId: string };
  }

  async queues(orgId: string, personId: string) {
    const me = await this.me(orgId, personId);
    return myQueues(this.store, orgId, me.id);
  }

  async updateQueues(orgId: string, personId: string, update: { agentACDState?: AcdState; queues?: readonly { id: string; available?: boolean }[] }): Promise<void> {
    const me = await this.me(orgId, personId);
    await updateMyQueues(this.store, this.clock, orgId, me.id, update);
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
  async callPark(orgId: string, personId: string): Promise<GroupOf<{ id: string; type: 'PEOPLE' | 'PLACE'; firstName?: string; lastName?: string; displayName: string }>> {
    const me = await this.me(orgId, personId);
    const group = await this.store.callParks.groupOf(me.id);
    if (!group) return { groupName: '', memberList: [] };
    const ids = await this.store.callParks.agents(group.id);
    const people = new Map((await this.store.people.getMany(orgId, ids)).map((p) => [p.id, p]));
    const memberList = [];
    for (const id of ids) {
      const person = people.get(id);
      if (person) {
        memberList.push({ id: encodeId('PEOPLE', id), type: 'PEOPLE' as const, ...names(person), displayName: person.displayName });
        continue;
      }
      const workspace = await this.store.workspaces.get(orgId, id);
      if (workspace) memberList.push({ id: encodeId('PLACE', id), type: 'PLACE' as const, displayName: workspace.displayName });
    }
    return { groupName: group.name, memberList };
  }

  /** The person's call pickup group and its members, with their numbers. */
  async callPickupGroup(orgId: string, personId: string) {
    const me = await this.me(orgId, personId);
    const group = await this.store.callPickups.groupOf(me.id);
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
}

const names = (p: Person) => ({ ...(p.firstName ? { firstName: p.firstName } : {}), ...(p.lastName ? { lastName: p.lastName } : {}) });
