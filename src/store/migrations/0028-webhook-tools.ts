import type { Kysely } from 'kysely';

// Webhook tools for developers (docs/webhooks.md#developer-tools): the request headers of each
// attempt (the signature included), where a delivery came from (a call event, a test event, or
// a redelivery of another delivery), and an index to find a webhook's last attempt (its health)
// without touching the webhook's own row on every delivery.
export async function up(db: Kysely<any>): Promise<void> {
  // JSON object of the headers sent; null for attempts logged before this migration.
  await db.schema.alterTable('webhook_attempts').addColumn('request_headers', 'text').execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('origin', 'text', (c) => c.notNull().defaultTo('event')).execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('redelivery_of', 'text').execute();
  await db.schema.createIndex('webhook_attempts_webhook').on('webhook_attempts').columns(['webhook_id', 'time']).execute();
}
