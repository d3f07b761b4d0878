import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../database.ts';
import type { CallEventRecord } from '../calls-store.ts';
import type { Cursor, Page } from '../store.ts';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from '../tables/webhooks.ts';
import type {
  Attempt,
  AttemptOutcome,
  AttemptToRecord,
  CallSubscriber,
  DeliveryLogEntry,
  DeliveryOrigin,
  DeliveryStatus,
  DueDelivery,
  DueQuery,
  ExtraDelivery,
  NewDelivery,
  Webhook,
  WebhookChanges,
  WebhookHealth,
  WebhookOwner,
  WebhookRepository,
  WebhookStatus,
  WebhookViewer,
} from '../webhooks-store.ts';
import { toCallEvent } from './calls.ts';
import { chunks, fixedStatement, keysetPage, type RepositoryContext } from './context.ts';

// Deliveries per INSERT: each row binds 16 values.
const INSERT_CHUNK = 100;
// Attempts per INSERT: each row binds 11 values.
const ATTEMPT_CHUNK = 100;

const FAN_OUT_ROW = 'main';

// Deliveries settled as delivered per UPDATE: each binds 3 values.
const DELIVERED_CHUNK = 100;

/**
 * The claim's read: due deliveries, first of their call's queue for their webhook, of active
 * webhooks, not leased, outside the full lanes; the earliest due first, then the oldest. Without
 * the body: the sort of the due index's ties carried every row's body (a window of 64 with 2,600
 * waiting: 0.67 → 0.2 ms on SQLite); lease() reads the bodies of those admitted.
 */
const claimDue = (lock: boolean) =>
  fixedStatement((db, due: string, leaseNow: string, limit: number, webhookIds: readonly string[], orgIds: readonly string[]) =>
    db
      .selectFrom('webhook_deliveries as d')
      // A cross join so that SQLite reads the due deliveries first, in the order of the due index,
      // and stops at the limit: joined the other way it sorted every due row on each claim, ~4 ms
      // per claim with 2,000 waiting (a receiver falling behind then fell further behind).
      .crossJoin('webhooks as w')
      .whereRef('w.id', '=', 'd.webhook_id')
      .select(['d.id', 'd.webhook_id', 'd.org_id', 'd.call_id', 'd.position', 'd.attempts', 'w.target_url', 'w.secret'])
      .where('d.status', '=', 'pending')
      .where('w.status', '=', 'active')
      .where('d.next_attempt_at', '<=', due)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<=', leaseNow)]))
      .$if(webhookIds.length > 0, (qb) => qb.where('d.webhook_id', 'not in', [...webhookIds]))
      .$if(orgIds.length > 0, (qb) => qb.where('d.org_id', 'not in', [...orgIds]))
      // Only the first pending delivery of its call for its webhook: order per call.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as p')
              .select('p.id')
              .whereRef('p.webhook_id', '=', 'd.webhook_id')
              .whereRef('p.call_id', '=', 'd.call_id')
              .where('p.status', '=', 'pending')
              .whereRef('p.position', '<', 'd.position'),
          ),
        ),
      )
      // The earliest due first (then the oldest), the order of the due index.
      .orderBy('d.next_attempt_at')
      .orderBy('d.position')
      .limit(limit)
      // The one dialect difference: PostgreSQL processes skip what another is claiming.
      .$if(lock, (qb) => qb.forUpdate('d').skipLocked()),
  );
const claimDueSqlite = claimDue(false);
const claimDuePostgres = claimDue(true);

const leaseDeliveries = fixedStatement((db, ids: string[], owner: string, leaseUntil: string) =>
  db.updateTable('webhook_deliveries').set({ lease_until: leaseUntil, lease_owner: owner }).where('id', 'in', ids).returning(['id', 'body']),
);

/** CASE id WHEN ids[0] THEN times[0] … END. */
function completedAt(eb: ExpressionBuilder<Database, 'webhook_deliveries'>, ids: readonly string[], times: readonly string[]) {
  let when = eb.case('id').when(ids[0]!).then(times[0]!);
  for (let i = 1; i < ids.length; i++) when = when.when(ids[i]!).then(times[i]!);
  return when.end();
}

