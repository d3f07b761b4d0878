import type { Page, Person, Store } from '../../store/store.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { agentLines, callingPeople, matchesPerson, pageOf, type AgentLine } from './call-queue-agents.ts';

// Supervisors, as Webex defines them: a person with Webex Calling who supervises agents of the
// organization's call queues (people who are an agent of at least one queue). A supervisor exists
// while they supervise someone; removing their last agent removes them. Adding agents reports,
// per agent, those that could not be added (Webex's 206 answer) and adds the rest.

export type AgentStatus = { id: string; status: string; message: string };
export type SupervisorView = AgentLine & { agentCount: number };

const supervisorNotFound = () => notFound('Supervisor not found.');

type Query = { name?: string; phoneNumber?: string; start: number; max: number };

export class CallQueueSupervisorService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  private async person(store: Store, orgId: string, publicId: string): Promise<Person | undefined> {
    const id = decodeId(publicId, 'PEOPLE');
    const person = id !== undefined ? await store.people.get(orgId, id) : undefined;
    return person?.locationId != null ? person : undefined;
  }

  /** People who are an agent of one of the organization's queues. */
  private async queueAgents(store: Store, orgId: string): Promise<Set<string>> {
    return new Set((await store.callQueues.memberships(orgId)).map((m) => m.personId));
  }

  async list(orgId: string, query: Query): Promise<Page<SupervisorView, number>> {
    const supervisors = await this.store.callQueues.supervisors(orgId);
    const people = (await this.store.people.getMany(orgId, [...supervisors.keys()])).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    const lines = (await agentLines(this.store, orgId, people)).filter((l) => matchesPerson(l, query.name, query.phoneNumber));
    return pageOf(lines.map((l) => ({ ...l, agentCount: supervisors.get(l.person.id)!.length })), query.start, query.max);
  }

  /** The agents a supervisor supervises. */
  async agents(orgId: string, supervisorPublicId: string, query: Query): Promise<Page<AgentLine, number>> {
    const id = decodeId(supervisorPublicId, 'PEOPLE');
    const agentIds = id !== undefined ? (await this.store.callQueues.supervisors(orgId)).get(id) : undefined;
    if (!agentIds) throw supervisorNotFound();
    const people = (await this.store.people.getMany(orgId, agentIds)).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    return pageOf((await agentLines(this.store, orgId, people)).filter((l) => matchesPerson(l, query.name, query.phoneNumber)), query.start, query.max);
  }

  /** Creates a supervisor with agents; answers the agents that could not be added. */
  async create(orgId: string, supervisorPublicId: string, agents: readonly { id: string }[]): Promise<AgentStatus[]> {
    return this.store.transaction(async (tx) => {
      const supervisor = await this.person(tx, orgId, supervisorPublicId);
      if (!supervisor) throw badRequest(`id: ${supervisorPublicId} is not a person of this organization with Webex Calling.`);
      if ((await tx.callQueues.supervisors(orgId)).has(supervisor.id)) throw conflict('The person is already a supervisor.');
      if (agents.length === 0) throw badRequest('agents: a supervisor needs at least one agent.');
      const { added, failed } = await this.checkAgents(tx, orgId, supervisor.id, agents.map((a) => a.id));
      if (added.length === 0) throw badRequest(`agents: none can be supervised (${failed.map((f) => f.message).join(' ')})`);
      await tx.callQueues.setSupervisedAgents(orgId, supervisor.id, added);
      return failed;
    });
  }

  /** Adds and removes agents; answers the ones that could not be changed. */
  async changeAgents(orgId: string, supervisorPublicId: string, changes: readonly { id: string; action: 'ADD' | 'DELETE' }[]): Promise<AgentStatus[]> {
    return this.store.transaction(async (tx) => {
      const id = decodeId(supervisorPublicId, 'PEOPLE');
      const current = id !== undefined ? (await tx.callQueues.supervisors(orgId)).get(id) : undefined;
      if (!id || !current) throw supervisorNotFound();
      const agents = new Set(current);
      const failed: AgentStatus[] = [];
      const { added, failed: notAdded } = await this.checkAgents(tx, orgId, id, changes.filter((c) => c.action === 'ADD').map((c) => c.id));
      failed.push(...notAdded);
      for (const a of added) agents.add(a);
      for (const c of changes.filter((x) => x.action === 'DELETE')) {
        const agentId = decodeId(c.id, 'PEOPLE');
        if (agentId === undefined || !agents.delete(agentId)) failed.push({ id: c.id, status: 'NOT_FOUND', message: `${c.id} is not an agent of this supervisor.` });
      }
      await tx.callQueues.setSupervisedAgents(orgId, id, [...agents]);
      return failed;
    });
  }

  async delete(orgId: string, supervisorPublicIds: readonly string[], all = false): Promise<void> {
    await this.store.transaction(async (tx) => {
      const supervisors = await tx.callQueues.supervisors(orgId);
      const ids = all ? [...supervisors.keys()] : supervisorPublicIds.map((p) => decodeId(p, 'PEOPLE'));
      for (const id of ids) if (id === undefined || !supervisors.has(id)) throw supervisorNotFound();
      for (const id of ids) await tx.callQueues.setSupervisedAgents(orgId, id!, []);
    });
  }

  /** People with Webex Calling who are not supervisors yet. */
  async availableSupervisors(orgId: string, query: Query): Promise<Page<AgentLine, number>> {
    const supervisors = await this.store.callQueues.supervisors(orgId);
    const people = (await callingPeople(this.store, orgId)).filter((p) => !supervisors.has(p.id));
    return pageOf((await agentLines(this.store, orgId, people)).filter((l) => matchesPerson(l, query.name, query.phoneNumber)), query.start, query.max);
  }

  /** Queue agents a supervisor could be given. */
  async availableAgents(orgId: string, query: Query): Promise<Page<AgentLine, number>> {
    const agents = await this.queueAgents(this.store, orgId);
    const people = (await callingPeople(this.store, orgId)).filter((p) => agents.has(p.id));
    return pageOf((await agentLines(this.store, orgId, people)).filter((l) => matchesPerson(l, query.name, query.phoneNumber)), query.start, query.max);
  }

  private async checkAgents(tx: Store, orgId: string, supervisorId: string, publicIds: readonly string[]): Promise<{ added: string[]; failed: AgentStatus[] }> {
    const queueAgents = await this.queueAgents(tx, orgId);
    const added: string[] = [];
    const failed: AgentStatus[] = [];
    for (const publicId of publicIds) {
      const person = await this.person(tx, orgId, publicId);
      if (!person || !queueAgents.has(person.id)) failed.push({ id: publicId, status: 'INVALID', message: `${publicId} is not an agent of a call queue of this organization.` });
      else if (person.id === supervisorId) failed.push({ id: publicId, status: 'INVALID', message: 'A supervisor cannot supervise themselves.' });
      else if (!added.includes(person.id)) added.push(person.id);
    }
    return { added, failed };
  }
}
