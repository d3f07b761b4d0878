import { sql, type Kysely } from 'kysely';

// Paging groups: a number and/or extension that pages its targets (one-way, auto-answered). The
// settings Webex reads and writes whole live as JSON; members are rows (they follow a person).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paging_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paging_groups_location_name').unique().on('paging_groups').expression(sql`location_id, lower(name)`).execute();
  await db.schema.createIndex('paging_groups_phone_number').unique().on('paging_groups').column('phone_number').execute();
  await db.schema.createIndex('paging_groups_location_extension').unique().on('paging_groups').columns(['location_id', 'extension']).execute();

  await db.schema
    .createTable('paging_group_members')
    .addColumn('paging_group_id', 'text', (c) => c.notNull().references('paging_groups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // originator: may page the group; target: is paged.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('paging_group_members_pk', ['paging_group_id', 'role', 'person_id'])
    .execute();
  await db.schema.createIndex('paging_group_members_person').on('paging_group_members').column('person_id').execute();
}
