import { sql, type Kysely } from 'kysely';

// Receptionist contact directories of calling locations and the people listed in them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('receptionist_directories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  // Webex: directories are uniquely named per location.
  await db.schema
    .createIndex('receptionist_directories_location_name')
    .unique()
    .on('receptionist_directories')
    .expression(sql`location_id, lower(name)`)
    .execute();

  await db.schema
    .createTable('receptionist_directory_contacts')
    .addColumn('directory_id', 'text', (c) => c.notNull().references('receptionist_directories.id').onDelete('cascade'))
    // A deleted person leaves every directory with their row.
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('receptionist_directory_contacts_pk', ['directory_id', 'person_id'])
    .execute();
  await db.schema.createIndex('receptionist_directory_contacts_person').on('receptionist_directory_contacts').column('person_id').execute();
}
