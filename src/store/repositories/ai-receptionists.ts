import { sql, type Selectable, type SqlBool } from 'kysely';
import type { AiReceptionistSettings, TransferTarget } from '../../domain/ai-receptionists/ai-receptionist-types.ts';
import type { AiReceptionistFilter, AiReceptionistRepository, StoredAiReceptionist, StoredIntent } from '../ai-receptionists-store.ts';
import type { Page } from '../store.ts';
import type { AiReceptionistIntentsTable, AiReceptionistsTable } from '../tables/ai-receptionists.ts';
import { flag, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toReceptionist = (row: Selectable<AiReceptionistsTable>): StoredAiReceptionist => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  enabled: row.enabled === 1,
  phoneNumber: row.phone_number,
  extension: row.extension,
  knowledgeBaseId: row.knowledge_base_id,
  settings: JSON.parse(row.settings) as AiReceptionistSettings,
  created: row.created,
  lastModified: row.last_modified,
});

const toIntent = (row: Selectable<AiReceptionistIntentsTable>): StoredIntent => ({
  id: row.id,
  orgId: row.org_id,
  aiReceptionistId: row.ai_receptionist_id,
  name: row.name,
  description: row.description,
  transferTo: JSON.parse(row.transfer_to) as TransferTarget,
  created: row.created,
});

const columns = (r: StoredAiReceptionist) => ({
  name: r.name,
  enabled: flag(r.enabled),
  phone_number: r.phoneNumber,
  extension: r.extension,
  knowledge_base_id: r.knowledgeBaseId,
  settings: JSON.stringify(r.settings),
  last_modified: r.lastModified,
});

export class KyselyAiReceptionistRepository implements AiReceptionistRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  private select() {
    return this.ctx.db.selectFrom('ai_receptionists').selectAll();
  }

  async insert(r: StoredAiReceptionist): Promise<void> {
    await guardUnique(this.ctx, 'AI receptionist', () =>
      this.ctx.db
        .insertInto('ai_receptionists')
        .values({ id: r.id, org_id: r.orgId, location_id: r.locationId, created: r.created, ...columns(r) })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<StoredAiReceptionist | undefined> {
    const row = await this.select().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toReceptionist(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredAiReceptionist | undefined> {
    const row = await this.select().where('location_id', '=', locationId).where(sql<SqlBool>`lower(name) = lower(${name})`).executeTakeFirst();
    return row && toReceptionist(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredAiReceptionist | undefined> {
    const row = await this.select().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toReceptionist(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredAiReceptionist | undefined> {
    const row = await this.select().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toReceptionist(row);
  }

  async list(orgId: string, filter: AiReceptionistFilter): Promise<Page<StoredAiReceptionist, number>> {
    let query = this.select().where('org_id', '=', orgId);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    const digits = filter.phoneNumber;
    if (digits !== undefined) query = query.where((eb) => eb.or([matches('phone_number', digits, 'contains'), matches('extension', digits, 'contains')]));
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toReceptionist), filter.start, filter.max);
  }

  async countOfOrganization(orgId: string): Promise<number> {
    const row = await this.ctx.db.selectFrom('ai_receptionists').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async usingKnowledgeBase(orgId: string, knowledgeBaseId: string): Promise<StoredAiReceptionist[]> {
    const rows = await this.select().where('org_id', '=', orgId).where('knowledge_base_id', '=', knowledgeBaseId).orderBy(sql`lower(name)`).orderBy('id').execute();
    return rows.map(toReceptionist);
  }

  async update(r: StoredAiReceptionist): Promise<void> {
    await guardUnique(this.ctx, 'AI receptionist', () =>
      this.ctx.db.updateTable('ai_receptionists').set(columns(r)).where('org_id', '=', r.orgId).where('id', '=', r.id).execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('ai_receptionists').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async insertIntent(i: StoredIntent): Promise<void> {
    const last = await this.ctx.db
      .selectFrom('ai_receptionist_intents')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('ai_receptionist_id', '=', i.aiReceptionistId)
      .executeTakeFirst();
    const position = Number(last?.position ?? 0) + 1;
    await guardUnique(this.ctx, 'intent', () =>
      this.ctx.db
        .insertInto('ai_receptionist_intents')
        .values({ id: i.id, org_id: i.orgId, ai_receptionist_id: i.aiReceptionistId, name: i.name, description: i.description, transfer_to: JSON.stringify(i.transferTo), position, created: i.created })
        .execute(),
    );
  }

  async intents(orgId: string, aiReceptionistId: string): Promise<StoredIntent[]> {
    const rows = await this.ctx.db
      .selectFrom('ai_receptionist_intents')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('ai_receptionist_id', '=', aiReceptionistId)
      .orderBy('position')
      .execute();
    return rows.map(toIntent);
  }

  async intentCounts(orgId: string, aiReceptionistIds: readonly string[]): Promise<Map<string, number>> {
    if (aiReceptionistIds.length === 0) return new Map();
    const rows = await this.ctx.db
      .selectFrom('ai_receptionist_intents')
      .select(['ai_receptionist_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('ai_receptionist_id', 'in', [...aiReceptionistIds])
      .groupBy('ai_receptionist_id')
      .execute();
    return new Map(rows.map((r) => [r.ai_receptionist_id, Number(r.n)]));
  }

  async updateIntent(i: StoredIntent): Promise<void> {
    await guardUnique(this.ctx, 'intent', () =>
      this.ctx.db
        .updateTable('ai_receptionist_intents')
        .set({ name: i.name, description: i.description, transfer_to: JSON.stringify(i.transferTo) })
        .where('org_id', '=', i.orgId)
        .where('id', '=', i.id)
        .execute(),
    );
  }

  async deleteIntent(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('ai_receptionist_intents').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
