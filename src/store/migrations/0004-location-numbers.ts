import type { Kysely } from 'kysely';

// The emergency callback number selection of each location. The available-number lists and the
// extension checks read the core tables (numbers, people, locations) and need nothing of their own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('location_ecbn')
    .addColumn('location_id', 'text', (c) => c.primaryKey().references('locations.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('selected', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('elin_expiry_minutes', 'integer', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
}
