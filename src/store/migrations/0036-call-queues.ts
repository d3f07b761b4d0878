import { sql, type Kysely } from 'kysely';

// Call queues of calling locations, their agents, the calls waiting in them and the supervisors
// of agents. As for hunt groups, the settings Webex reads and writes whole (call policies, queue
// settings, forwarding, holiday/night/stranded services…) live in the row as JSON; what must stay
// unique (name, number, extension) or follow a person (agents, supervisors) has its own columns.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_queues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('extension', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    // CIRCULAR offering starts after the agent offered last (kept loose: the agent may go).
    .addColumn('last_agent_id', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_queues_location_name').unique().on('call_queues').expression(sql`location_id, lower(name)`).execute();
  await db.schema.createIndex('call_queues_phone_number').unique().on('call_queues').column('phone_number').execute();
  await db.schema.createIndex('call_queues_location_extension').unique().on('call_queues').columns(['location_id', 'extension']).execute();

  await db.schema
    .createTable('call_queue_agents')
    .addColumn('queue_id', 'text', (c) => c.notNull().references('call_queues.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('weight', 'integer')
    .addColumn('skill_level', 'integer', (c) => c.notNull())
    // An agent who has left the queue (joinEnabled false) is offered none of its calls.
    .addColumn('join_enabled', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_queue_agents_pk', ['queue_id', 'person_id'])
    .execute();
  await db.schema.createIndex('call_queue_agents_person').on('call_queue_agents').column('person_id').execute();

  // The calls waiting in a queue now (one row per session while its caller waits): the queue
  // size counts them, and a caller's position is their rank by arrival.
  await db.schema
    .createTable('call_queue_waiting')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('call_sessions.id').onDelete('cascade'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('call_queues.id').onDelete('cascade'))
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_queue_waiting_queue').on('call_queue_waiting').columns(['queue_id', 'since']).execute();

  // A supervisor is a person with the agents they supervise; one row per (supervisor, agent).
  await db.schema
    .createTable('call_queue_supervisors')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('supervisor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('call_queue_supervisors_pk', ['supervisor_id', 'agent_id'])
    .execute();
  await db.schema.createIndex('call_queue_supervisors_org').on('call_queue_supervisors').column('org_id').execute();
}
