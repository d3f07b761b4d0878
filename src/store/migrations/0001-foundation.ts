import { sql, type Kysely } from 'kysely';

// Organizations, locations, licenses, people, numbers and tokens. Column types are the ones
// both SQLite and PostgreSQL spell the same way.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('default_location_id', 'text')
    .execute();

  await db.schema
    .createTable('locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('preferred_language', 'text', (c) => c.notNull())
    .addColumn('announcement_language', 'text', (c) => c.notNull())
    .addColumn('address1', 'text', (c) => c.notNull())
    .addColumn('address2', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('latitude', 'text')
    .addColumn('longitude', 'text')
    .addColumn('notes', 'text')
    .addColumn('calling_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('routing_prefix', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('locations_org_created').on('locations').columns(['org_id', 'created', 'id']).execute();
  await db.schema
    .createIndex('locations_org_name')
    .unique()
    .on('locations')
    .expression(sql`org_id, lower(name)`)
    .execute();

  await db.schema
    .createTable('licenses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('total_units', 'integer', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('site_url', 'text')
    .addColumn('site_type', 'text')
    .addColumn('calling', 'text')
    .execute();
  await db.schema.createIndex('licenses_org').on('licenses').column('org_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('display_name_key', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('nick_name', 'text')
    .addColumn('avatar', 'text')
    .addColumn('department', 'text')
    .addColumn('manager', 'text')
    .addColumn('manager_id', 'text')
    .addColumn('title', 'text')
    .addColumn('addresses', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('site_urls', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text')
    .addColumn('login_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('location_id', 'text', (c) => c.references('locations.id'))
    .addColumn('extension', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_email').unique().on('people').column('email').execute();
  await db.schema.createIndex('people_org_created').on('people').columns(['org_id', 'created', 'id']).execute();
  await db.schema.createIndex('people_org_name').on('people').columns(['org_id', 'display_name_key']).execute();
  await db.schema.createIndex('people_location_created').on('people').columns(['location_id', 'created', 'id']).execute();
  // An extension belongs to one member of a location.
  await db.schema.createIndex('people_location_extension').unique().on('people').columns(['location_id', 'extension']).execute();

  await db.schema
    .createTable('person_licenses')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('license_id', 'text', (c) => c.notNull().references('licenses.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_licenses_pk', ['person_id', 'license_id'])
    .execute();
  await db.schema.createIndex('person_licenses_license').on('person_licenses').columns(['license_id', 'person_id']).execute();

  await db.schema
    .createTable('numbers')
    .addColumn('phone_number', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('number_type', 'text', (c) => c.notNull())
    .addColumn('is_main_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_service_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('numbers_org_location').on('numbers').columns(['org_id', 'location_id', 'phone_number']).execute();
  // Webex Calling serves a person's primary number only: one number per owner.
  await db.schema.createIndex('numbers_owner').unique().on('numbers').column('owner_id').execute();

  await db.schema
    .createTable('access_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_tokens_person').on('access_tokens').column('person_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
