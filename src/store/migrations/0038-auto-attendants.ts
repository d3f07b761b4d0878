import { sql, type Kysely } from 'kysely';

// Auto attendants of calling locations. As for hunt groups, what Webex reads and writes whole
// (menus, schedules by name, forwarding…) is JSON in the row; what must stay unique across rows
// (name in the location, number, extension in the location) has its own columns.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auto_attendants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auto_attendants_location_name').unique().on('auto_attendants').expression(sql`location_id, lower(name)`).execute();
  await db.schema.createIndex('auto_attendants_phone_number').unique().on('auto_attendants').column('phone_number').execute();
  await db.schema.createIndex('auto_attendants_location_extension').unique().on('auto_attendants').columns(['location_id', 'extension']).execute();
  await db.schema.createIndex('auto_attendants_org').on('auto_attendants').column('org_id').execute();
}
