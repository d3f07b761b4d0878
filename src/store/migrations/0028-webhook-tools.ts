import type { Kysely } from 'kysely';

// Webhook tools for developers (docs/webhooks.md#developer-tools): the request headers of each
// attempt (the signature included), where a delivery came from (a call event, a test event, or
// a redelivery of another delivery), and each webhook's health (its last attempt).
export async function up(db: Kysely<any>): Promise<void> {
  // JSON object of the headers sent; null for attempts logged before this migration.
  await db.schema.alterTable('webhook_attempts').addColumn('request_headers', 'text').execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('origin', 'text', (c) => c.notNull().defaultTo('event')).execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('redelivery_of', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('last_attempt_at', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('last_status_code', 'integer').execute();
  await db.schema.alterTable('webhooks').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('last_outcome', 'text').execute();
}
