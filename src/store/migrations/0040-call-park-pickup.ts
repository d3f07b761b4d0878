import { sql, type Kysely } from 'kysely';

// Call park groups, call park extensions, a location's call park settings, and call pickup
// groups. A person belongs to at most one call park group and one call pickup group (Webex's
// "available users" are those in none), so membership rows are unique per person.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_parks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('recall_option', 'text', (c) => c.notNull())
    // A hunt group ID kept loose: deleting the hunt group leaves the option without it.
    .addColumn('recall_hunt_group_id', 'text')
    .addColumn('park_on_agents', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_parks_location_name').unique().on('call_parks').expression(sql`location_id, lower(name)`).execute();

  await db.schema
    .createTable('call_park_agents')
    .addColumn('call_park_id', 'text', (c) => c.notNull().references('call_parks.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_park_agents_pk', ['call_park_id', 'person_id'])
    .execute();
  await db.schema.createIndex('call_park_agents_person').unique().on('call_park_agents').column('person_id').execute();

  await db.schema
    .createTable('call_park_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('extension', 'text', (c) => c.notNull())
    // The call park group it belongs to, if any (one group at most).
    .addColumn('call_park_id', 'text', (c) => c.references('call_parks.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_park_extensions_location_extension').unique().on('call_park_extensions').columns(['location_id', 'extension']).execute();
  await db.schema.createIndex('call_park_extensions_location_name').unique().on('call_park_extensions').expression(sql`location_id, lower(name)`).execute();

  await db.schema
    .createTable('call_park_settings')
    .addColumn('location_id', 'text', (c) => c.primaryKey().references('locations.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // JSON: the domain's CallParkLocationSettings.
    .addColumn('settings', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('call_pickups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notification_type', 'text', (c) => c.notNull())
    .addColumn('notification_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_pickups_location_name').unique().on('call_pickups').expression(sql`location_id, lower(name)`).execute();

  await db.schema
    .createTable('call_pickup_agents')
    .addColumn('call_pickup_id', 'text', (c) => c.notNull().references('call_pickups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_pickup_agents_pk', ['call_pickup_id', 'person_id'])
    .execute();
  await db.schema.createIndex('call_pickup_agents_person').unique().on('call_pickup_agents').column('person_id').execute();
}
