import type { LocationNumberRepository } from '../location-numbers-store.ts';
import type { RepositoryContext } from './context.ts';

export class KyselyLocationNumberRepository implements LocationNumberRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }
}
