import { sql, type Kysely } from 'kysely';

// Small documents of an organization's calling features that Webex reads and writes whole and
// nothing else joins on: announcement playlists, Customer Assist wrap-up reasons, the
// organization's call queue settings. One table, keyed by kind; names unique per kind.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feature_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feature_documents_name').unique().on('feature_documents').expression(sql`org_id, kind, lower(name)`).execute();
}
