import type { WebhookService } from '../../domain/webhooks/webhook-service.ts';
import type { Server } from '../../http/types.ts';

export function webhookRoutes(_server: Server, _deps: { webhooks: WebhookService }): void {}
