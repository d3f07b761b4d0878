import type { WebhookRepository } from '../webhooks-store.ts';
import type { RepositoryContext } from './context.ts';

export class KyselyWebhookRepository implements WebhookRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }
}
