import { sql, type Kysely } from 'kysely';

// Time schedules of calling locations (business hours, holidays). A schedule's events are read and
// written with it, always whole, so they live in the row as JSON.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  // Webex: a schedule's name is unique in its location among schedules of its type.
  await db.schema.createIndex('schedules_location_type_name').unique().on('schedules').expression(sql`location_id, type, lower(name)`).execute();
}
