import type { CallRoutingRepository } from '../call-routing-store.ts';
import type { RepositoryContext } from './context.ts';

export class KyselyCallRoutingRepository implements CallRoutingRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }
}
