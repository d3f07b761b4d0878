import type { CallNotification, CallNotificationRepository } from '../call-notifications-store.ts';
import type { CallNotificationsTable } from '../tables/call-notifications.ts';
import type { RepositoryContext } from './context.ts';

const toNotification = (r: CallNotificationsTable): CallNotification => ({
  id: r.id,
  orgId: r.org_id,
  ownerKind: r.owner_kind as CallNotification['ownerKind'],
  ownerId: r.owner_id,
  emailAddress: r.email_address,
  subject: r.subject,
  body: r.body,
  callerName: r.caller_name,
  callerNumber: r.caller_number,
  sessionId: r.session_id,
  created: r.created,
});

export class KyselyCallNotificationRepository implements CallNotificationRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(n: CallNotification): Promise<void> {
    await this.ctx.db
      .insertInto('call_notifications')
      .values({
        id: n.id,
        org_id: n.orgId,
        owner_kind: n.ownerKind,
        owner_id: n.ownerId,
        email_address: n.emailAddress,
        subject: n.subject,
        body: n.body,
        caller_name: n.callerName,
        caller_number: n.callerNumber,
        session_id: n.sessionId,
        created: n.created,
      })
      .execute();
  }

  async list(orgId: string, filter: { ownerId?: string; max: number }): Promise<CallNotification[]> {
    let query = this.ctx.db.selectFrom('call_notifications').selectAll().where('org_id', '=', orgId);
    if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
    // Notifications of one instant (a clock standing still) come in ID order, which is arbitrary but stable.
    return (await query.orderBy('created', 'desc').orderBy('id', 'desc').limit(filter.max).execute()).map(toNotification);
  }
}
