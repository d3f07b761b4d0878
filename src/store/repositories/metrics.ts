import { sql } from 'kysely';
import type { MetricsRepository } from '../metrics-store.ts';
import type { RepositoryContext } from './context.ts';

// Counts for GET /metrics, read when Prometheus scrapes.

export class KyselyMetricsRepository implements MetricsRepository {
  private readonly ctx: RepositoryContext;

  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async activeCalls(): Promise<number> {
    const row = await this.ctx.db.selectFrom('call_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async outbox(now: string): Promise<{ pending: number; oldestSeconds: number }> {
    const row = await this.ctx.db
      .selectFrom('webhook_deliveries')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const oldest = row?.oldest ? Date.parse(String(row.oldest)) : undefined;
    return { pending: Number(row?.n ?? 0), oldestSeconds: oldest === undefined ? 0 : Math.max(0, (Date.parse(now) - oldest) / 1000) };
  }

  async deliveryAttempts(): Promise<{ attempts: number; failures: number }> {
    const row = await this.ctx.db
      .selectFrom('webhook_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<number>`sum(case when outcome <> 'delivered' then 1 else 0 end)`.as('failed')])
      .executeTakeFirst();
    return { attempts: Number(row?.n ?? 0), failures: Number(row?.failed ?? 0) };
  }
}
