import { sql, type Expression, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type {
  CallRoutingRepository,
  DialPatternFilter,
  DialPatternOwner,
  DialPlan,
  DialPlanFilter,
  DialPlanListing,
  IdAndName,
  Paging,
  RouteChoice,
  RouteChoiceFilter,
  RouteGroup,
  RouteGroupFilter,
  RouteGroupListing,
  RouteGroupMember,
  RouteGroupMemberListing,
  RouteGroupUsage,
  RouteType,
  Trunk,
  TrunkFilter,
  TrunkListing,
  TrunkType,
  PChargeInfoSupportPolicy,
  TrunkUsage,
  TrunkWithLocation,
} from '../call-routing-store.ts';
import type { Page } from '../store.ts';
import type { DialPlansTable, TrunksTable } from '../tables/call-routing.ts';
import { chunks, flag, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

// Lists page with an offset: fetch one row more than asked to know whether a next page exists.
// Names sort regardless of case, with the id as the last key so that pages never overlap.

const toTrunk = (row: Selectable<TrunksTable>): Trunk => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  trunkType: row.trunk_type as TrunkType,
  deviceType: row.device_type,
  passwordHash: row.password_hash,
  dualIdentitySupportEnabled: Number(row.dual_identity_support_enabled) === 1,
  address: row.address,
  domain: row.domain,
  port: row.port === null ? null : Number(row.port),
  maxConcurrentCalls: row.max_concurrent_calls === null ? null : Number(row.max_concurrent_calls),
  pChargeInfoSupportPolicy: row.p_charge_info_support_policy as PChargeInfoSupportPolicy,
  otgDtgId: row.otg_dtg_id,
  linePort: row.line_port,
  pilotUserId: row.pilot_user_id,
  sipAuthenticationUserName: row.sip_authentication_user_name,
  created: row.created,
});

const trunkRow = (t: Trunk): Insertable<TrunksTable> => ({
  id: t.id,
  org_id: t.orgId,
  location_id: t.locationId,
  name: t.name,
  trunk_type: t.trunkType,
  device_type: t.deviceType,
  password_hash: t.passwordHash,
  dual_identity_support_enabled: flag(t.dualIdentitySupportEnabled),
  address: t.address,
  domain: t.domain,
  port: t.port,
  max_concurrent_calls: t.maxConcurrentCalls,
  p_charge_info_support_policy: t.pChargeInfoSupportPolicy,
  otg_dtg_id: t.otgDtgId,
  line_port: t.linePort,
  pilot_user_id: t.pilotUserId,
  sip_authentication_user_name: t.sipAuthenticationUserName,
  created: t.created,
});

const toDialPlan = (row: Selectable<DialPlansTable>): DialPlan => ({
  id: row.id,
  orgId: row.org_id,
  name: row.name,
  routeType: row.route_type as RouteType,
  routeId: row.route_id,
  created: row.created,
});

const caseless = (column: string) => sql`lower(${sql.ref(column)})`;
const sameName = (column: string, name: string) => sql<SqlBool>`lower(${sql.ref(column)}) = lower(${name})`;
const anyContains = (column: string, values: readonly string[]) => (eb: any) =>
  eb.or(values.map((value) => matches(column, value, 'contains', true)));

const page = <T>(rows: T[], paging: Paging): Page<T, number> => offsetPage(rows, paging.start, paging.limit);

