import type { Kysely } from 'kysely';

// Call timers are claimed from the store, so that any live process fires them: a session keeps
// when its earliest timer falls due (timer_due, clock time) and, while a process works on it, a
// lease (timer_lease, wall time) that lapses if that process dies. Before this, timers lived
// only in the memory of the process that created the call.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('call_sessions').addColumn('timer_due', 'text').execute();
  await db.schema.alterTable('call_sessions').addColumn('timer_lease', 'text').execute();
  await db.schema.createIndex('call_sessions_timer_due').on('call_sessions').columns(['active', 'timer_due']).execute();
  // Sessions under way keep their timers: their earliest one becomes the session's due time.
  const active = await db.selectFrom('call_sessions').select(['id', 'data']).where('active', '=', 1).execute();
  for (const row of active as { id: string; data: string }[]) {
    const timers = (JSON.parse(row.data) as { timers?: { at: string }[] }).timers ?? [];
    const due = timers.map((t) => t.at).sort()[0] ?? null;
    if (due !== null) await db.updateTable('call_sessions').set({ timer_due: due }).where('id', '=', row.id).execute();
  }
}
