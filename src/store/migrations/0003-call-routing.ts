import { sql, type Kysely } from 'kysely';

// Premises PSTN call routing: trunks, route groups of trunks, dial plans and dial patterns.
// Names are unique in an organization regardless of case, and so is a dial pattern; the
// database enforces both so that a concurrent write that loses the race is a 409.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trunks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trunk_type', 'text', (c) => c.notNull())
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('dual_identity_support_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address', 'text')
    .addColumn('domain', 'text')
    .addColumn('port', 'integer')
    .addColumn('max_concurrent_calls', 'integer')
    .addColumn('otg_dtg_id', 'text', (c) => c.notNull())
    .addColumn('line_port', 'text', (c) => c.notNull())
    .addColumn('pilot_user_id', 'text')
    .addColumn('sip_authentication_user_name', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trunks_org_name')
    .unique()
    .on('trunks')
    .expression(sql`org_id, lower(name)`)
    .execute();
  await db.schema.createIndex('trunks_location').on('trunks').column('location_id').execute();

  await db.schema
    .createTable('route_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('route_groups_org_name')
    .unique()
    .on('route_groups')
    .expression(sql`org_id, lower(name)`)
    .execute();

  await db.schema
    .createTable('route_group_trunks')
    .addColumn('route_group_id', 'text', (c) => c.notNull().references('route_groups.id').onDelete('cascade'))
    // No cascade: a trunk in a route group is not deleted (the domain answers 409 first).
    .addColumn('trunk_id', 'text', (c) => c.notNull().references('trunks.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('route_group_trunks_pk', ['route_group_id', 'trunk_id'])
    .execute();
  await db.schema.createIndex('route_group_trunks_priority').unique().on('route_group_trunks').columns(['route_group_id', 'priority']).execute();
  await db.schema.createIndex('route_group_trunks_trunk').on('route_group_trunks').column('trunk_id').execute();

  await db.schema
    .createTable('dial_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('route_type', 'text', (c) => c.notNull())
    .addColumn('route_id', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dial_plans_org_name')
    .unique()
    .on('dial_plans')
    .expression(sql`org_id, lower(name)`)
    .execute();
  await db.schema.createIndex('dial_plans_route').on('dial_plans').columns(['route_type', 'route_id']).execute();

  await db.schema
    .createTable('dial_patterns')
    .addColumn('dial_plan_id', 'text', (c) => c.notNull().references('dial_plans.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('dial_pattern', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dial_patterns_pk', ['dial_plan_id', 'dial_pattern'])
    .execute();
  // A dial pattern routes to one place: it is unique across the organization's dial plans.
  await db.schema.createIndex('dial_patterns_org_pattern').unique().on('dial_patterns').columns(['org_id', 'dial_pattern']).execute();
}
