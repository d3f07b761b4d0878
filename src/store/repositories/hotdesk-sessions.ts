import type { HotdeskSessionRepository, StoredHotdeskSession } from '../hotdesk-sessions-store.ts';
import type { HotdeskSessionsTable } from '../tables/hotdesk-sessions.ts';
import type { RepositoryContext } from './context.ts';

const toSession = (r: HotdeskSessionsTable): StoredHotdeskSession => ({
  id: r.id,
  orgId: r.org_id,
  personId: r.person_id,
  workspaceId: r.workspace_id,
  bookingStartTime: r.booking_start_time,
  bookingEndTime: r.booking_end_time,
});

export class KyselyHotdeskSessionRepository implements HotdeskSessionRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async replace(s: StoredHotdeskSession): Promise<void> {
    await this.ctx.db
      .deleteFrom('hotdesk_sessions')
      .where((w) => w.or([w('person_id', '=', s.personId), w('workspace_id', '=', s.workspaceId)]))
      .execute();
    await this.ctx.db
      .insertInto('hotdesk_sessions')
      .values({ id: s.id, org_id: s.orgId, person_id: s.personId, workspace_id: s.workspaceId, booking_start_time: s.bookingStartTime, booking_end_time: s.bookingEndTime })
      .execute();
  }

  async active(orgId: string, now: string, filter: { personId?: string; workspaceId?: string } = {}): Promise<StoredHotdeskSession[]> {
    let query = this.ctx.db.selectFrom('hotdesk_sessions').selectAll().where('org_id', '=', orgId).where('booking_end_time', '>', now);
    if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    if (filter.workspaceId !== undefined) query = query.where('workspace_id', '=', filter.workspaceId);
    return (await query.orderBy('booking_start_time').orderBy('id').execute()).map(toSession);
  }

  async get(orgId: string, id: string): Promise<StoredHotdeskSession | undefined> {
    const row = await this.ctx.db.selectFrom('hotdesk_sessions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toSession(row);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('hotdesk_sessions').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
