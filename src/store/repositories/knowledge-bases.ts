import { sql, type Selectable, type SqlBool } from 'kysely';
import type { KnowledgeBaseFilter, KnowledgeBaseRepository, KnowledgeBaseSummary, StoredDocument, StoredKnowledgeBase } from '../ai-receptionists-store.ts';
import type { Page } from '../store.ts';
import type { KnowledgeBaseDocumentsTable } from '../tables/ai-receptionists.ts';
import { guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

type DocumentRow = Omit<Selectable<KnowledgeBaseDocumentsTable>, 'data'>;

const toDocument = (row: DocumentRow): StoredDocument => ({
  id: row.id,
  orgId: row.org_id,
  knowledgeBaseId: row.knowledge_base_id,
  name: row.name,
  knowledgeType: row.knowledge_type === 'file' ? 'file' : 'article',
  content: row.content,
  fileName: row.file_name,
  mediaType: row.media_type,
  fileSize: Number(row.file_size),
  created: row.created,
  lastModified: row.last_modified,
});

const DOCUMENT_COLUMNS = ['id', 'org_id', 'knowledge_base_id', 'name', 'knowledge_type', 'content', 'file_name', 'media_type', 'file_size', 'created', 'last_modified'] as const;

const bytes = (data: Uint8Array): Buffer => (Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));

export class KyselyKnowledgeBaseRepository implements KnowledgeBaseRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /** Knowledge bases with their documents' counts: every document counts, files (uploads) apart. */
  private summaries(orgId: string) {
    return this.ctx.db
      .selectFrom('knowledge_bases as k')
      .leftJoin('knowledge_base_documents as d', 'd.knowledge_base_id', 'k.id')
      .select(['k.id', 'k.org_id', 'k.name', 'k.description', 'k.created', 'k.last_modified'])
      .select((eb) => [
        eb.fn.count<number>('d.id').as('documents_count'),
        eb.fn.sum<number>(eb.case().when('d.knowledge_type', '=', 'file').then(1).else(0).end()).as('files_count'),
        eb.fn.sum<number>(eb.case().when('d.knowledge_type', '=', 'file').then(eb.ref('d.file_size')).else(0).end()).as('files_size'),
      ])
      .where('k.org_id', '=', orgId)
      .groupBy(['k.id', 'k.org_id', 'k.name', 'k.description', 'k.created', 'k.last_modified']);
  }

  async insert(k: StoredKnowledgeBase): Promise<void> {
    await guardUnique(this.ctx, 'knowledge base', () =>
      this.ctx.db
        .insertInto('knowledge_bases')
        .values({ id: k.id, org_id: k.orgId, name: k.name, description: k.description, created: k.created, last_modified: k.lastModified })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<KnowledgeBaseSummary | undefined> {
    const row = await this.summaries(orgId).where('k.id', '=', id).executeTakeFirst();
    return row && toSummary(row);
  }

  async findByName(orgId: string, name: string): Promise<StoredKnowledgeBase | undefined> {
    const row = await this.ctx.db.selectFrom('knowledge_bases').selectAll().where('org_id', '=', orgId).where(sql<SqlBool>`lower(name) = lower(${name})`).executeTakeFirst();
    return row && { id: row.id, orgId: row.org_id, name: row.name, description: row.description, created: row.created, lastModified: row.last_modified };
  }

  async list(orgId: string, filter: KnowledgeBaseFilter): Promise<Page<KnowledgeBaseSummary, number>> {
    let query = this.summaries(orgId);
    if (filter.name !== undefined) query = query.where(matches('k.name', filter.name, 'contains', true));
    const rows = await query.orderBy(sql`lower(k.name)`).orderBy('k.id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toSummary), filter.start, filter.max);
  }

  async update(k: StoredKnowledgeBase): Promise<void> {
    await guardUnique(this.ctx, 'knowledge base', () =>
      this.ctx.db
        .updateTable('knowledge_bases')
        .set({ name: k.name, description: k.description, last_modified: k.lastModified })
        .where('org_id', '=', k.orgId)
        .where('id', '=', k.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('knowledge_base_documents').where('org_id', '=', orgId).where('knowledge_base_id', '=', id).execute();
    await this.ctx.db.deleteFrom('knowledge_bases').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async insertDocument(d: StoredDocument, data: Uint8Array | null): Promise<void> {
    await this.ctx.db
      .insertInto('knowledge_base_documents')
      .values({
        id: d.id,
        org_id: d.orgId,
        knowledge_base_id: d.knowledgeBaseId,
        name: d.name,
        knowledge_type: d.knowledgeType,
        content: d.content,
        file_name: d.fileName,
        media_type: d.mediaType,
        data: data && bytes(data),
        file_size: d.fileSize,
        created: d.created,
        last_modified: d.lastModified,
      })
      .execute();
  }

  async documents(orgId: string, knowledgeBaseId: string, start: number, max: number): Promise<Page<StoredDocument, number>> {
    const rows = await this.ctx.db
      .selectFrom('knowledge_base_documents')
      .select(DOCUMENT_COLUMNS)
      .where('org_id', '=', orgId)
      .where('knowledge_base_id', '=', knowledgeBaseId)
      .orderBy('created')
      .orderBy('id')
      .limit(max + 1)
      .offset(start)
      .execute();
    return offsetPage(rows.map(toDocument), start, max);
  }

  async getDocument(orgId: string, knowledgeBaseId: string, id: string): Promise<StoredDocument | undefined> {
    const row = await this.ctx.db
      .selectFrom('knowledge_base_documents')
      .select(DOCUMENT_COLUMNS)
      .where('org_id', '=', orgId)
      .where('knowledge_base_id', '=', knowledgeBaseId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toDocument(row);
  }

  async documentData(orgId: string, knowledgeBaseId: string, id: string): Promise<Uint8Array | undefined> {
    const row = await this.ctx.db
      .selectFrom('knowledge_base_documents')
      .select('data')
      .where('org_id', '=', orgId)
      .where('knowledge_base_id', '=', knowledgeBaseId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.data ? new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) : undefined;
  }

  async updateDocument(d: StoredDocument): Promise<void> {
    await this.ctx.db
      .updateTable('knowledge_base_documents')
      .set({ name: d.name, content: d.content, file_size: d.fileSize, last_modified: d.lastModified })
      .where('org_id', '=', d.orgId)
      .where('id', '=', d.id)
      .execute();
  }

  async deleteDocument(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('knowledge_base_documents').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}

function toSummary(row: { id: string; org_id: string; name: string; description: string | null; created: string; last_modified: string; documents_count: unknown; files_count: unknown; files_size: unknown }): KnowledgeBaseSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    description: row.description,
    created: row.created,
    lastModified: row.last_modified,
    documentsCount: Number(row.documents_count ?? 0),
    filesCount: Number(row.files_count ?? 0),
    filesSize: Number(row.files_size ?? 0),
  };
}
