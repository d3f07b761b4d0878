import { sql, type Kysely } from 'kysely';

// Route lists: numbers of a location reached through a route group (cloud PSTN for a Webex
// Calling Dedicated Instance). A number is in at most one route list of its organization; a route
// group cannot be deleted while a route list uses it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('route_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('route_group_id', 'text', (c) => c.notNull().references('route_groups.id'))
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('route_lists_name').unique().on('route_lists').expression(sql`org_id, lower(name)`).execute();
  await db.schema.createIndex('route_lists_route_group').on('route_lists').column('route_group_id').execute();
  await db.schema
    .createTable('route_list_numbers')
    .addColumn('route_list_id', 'text', (c) => c.notNull().references('route_lists.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('route_list_numbers_pk', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('route_list_numbers_list').on('route_list_numbers').column('route_list_id').execute();
}
