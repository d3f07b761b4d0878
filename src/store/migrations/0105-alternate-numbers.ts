import type { Kysely } from 'kysely';

// Alternate numbers of a person or workspace (Assign or Unassign numbers): numbers of the owner's
// location beside its primary line, each with an optional extension and a ring pattern. A number
// is held by one owner at most (the primary key); numbers.owner_id keeps naming primary lines only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alternate_numbers')
    .addColumn('phone_number', 'text', (c) => c.primaryKey().references('numbers.phone_number').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('extension', 'text')
    .addColumn('ring_pattern', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alternate_numbers_owner').on('alternate_numbers').columns(['owner_id']).execute();
}
