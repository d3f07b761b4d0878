import type { Kysely } from 'kysely';

// The typed spine of call events: what the webhook fan-out needs of an event (the webhook
// `event` it is sent as, and the facts a filter compares) is computed when the event is written
// and stored beside its JSON, so the fan-out reads typed columns and never parses `data`.
// Events not fanned out yet get their columns here; older ones are never read for that again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('call_events').addColumn('webhook_event', 'text', (c) => c.notNull().defaultTo('updated')).execute();
  await db.schema.alterTable('call_events').addColumn('personality', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('call_events').addColumn('state', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('call_events').addColumn('call_type', 'text').execute();
  const pending = await db
    .selectFrom('call_events_pending as p')
    .innerJoin('call_events as e', 'e.id', 'p.event_id')
    .select(['e.id', 'e.event_type', 'e.data'])
    .execute();
  for (const row of pending as { id: string; event_type: string; data: string }[]) {
    const data = JSON.parse(row.data) as { personality?: string; state?: string; remoteParty?: { callType?: string } };
    await db
      .updateTable('call_events')
      .set({
        webhook_event: CREATED.has(row.event_type) ? 'created' : row.event_type === 'disconnected' ? 'deleted' : 'updated',
        personality: data.personality ?? '',
        state: data.state ?? '',
        call_type: data.remoteParty?.callType ?? null,
      })
      .where('id', '=', row.id)
      .execute();
  }
}

// The mapping as it stood when this migration was written (a migration never imports code that may change).
const CREATED = new Set(['received', 'originated']);
