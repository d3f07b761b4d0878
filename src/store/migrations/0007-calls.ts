import type { Kysely } from 'kysely';

// Call sessions (each stored whole, as the engine sees it), an index of their legs, call history,
// the outbox of call events, and per-person simulated phone and call recording settings.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The last event sequence number written for this session. */
    .addColumn('event_seq', 'integer', (c) => c.notNull().defaultTo(0))
    /** The person a parked call waits against, for retrieve. */
    .addColumn('parked_against', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('updated', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_sessions_active').on('call_sessions').columns(['active', 'org_id']).execute();
  await db.schema.createIndex('call_sessions_parked').on('call_sessions').columns(['org_id', 'parked_against']).execute();

  await db.schema
    .createTable('call_legs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('call_sessions.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('appearance', 'integer')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_legs_person').on('call_legs').columns(['person_id', 'active', 'created']).execute();
  await db.schema.createIndex('call_legs_session').on('call_legs').column('session_id').execute();

  await db.schema
    .createTable('call_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('number', 'text')
    .addColumn('privacy_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_history_person').on('call_history').columns(['person_id', 'type', 'time']).execute();

  // The outbox: written in the same transaction as the change; the webhook worker delivers it.
  await db.schema
    .createTable('call_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_events_session').on('call_events').columns(['session_id', 'seq']).execute();
  await db.schema.createIndex('call_events_created').on('call_events').columns(['org_id', 'created']).execute();

  await db.schema
    .createTable('phones')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('auto_answer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_answer_delay_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('busy', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('call_recording_settings')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
}
