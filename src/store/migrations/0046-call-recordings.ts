import type { Kysely } from 'kysely';

// Recordings of calls (Converged Recordings): a row from the moment a person's leg starts being
// recorded, its actions (start, pause, resume, stop) appended as they happen, finished when the
// leg ends. Audio is generated from the recorded length on download, so no bytes are stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // Not foreign keys: a recording outlives its owner's deletion until purged, as in Webex.
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text')
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    // recording | available | deleted | purged
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('started', 'text', (c) => c.notNull())
    .addColumn('ended', 'text')
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    // JSON: the details the metadata shows (parties, personality, recording type, actions).
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_recordings_org_started').on('call_recordings').columns(['org_id', 'started']).execute();
  await db.schema.createIndex('call_recordings_call').on('call_recordings').columns(['call_id']).execute();
}