/** Settles leased deliveries as delivered, each completed at its attempt's time (times[i] for ids[i]). */
const settleDelivered = fixedStatement((db, ids: string[], times: string[], owner: string) =>
  db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: 'delivered',
      lease_until: null,
      lease_owner: null,
      completed: completedAt(eb, ids, times),
    }))
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .returning(['id', 'attempts', 'webhook_id']),
);

function toWebhook(row: Selectable<WebhooksTable>): Webhook {
  return {
    id: row.id,
    orgId: row.org_id,
    createdBy: row.created_by,
    appId: row.app_id,
    name: row.name,
    targetUrl: row.target_url,
    resource: row.resource,
    event: row.event,
    filter: row.filter,
    secret: row.secret,
    ownedBy: row.owned_by as WebhookOwner,
    status: row.status as WebhookStatus,
    consecutiveFailures: row.consecutive_failures,
    created: row.created,
  };
}

export class KyselyWebhookRepository implements WebhookRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(w: Webhook): Promise<void> {
    await this.ctx.db
      .insertInto('webhooks')
      .values({
        id: w.id,
        org_id: w.orgId,
        created_by: w.createdBy,
        app_id: w.appId,
        name: w.name,
        target_url: w.targetUrl,
        resource: w.resource,
        event: w.event,
        filter: w.filter,
        secret: w.secret,
        owned_by: w.ownedBy,
        status: w.status,
        consecutive_failures: w.consecutiveFailures,
        created: w.created,
      })
      .execute();
  }

  async countInOrganization(orgId: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async get(orgId: string, id: string): Promise<Webhook | undefined> {
    const row = await this.ctx.db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  }

  async list(viewer: WebhookViewer, ownedBy: WebhookOwner | undefined, after: Cursor | undefined, limit: number): Promise<Page<Webhook, Cursor>> {
    let query = this.ctx.db
      .selectFrom('webhooks')
      .selectAll()
      .where('org_id', '=', viewer.orgId)
      .where((eb) => {
        const mine = eb('created_by', '=', viewer.personId);
        const orgOwned = eb('owned_by', '=', 'org');
        if (ownedBy === 'org') return viewer.seesOrgOwned ? orgOwned : eb.and([orgOwned, mine]);
        if (ownedBy === 'creator') return eb.and([eb('owned_by', '=', 'creator'), mine]);
        return viewer.seesOrgOwned ? eb.or([mine, orgOwned]) : mine;
      });
    if (after) query = query.where((eb) => eb(eb.refTuple('created', 'id'), '>', eb.tuple(after.created, after.id)));
    const rows = await query.orderBy('created').orderBy('id').limit(limit + 1).execute();
    return keysetPage(rows.map(toWebhook), limit);
  }

  async update(orgId: string, id: string, changes: WebhookChanges): Promise<void> {
    await this.ctx.db
      .updateTable('webhooks')
      .set({ name: changes.name, target_url: changes.targetUrl, secret: changes.secret })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  }

  async reactivate(orgId: string, id: string, now: string): Promise<void> {
    await this.ctx.db
      .updateTable('webhooks')
      .set({ status: 'active', consecutive_failures: 0 })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    await this.ctx.db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: now })
      .where('webhook_id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '>', now)
      .execute();
  }

  async delete(orgId: string, id: string): Promise<void> {
    // The deliveries and their attempts go by cascade.
    await this.ctx.db.deleteFrom('webhooks').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async anyPendingEvent(): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('call_events_pending').select('event_id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async lockFanOut(): Promise<number | undefined> {
    const row = await this.ctx.db
      .selectFrom('webhook_fan_out')
      .select('next_position')
      .where('id', '=', FAN_OUT_ROW)
      .$if(this.ctx.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
      .executeTakeFirst();
    return row?.next_position;
  }

  async callSubscribers(): Promise<CallSubscriber[]> {
    const rows = await this.ctx.db
      .selectFrom('webhooks as w')
      .innerJoin('people as p', 'p.id', 'w.created_by')
      .selectAll('w')
      // people.roles is a JSON array of role names; either administrator role makes an administrator.
      .select((eb) => eb.or([eb('p.roles', 'like', '%"id_full_admin"%'), eb('p.roles', 'like', '%"id_readonly_admin"%')]).as('creator_is_admin'))
      .where('w.resource', 'in', ['telephony_calls', 'telephony_mwi', 'all'])
      .orderBy('w.created')
      .orderBy('w.id')
      .execute();
    return rows.map((r) => ({ ...toWebhook(r), creatorIsAdmin: Boolean(r.creator_is_admin) }));
  }

  async pendingEvents(limit: number): Promise<CallEventRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('call_events_pending as p')
      // A cross join so that SQLite reads the (short) queue first, not the whole outbox.
      .crossJoin('call_events as e')
      .whereRef('e.id', '=', 'p.event_id')
      .selectAll('e')
      // Within one instant by seq, which a session taking over another's calls continues
      // (call-runtime.ts): a call's events keep their order across sessions.
      .orderBy('e.created')
      .orderBy('e.seq')
      .orderBy('e.session_id')
      .limit(limit)
      .execute();
    return rows.map(toCallEvent);
  }

  async queue(deliveries: readonly NewDelivery[], eventIds: readonly string[], firstPosition: number, now: string): Promise<void> {
    const rows = deliveries.map((d, i) => ({
      id: d.id,
      webhook_id: d.webhookId,
      org_id: d.orgId,
      event_id: d.eventId,
      call_id: d.callId,
      event_type: d.eventType,
      event: d.event,
      position: firstPosition + i,
      body: d.body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      lease_owner: null,
      created: now,
      completed: null,
      origin: 'event',
      redelivery_of: null,
    }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      await this.ctx.db
        .insertInto('webhook_deliveries')
        .values(chunk)
        .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
        .execute();
    }
    for (const chunk of chunks(eventIds)) {
      await this.ctx.db.deleteFrom('call_events_pending').where('event_id', 'in', chunk).execute();
    }
    await this.ctx.db
      .updateTable('webhook_fan_out')
      .set({ next_position: firstPosition + rows.length })
      .where('id', '=', FAN_OUT_ROW)
      .execute();
  }

  async due({ due, leaseNow, limit, exclude }: DueQuery): Promise<DueDelivery[]> {
    if (limit <= 0) return [];
    const postgres = this.ctx.dialect === 'postgres';
    // PostgreSQL plans the claim on its statistics, which lag a queue that grows within a minute:
    // believing one delivery pending, it read every pending delivery of the webhook by the call
    // index and sorted them (2,600 waiting: 29 ms); without sorts it walks the due index in order
    // and stops at the limit (2.6 ms), whatever the statistics say. For the rest of the
    // transaction (see the interface): a round trip less than setting it back.
    if (postgres) await sql`set local enable_sort = off`.execute(this.ctx.db);
    const { rows } = await (postgres ? claimDuePostgres : claimDueSqlite)(this.ctx, due, leaseNow, limit, exclude.webhookIds, exclude.orgIds);
    return rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      orgId: r.org_id,
      callId: r.call_id,
      position: r.position,
      attempts: r.attempts,
      targetUrl: r.target_url,
      secret: r.secret,
    }));
  }

  async activeOutside(exclude: DueQuery['exclude'], limit: number): Promise<{ webhookId: string; orgId: string }[]> {
    const rows = await this.ctx.db
      .selectFrom('webhooks')
      .select(['id', 'org_id'])
      .where('status', '=', 'active')
      .$if(exclude.webhookIds.length > 0, (qb) => qb.where('id', 'not in', [...exclude.webhookIds]))
      .$if(exclude.orgIds.length > 0, (qb) => qb.where('org_id', 'not in', [...exclude.orgIds]))
      .limit(limit)
      .execute();
    return rows.map((r) => ({ webhookId: r.id, orgId: r.org_id }));
  }

  async lease(deliveryIds: readonly string[], owner: string, leaseUntil: string): Promise<Map<string, string>> {
    const bodies = new Map<string, string>();
    if (deliveryIds.length === 0) return bodies;
    const { rows } = await leaseDeliveries(this.ctx, [...deliveryIds], owner, leaseUntil);
    for (const row of rows) bodies.set(row.id, row.body);
    return bodies;
  }

  async recordAttempts(settles: readonly AttemptToRecord[], owner: string): Promise<boolean[]> {
    // The delivered ones (nearly all) settle together, a statement per DELIVERED_CHUNK; the rest one by one.
    const settled = new Map<string, { attempts: number; webhook_id: string }>();
    const delivered = settles.filter((s) => s.attempt.outcome === 'delivered');
    for (const chunk of chunks(delivered, DELIVERED_CHUNK)) {
      const { rows } = await settleDelivered(
        this.ctx,
        chunk.map((s) => s.deliveryId),
        chunk.map((s) => s.attempt.time),
        owner,
      );
      for (const row of rows) settled.set(row.id, row);
    }
    for (const { deliveryId, attempt, nextAttemptAt } of settles) {
      if (attempt.outcome === 'delivered') continue;
      const row = await this.settle(deliveryId, owner, attempt, nextAttemptAt);
      if (row) settled.set(deliveryId, row);
    }
    const logged: Insertable<WebhookAttemptsTable>[] = [];
    const answers: boolean[] = [];
    for (const { deliveryId, attempt } of settles) {
      const row = settled.get(deliveryId);
      answers.push(row !== undefined);
      if (!row) continue;
      logged.push({
        id: randomUUID(),
        delivery_id: deliveryId,
        webhook_id: row.webhook_id,
        attempt: row.attempts,
        time: attempt.time,
        status_code: attempt.statusCode,
        latency_ms: attempt.latencyMs,
        error: attempt.error,
        response_excerpt: attempt.responseExcerpt,
        outcome: attempt.outcome,
        request_headers: attempt.requestHeaders && JSON.stringify(attempt.requestHeaders),
      });
    }
    for (const chunk of chunks(logged, ATTEMPT_CHUNK)) await this.ctx.db.insertInto('webhook_attempts').values(chunk).execute();
    return answers;
  }

  /** Settles one leased delivery; its attempt count and webhook, or undefined when it is gone or not ours. */
  private async settle(deliveryId: string, owner: string, attempt: Attempt, nextAttemptAt: string | null) {
    const status: DeliveryStatus = attempt.outcome === 'delivered' ? 'delivered' : attempt.outcome === 'failed' ? 'failed' : 'pending';
    return this.ctx.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status,
        lease_until: null,
        lease_owner: null,
        completed: status === 'pending' ? null : attempt.time,
        ...(nextAttemptAt !== null ? { next_attempt_at: nextAttemptAt } : {}),
      }))
      .where('id', '=', deliveryId)
      .where('lease_owner', '=', owner)
      .returning(['attempts', 'webhook_id'])
      .executeTakeFirst();
  }

  async countFailure(webhookId: string): Promise<number> {
    const row = await this.ctx.db
      .updateTable('webhooks')
      .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) }))
      .where('id', '=', webhookId)
      .returning('consecutive_failures')
      .executeTakeFirst();
    return row?.consecutive_failures ?? 0;
  }

  async resetFailures(webhookId: string): Promise<void> {
    await this.ctx.db.updateTable('webhooks').set({ consecutive_failures: 0 }).where('id', '=', webhookId).where('consecutive_failures', '<>', 0).execute();
  }

  async deactivate(webhookId: string): Promise<void> {
    await this.ctx.db.updateTable('webhooks').set({ status: 'inactive' }).where('id', '=', webhookId).execute();
  }

  async release(deliveryIds: readonly string[], owner: string): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.ctx.db
      .updateTable('webhook_deliveries')
      .set({ lease_until: null, lease_owner: null })
      .where('id', 'in', [...deliveryIds])
      .where('lease_owner', '=', owner)
      .execute();
  }

  async nextDue(after: string): Promise<string | undefined> {
    const row = await this.ctx.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select((eb) => eb.fn.min('d.next_attempt_at').as('due'))
      .where('d.status', '=', 'pending')
      .where('w.status', '=', 'active')
      .where('d.next_attempt_at', '>', after)
      .executeTakeFirst();
    return row?.due ?? undefined;
  }

  async deliveries(webhookId: string, before: number | undefined, limit: number): Promise<Page<DeliveryLogEntry, number>> {
    let query = this.ctx.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
    if (before !== undefined) query = query.where('position', '<', before);
    const rows = await query.orderBy('position', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const items = await this.withAttempts(page);
    return rows.length > limit ? { items, next: page[page.length - 1]!.position } : { items };
  }

  async delivery(webhookId: string, deliveryId: string): Promise<DeliveryLogEntry | undefined> {
    const row = await this.ctx.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).where('id', '=', deliveryId).executeTakeFirst();
    return row && (await this.withAttempts([row]))[0];
  }

  async enqueue(d: ExtraDelivery, now: string): Promise<number> {
    // Waits for the fan-out lock (no SKIP LOCKED here): positions stay unique and in order.
    const row = await this.ctx.db
      .selectFrom('webhook_fan_out')
      .select('next_position')
      .where('id', '=', FAN_OUT_ROW)
      .$if(this.ctx.dialect === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirstOrThrow();
    const position = row.next_position;
    await this.ctx.db
      .insertInto('webhook_deliveries')
      .values({
        id: d.id,
        webhook_id: d.webhookId,
        org_id: d.orgId,
        event_id: d.eventId,
        call_id: d.callId,
        event_type: d.eventType,
        event: d.event,
        position,
        body: d.body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_until: null,
        lease_owner: null,
        created: now,
        completed: null,
        origin: d.origin,
        redelivery_of: d.redeliveryOf,
      })
      .execute();
    await this.ctx.db
      .updateTable('webhook_fan_out')
      .set({ next_position: position + 1 })
      .where('id', '=', FAN_OUT_ROW)
      .execute();
    return position;
  }

  async health(webhookId: string): Promise<WebhookHealth | undefined> {
    const webhook = await this.ctx.db.selectFrom('webhooks').select(['status', 'consecutive_failures']).where('id', '=', webhookId).executeTakeFirst();
    if (!webhook) return undefined;
    const last = await this.ctx.db
      .selectFrom('webhook_attempts')
      .select(['time', 'status_code', 'error', 'outcome'])
      .where('webhook_id', '=', webhookId)
      .orderBy('time', 'desc')
      .orderBy('attempt', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      status: webhook.status as WebhookStatus,
      consecutiveFailures: webhook.consecutive_failures,
      lastAttempt: last ? { time: last.time, statusCode: last.status_code, error: last.error, outcome: last.outcome as AttemptOutcome } : null,
    };
  }

  private async withAttempts(page: Selectable<WebhookDeliveriesTable>[]): Promise<DeliveryLogEntry[]> {
    const attempts = page.length
      ? await this.ctx.db
          .selectFrom('webhook_attempts')
          .selectAll()
          .where(
            'delivery_id',
            'in',
            page.map((r) => r.id),
          )
          .orderBy('attempt')
          .execute()
      : [];
    return page.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      callId: r.call_id,
      eventType: r.event_type,
      event: r.event,
      position: r.position,
      body: r.body,
      status: r.status as DeliveryStatus,
      nextAttemptAt: r.next_attempt_at,
      created: r.created,
      completed: r.completed,
      origin: r.origin as DeliveryOrigin,
      redeliveryOf: r.redelivery_of,
      attempts: attempts.filter((a) => a.delivery_id === r.id).map(toAttempt),
    }));
  }
}

function toAttempt(a: Selectable<WebhookAttemptsTable>): Attempt {
  return {
    time: a.time,
    statusCode: a.status_code,
    latencyMs: a.latency_ms,
    error: a.error,
    responseExcerpt: a.response_excerpt,
    outcome: a.outcome as AttemptOutcome,
    requestHeaders: a.request_headers === null ? null : (JSON.parse(a.request_headers) as Record<string, string>),
  };
}
