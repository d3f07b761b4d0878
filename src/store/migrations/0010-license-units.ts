import { sql, type Kysely } from 'kysely';

// Each license counts the units its holders consume, kept with every assignment, so that
// checking for a free unit costs the same in an organization of ten people or of 100,000 (a
// count of the holders took about 100 ms per new person at 80,000). Taking a unit is one
// conditional update, which PostgreSQL serialises on the license row: concurrent assignments
// cannot take more units than the subscription has.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('licenses').addColumn('consumed_units', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update licenses set consumed_units = (select count(*) from person_licenses p where p.license_id = licenses.id)`.execute(db);
}
