import { sql, type Kysely } from 'kysely';

// Voicemail: the messages callers leave in a box (a person's, or a voicemail group's), and the
// custom greetings uploaded for a box. The box is named by kind and id (not a foreign key: boxes
// are of two kinds); the organization's deletion removes everything by cascade.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('voice_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('box_kind', 'text', (c) => c.notNull())
    .addColumn('box_id', 'text', (c) => c.notNull())
    .addColumn('duration_s', 'integer', (c) => c.notNull())
    .addColumn('caller_name', 'text')
    .addColumn('caller_number', 'text')
    .addColumn('caller_person_id', 'text')
    .addColumn('privacy_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('audio', sql`bytea`)
    .addColumn('call_session_id', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('voice_messages_box').on('voice_messages').columns(['org_id', 'box_kind', 'box_id', 'created']).execute();

  await db.schema
    .createTable('voicemail_greetings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('box_kind', 'text', (c) => c.notNull())
    .addColumn('box_id', 'text', (c) => c.notNull())
    /** busy or noAnswer (a voicemail group has one greeting: noAnswer). */
    .addColumn('greeting', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('uploaded', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('voicemail_greetings_pk', ['org_id', 'box_kind', 'box_id', 'greeting'])
    .execute();
}
