import type { ReceptionistContactRepository } from '../receptionist-contacts-store.ts';
import type { RepositoryContext } from './context.ts';

export class KyselyReceptionistContactRepository implements ReceptionistContactRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }
}
