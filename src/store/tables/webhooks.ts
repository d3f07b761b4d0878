// Tables of the webhooks area (see store/migrations/0008-webhooks.ts).

/** A subscription of the /v1/webhooks resource. */
export type WebhooksTable = {
  id: string;
  org_id: string;
  /** The person whose token created it; their calls are what a creator-owned webhook receives. */
  created_by: string;
  /** The uuid of the (fake) application the webhook belongs to: one per organization. */
  app_id: string;
  name: string;
  target_url: string;
  resource: string;
  event: string;
  filter: string | null;
  secret: string | null;
  /** creator or org. */
  owned_by: string;
  /** active or inactive. */
  status: string;
  /** Failed attempts since the last success; at the configured maximum the webhook turns inactive. */
  consecutive_failures: number;
  created: string;
};

/** One row: the fan-out lock (held while outbox events are turned into deliveries) and the next position. */
export type WebhookFanOutTable = {
  id: string;
  next_position: number;
};

/** One event for one webhook: what is sent, and where its delivery stands. */
export type WebhookDeliveriesTable = {
  id: string;
  webhook_id: string;
  org_id: string;
  event_id: string;
  call_id: string;
  event_type: string;
  /** created, updated or deleted: the webhook event it is sent as. */
  event: string;
  /** Fan-out order: the events of one call reach a webhook in this order. */
  position: number;
  /** The exact bytes sent (JSON), fixed when the event is queued so that every retry sends the same. */
  body: string;
  /** pending, delivered or failed (a refusal that is not retried). */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** A worker that claimed the delivery holds it until then (wall time, whatever the server clock does). */
  lease_until: string | null;
  lease_owner: string | null;
  created: string;
  completed: string | null;
  /** event (fanned out from the outbox), test (a test event) or redelivery (0028). */
  origin: string;
  /** For a redelivery: the delivery it sends again. */
  redelivery_of: string | null;
};

/** Every attempt of a delivery: the delivery log. */
export type WebhookAttemptsTable = {
  id: string;
  delivery_id: string;
  webhook_id: string;
  attempt: number;
  time: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
  /** delivered, retry (will be tried again) or failed (given up). */
  outcome: string;
  /** The request headers sent, as a JSON object (0028); null before. */
  request_headers: string | null;
};

export type WebhookTables = {
  webhooks: WebhooksTable;
  webhook_fan_out: WebhookFanOutTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
};
