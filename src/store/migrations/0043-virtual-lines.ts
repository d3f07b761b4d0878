import { sql, type Kysely } from 'kysely';

// Virtual lines: a number and/or extension of a calling location with no person behind it, that
// rings where it is assigned. Number and extension are unique among virtual lines here; against
// people, hunt groups and workspaces the domain checks (numbers.owner_id names people only).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('virtual_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    // Caller ID, announcement language, time zone, directory search: read and written whole.
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('virtual_lines_org_name').on('virtual_lines').expression(sql`org_id, lower(last_name), lower(first_name)`).execute();
  await db.schema.createIndex('virtual_lines_phone_number').unique().on('virtual_lines').column('phone_number').execute();
  await db.schema.createIndex('virtual_lines_location_extension').unique().on('virtual_lines').columns(['location_id', 'extension']).execute();
}
