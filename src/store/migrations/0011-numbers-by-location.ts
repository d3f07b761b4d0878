import type { Kysely } from 'kysely';

// A location's main number and its count of numbers are looked up by location alone (location
// IDs are unique across organizations). The (org_id, location_id, …) index cannot serve those,
// so each was a scan of every number in the store: reading one location's calling details took
// ~25 ms with 10,000 numbers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('numbers_location_main').on('numbers').columns(['location_id', 'is_main_number']).execute();
}
