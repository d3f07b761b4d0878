import type { WebhookService } from '../domain/webhooks/webhook-service.ts';
import type { Server } from '../http/types.ts';

/** The delivery log of webhooks, under /sandbox/v1. */
export function sandboxWebhookRoutes(_server: Server, _deps: { webhooks: WebhookService }): void {}
