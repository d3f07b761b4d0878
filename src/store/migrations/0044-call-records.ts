import type { Kysely } from 'kysely';

// Detailed call history (CDR): one record per person leg of every ended call, written in the
// transaction that ends the leg. Reports read them back by report time (when the leg ended), so
// the record is stored as the Webex JSON it is served as, with what the reads filter on beside it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // Not a foreign key: a record outlives its location, as Webex's reports do.
    .addColumn('location_id', 'text')
    .addColumn('report_time', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_records_org_time').on('call_records').columns(['org_id', 'report_time', 'id']).execute();
}
