import { sql, type Kysely } from 'kysely';

// Virtual extensions (an extension that reaches an external number) and their ranges, and
// operating modes (schedules of the organization or a location that decide which forwarding a
// feature applies). A location_id of null means the organization level.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('virtual_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('extension', 'text', (c) => c.notNull())
    .addColumn('phone_number', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  // One virtual extension per extension and level ('' stands for the organization level).
  await db.schema.createIndex('virtual_extensions_extension').unique().on('virtual_extensions').expression(sql`org_id, coalesce(location_id, ''), extension`).execute();

  await db.schema
    .createTable('virtual_extension_ranges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    /** JSON: the extension patterns (digits, X for any digit). */
    .addColumn('patterns', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('virtual_extension_ranges_name').unique().on('virtual_extension_ranges').expression(sql`org_id, coalesce(location_id, ''), lower(name)`).execute();

  await db.schema
    .createTable('operating_modes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    /** JSON: the domain's OperatingModeSettings (hours, holidays, call forwarding). */
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('operating_modes_name').unique().on('operating_modes').expression(sql`org_id, coalesce(location_id, ''), lower(name)`).execute();
}
