import type { WebhookService } from '../../domain/webhooks/webhook-service.ts';
import { principalOf } from '../../http/auth.ts';
import { clampMax, decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentWebhook } from './webhooks.presenters.ts';
import { CreateWebhook, DeleteWebhook, GetWebhook, ListWebhooks, UpdateWebhook } from './webhooks.schemas.ts';

// Any valid token manages its own webhooks; the scope a resource needs is checked on create.
const anyToken = { auth: 'token' as const };
const MAX_WEBHOOKS = 100;

export function webhookRoutes(server: Server, deps: { webhooks: WebhookService }): void {
  const { webhooks } = deps;

  server.get('/v1/webhooks', { schema: ListWebhooks, config: anyToken }, async (request, reply) => {
    const max = clampMax(request.query.max, MAX_WEBHOOKS, MAX_WEBHOOKS);
    const page = await webhooks.list(principalOf(request), request.query.ownedBy, decodeCursor(request.query.after), max);
    if (page.next) linkNext(request, reply, { after: encodeCursor(page.next), max: String(max) });
    return { items: page.items.map(presentWebhook) };
  });

  server.post('/v1/webhooks', { schema: CreateWebhook, config: anyToken }, async (request) => {
    return presentWebhook(await webhooks.create(principalOf(request), request.body));
  });

  server.get('/v1/webhooks/:webhookId', { schema: GetWebhook, config: anyToken }, async (request) => {
    return presentWebhook(await webhooks.get(principalOf(request), request.params.webhookId));
  });

  server.put('/v1/webhooks/:webhookId', { schema: UpdateWebhook, config: anyToken }, async (request) => {
    return presentWebhook(await webhooks.update(principalOf(request), request.params.webhookId, request.body));
  });

  server.delete('/v1/webhooks/:webhookId', { schema: DeleteWebhook, config: anyToken }, async (request, reply) => {
    await webhooks.delete(principalOf(request), request.params.webhookId);
    sendEmpty(reply, 204);
  });
}
