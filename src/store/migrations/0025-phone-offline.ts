import type { Kysely } from 'kysely';

// A simulated phone can be offline (not registered): calls to its person go to their business
// continuity destination, or nobody answers (docs/person-settings.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('phones').addColumn('offline', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
