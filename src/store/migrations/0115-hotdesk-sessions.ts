import type { Kysely } from 'kysely';

// Hot desk sessions (Hot Desk API): a person signed in as a guest to a hot desking workspace from
// a booking start to a booking end. One session per workspace and one per person at a time (a
// new sign-in ends the old one); sessions go with their person or workspace.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hotdesk_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().unique().references('workspaces.id').onDelete('cascade'))
    .addColumn('booking_start_time', 'text', (c) => c.notNull())
    .addColumn('booking_end_time', 'text', (c) => c.notNull())
    .execute();
}
