import { sql, type Kysely } from 'kysely';

// Voicemail groups: a shared box of a location, reached by its number or extension. What must
// stay unique (name per location, number, extension per location) has its own columns; the rest
// of Webex's document (storage, notifications, fax, transfer, email copy, caller ID names) is JSON.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('voicemail_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    /** A digest of the box's passcode (never the digits). */
    .addColumn('passcode', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('voicemail_groups_location_name').unique().on('voicemail_groups').expression(sql`location_id, lower(name)`).execute();
  await db.schema.createIndex('voicemail_groups_phone_number').unique().on('voicemail_groups').column('phone_number').execute();
  await db.schema.createIndex('voicemail_groups_location_extension').unique().on('voicemail_groups').columns(['location_id', 'extension']).execute();
  await db.schema.createIndex('voicemail_groups_org').on('voicemail_groups').columns(['org_id', 'name']).execute();
}
