import { sql, type Kysely } from 'kysely';

// Device Call Settings: the background images an organization uploads for its MPP phones (the
// bytes, at most 100 per organization, named by file name), and when each device last took its
// configuration (a rebuild, a settings job): Webex's devices show it as lastSeen.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('device_background_images')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_background_images_pk', ['org_id', 'file_name'])
    .execute();
  await db.schema.alterTable('devices').addColumn('config_synced', 'text').execute();
}
