import type { Kysely } from 'kysely';

// Webex Calling details of locations enabled for calling, the routing prefix each member has
// been moved to, and admin batch jobs (update routing prefix).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('location_calling')
    .addColumn('location_id', 'text', (c) => c.primaryKey().references('locations.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('calling_line_name', 'text')
    .addColumn('outside_dial_digit', 'text')
    .addColumn('enforce_outside_dial_digit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_caller_id_name', 'text')
    .addColumn('p_access_network_info', 'text')
    .addColumn('charge_number', 'text')
    .addColumn('use_charge_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('connection_type', 'text')
    .addColumn('connection_id', 'text')
    .addColumn('private_network_connect', 'text', (c) => c.notNull().defaultTo('PUBLIC_INTERNET'))
    .addColumn('enabled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('location_calling_connection').on('location_calling').columns(['connection_type', 'connection_id']).execute();

  // The routing prefix a member's extension is dialled with; a routing-prefix job moves members
  // from the old prefix to the new one in steps.
  await db.schema.alterTable('people').addColumn('routing_prefix', 'text').execute();
  await db.schema.alterTable('people').addColumn('announcement_language', 'text').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('job_type', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('exit_code', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('total_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cursor', 'text')
    .addColumn('source_user_id', 'text', (c) => c.notNull())
    .addColumn('tracking_id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('started', 'text')
    .addColumn('ended', 'text')
    .addColumn('last_updated', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_org_type').on('jobs').columns(['org_id', 'job_type', 'created']).execute();

  await db.schema
    .createTable('job_errors')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('item_number', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('tracking_id', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_errors_pk', ['job_id', 'item_number'])
    .execute();
}
