import { sql, type Kysely } from 'kysely';

// Hunt groups of calling locations and their agents. The settings Webex reads and writes whole
// (call policies, forwarding, caller ID…) live in the row as JSON; what must stay unique across
// rows (name, number, extension) or follow a person (agents) has its own columns and table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hunt_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    // CIRCULAR hunting starts after the agent offered last (a person ID, kept loose: the agent may go).
    .addColumn('last_agent_id', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hunt_groups_location_name').unique().on('hunt_groups').expression(sql`location_id, lower(name)`).execute();
  await db.schema.createIndex('hunt_groups_phone_number').unique().on('hunt_groups').column('phone_number').execute();
  await db.schema.createIndex('hunt_groups_location_extension').unique().on('hunt_groups').columns(['location_id', 'extension']).execute();

  await db.schema
    .createTable('hunt_group_agents')
    .addColumn('hunt_group_id', 'text', (c) => c.notNull().references('hunt_groups.id').onDelete('cascade'))
    // A deleted person leaves every hunt group with their row.
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('weight', 'integer')
    .addPrimaryKeyConstraint('hunt_group_agents_pk', ['hunt_group_id', 'person_id'])
    .execute();
  await db.schema.createIndex('hunt_group_agents_person').on('hunt_group_agents').column('person_id').execute();
}
