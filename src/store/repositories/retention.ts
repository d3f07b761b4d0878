import { sql } from 'kysely';
import type { RetentionRepository } from '../retention-store.ts';
import type { RepositoryContext } from './context.ts';

// Deletes aged-out rows in one statement per table, written once for both dialects.

const count = (result: { numDeletedRows: bigint }[]) => result.reduce((n, r) => n + Number(r.numDeletedRows), 0);

export class KyselyRetentionRepository implements RetentionRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async pruneDeliveries(before: string): Promise<number> {
    const settled = this.ctx.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', 'in', ['delivered', 'failed'])
      .where('completed', '<', before);
    await this.ctx.db.deleteFrom('webhook_attempts').where('delivery_id', 'in', settled).execute();
    return count(await this.ctx.db.deleteFrom('webhook_deliveries').where('status', 'in', ['delivered', 'failed']).where('completed', '<', before).execute());
  }

  async pruneCallEvents(before: string): Promise<number> {
    return count(
      await this.ctx.db
        .deleteFrom('call_events')
        .where('created', '<', before)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('call_events_pending as p').select('p.event_id').whereRef('p.event_id', '=', 'call_events.id'))))
        .execute(),
    );
  }

  async pruneCallSessions(before: string): Promise<number> {
    const ended = this.ctx.db.selectFrom('call_sessions').select('id').where('active', '=', 0).where('updated', '<', before);
    await this.ctx.db.deleteFrom('call_legs').where('session_id', 'in', ended).execute();
    return count(await this.ctx.db.deleteFrom('call_sessions').where('active', '=', 0).where('updated', '<', before).execute());
  }

  async pruneCallHistory(perType: number): Promise<number> {
    // Rank each person's records per type, newest first; everything past perType goes.
    const result = await sql`
      delete from call_history where id in (
        select id from (
          select id, row_number() over (partition by person_id, type order by time desc, id desc) as rank from call_history
        ) ranked where rank > ${perType}
      )`.execute(this.ctx.db);
    return Number(result.numAffectedRows ?? 0n);
  }
}
