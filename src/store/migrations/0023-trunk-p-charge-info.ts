import type { Kysely } from 'kysely';

// A trunk's P-Charge-Info support policy (Webex: DISABLED unless set when the trunk is created or
// modified). Existing trunks take the default.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trunks').addColumn('p_charge_info_support_policy', 'text', (c) => c.notNull().defaultTo('DISABLED')).execute();
}
