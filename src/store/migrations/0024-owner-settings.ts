import type { Kysely } from 'kysely';

// Settings documents (a person's call waiting, forwarding, …): one row per (organization, owner,
// setting) holding the document as JSON. Only what was ever written is stored; reads merge it over
// the setting's Webex defaults (domain/settings). The owner is not a foreign key because owners
// are of several kinds (person, workspace, virtual line, location); their services delete the rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('owner_settings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('owner_settings_pk', ['org_id', 'owner_kind', 'owner_id', 'setting'])
    .execute();
}
