import { sql, type Kysely } from 'kysely';

// AI receptionists of calling locations, their intents, and the organization's knowledge bases
// with their documents. As for auto attendants, what Webex reads and writes whole (agent, default
// action…) is JSON in the row; what must stay unique (name in the location, number, extension in
// the location) or be joined on (the knowledge base) has its own columns.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('knowledge_bases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_bases_org_name').unique().on('knowledge_bases').expression(sql`org_id, lower(name)`).execute();

  await db.schema
    .createTable('knowledge_base_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('knowledge_base_id', 'text', (c) => c.notNull().references('knowledge_bases.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('knowledge_type', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    // One type name for both dialects (see 0005-announcements).
    .addColumn('data', sql`bytea`)
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_base_documents_base').on('knowledge_base_documents').column('knowledge_base_id').execute();

  await db.schema
    .createTable('ai_receptionists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('knowledge_base_id', 'text', (c) => c.references('knowledge_bases.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_receptionists_location_name').unique().on('ai_receptionists').expression(sql`location_id, lower(name)`).execute();
  await db.schema.createIndex('ai_receptionists_phone_number').unique().on('ai_receptionists').column('phone_number').execute();
  await db.schema.createIndex('ai_receptionists_location_extension').unique().on('ai_receptionists').columns(['location_id', 'extension']).execute();
  await db.schema.createIndex('ai_receptionists_org').on('ai_receptionists').column('org_id').execute();
  await db.schema.createIndex('ai_receptionists_knowledge_base').on('ai_receptionists').column('knowledge_base_id').execute();

  await db.schema
    .createTable('ai_receptionist_intents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_receptionist_id', 'text', (c) => c.notNull().references('ai_receptionists.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('transfer_to', 'text', (c) => c.notNull())
    // The order intents were made in (timestamps tie on a stepped clock): a caller reaches the nth by its key.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_receptionist_intents_name').unique().on('ai_receptionist_intents').expression(sql`ai_receptionist_id, lower(name)`).execute();
}
