import { sql, type Selectable } from 'kysely';
import type { LocationCalling, LocationCallingRepository, CallingLocationFilter, RouteType, NetworkConnectionType } from '../location-calling-store.ts';
import type { LocationCallingTable } from '../tables/location-calling.ts';
import type { Location, Page, Person } from '../store.ts';
import { flag, matches, offsetPage, type RepositoryContext } from './context.ts';
import { toLocation } from './locations.ts';
import { toPerson } from './people.ts';

const toSettings = (row: Selectable<LocationCallingTable>): LocationCalling => ({
  locationId: row.location_id,
  orgId: row.org_id,
  callingLineName: row.calling_line_name,
  outsideDialDigit: row.outside_dial_digit,
  enforceOutsideDialDigit: row.enforce_outside_dial_digit === 1,
  externalCallerIdName: row.external_caller_id_name,
  pAccessNetworkInfo: row.p_access_network_info,
  chargeNumber: row.charge_number,
  useChargeNumberForPChargeInfo: row.use_charge_number === 1,
  connection: row.connection_type && row.connection_id ? { type: row.connection_type as RouteType, id: row.connection_id } : null,
  privateNetworkConnect: row.private_network_connect as NetworkConnectionType,
  enabledAt: row.enabled_at,
});

const toRow = (s: LocationCalling): Selectable<LocationCallingTable> => ({
  location_id: s.locationId,
  org_id: s.orgId,
  calling_line_name: s.callingLineName,
  outside_dial_digit: s.outsideDialDigit,
  enforce_outside_dial_digit: flag(s.enforceOutsideDialDigit),
  external_caller_id_name: s.externalCallerIdName,
  p_access_network_info: s.pAccessNetworkInfo,
  charge_number: s.chargeNumber,
  use_charge_number: flag(s.useChargeNumberForPChargeInfo),
  connection_type: s.connection?.type ?? null,
  connection_id: s.connection?.id ?? null,
  private_network_connect: s.privateNetworkConnect,
  enabled_at: s.enabledAt,
});

export class KyselyLocationCallingRepository implements LocationCallingRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(settings: LocationCalling): Promise<void> {
    await this.ctx.db.insertInto('location_calling').values(toRow(settings)).execute();
  }

  async get(locationId: string): Promise<LocationCalling | undefined> {
    const row = await this.ctx.db.selectFrom('location_calling').selectAll().where('location_id', '=', locationId).executeTakeFirst();
    return row && toSettings(row);
  }

  async delete(locationId: string): Promise<void> {
    await this.ctx.db.deleteFrom('location_calling').where('location_id', '=', locationId).execute();
  }

  async update(settings: LocationCalling): Promise<void> {
    const { location_id, ...changes } = toRow(settings);
    await this.ctx.db.updateTable('location_calling').set(changes).where('location_id', '=', location_id).execute();
  }

  async list(orgId: string, filter: CallingLocationFilter, start: number, limit: number): Promise<Page<{ location: Location; calling: LocationCalling }, number>> {
    let query = this.ctx.db
      .selectFrom('locations as l')
      .innerJoin('location_calling as c', 'c.location_id', 'l.id')
      .selectAll('l')
      .select([
        'c.location_id',
        'c.org_id',
        'c.calling_line_name',
        'c.outside_dial_digit',
        'c.enforce_outside_dial_digit',
        'c.external_caller_id_name',
        'c.p_access_network_info',
        'c.charge_number',
        'c.use_charge_number',
        'c.connection_type',
        'c.connection_id',
        'c.private_network_connect',
        'c.enabled_at',
      ])
      .where('l.org_id', '=', orgId);
    if (filter.name !== undefined) query = query.where(matches('l.name', filter.name, 'contains', true));
    const rows = await query
      .orderBy(sql`lower(l.name)`, filter.order)
      .orderBy('l.id')
      .limit(limit + 1)
      .offset(start)
      .execute();
    return offsetPage(
      rows.map((row) => ({ location: toLocation(row), calling: toSettings(row) })),
      start,
      limit,
    );
  }

  async members(locationId: string, afterId: string | null, limit: number): Promise<Person[]> {
    let query = this.ctx.db.selectFrom('people').selectAll().where('location_id', '=', locationId);
    if (afterId !== null) query = query.where('id', '>', afterId);
    return (await query.orderBy('id').limit(limit).execute()).map(toPerson);
  }

  async esnHolder(orgId: string, esn: string, exceptLocationId: string): Promise<Person | undefined> {
    const row = await this.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('location_id', 'is not', null)
      .where('location_id', '<>', exceptLocationId)
      // The people_esn index (migration 0012) is on exactly this expression.
      .where(sql<boolean>`(coalesce(routing_prefix, '') || extension) = ${esn}`)
      .executeTakeFirst();
    return row && toPerson(row);
  }

  async setMemberRoutingPrefix(personId: string, routingPrefix: string | null): Promise<void> {
    await this.ctx.db.updateTable('people').set({ routing_prefix: routingPrefix }).where('id', '=', personId).execute();
  }

  async setMemberAnnouncementLanguage(locationId: string, language: string): Promise<number> {
    const result = await this.ctx.db
      .updateTable('people')
      .set({ announcement_language: language })
      .where('location_id', '=', locationId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async locationWithRoutingPrefix(orgId: string, routingPrefix: string): Promise<Location | undefined> {
    const row = await this.ctx.db
      .selectFrom('locations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('calling_enabled', '=', 1)
      .where('routing_prefix', '=', routingPrefix)
      .executeTakeFirst();
    return row && toLocation(row);
  }

  async mainNumbers(locationIds: readonly string[]): Promise<Map<string, string>> {
    if (locationIds.length === 0) return new Map();
    const rows = await this.ctx.db
      .selectFrom('numbers')
      .select(['location_id', 'phone_number'])
      .where('location_id', 'in', [...locationIds])
      .where('is_main_number', '=', 1)
      .execute();
    return new Map(rows.map((r) => [r.location_id, r.phone_number]));
  }

  async setMainNumber(locationId: string, phoneNumber: string): Promise<void> {
    await this.ctx.db.updateTable('numbers').set({ is_main_number: 0 }).where('location_id', '=', locationId).where('is_main_number', '=', 1).execute();
    await this.ctx.db.updateTable('numbers').set({ is_main_number: 1 }).where('location_id', '=', locationId).where('phone_number', '=', phoneNumber).execute();
  }
}
