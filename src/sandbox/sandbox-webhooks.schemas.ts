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
