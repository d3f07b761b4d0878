import { sql, type Kysely } from 'kysely';

// Call recording settings belong to a line, not only to a person: a virtual line has them too.
// The table is rebuilt without its foreign key to people (SQLite cannot drop one in place); the
// repositories delete a person's or a virtual line's row with them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('line_recording_settings')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into line_recording_settings (person_id, org_id, data) select person_id, org_id, data from call_recording_settings`.execute(db);
  await db.schema.dropTable('call_recording_settings').execute();
  await db.schema.alterTable('line_recording_settings').renameTo('call_recording_settings').execute();
}
