import { Type } from 'typebox';
import { responses } from '../http/schemas.ts';

const Attempt = Type.Object({
  attempt: Type.Integer({ description: '1 for the first.' }),
  time: Type.String({ description: 'When it was sent (server clock).' }),
  statusCode: Type.Optional(Type.Integer({ description: 'Absent when no response came.' })),
  latencyMs: Type.Integer(),
  error: Type.Optional(Type.String({ description: 'Timeout or connection error, as a fixed phrase (connection refused, host not found, blocked …).' })),
  responseExcerpt: Type.Optional(Type.String({ description: 'The first 200 bytes of the response body.' })),
  outcome: Type.String({ description: 'delivered, retry (sent again later) or failed (refused, not retried).' }),
  requestHeaders: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description: 'The request headers sent, lower-case (X-Spark-Signature included when the webhook has a secret). Absent when nothing was sent (a blocked target).',
    }),
  ),
});

const Delivery = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  eventType: Type.String({ description: 'data.eventType of the event.' }),
  event: Type.String({ description: 'The webhook event it is sent as: created, updated or deleted.' }),
  status: Type.String({
    description: 'pending (waiting: due, retrying, behind an earlier event of the same call, or the webhook is inactive), delivered or failed.',
  }),
  created: Type.String({ description: 'When the event was queued for this webhook.' }),
  nextAttemptAt: Type.Optional(Type.String({ description: 'While pending: when it may be sent next.' })),
  completed: Type.Optional(Type.String()),
  origin: Type.String({ description: 'event (a call event), test (a test event) or redelivery (sent again by hand).' }),
  redeliveryOf: Type.Optional(Type.String({ description: 'For a redelivery: the id of the delivery it sends again.' })),
  body: Type.String({ description: 'The exact bytes POSTed (X-Spark-Signature is their HMAC-SHA1 with the secret).' }),
  attempts: Type.Array(Attempt),
});

export const ListDeliveries = {
  summary: 'List the deliveries of a webhook',
  description:
    'Every event queued for the webhook, newest first, with each attempt: time, status code, latency, error and the start of the response. Visible to whoever can read the webhook.',
  tags: ['Sandbox'],
  params: Type.Object({ webhookId: Type.String() }),
  querystring: Type.Object({
    max: Type.Optional(Type.Number({ description: 'Deliveries per page (default 50, limit 500).' })),
    before: Type.Optional(Type.Integer({ minimum: 0, description: 'Paging cursor, from the Link header.' })),
  }),
  response: responses({ 200: Type.Object({ items: Type.Array(Delivery) }) }),
};

const WebhookParams = Type.Object({ webhookId: Type.String() });

export const SendTestEvent = {
  summary: 'Send a test event to a webhook',
  description:
    'Queues a made-up telephony_calls event (an incoming call from +15555550100 to the webhook’s creator, of the kind the webhook subscribes to) and delivers it like any event: signed, retried and logged. For the webhook’s creator, or a full administrator for an organization webhook. 400 for a webhook on another resource.',
  tags: ['Sandbox'],
  params: WebhookParams,
  response: responses({ 201: Delivery }),
};

export const Redeliver = {
  summary: 'Send a delivery again',
  description:
    'Queues a new delivery with the same body as a delivered or failed one (409 while it is pending), behind whatever is pending for the same call. For the webhook’s creator, or a full administrator for an organization webhook.',
  tags: ['Sandbox'],
  params: Type.Object({ webhookId: Type.String(), deliveryId: Type.String() }),
  response: responses({ 201: Delivery }),
};

export const GetWebhookHealth = {
  summary: 'Get the health of a webhook',
  description: 'Its status, the failed attempts in a row (at the configured maximum it turns inactive) and its last attempt. Visible to whoever can read the webhook.',
  tags: ['Sandbox'],
  params: WebhookParams,
  response: responses({
    200: Type.Object({
      status: Type.String({ description: 'active or inactive.' }),
      consecutiveFailures: Type.Integer(),
      lastAttempt: Type.Optional(
        Type.Object({
          time: Type.String(),
          statusCode: Type.Optional(Type.Integer({ description: 'Absent when no response came.' })),
          error: Type.Optional(Type.String()),
          outcome: Type.String({ description: 'delivered, retry or failed.' }),
        }),
      ),
    }),
  }),
};
