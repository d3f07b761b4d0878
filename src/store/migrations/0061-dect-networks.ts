import { sql, type Kysely } from 'kysely';

// DECT networks of a location: base stations (by MAC) and handsets carrying one or two lines
// (line 1 a person or workspace, line 2 also). Everything goes with the network, the network
// with its location.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dect_networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('chain_id', 'integer', (c) => c.notNull())
    .addColumn('default_access_code_enabled', 'integer', (c) => c.notNull())
    .addColumn('default_access_code', 'text')
    .addColumn('serviceability_password_enabled', 'integer', (c) => c.notNull())
    .addColumn('serviceability_password', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dect_networks_name').unique().on('dect_networks').expression(sql`location_id, lower(name)`).execute();

  await db.schema
    .createTable('dect_base_stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('network_id', 'text', (c) => c.notNull().references('dect_networks.id').onDelete('cascade'))
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dect_base_stations_mac').unique().on('dect_base_stations').columns(['org_id', 'mac']).execute();

  await db.schema
    .createTable('dect_handsets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('network_id', 'text', (c) => c.notNull().references('dect_networks.id').onDelete('cascade'))
    /** The handset's number in its network, from 1. */
    .addColumn('handset_index', 'integer', (c) => c.notNull())
    .addColumn('custom_display_name', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('access_code', 'text', (c) => c.notNull())
    /** person or workspace, and its ID: the line on line 1 (line 2 optional). */
    .addColumn('line1_kind', 'text', (c) => c.notNull())
    .addColumn('line1_member_id', 'text', (c) => c.notNull())
    .addColumn('line2_kind', 'text')
    .addColumn('line2_member_id', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dect_handsets_index').unique().on('dect_handsets').columns(['network_id', 'handset_index']).execute();
  await db.schema.createIndex('dect_handsets_line1').on('dect_handsets').columns(['org_id', 'line1_member_id']).execute();
  await db.schema.createIndex('dect_handsets_line2').on('dect_handsets').columns(['org_id', 'line2_member_id']).execute();
}
