import { sql, type Kysely } from 'kysely';

// A person's own schedules (User Call Settings): a schedule row names the person it belongs to, or
// none for a location's. Names are unique per owner and type: the person's location may have a
// schedule of the same name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('schedules').addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade')).execute();
  await db.schema.dropIndex('schedules_location_type_name').execute();
  await db.schema
    .createIndex('schedules_owner_type_name')
    .unique()
    .on('schedules')
    .expression(sql`location_id, coalesce(person_id, ''), type, lower(name)`)
    .execute();
  await db.schema.createIndex('schedules_person').on('schedules').column('person_id').execute();
}
