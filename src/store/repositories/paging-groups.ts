import { sql, type Selectable, type SqlBool } from 'kysely';
import type { PagingGroupSettings } from '../../domain/paging/paging-types.ts';
import type { PagingGroupRepository, PagingMembers, StoredPagingGroup } from '../paging-store.ts';
import type { PagingGroupsTable } from '../tables/paging-groups.ts';
import { chunks, flag, guardUnique, type RepositoryContext } from './context.ts';

const toGroup = (row: Selectable<PagingGroupsTable>): StoredPagingGroup => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  enabled: row.enabled === 1,
  phoneNumber: row.phone_number,
  extension: row.extension,
  settings: JSON.parse(row.settings) as PagingGroupSettings,
  created: row.created,
});

export class KyselyPagingGroupRepository implements PagingGroupRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(g: StoredPagingGroup, members: PagingMembers): Promise<void> {
    await guardUnique(this.ctx, 'paging group', () =>
      this.ctx.db
        .insertInto('paging_groups')
        .values({
          id: g.id,
          org_id: g.orgId,
          location_id: g.locationId,
          name: g.name,
          enabled: flag(g.enabled),
          phone_number: g.phoneNumber,
          extension: g.extension,
          settings: JSON.stringify(g.settings),
          created: g.created,
        })
        .execute(),
    );
    await this.insertMembers(g.id, 'originator', members.originators);
    await this.insertMembers(g.id, 'target', members.targets);
  }

  private async insertMembers(id: string, role: 'originator' | 'target', people: readonly string[]): Promise<void> {
    const rows = people.map((personId, position) => ({ paging_group_id: id, person_id: personId, role, position }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('paging_group_members').values(chunk).execute();
  }

  async get(orgId: string, id: string): Promise<StoredPagingGroup | undefined> {
    const row = await this.ctx.db.selectFrom('paging_groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredPagingGroup | undefined> {
    const row = await this.ctx.db
      .selectFrom('paging_groups')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toGroup(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredPagingGroup | undefined> {
    const row = await this.ctx.db.selectFrom('paging_groups').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toGroup(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredPagingGroup | undefined> {
    const row = await this.ctx.db.selectFrom('paging_groups').selectAll().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toGroup(row);
  }

  async list(orgId: string, locationId?: string): Promise<StoredPagingGroup[]> {
    let query = this.ctx.db.selectFrom('paging_groups').selectAll().where('org_id', '=', orgId);
    if (locationId !== undefined) query = query.where('location_id', '=', locationId);
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').execute();
    return rows.map(toGroup);
  }

  async members(pagingGroupId: string): Promise<PagingMembers> {
    const rows = await this.ctx.db
      .selectFrom('paging_group_members')
      .select(['person_id', 'role'])
      .where('paging_group_id', '=', pagingGroupId)
      .orderBy('position')
      .execute();
    return { originators: rows.filter((r) => r.role === 'originator').map((r) => r.person_id), targets: rows.filter((r) => r.role === 'target').map((r) => r.person_id) };
  }

  async update(g: StoredPagingGroup, members: Partial<PagingMembers>): Promise<void> {
    await guardUnique(this.ctx, 'paging group', () =>
      this.ctx.db
        .updateTable('paging_groups')
        .set({ name: g.name, enabled: flag(g.enabled), phone_number: g.phoneNumber, extension: g.extension, settings: JSON.stringify(g.settings) })
        .where('org_id', '=', g.orgId)
        .where('id', '=', g.id)
        .execute(),
    );
    for (const [role, people] of [['originator', members.originators], ['target', members.targets]] as const) {
      if (people === undefined) continue;
      await this.ctx.db.deleteFrom('paging_group_members').where('paging_group_id', '=', g.id).where('role', '=', role).execute();
      await this.insertMembers(g.id, role, people);
    }
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('paging_groups').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
