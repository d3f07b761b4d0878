import type { Kysely } from 'kysely';

// The floors of a location (Locations API): a number (unique in the location) and an optional
// display name. They go with their location.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('location_floors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('floor_number', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addUniqueConstraint('location_floors_number', ['location_id', 'floor_number'])
    .execute();
}
