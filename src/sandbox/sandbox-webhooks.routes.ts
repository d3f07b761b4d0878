import type { WebhookService } from '../domain/webhooks/webhook-service.ts';
import { principalOf } from '../http/auth.ts';
import { clampMax, linkNext } from '../http/pagination.ts';
import type { Server } from '../http/types.ts';
import { withoutCredentials } from '../domain/webhooks/egress-policy.ts';
import type { DeliveryLogEntry } from '../store/webhooks-store.ts';
import { BLOCKED, EXCERPT_BYTES } from '../webhooks/sender.ts';
import type { WebhookTools } from '../webhooks/webhook-tools.ts';
import { GetWebhookHealth, ListDeliveries, Redeliver, SendTestEvent } from './sandbox-webhooks.schemas.ts';

// The delivery log of webhooks, under /sandbox/v1: what was sent (headers and body), when, and
// what the receiver answered, so a developer can see why their endpoint missed an event; and the
// tools to try a receiver: a test event, a redelivery, the webhook's health.

const MAX_DELIVERIES = 500;

// The log must not become a port scanner (docs/webhooks.md#security): it keeps status and
// timing, a short excerpt, and errors only as fixed phrases; anything else (a row logged before
// these rules) shows as a plain network error. Credentials of an old target URL are masked.
const ERRORS = [BLOCKED, 'connection refused', 'connection reset', 'host not found', 'host unreachable', 'TLS handshake failed', 'network error', 'the response broke off', 'targetUrl is not a URL'];
const publicError = (error: string) => (ERRORS.includes(error) || /^timed out after \d+ ms (waiting for a|reading the) response$/.test(error) ? error : 'network error');
const maskBody = (body: string) => body.replace(/("targetUrl":")([^"]*)"/, (_all, head: string, url: string) => `${head}${withoutCredentials(url)}"`);

function presentDelivery(d: DeliveryLogEntry) {
  return {
    id: d.id,
    callId: d.callId,
    eventType: d.eventType,
    event: d.event,
    status: d.status,
    created: d.created,
    origin: d.origin,
    ...(d.redeliveryOf !== null ? { redeliveryOf: d.redeliveryOf } : {}),
    ...(d.status === 'pending' ? { nextAttemptAt: d.nextAttemptAt } : {}),
    ...(d.completed !== null ? { completed: d.completed } : {}),
    body: maskBody(d.body),
    attempts: d.attempts.map((a, i) => ({
      attempt: i + 1,
      time: a.time,
      ...(a.statusCode !== null ? { statusCode: a.statusCode } : {}),
      latencyMs: a.latencyMs,
      ...(a.error !== null ? { error: publicError(a.error) } : {}),
      ...(a.responseExcerpt !== null ? { responseExcerpt: a.responseExcerpt.slice(0, EXCERPT_BYTES) } : {}),
      outcome: a.outcome,
      ...(a.requestHeaders !== null ? { requestHeaders: a.requestHeaders } : {}),
    })),
  };
}

export function sandboxWebhookRoutes(server: Server, deps: { webhooks: WebhookService; webhookTools: WebhookTools }): void {
  server.get('/sandbox/v1/webhooks/:webhookId/deliveries', { schema: ListDeliveries, config: { auth: 'token' } }, async (request, reply) => {
    const max = clampMax(request.query.max, 50, MAX_DELIVERIES);
    const page = await deps.webhooks.deliveries(principalOf(request), request.params.webhookId, request.query.before, max);
    if (page.next !== undefined) linkNext(request, reply, { before: String(page.next), max: String(max) });
    return { items: page.items.map(presentDelivery) };
  });

  // Who may: any token; the domain lets the webhook's creator, or a full administrator of its
  // organization for an organization webhook, send to it (others get 404 or 403 as for PUT).
  server.post('/sandbox/v1/webhooks/:webhookId/test', { schema: SendTestEvent, config: { auth: 'token' } }, async (request, reply) => {
    reply.code(201);
    return presentDelivery(await deps.webhookTools.sendTestEvent(principalOf(request), request.params.webhookId));
  });
  server.post(
    '/sandbox/v1/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    { schema: Redeliver, config: { auth: 'token' } },
    async (request, reply) => {
      reply.code(201);
      return presentDelivery(await deps.webhookTools.redeliver(principalOf(request), request.params.webhookId, request.params.deliveryId));
    },
  );
  // Who may: whoever can read the webhook (as for its delivery log).
  server.get('/sandbox/v1/webhooks/:webhookId/health', { schema: GetWebhookHealth, config: { auth: 'token' } }, async (request) => {
    const h = await deps.webhookTools.health(principalOf(request), request.params.webhookId);
    const last = h.lastAttempt;
    return {
      status: h.status,
      consecutiveFailures: h.consecutiveFailures,
      ...(last
        ? { lastAttempt: { time: last.time, ...(last.statusCode !== null ? { statusCode: last.statusCode } : {}), ...(last.error !== null ? { error: publicError(last.error) } : {}), outcome: last.outcome } }
        : {}),
    };
  });
}
