import { sql, type Kysely } from 'kysely';

// Workspaces: rooms, desks and shared spaces with devices. A workspace with Webex Calling has a
// calling location and a number and/or extension, unique against each other here; against people
// and hunt groups the domain checks (numbers.owner_id names people only, as for hunt groups). What
// Webex reads and writes whole (calendar, hosted meetings, navigation, licenses) is JSON.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    // The workspace's location (Webex's locationId), not necessarily a calling one.
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('set null'))
    .addColumn('calling_type', 'text', (c) => c.notNull())
    // With calling_type webexCalling: the calling location and the line.
    .addColumn('calling_location_id', 'text', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sip_address', 'text')
    .addColumn('notes', 'text')
    .addColumn('hotdesking_status', 'text', (c) => c.notNull())
    .addColumn('supported_devices', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workspaces_org_name').on('workspaces').expression(sql`org_id, lower(display_name)`).execute();
  await db.schema.createIndex('workspaces_phone_number').unique().on('workspaces').column('phone_number').execute();
  await db.schema.createIndex('workspaces_location_extension').unique().on('workspaces').columns(['calling_location_id', 'extension']).execute();
}
