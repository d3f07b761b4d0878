import { sql, type Selectable, type SqlBool } from 'kysely';
import type { CallQueueSettings } from '../../domain/call-queues/call-queue-types.ts';
import type { CallQueueFilter, CallQueueRepository, FeatureDocument, FeatureDocumentRepository, StoredCallQueue, StoredQueueAgent } from '../call-queues-store.ts';
import type { Page } from '../store.ts';
import type { CallQueuesTable, FeatureDocumentsTable } from '../tables/call-queues.ts';
import { chunks, flag, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toQueue = (row: Selectable<CallQueuesTable>): StoredCallQueue => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  enabled: row.enabled === 1,
  phoneNumber: row.phone_number,
  extension: row.extension,
  settings: JSON.parse(row.settings) as CallQueueSettings,
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyCallQueueRepository implements CallQueueRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(q: StoredCallQueue, agents: readonly StoredQueueAgent[]): Promise<void> {
    await guardUnique(this.ctx, 'call queue', () =>
      this.ctx.db
        .insertInto('call_queues')
        .values({
          id: q.id,
          org_id: q.orgId,
          location_id: q.locationId,
          name: q.name,
          enabled: flag(q.enabled),
          phone_number: q.phoneNumber,
          extension: q.extension,
          settings: JSON.stringify(q.settings),
          created: q.created,
          last_modified: q.lastModified,
        })
        .execute(),
    );
    await this.insertAgents(q.id, agents);
  }

  private async insertAgents(queueId: string, agents: readonly StoredQueueAgent[]): Promise<void> {
    const rows = agents.map((a, position) => ({ queue_id: queueId, person_id: a.personId, position, weight: a.weight, skill_level: a.skillLevel, join_enabled: flag(a.joinEnabled) }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('call_queue_agents').values(chunk).execute();
  }

  async get(orgId: string, id: string): Promise<StoredCallQueue | undefined> {
    const row = await this.ctx.db.selectFrom('call_queues').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toQueue(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredCallQueue | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_queues')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toQueue(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredCallQueue | undefined> {
    const row = await this.ctx.db.selectFrom('call_queues').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toQueue(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredCallQueue | undefined> {
    const row = await this.ctx.db.selectFrom('call_queues').selectAll().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toQueue(row);
  }

  async list(orgId: string, filter: CallQueueFilter): Promise<Page<StoredCallQueue, number>> {
    let query = this.ctx.db.selectFrom('call_queues').selectAll().where('org_id', '=', orgId);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    if (filter.phoneNumber !== undefined) query = query.where(matches('phone_number', filter.phoneNumber, 'contains'));
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toQueue), filter.start, filter.max);
  }

  async all(orgId: string, ids?: readonly string[]): Promise<StoredCallQueue[]> {
    if (ids !== undefined && ids.length === 0) return [];
    let query = this.ctx.db.selectFrom('call_queues').selectAll().where('org_id', '=', orgId);
    if (ids !== undefined) query = query.where('id', 'in', [...ids]);
    return (await query.orderBy(sql`lower(name)`).orderBy('id').execute()).map(toQueue);
  }

  async agents(queueId: string): Promise<StoredQueueAgent[]> {
    const rows = await this.ctx.db.selectFrom('call_queue_agents').selectAll().where('queue_id', '=', queueId).orderBy('position').execute();
    return rows.map((r) => ({ personId: r.person_id, weight: r.weight, skillLevel: r.skill_level, joinEnabled: r.join_enabled === 1 }));
  }

  async queuesOf(personId: string): Promise<{ queueId: string; joinEnabled: boolean }[]> {
    const rows = await this.ctx.db.selectFrom('call_queue_agents').select(['queue_id', 'join_enabled']).where('person_id', '=', personId).orderBy('queue_id').execute();
    return rows.map((r) => ({ queueId: r.queue_id, joinEnabled: r.join_enabled === 1 }));
  }

  async memberships(orgId: string): Promise<{ queueId: string; personId: string; joinEnabled: boolean }[]> {
    const rows = await this.ctx.db
      .selectFrom('call_queue_agents')
      .innerJoin('call_queues', 'call_queues.id', 'call_queue_agents.queue_id')
      .select(['call_queue_agents.queue_id', 'call_queue_agents.person_id', 'call_queue_agents.join_enabled'])
      .where('call_queues.org_id', '=', orgId)
      .execute();
    return rows.map((r) => ({ queueId: r.queue_id, personId: r.person_id, joinEnabled: r.join_enabled === 1 }));
  }

  async setJoined(queueId: string, personId: string, joinEnabled: boolean): Promise<void> {
    await this.ctx.db.updateTable('call_queue_agents').set({ join_enabled: flag(joinEnabled) }).where('queue_id', '=', queueId).where('person_id', '=', personId).execute();
  }

  async update(q: StoredCallQueue, agents?: readonly StoredQueueAgent[]): Promise<void> {
    await guardUnique(this.ctx, 'call queue', () =>
      this.ctx.db
        .updateTable('call_queues')
        .set({ name: q.name, enabled: flag(q.enabled), phone_number: q.phoneNumber, extension: q.extension, settings: JSON.stringify(q.settings), last_modified: q.lastModified })
        .where('org_id', '=', q.orgId)
        .where('id', '=', q.id)
        .execute(),
    );
    if (agents === undefined) return;
    await this.ctx.db.deleteFrom('call_queue_agents').where('queue_id', '=', q.id).execute();
    await this.insertAgents(q.id, agents);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('call_queues').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async lastAgent(id: string): Promise<string | null> {
    const row = await this.ctx.db.selectFrom('call_queues').select('last_agent_id').where('id', '=', id).executeTakeFirst();
    return row?.last_agent_id ?? null;
  }

  async setLastAgent(id: string, personId: string): Promise<void> {
    await this.ctx.db.updateTable('call_queues').set({ last_agent_id: personId }).where('id', '=', id).execute();
  }

  async setWaiting(sessionId: string, queueId: string | null, since: string): Promise<void> {
    const current = await this.ctx.db.selectFrom('call_queue_waiting').select('queue_id').where('session_id', '=', sessionId).executeTakeFirst();
    if (current?.queue_id === queueId) return;
    await this.ctx.db.deleteFrom('call_queue_waiting').where('session_id', '=', sessionId).execute();
    if (queueId === null) return;
    const last = await this.ctx.db.selectFrom('call_queue_waiting').select((eb) => eb.fn.max('arrival').as('arrival')).where('queue_id', '=', queueId).executeTakeFirst();
    await this.ctx.db.insertInto('call_queue_waiting').values({ session_id: sessionId, queue_id: queueId, since, arrival: Number(last?.arrival ?? 0) + 1 }).execute();
  }

  async waiting(queueId: string): Promise<string[]> {
    const rows = await this.ctx.db.selectFrom('call_queue_waiting').select('session_id').where('queue_id', '=', queueId).orderBy('since').orderBy('arrival').orderBy('session_id').execute();
    return rows.map((r) => r.session_id);
  }

  async supervisors(orgId: string): Promise<Map<string, string[]>> {
    const rows = await this.ctx.db.selectFrom('call_queue_supervisors').select(['supervisor_id', 'agent_id']).where('org_id', '=', orgId).orderBy('supervisor_id').orderBy('agent_id').execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.supervisor_id, [...(out.get(r.supervisor_id) ?? []), r.agent_id]);
    return out;
  }

  async setSupervisedAgents(orgId: string, supervisorId: string, agentIds: readonly string[]): Promise<void> {
    await this.ctx.db.deleteFrom('call_queue_supervisors').where('org_id', '=', orgId).where('supervisor_id', '=', supervisorId).execute();
    const rows = agentIds.map((agent_id) => ({ org_id: orgId, supervisor_id: supervisorId, agent_id }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('call_queue_supervisors').values(chunk).execute();
  }
}

const toDocument = (row: Selectable<FeatureDocumentsTable>): FeatureDocument => ({
  id: row.id,
  orgId: row.org_id,
  kind: row.kind,
  name: row.name,
  data: JSON.parse(row.data) as Record<string, unknown>,
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyFeatureDocumentRepository implements FeatureDocumentRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(d: FeatureDocument): Promise<void> {
    await guardUnique(this.ctx, d.kind, () =>
      this.ctx.db
        .insertInto('feature_documents')
        .values({ id: d.id, org_id: d.orgId, kind: d.kind, name: d.name, data: JSON.stringify(d.data), created: d.created, last_modified: d.lastModified })
        .execute(),
    );
  }

  async get(orgId: string, kind: string, id: string): Promise<FeatureDocument | undefined> {
    const row = await this.ctx.db.selectFrom('feature_documents').selectAll().where('org_id', '=', orgId).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    return row && toDocument(row);
  }

  async list(orgId: string, kind: string): Promise<FeatureDocument[]> {
    const rows = await this.ctx.db.selectFrom('feature_documents').selectAll().where('org_id', '=', orgId).where('kind', '=', kind).orderBy(sql`lower(name)`).orderBy('id').execute();
    return rows.map(toDocument);
  }

  async update(d: FeatureDocument): Promise<void> {
    await guardUnique(this.ctx, d.kind, () =>
      this.ctx.db
        .updateTable('feature_documents')
        .set({ name: d.name, data: JSON.stringify(d.data), last_modified: d.lastModified })
        .where('org_id', '=', d.orgId)
        .where('kind', '=', d.kind)
        .where('id', '=', d.id)
        .execute(),
    );
  }

  async delete(orgId: string, kind: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('feature_documents').where('org_id', '=', orgId).where('kind', '=', kind).where('id', '=', id).execute();
  }
}
