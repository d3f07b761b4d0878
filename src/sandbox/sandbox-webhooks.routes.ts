import type { WebhookService } from '../domain/webhooks/webhook-service.ts';
import { principalOf } from '../http/auth.ts';
import { clampMax, linkNext } from '../http/pagination.ts';
import type { Server } from '../http/types.ts';
import { withoutCredentials } from '../domain/webhooks/egress-policy.ts';
import type { DeliveryLogEntry } from '../store/webhooks-store.ts';
import { BLOCKED, EXCERPT_BYTES } from '../webhooks/sender.ts';
import { ListDeliveries } from './sandbox-webhooks.schemas.ts';

// The delivery log of webhooks, under /sandbox/v1: what was sent, when, and what the receiver
// answered, so a developer can see why their endpoint missed an event.

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
    })),
  };
}

export function sandboxWebhookRoutes(server: Server, deps: { webhooks: WebhookService }): void {
  server.get('/sandbox/v1/webhooks/:webhookId/deliveries', { schema: ListDeliveries, config: { auth: 'token' } }, async (request, reply) => {
    const max = clampMax(request.query.max, 50, MAX_DELIVERIES);
    const page = await deps.webhooks.deliveries(principalOf(request), request.params.webhookId, request.query.before, max);
    if (page.next !== undefined) linkNext(request, reply, { before: String(page.next), max: String(max) });
    return { items: page.items.map(presentDelivery) };
  });
}
