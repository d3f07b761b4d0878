import type { Kysely } from 'kysely';

// A device's line key layout (JSON, the domain's DeviceLayout; null: the model's default layout)
// and a third-party phone's SIP password (it registers with it; never shown).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('layout', 'text').execute();
  await db.schema.alterTable('devices').addColumn('sip_password', 'text').execute();
}
