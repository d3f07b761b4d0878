import type { CallEventRecord } from './calls-store.ts';
import type { Cursor, Page } from './store.ts';

// What the domain and the delivery worker may ask of persistence for webhooks: the /v1/webhooks
// resource, the fan-out of the call-event outbox into deliveries, the claiming of deliveries by
// workers (possibly several processes), and the delivery log.

export type WebhookOwner = 'creator' | 'org';
export type WebhookStatus = 'active' | 'inactive';

export type Webhook = {
  id: string;
  orgId: string;
  createdBy: string;
  appId: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter: string | null;
  secret: string | null;
  ownedBy: WebhookOwner;
  status: WebhookStatus;
  consecutiveFailures: number;
  created: string;
};

/** A webhook the fan-out considers, with whether its creator is an administrator now. */
export type CallSubscriber = Webhook & { creatorIsAdmin: boolean };

/** Whose webhooks a principal sees: its person's own, and the organization's if an administrator. */
export type WebhookViewer = { orgId: string; personId: string; seesOrgOwned: boolean };

export type WebhookChanges = Pick<Webhook, 'name' | 'targetUrl' | 'secret'>;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A delivery to queue: one outbox event for one webhook. */
export type NewDelivery = {
  id: string;
  webhookId: string;
  orgId: string;
  eventId: string;
  callId: string;
  eventType: string;
  event: string;
  body: string;
};

/** Where a delivery came from: a call event of the outbox, a test event, or a redelivery of another delivery. */
export type DeliveryOrigin = 'event' | 'test' | 'redelivery';

/** A delivery queued by hand (a test event or a redelivery), outside the fan-out. */
export type ExtraDelivery = NewDelivery & { origin: Exclude<DeliveryOrigin, 'event'>; redeliveryOf: string | null };

/** How a webhook is doing: its status, failures in a row and its last attempt still logged (see retention). */
export type WebhookHealth = {
  status: WebhookStatus;
  consecutiveFailures: number;
  lastAttempt: { time: string; statusCode: number | null; error: string | null; outcome: AttemptOutcome } | null;
};

export type DueQuery = {
  due: string;
  leaseNow: string;
  limit: number;
  exclude: { webhookIds: readonly string[]; orgIds: readonly string[] };
};

/** A delivery a claim found due, with where to send it. */
export type DueDelivery = Omit<ClaimedDelivery, 'body'>;

/** A delivery a worker has claimed, with where and how to send it. */
export type ClaimedDelivery = {
  id: string;
  webhookId: string;
  orgId: string;
  callId: string;
  position: number;
  /** Attempts made before this one. */
  attempts: number;
  body: string;
  targetUrl: string;
  secret: string | null;
};

export type AttemptOutcome = 'delivered' | 'retry' | 'failed';

export type Attempt = {
  time: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
  outcome: AttemptOutcome;
  /** The request headers sent (signature included); null when nothing was sent or for attempts logged before they were kept. */
  requestHeaders: Record<string, string> | null;
};

/** One delivery's attempt, to log and settle (see recordAttempts). */
export type AttemptToRecord = { deliveryId: string; attempt: Attempt; nextAttemptAt: string | null };

export type DeliveryLogEntry = {
  id: string;
  eventId: string;
  callId: string;
  eventType: string;
  event: string;
  position: number;
  body: string;
  status: DeliveryStatus;
  nextAttemptAt: string;
  created: string;
  completed: string | null;
  origin: DeliveryOrigin;
  redeliveryOf: string | null;
  attempts: Attempt[];
};

export interface WebhookRepository {
  insert(webhook: Webhook): Promise<void>;
  countInOrganization(orgId: string): Promise<number>;
  get(orgId: string, id: string): Promise<Webhook | undefined>;
  /** The viewer's webhooks by (created, id), optionally only those owned one way. */
  list(viewer: WebhookViewer, ownedBy: WebhookOwner | undefined, after: Cursor | undefined, limit: number): Promise<Page<Webhook, Cursor>>;
  update(orgId: string, id: string, changes: WebhookChanges): Promise<void>;
  /** Active again with no failures counted; its waiting deliveries become due at `now`. */
  reactivate(orgId: string, id: string, now: string): Promise<void>;
  /** Deletes the webhook with its deliveries and their log. */
  delete(orgId: string, id: string): Promise<void>;

