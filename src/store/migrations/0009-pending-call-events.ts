import { sql, type Kysely } from 'kysely';

// The webhook fan-out finds new outbox events through a queue of the ones it has not seen,
// written with each event and emptied as they are fanned out. It replaces the record of every
// event seen (webhook_fanned_events), which the fan-out had to search the whole recent outbox
// against on every pass: that cost grew with the event rate.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_events_pending')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('call_events.id').onDelete('cascade'))
    .execute();
  await sql`insert into call_events_pending (event_id)
            select e.id from call_events e
            where not exists (select 1 from webhook_fanned_events f where f.event_id = e.id)`.execute(db);
  await db.schema.dropTable('webhook_fanned_events').execute();
}
