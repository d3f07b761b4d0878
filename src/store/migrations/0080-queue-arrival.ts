import type { Kysely } from 'kysely';

// Callers who enter a queue at the same instant (the sandbox's manual clock stands still) keep
// the order they arrived in: a per-queue arrival number breaks ties of `since`.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('call_queue_waiting').addColumn('arrival', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
