import type { StoredCallQueue } from '../../store/call-queues-store.ts';
import type { Cursor, Location, Page, Person, Store } from '../../store/store.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { locationFilter } from './call-queue-service.ts';

// Agents across an organization's queues: who is an agent of what, joining and leaving (an agent
// who has left is offered none of the queue's calls, queue-plan.ts), the people who could be
// agents, and the organization's queue settings. Lists page by offset as Webex's do.

export type AgentLine = { person: Person; phoneNumber: string | undefined; location: Location | undefined };
export type AgentSummary = AgentLine & { queueCount: number; locationCount: number; joinCount: number; unjoinCount: number };
export type AgentQueue = { queue: StoredCallQueue; location: Location | undefined; joinEnabled: boolean };

const personNotFound = () => notFound('Person not found.');

/** Every person of the organization with Webex Calling (optionally of one location), by name. */
export async function callingPeople(store: Store, orgId: string, locationId?: string): Promise<Person[]> {
  const out: Person[] = [];
  let after: Cursor | undefined;
  do {
    const page = await store.people.list(orgId, locationId !== undefined ? { locationId } : {}, after, 1000);
    out.push(...page.items.filter((p) => p.locationId !== null));
    after = page.next;
  } while (after);
  return out.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

export async function agentLines(store: Store, orgId: string, people: readonly Person[]): Promise<AgentLine[]> {
  const numbers = await store.numbers.ownedBy(people.map((p) => p.id));
  const locations = new Map((await store.locations.getMany(orgId, [...new Set(people.flatMap((p) => (p.locationId ? [p.locationId] : [])))])).map((l) => [l.id, l]));
  return people.map((person) => ({ person, phoneNumber: numbers.get(person.id)?.phoneNumber, location: person.locationId ? locations.get(person.locationId) : undefined }));
}

/** People whose name (display, first or last) or number holds the text, case-insensitive. */
export function matchesPerson(line: AgentLine, name: string | undefined, phoneNumber: string | undefined): boolean {
  const p = line.person;
  if (name !== undefined && ![p.displayName, p.firstName, p.lastName].some((n) => n?.toLowerCase().includes(name.toLowerCase()))) return false;
  if (phoneNumber !== undefined && ![line.phoneNumber, p.extension].some((n) => n?.includes(phoneNumber.replace(/[^\d+]/g, '')))) return false;
  return true;
}

export function pageOf<T>(items: T[], start: number, max: number): Page<T, number> {
  const slice = items.slice(start, start + max + 1);
  return slice.length > max ? { items: slice.slice(0, max), next: start + max } : { items: slice };
}

export class CallQueueAgentService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  private async person(orgId: string, publicId: string, store: Store = this.store): Promise<Person> {
    const id = decodeId(publicId, 'PEOPLE');
    const person = id !== undefined ? await store.people.get(orgId, id) : undefined;
    if (!person) throw personNotFound();
    return person;
  }

  /** Agents of the organization's queues (of one queue, one location), with their counts. */
  async list(orgId: string, query: { locationId?: string; queueId?: string; name?: string; phoneNumber?: string; joinEnabled?: boolean; start: number; max: number }): Promise<Page<AgentSummary, number>> {
    const locationId = locationFilter(query.locationId);
    let queueId: string | undefined;
    if (query.queueId !== undefined) {
      queueId = decodeId(query.queueId, 'CALL_QUEUE');
      if (queueId === undefined) throw badRequest('queueId is not a call queue ID.');
    }
    const queues = new Map((await this.store.callQueues.all(orgId)).map((q) => [q.id, q]));
    const memberships = (await this.store.callQueues.memberships(orgId)).filter((m) => {
      const q = queues.get(m.queueId);
      return q && (locationId === undefined || q.locationId === locationId) && (queueId === undefined || m.queueId === queueId) && (query.joinEnabled === undefined || m.joinEnabled === query.joinEnabled);
    });
    const byPerson = new Map<string, typeof memberships>();
    for (const m of memberships) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    const people = (await this.store.people.getMany(orgId, [...byPerson.keys()])).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    const lines = (await agentLines(this.store, orgId, people)).filter((l) => matchesPerson(l, query.name, query.phoneNumber));
    const summaries = lines.map((line) => {
      const ms = byPerson.get(line.person.id)!;
      return {
        ...line,
        queueCount: ms.length,
        locationCount: new Set(ms.map((m) => queues.get(m.queueId)!.locationId)).size,
        joinCount: ms.filter((m) => m.joinEnabled).length,
        unjoinCount: ms.filter((m) => !m.joinEnabled).length,
      };
    });
    return pageOf(summaries, query.start, query.max);
  }

  /** One agent and the queues they are an agent of (404 for anyone else). */
  async get(orgId: string, publicId: string, start: number, max: number): Promise<{ agent: AgentLine; queues: Page<AgentQueue, number> }> {
    const person = await this.person(orgId, publicId);
    const memberships = await this.store.callQueues.queuesOf(person.id);
    if (memberships.length === 0) throw notFound('The person is not an agent of any call queue.');
    const queues = await this.store.callQueues.all(orgId, memberships.map((m) => m.queueId));
    const locations = new Map((await this.store.locations.getMany(orgId, [...new Set(queues.map((q) => q.locationId))])).map((l) => [l.id, l]));
    const joined = new Map(memberships.map((m) => [m.queueId, m.joinEnabled]));
    const rows = queues.map((queue) => ({ queue, location: locations.get(queue.locationId), joinEnabled: joined.get(queue.id) ?? false }));
    return { agent: (await agentLines(this.store, orgId, [person]))[0]!, queues: pageOf(rows, start, max) };
  }

  /** Joins or leaves queues; every queue named must be one the person is an agent of. */
  async updateSettings(orgId: string, publicId: string, settings: readonly { queueId: string; joinEnabled: boolean }[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await this.person(orgId, publicId, tx);
      const memberships = new Set((await tx.callQueues.queuesOf(person.id)).map((m) => m.queueId));
      for (const s of settings) {
        const queueId = decodeId(s.queueId, 'CALL_QUEUE');
        if (queueId === undefined || !memberships.has(queueId) || !(await tx.callQueues.get(orgId, queueId))) throw badRequest(`settings: ${s.queueId} is not a call queue this person is an agent of.`);
        await tx.callQueues.setJoined(queueId, person.id, s.joinEnabled);
      }
    });
  }

  /** People of the location who could be agents (everyone with Webex Calling there). */
  async available(orgId: string, query: { locationId: string; name?: string; phoneNumber?: string; start: number; max: number }): Promise<Page<AgentLine, number>> {
    const locationId = locationFilter(query.locationId)!;
    if (!(await this.store.locations.get(orgId, locationId))) throw notFound('Location not found.');
    const lines = (await agentLines(this.store, orgId, await callingPeople(this.store, orgId, locationId))).filter((l) => matchesPerson(l, query.name, query.phoneNumber));
    return pageOf(lines, query.start, query.max);
  }
}
