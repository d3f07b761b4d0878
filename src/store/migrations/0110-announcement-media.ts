import { sql, type Kysely } from 'kysely';

// Media of the announcement repository that is not (yet) an announcement: files uploaded to a
// signed upload URL, and the audio of text-to-speech prompts. Either becomes an announcement when
// a client creates one with its fileUri.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('announcement_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // upload or textToSpeech
    .addColumn('source', 'text', (c) => c.notNull())
    // Null until a client has PUT the file to the upload URL (see 0005 for the bytea type name).
    .addColumn('content', sql`bytea`)
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('announcement_media_org').on('announcement_media').column('org_id').execute();

  await db.schema
    .createTable('text_to_speech')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('voice', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language_code', 'text', (c) => c.notNull())
    .addColumn('media_id', 'text', (c) => c.notNull().references('announcement_media.id').onDelete('cascade'))
    .addColumn('created', 'text', (c) => c.notNull())
    // The prompt is IN_PROGRESS until the server clock passes this time.
    .addColumn('ready_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('text_to_speech_org_created').on('text_to_speech').columns(['org_id', 'created']).execute();
}