  /** Whether any outbox event waits to be fanned out: read without a lock, before taking one. */
  anyPendingEvent(): Promise<boolean>;

  // Fan-out (in one transaction).
  /**
   * Takes the fan-out lock and answers the next free position; undefined when another process
   * holds it (PostgreSQL skips a locked row; SQLite has one writer).
   */
  lockFanOut(): Promise<number | undefined>;
  /** Webhooks that may receive call events (resource telephony_calls or all), of every organization. */
  callSubscribers(): Promise<CallSubscriber[]>;
  /** Outbox events not fanned out yet, of every organization, in the order they happened (created, session, seq). */
  pendingEvents(limit: number): Promise<CallEventRecord[]>;
  /**
   * Queues deliveries (positions from `firstPosition` on, in the order given), marks the events
   * fanned out (no longer pending), and moves the next free position past them.
   */
  queue(deliveries: readonly NewDelivery[], eventIds: readonly string[], firstPosition: number, now: string): Promise<void>;

  // Delivery.
  /**
   * Up to `limit` deliveries due by `due` (clock time), of active webhooks, first in their
   * (webhook, call) queue, not leased at `leaseNow`, and not of the webhooks or organizations
   * named in `exclude` (lanes that are full), earliest due first (then oldest). On PostgreSQL rows another
   * transaction is claiming are skipped and those read are locked (so a claim reads no more than it
   * may take), and sorts are off for the rest of the transaction (a claim is planned without
   * them, whatever the statistics say): claim last. SQLite has one writer. Claiming is this and
   * lease() in one transaction.
   */
  due(query: DueQuery): Promise<DueDelivery[]>;
  /**
   * Up to `limit` active webhooks outside `exclude` (their own ids and their organizations'): a
   * claim excluding those lanes can only find deliveries of these, so no more than their lanes
   * hold, and nothing when there are none. The webhooks table is small; the queue is not.
   */
  activeOutside(exclude: DueQuery['exclude'], limit: number): Promise<{ webhookId: string; orgId: string }[]>;
  /**
   * Leases deliveries to `owner` until `leaseUntil` (leases are wall time: they measure whether a
   * process is alive, whatever its clock does); answers their bodies by id (the claim's read
   * leaves them out: only those leased are read).
   */
  lease(deliveryIds: readonly string[], owner: string, leaseUntil: string): Promise<Map<string, string>>;
  /**
   * Logs each attempt and settles its delivery (delivered, failed, or pending until
   * `nextAttemptAt`), the attempts logged with one insert. Answers, for each in the order given,
   * whether it was settled: false, and nothing written, when the delivery is gone (webhook
   * deleted) or no longer leased to `owner` (its lease ran out and another process took it over).
   */
  recordAttempts(settles: readonly AttemptToRecord[], owner: string): Promise<boolean[]>;
  /** Counts a failed attempt against the webhook; answers its consecutive failures. */
  countFailure(webhookId: string): Promise<number>;
  resetFailures(webhookId: string): Promise<void>;
  deactivate(webhookId: string): Promise<void>;
  /**
   * Queues one delivery at the next position (waiting for the fan-out lock), due at `now`;
   * answers its position. A test event has a call of its own; a redelivery joins the queue of
   * its call, behind what is pending there.
   */
  enqueue(delivery: ExtraDelivery, now: string): Promise<number>;
  /** Gives claimed deliveries back without an attempt (a worker stopping). */
  release(deliveryIds: readonly string[], owner: string): Promise<void>;
  /** The earliest time after `after` a pending delivery of an active webhook falls due, if any. */
  nextDue(after: string): Promise<string | undefined>;

  // The delivery log.
  /** A webhook's deliveries, newest first, with their attempts; `before` is a position. */
  deliveries(webhookId: string, before: number | undefined, limit: number): Promise<Page<DeliveryLogEntry, number>>;
  /** One delivery of a webhook, with its attempts. */
  delivery(webhookId: string, deliveryId: string): Promise<DeliveryLogEntry | undefined>;
  health(webhookId: string): Promise<WebhookHealth | undefined>;
}
