import type { Kysely } from 'kysely';

// Webhooks, the fan-out of the call-event outbox into one delivery per (event, webhook), and
// the log of every delivery attempt.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // A deleted person's webhooks go with them.
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target_url', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('filter', 'text')
    .addColumn('secret', 'text')
    .addColumn('owned_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_creator').on('webhooks').columns(['org_id', 'created_by', 'created', 'id']).execute();
  await db.schema.createIndex('webhooks_org_owned').on('webhooks').columns(['org_id', 'owned_by', 'created', 'id']).execute();
  await db.schema.createIndex('webhooks_resource').on('webhooks').columns(['resource', 'org_id']).execute();

  // The fan-out lock: one row, held (FOR UPDATE) while outbox events become deliveries, so that
  // the deliveries of one call are queued in the order the events happened even with several
  // processes; it also counts the positions that order them.
  await db.schema
    .createTable('webhook_fan_out')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('next_position', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('webhook_fan_out').values({ id: 'main', next_position: 1 }).execute();

  await db.schema
    .createTable('webhook_fanned_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('call_events.id').onDelete('cascade'))
    .addColumn('fanned', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('completed', 'text')
    .execute();
  // An event is queued for a webhook once, whichever process fans it out.
  await db.schema.createIndex('webhook_deliveries_event').unique().on('webhook_deliveries').columns(['webhook_id', 'event_id']).execute();
  // The queue of one call for one webhook: only its first pending delivery may be sent.
  await db.schema.createIndex('webhook_deliveries_call').on('webhook_deliveries').columns(['webhook_id', 'call_id', 'status', 'position']).execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_log').on('webhook_deliveries').columns(['webhook_id', 'position']).execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('response_excerpt', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id', 'attempt']).execute();
}
