import { sql, type Kysely } from 'kysely';

// Translation patterns of an organization (location_id null) or of a location: outbound dialled
// digits matching matching_pattern are rewritten by replacement_pattern before the call is routed.
// Names and matching patterns are unique per level ('' stands for the organization level).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translation_patterns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('matching_pattern', 'text', (c) => c.notNull())
    .addColumn('replacement_pattern', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('translation_patterns_name').unique().on('translation_patterns').expression(sql`org_id, coalesce(location_id, ''), lower(name)`).execute();
  await db.schema
    .createIndex('translation_patterns_matching')
    .unique()
    .on('translation_patterns')
    .expression(sql`org_id, coalesce(location_id, ''), matching_pattern`)
    .execute();
}
