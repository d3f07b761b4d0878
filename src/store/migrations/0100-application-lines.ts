import type { Kysely } from 'kysely';

// The lines on a person's Webex App (its desktop client): like a device's ports, port 1 the
// person's own line, other ports others' lines as shared call appearances. They go with the
// person (and the organization).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('application_members')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('port', 'integer', (c) => c.notNull())
    /** person, workspace or virtualLine: whose line the port carries. */
    .addColumn('member_kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    /** JSON: the line's options, as on a device port. */
    .addColumn('line', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_members_pk', ['person_id', 'port'])
    .execute();
  await db.schema.createIndex('application_members_member').on('application_members').columns(['org_id', 'member_id']).execute();
}
