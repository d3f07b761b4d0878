import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../database.ts';
import type { Organization, OrganizationRepository } from '../store.ts';
import type { RepositoryContext } from './context.ts';

const toOrganization = (row: Selectable<OrganizationsTable>): Organization => ({
  id: row.id,
  displayName: row.display_name,
  created: row.created,
  defaultLocationId: row.default_location_id,
});

export class KyselyOrganizationRepository implements OrganizationRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(org: Organization): Promise<void> {
    await this.ctx.db
      .insertInto('organizations')
      .values({ id: org.id, display_name: org.displayName, created: org.created, default_location_id: org.defaultLocationId })
      .execute();
  }

  async get(id: string): Promise<Organization | undefined> {
    const row = await this.ctx.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganization(row);
  }

  async setDefaultLocation(id: string, locationId: string): Promise<void> {
    await this.ctx.db.updateTable('organizations').set({ default_location_id: locationId }).where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.ctx.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
