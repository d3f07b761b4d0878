import { sql, type Kysely } from 'kysely';

// Lookups that start from a column no index led with, so each was a scan of the whole table:
// - the running routing-prefix job of a location (checked on every write of a calling person),
//   and the next job instance ID (taken for every new job);
// - the rows a foreign key's cascade must find when a location or a person is deleted
//   (announcements by location, webhooks by creator);
// - who holds an enterprise significant number (routing prefix + extension): asked for every call
//   dialled to an extension and for every member a routing-prefix job moves. The expression must
//   stay exactly the one LocationCallingRepository.esnHolder compares, or no index serves it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('jobs_location_type').on('jobs').columns(['location_id', 'job_type', 'status']).execute();
  await db.schema.createIndex('jobs_instance').on('jobs').column('instance_id').execute();
  await db.schema.createIndex('announcements_location').on('announcements').column('location_id').execute();
  await db.schema.createIndex('webhooks_created_by').on('webhooks').column('created_by').execute();
  await db.schema.createIndex('people_esn').on('people').expression(sql`org_id, (coalesce(routing_prefix, '') || extension)`).execute();
}
