import type { AnnouncementRepository } from '../announcements-store.ts';
import type { RepositoryContext } from './context.ts';

export class KyselyAnnouncementRepository implements AnnouncementRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }
}
