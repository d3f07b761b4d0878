import type { Page } from '../store.ts';
import type { RouteListFilter, RouteListListing, RouteListRepository, StoredRouteList } from '../route-lists-store.ts';
import { chunks, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

export class KyselyRouteListRepository implements RouteListRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  private listings(orgId: string) {
    return this.ctx.db
      .selectFrom('route_lists as r')
      .innerJoin('locations as l', 'l.id', 'r.location_id')
      .innerJoin('route_groups as g', 'g.id', 'r.route_group_id')
      .select(['r.id', 'r.org_id', 'r.location_id', 'r.name', 'r.route_group_id', 'r.created', 'l.name as location_name', 'g.name as route_group_name'])
      .where('r.org_id', '=', orgId);
  }

  private static toListing(row: { id: string; org_id: string; location_id: string; name: string; route_group_id: string; created: string; location_name: string; route_group_name: string }): RouteListListing {
    return {
      id: row.id,
      orgId: row.org_id,
      locationId: row.location_id,
      name: row.name,
      routeGroupId: row.route_group_id,
      created: row.created,
      locationName: row.location_name,
      routeGroupName: row.route_group_name,
    };
  }

  async insert(r: StoredRouteList): Promise<void> {
    await guardUnique(this.ctx, 'route list', () =>
      this.ctx.db
        .insertInto('route_lists')
        .values({ id: r.id, org_id: r.orgId, location_id: r.locationId, name: r.name, route_group_id: r.routeGroupId, created: r.created })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<RouteListListing | undefined> {
    const row = await this.listings(orgId).where('r.id', '=', id).executeTakeFirst();
    return row && KyselyRouteListRepository.toListing(row);
  }

  async list(orgId: string, filter: RouteListFilter): Promise<Page<RouteListListing, number>> {
    let query = this.listings(orgId);
    if (filter.names?.length) query = query.where((eb) => eb.or(filter.names!.map((n) => matches('r.name', n, 'contains', true))));
    if (filter.locationIds?.length) query = query.where('r.location_id', 'in', filter.locationIds);
    const rows = await query.orderBy('r.name', filter.direction).orderBy('r.id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(KyselyRouteListRepository.toListing), filter.start, filter.max);
  }

  async update(r: StoredRouteList): Promise<void> {
    await guardUnique(this.ctx, 'route list', () =>
      this.ctx.db.updateTable('route_lists').set({ name: r.name, route_group_id: r.routeGroupId }).where('org_id', '=', r.orgId).where('id', '=', r.id).execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('route_list_numbers').where('route_list_id', '=', id).execute();
    await this.ctx.db.deleteFrom('route_lists').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async byRouteGroup(orgId: string, routeGroupId: string): Promise<RouteListListing[]> {
    const rows = await this.listings(orgId).where('r.route_group_id', '=', routeGroupId).orderBy('r.name').execute();
    return rows.map(KyselyRouteListRepository.toListing);
  }

  async numbers(routeListId: string, filter: { number?: string; direction: 'asc' | 'desc'; start: number; max: number }): Promise<Page<string, number>> {
    let query = this.ctx.db.selectFrom('route_list_numbers').select('number').where('route_list_id', '=', routeListId);
    if (filter.number) query = query.where(matches('number', filter.number, 'contains'));
    const rows = await query.orderBy('number', filter.direction).limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(
      rows.map((r) => r.number),
      filter.start,
      filter.max,
    );
  }

  async holders(orgId: string, numbers: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(numbers)) {
      if (part.length === 0) continue;
      const rows = await this.ctx.db.selectFrom('route_list_numbers').select(['number', 'route_list_id']).where('org_id', '=', orgId).where('number', 'in', part).execute();
      for (const row of rows) out.set(row.number, row.route_list_id);
    }
    return out;
  }

  async addNumbers(orgId: string, routeListId: string, numbers: readonly string[]): Promise<void> {
    for (const part of chunks(numbers)) {
      if (part.length > 0) await this.ctx.db.insertInto('route_list_numbers').values(part.map((number) => ({ route_list_id: routeListId, org_id: orgId, number }))).execute();
    }
  }

  async deleteNumbers(routeListId: string, numbers: readonly string[]): Promise<void> {
    for (const part of chunks(numbers)) {
      if (part.length > 0) await this.ctx.db.deleteFrom('route_list_numbers').where('route_list_id', '=', routeListId).where('number', 'in', part).execute();
    }
  }

  async deleteAllNumbers(routeListId: string): Promise<void> {
    await this.ctx.db.deleteFrom('route_list_numbers').where('route_list_id', '=', routeListId).execute();
  }
}