export class KyselyCallRoutingRepository implements CallRoutingRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  // A location's PSTN connection lives in the location-calling area's table.
  private connectedLocations(orgId: string, type: RouteType, id: string) {
    return this.ctx.db
      .selectFrom('location_calling as c')
      .innerJoin('locations as l', 'l.id', 'c.location_id')
      .select(['l.id', 'l.name'])
      .where('c.org_id', '=', orgId)
      .where('c.connection_type', '=', type)
      .where('c.connection_id', '=', id)
      .orderBy(caseless('l.name'))
      .orderBy('l.id');
  }

  private trunkInUse(eb: any): Expression<SqlBool> {
    return eb.or([
      eb.exists(eb.selectFrom('route_group_trunks as m').select('m.trunk_id').whereRef('m.trunk_id', '=', 't.id')),
      eb.exists(eb.selectFrom('dial_plans as d').select('d.id').where('d.route_type', '=', 'TRUNK').whereRef('d.route_id', '=', 't.id')),
      eb.exists(
        eb.selectFrom('location_calling as c').select('c.location_id').where('c.connection_type', '=', 'TRUNK').whereRef('c.connection_id', '=', 't.id'),
      ),
    ]);
  }

  private routeGroupInUse(eb: any): Expression<SqlBool> {
    return eb.or([
      eb.exists(eb.selectFrom('dial_plans as d').select('d.id').where('d.route_type', '=', 'ROUTE_GROUP').whereRef('d.route_id', '=', 'g.id')),
      eb.exists(
        eb
          .selectFrom('location_calling as c')
          .select('c.location_id')
          .where('c.connection_type', '=', 'ROUTE_GROUP')
          .whereRef('c.connection_id', '=', 'g.id'),
      ),
    ]);
  }

  // Trunks

  async insertTrunk(trunk: Trunk): Promise<void> {
    await guardUnique(this.ctx, 'trunk name', () => this.ctx.db.insertInto('trunks').values(trunkRow(trunk)).execute());
  }

  private trunksWithLocation(orgId: string) {
    return this.ctx.db
      .selectFrom('trunks as t')
      .innerJoin('locations as l', 'l.id', 't.location_id')
      .selectAll('t')
      .select('l.name as location_name')
      .where('t.org_id', '=', orgId);
  }

  async getTrunk(orgId: string, id: string): Promise<TrunkWithLocation | undefined> {
    const row = await this.trunksWithLocation(orgId).where('t.id', '=', id).executeTakeFirst();
    return row && { ...toTrunk(row), locationName: row.location_name };
  }

  async getTrunks(orgId: string, ids: readonly string[]): Promise<TrunkWithLocation[]> {
    if (ids.length === 0) return [];
    const rows = await this.trunksWithLocation(orgId)
      .where('t.id', 'in', [...new Set(ids)])
      .execute();
    return rows.map((row) => ({ ...toTrunk(row), locationName: row.location_name }));
  }

  async findTrunkByName(orgId: string, name: string): Promise<Trunk | undefined> {
    const row = await this.ctx.db.selectFrom('trunks').selectAll().where('org_id', '=', orgId).where(sameName('name', name)).executeTakeFirst();
    return row && toTrunk(row);
  }

  async updateTrunk(trunk: Trunk): Promise<void> {
    const { id: _id, org_id: _org, created: _created, ...changes } = trunkRow(trunk);
    await guardUnique(this.ctx, 'trunk name', () =>
      this.ctx.db.updateTable('trunks').set(changes).where('org_id', '=', trunk.orgId).where('id', '=', trunk.id).execute(),
    );
  }

  async deleteTrunk(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('trunks').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async searchTrunks(orgId: string, filter: TrunkFilter, paging: Paging): Promise<Page<TrunkListing, number>> {
    let query = this.ctx.db
      .selectFrom('trunks as t')
      .innerJoin('locations as l', 'l.id', 't.location_id')
      .select((eb) => [
        't.id',
        't.name',
        't.location_id',
        'l.name as location_name',
        't.trunk_type',
        eb.case().when(this.trunkInUse(eb)).then(1).else(0).end().as('in_use'),
      ])
      .where('t.org_id', '=', orgId);
    if (filter.names?.length) query = query.where(anyContains('t.name', filter.names));
    if (filter.locationNames?.length) query = query.where(anyContains('l.name', filter.locationNames));
    if (filter.trunkType !== undefined) query = query.where('t.trunk_type', '=', filter.trunkType);
    const { field, direction } = filter.order;
    if (field === 'locationName') query = query.orderBy(caseless('l.name'), direction);
    query = query.orderBy(caseless('t.name'), field === 'name' ? direction : 'asc').orderBy('t.id');
    const rows = await query
      .limit(paging.limit + 1)
      .offset(paging.start)
      .execute();
    return page(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        locationId: row.location_id,
        locationName: row.location_name,
        trunkType: row.trunk_type as TrunkType,
        inUse: Number(row.in_use) === 1,
      })),
      paging,
    );
  }

  async trunkUsage(orgId: string, id: string): Promise<TrunkUsage> {
    const db = this.ctx.db;
    const [routeGroups, dialPlans, locations, locationsThroughRouteGroups] = await Promise.all([
      db
        .selectFrom('route_group_trunks as m')
        .innerJoin('route_groups as g', 'g.id', 'm.route_group_id')
        .select((eb) => ['g.id', 'g.name', eb.case().when(this.routeGroupInUse(eb)).then(1).else(0).end().as('in_use')])
        .where('g.org_id', '=', orgId)
        .where('m.trunk_id', '=', id)
        .orderBy(caseless('g.name'))
        .execute(),
      db
        .selectFrom('dial_plans')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('route_type', '=', 'TRUNK')
        .where('route_id', '=', id)
        .orderBy(caseless('name'))
        .execute(),
      this.connectedLocations(orgId, 'TRUNK', id).execute(),
      db
        .selectFrom('location_calling as c')
        .innerJoin('locations as l', 'l.id', 'c.location_id')
        .innerJoin('route_group_trunks as m', 'm.route_group_id', 'c.connection_id')
        .select(['l.id', 'l.name'])
        .distinct()
        .where('c.org_id', '=', orgId)
        .where('c.connection_type', '=', 'ROUTE_GROUP')
        .where('m.trunk_id', '=', id)
        .execute(),
    ]);
    const byName = (a: IdAndName, b: IdAndName) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0);
    return {
      routeGroups: routeGroups.map((g) => ({ id: g.id, name: g.name, inUse: Number(g.in_use) === 1 })),
      dialPlans,
      locations,
      locationsThroughRouteGroups: locationsThroughRouteGroups.sort(byName),
    };
  }

  // Route groups

  private async insertMembers(orgId: string, routeGroupId: string, members: readonly RouteGroupMember[]): Promise<void> {
    if (members.length === 0) return;
    const rows = members.map((m) => ({ route_group_id: routeGroupId, trunk_id: m.trunkId, org_id: orgId, priority: m.priority }));
    await guardUnique(this.ctx, 'route group trunk', () => this.ctx.db.insertInto('route_group_trunks').values(rows).execute());
  }

  async insertRouteGroup(routeGroup: RouteGroup, members: readonly RouteGroupMember[]): Promise<void> {
    await guardUnique(this.ctx, 'route group name', () =>
      this.ctx.db
        .insertInto('route_groups')
        .values({ id: routeGroup.id, org_id: routeGroup.orgId, name: routeGroup.name, created: routeGroup.created })
        .execute(),
    );
    await this.insertMembers(routeGroup.orgId, routeGroup.id, members);
  }

  async getRouteGroup(orgId: string, id: string): Promise<RouteGroup | undefined> {
    const row = await this.ctx.db.selectFrom('route_groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, orgId: row.org_id, name: row.name, created: row.created };
  }

  async findRouteGroupByName(orgId: string, name: string): Promise<RouteGroup | undefined> {
    const row = await this.ctx.db.selectFrom('route_groups').selectAll().where('org_id', '=', orgId).where(sameName('name', name)).executeTakeFirst();
    return row && { id: row.id, orgId: row.org_id, name: row.name, created: row.created };
  }

  async routeGroupMembers(routeGroupId: string): Promise<RouteGroupMemberListing[]> {
    const rows = await this.ctx.db
      .selectFrom('route_group_trunks as m')
      .innerJoin('trunks as t', 't.id', 'm.trunk_id')
      .select(['m.trunk_id', 'm.priority', 't.name', 't.location_id'])
      .where('m.route_group_id', '=', routeGroupId)
      .orderBy('m.priority')
      .execute();
    return rows.map((row) => ({ trunkId: row.trunk_id, priority: Number(row.priority), trunkName: row.name, locationId: row.location_id }));
  }

  async updateRouteGroup(routeGroup: RouteGroup, members: readonly RouteGroupMember[] | undefined): Promise<void> {
    await guardUnique(this.ctx, 'route group name', () =>
      this.ctx.db
        .updateTable('route_groups')
        .set({ name: routeGroup.name })
        .where('org_id', '=', routeGroup.orgId)
        .where('id', '=', routeGroup.id)
        .execute(),
    );
    if (members === undefined) return;
    await this.ctx.db.deleteFrom('route_group_trunks').where('route_group_id', '=', routeGroup.id).execute();
    await this.insertMembers(routeGroup.orgId, routeGroup.id, members);
  }

  async deleteRouteGroup(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('route_groups').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async searchRouteGroups(orgId: string, filter: RouteGroupFilter, paging: Paging): Promise<Page<RouteGroupListing, number>> {
    let query = this.ctx.db
      .selectFrom('route_groups as g')
      .select((eb) => ['g.id', 'g.name', eb.case().when(this.routeGroupInUse(eb)).then(1).else(0).end().as('in_use')])
      .where('g.org_id', '=', orgId);
    if (filter.name !== undefined) query = query.where(matches('g.name', filter.name, 'contains', true));
    const rows = await query
      .orderBy(caseless('g.name'), filter.order.direction)
      .orderBy('g.id')
      .limit(paging.limit + 1)
      .offset(paging.start)
      .execute();
    return page(
      rows.map((row) => ({ id: row.id, name: row.name, inUse: Number(row.in_use) === 1 })),
      paging,
    );
  }

  async routeGroupUsage(orgId: string, id: string): Promise<RouteGroupUsage> {
    const [dialPlans, locations] = await Promise.all([
      this.ctx.db
        .selectFrom('dial_plans')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('route_type', '=', 'ROUTE_GROUP')
        .where('route_id', '=', id)
        .orderBy(caseless('name'))
        .execute(),
      this.connectedLocations(orgId, 'ROUTE_GROUP', id).execute(),
    ]);
    return { dialPlans, locations };
  }

  // Dial plans

  async insertDialPlan(dialPlan: DialPlan, dialPatterns: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'dial plan name', () =>
      this.ctx.db
        .insertInto('dial_plans')
        .values({
          id: dialPlan.id,
          org_id: dialPlan.orgId,
          name: dialPlan.name,
          route_type: dialPlan.routeType,
          route_id: dialPlan.routeId,
          created: dialPlan.created,
        })
        .execute(),
    );
    await this.addDialPatterns(dialPlan.orgId, dialPlan.id, dialPatterns);
  }

  /** Dial plans with the name of their route (a trunk or a route group). */
  private dialPlansWithRoute(orgId: string) {
    return this.ctx.db
      .selectFrom('dial_plans as d')
      .leftJoin('trunks as t', (join) => join.onRef('t.id', '=', 'd.route_id').on('d.route_type', '=', 'TRUNK'))
      .leftJoin('route_groups as g', (join) => join.onRef('g.id', '=', 'd.route_id').on('d.route_type', '=', 'ROUTE_GROUP'))
      .selectAll('d')
      .select(sql<string>`coalesce(t.name, g.name, '')`.as('route_name'))
      .where('d.org_id', '=', orgId);
  }

  async getDialPlan(orgId: string, id: string): Promise<DialPlanListing | undefined> {
    const row = await this.dialPlansWithRoute(orgId).where('d.id', '=', id).executeTakeFirst();
    return row && { ...toDialPlan(row), routeName: row.route_name };
  }

  async findDialPlanByName(orgId: string, name: string): Promise<DialPlan | undefined> {
    const row = await this.ctx.db.selectFrom('dial_plans').selectAll().where('org_id', '=', orgId).where(sameName('name', name)).executeTakeFirst();
    return row && toDialPlan(row);
  }

  async updateDialPlan(dialPlan: DialPlan): Promise<void> {
    await guardUnique(this.ctx, 'dial plan name', () =>
      this.ctx.db
        .updateTable('dial_plans')
        .set({ name: dialPlan.name, route_type: dialPlan.routeType, route_id: dialPlan.routeId })
        .where('org_id', '=', dialPlan.orgId)
        .where('id', '=', dialPlan.id)
        .execute(),
    );
  }

  async deleteDialPlan(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('dial_plans').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async searchDialPlans(orgId: string, filter: DialPlanFilter, paging: Paging): Promise<Page<DialPlanListing, number>> {
    let query = this.dialPlansWithRoute(orgId);
    if (filter.name !== undefined) query = query.where(matches('d.name', filter.name, 'contains', true));
    if (filter.routeGroupName !== undefined || filter.trunkName !== undefined) {
      const { routeGroupName, trunkName } = filter;
      query = query.where((eb) => {
        const routes: Expression<SqlBool>[] = [];
        if (routeGroupName !== undefined) routes.push(eb.and([eb('d.route_type', '=', 'ROUTE_GROUP'), matches('g.name', routeGroupName, 'contains', true)]));
        if (trunkName !== undefined) routes.push(eb.and([eb('d.route_type', '=', 'TRUNK'), matches('t.name', trunkName, 'contains', true)]));
        return eb.or(routes);
      });
    }
    const { field, direction } = filter.order;
    if (field === 'routeName') query = query.orderBy(sql`lower(coalesce(t.name, g.name, ''))`, direction);
    if (field === 'routeType') query = query.orderBy('d.route_type', direction);
    const rows = await query
      .orderBy(caseless('d.name'), field === 'name' ? direction : 'asc')
      .orderBy('d.id')
      .limit(paging.limit + 1)
      .offset(paging.start)
      .execute();
    return page(
      rows.map((row) => ({ ...toDialPlan(row), routeName: row.route_name })),
      paging,
    );
  }

  // Dial patterns

  async searchDialPatterns(dialPlanId: string, filter: DialPatternFilter, paging: Paging): Promise<Page<string, number>> {
    let query = this.ctx.db.selectFrom('dial_patterns').select('dial_pattern').where('dial_plan_id', '=', dialPlanId);
    if (filter.dialPattern !== undefined) query = query.where(matches('dial_pattern', filter.dialPattern, 'contains', true));
    const rows = await query
      .orderBy('dial_pattern', filter.order.direction)
      .limit(paging.limit + 1)
      .offset(paging.start)
      .execute();
    return page(
      rows.map((row) => row.dial_pattern),
      paging,
    );
  }

  async findDialPatterns(orgId: string, dialPatterns: readonly string[]): Promise<DialPatternOwner[]> {
    const found: DialPatternOwner[] = [];
    for (const chunk of chunks([...new Set(dialPatterns)])) {
      const rows = await this.ctx.db
        .selectFrom('dial_patterns as p')
        .innerJoin('dial_plans as d', 'd.id', 'p.dial_plan_id')
        .select(['p.dial_pattern', 'p.dial_plan_id', 'd.name'])
        .where('p.org_id', '=', orgId)
        .where('p.dial_pattern', 'in', chunk)
        .execute();
      found.push(...rows.map((row) => ({ dialPattern: row.dial_pattern, dialPlanId: row.dial_plan_id, dialPlanName: row.name })));
    }
    return found;
  }

  async addDialPatterns(orgId: string, dialPlanId: string, dialPatterns: readonly string[]): Promise<void> {
    for (const chunk of chunks(dialPatterns)) {
      const rows = chunk.map((dialPattern) => ({ dial_plan_id: dialPlanId, org_id: orgId, dial_pattern: dialPattern }));
      await guardUnique(this.ctx, 'dial pattern', () => this.ctx.db.insertInto('dial_patterns').values(rows).execute());
    }
  }

  async deleteDialPatterns(dialPlanId: string, dialPatterns: readonly string[]): Promise<void> {
    for (const chunk of chunks(dialPatterns)) {
      await this.ctx.db.deleteFrom('dial_patterns').where('dial_plan_id', '=', dialPlanId).where('dial_pattern', 'in', chunk).execute();
    }
  }

  async deleteAllDialPatterns(dialPlanId: string): Promise<void> {
    await this.ctx.db.deleteFrom('dial_patterns').where('dial_plan_id', '=', dialPlanId).execute();
  }

  // Route choices: the trunks and route groups a dial plan or a location may route to.

  async searchRouteChoices(orgId: string, filter: RouteChoiceFilter, paging: Paging): Promise<Page<RouteChoice, number>> {
    const db = this.ctx.db;
    const { routeGroupName, trunkName } = filter;
    let trunks = db.selectFrom('trunks').select(['id', 'name', sql<string>`'TRUNK'`.as('type')]).where('org_id', '=', orgId);
    let groups = db.selectFrom('route_groups').select(['id', 'name', sql<string>`'ROUTE_GROUP'`.as('type')]).where('org_id', '=', orgId);
    if (trunkName !== undefined) trunks = trunks.where(matches('name', trunkName, 'contains', true));
    if (routeGroupName !== undefined) groups = groups.where(matches('name', routeGroupName, 'contains', true));
    // A filter for one kind alone keeps only that kind.
    const onlyTrunks = trunkName !== undefined && routeGroupName === undefined;
    const onlyGroups = routeGroupName !== undefined && trunkName === undefined;
    const parts = onlyTrunks ? trunks : onlyGroups ? groups : trunks.unionAll(groups);
    let query = db.selectFrom(parts.as('choices')).selectAll();
    const { field, direction } = filter.order;
    if (field === 'routeType') query = query.orderBy('type', direction).orderBy(caseless('name'));
    else query = query.orderBy(caseless('name'), direction).orderBy('type');
    const rows = await query
      .orderBy('id')
      .limit(paging.limit + 1)
      .offset(paging.start)
      .execute();
    return page(
      rows.map((row) => ({ id: row.id, name: row.name, type: row.type as RouteType })),
      paging,
    );
  }
}
