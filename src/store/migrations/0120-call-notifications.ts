import type { Kysely } from 'kysely';

// Call notify's outbox: the emails Webex would send for calls that match a person's call notify
// criteria. Callplane sends no mail; the sandbox lists them (GET /sandbox/v1/notifications).
// Kept with their organization; a line's are kept after it is gone (they are mail already sent).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('email_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text')
    .addColumn('caller_number', 'text')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_notifications_org_created').on('call_notifications').columns(['org_id', 'created']).execute();
}
