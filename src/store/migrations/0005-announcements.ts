import { sql, type Kysely } from 'kysely';

// The announcement repository (audio files at organization and location level) and the Music
// On Hold settings of calling locations, which may play one of those files.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('media_file_type', 'text', (c) => c.notNull())
    // One type name for both dialects: PostgreSQL's binary type; SQLite gives any declared type
    // it does not know NUMERIC affinity, which stores BLOB values unchanged.
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_updated', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('announcements_org_location').on('announcements').columns(['org_id', 'location_id']).execute();

  await db.schema
    .createTable('location_music_on_hold')
    .addColumn('location_id', 'text', (c) => c.primaryKey().references('locations.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('call_hold_enabled', 'integer', (c) => c.notNull())
    .addColumn('call_park_enabled', 'integer', (c) => c.notNull())
    .addColumn('greeting', 'text', (c) => c.notNull())
    // No cascade: a file Music On Hold plays cannot be deleted (the service refuses first).
    .addColumn('announcement_id', 'text', (c) => c.references('announcements.id'))
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('location_music_on_hold_announcement').on('location_music_on_hold').column('announcement_id').execute();
}
