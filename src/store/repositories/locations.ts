import { sql, type Insertable, type Selectable } from 'kysely';
import type { LocationsTable } from '../database.ts';
import type { Cursor, Location, LocationFilter, LocationRepository, Page } from '../store.ts';
import { fixedStatement, flag, guardUnique, keysetPage, matches, TransactionMemo, type RepositoryContext } from './context.ts';

export const toLocation = (row: Selectable<LocationsTable>): Location => ({
  id: row.id,
  orgId: row.org_id,
  name: row.name,
  timeZone: row.time_zone,
  preferredLanguage: row.preferred_language,
  announcementLanguage: row.announcement_language,
  address: {
    address1: row.address1,
    address2: row.address2,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    country: row.country,
  },
  latitude: row.latitude,
  longitude: row.longitude,
  notes: row.notes,
  callingEnabled: row.calling_enabled === 1,
  routingPrefix: row.routing_prefix,
  created: row.created,
});

const toRow = (l: Location): Insertable<LocationsTable> => ({
  id: l.id,
  org_id: l.orgId,
  name: l.name,
  time_zone: l.timeZone,
  preferred_language: l.preferredLanguage,
  announcement_language: l.announcementLanguage,
  address1: l.address.address1,
  address2: l.address.address2,
  city: l.address.city,
  state: l.address.state,
  postal_code: l.address.postalCode,
  country: l.address.country,
  latitude: l.latitude,
  longitude: l.longitude,
  notes: l.notes,
  calling_enabled: flag(l.callingEnabled),
  routing_prefix: l.routingPrefix,
  created: l.created,
});

// Creating a calling user (issue 17): built and compiled once (per given or default location).
const locationWithRunningJob = fixedStatement((db, orgId: string, id: string | undefined, jobType: string) =>
  db
    .selectFrom('locations as l')
    .selectAll('l')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('jobs as j')
            .select(sql.lit(1).as('one'))
            .whereRef('j.location_id', '=', 'l.id')
            .where('j.job_type', '=', jobType)
            .where('j.status', 'in', ['STARTING', 'STARTED']),
        )
        .as('job_running'),
    )
    .where('l.org_id', '=', orgId)
    .where('l.id', '=', (eb) => (id !== undefined ? eb.val(id) : eb.selectFrom('organizations as o').select('o.default_location_id').where('o.id', '=', orgId))),
);

// Read by each call step (the called person's ring schedules, the call record's site): issue 17.
const locationById = fixedStatement((db, orgId: string, id: string) => db.selectFrom('locations').selectAll().where('org_id', '=', orgId).where('id', '=', id));

export class KyselyLocationRepository implements LocationRepository {
  private readonly ctx: RepositoryContext;
  /** Rows read by get in this transaction, once rememberInTransaction was asked (each get builds its own Location from the row). */
  private readonly memo: TransactionMemo<Selectable<LocationsTable> | undefined>;
  constructor(ctx: RepositoryContext, inTransaction = false) {
    this.ctx = ctx;
    this.memo = new TransactionMemo(inTransaction);
  }

  rememberInTransaction(): void {
    this.memo.start();
  }

  async insert(location: Location): Promise<void> {
    this.memo.forget();
    await guardUnique(this.ctx, 'location name', () => this.ctx.db.insertInto('locations').values(toRow(location)).execute());
  }

  async get(orgId: string, id: string): Promise<Location | undefined> {
    const row = await this.memo.read(`${orgId}\u0000${id}`, async () => (await locationById(this.ctx, orgId, id)).rows[0]);
    return row && toLocation(row);
  }

  async getWithRunningJob(orgId: string, id: string | undefined, jobType: string): Promise<{ location: Location; jobRunning: boolean } | undefined> {
    const row = (await locationWithRunningJob(this.ctx, orgId, id, jobType)).rows[0];
    if (!row) return undefined;
    const { job_running, ...location } = row;
    return { location: toLocation(location), jobRunning: Boolean(Number(job_running)) };
  }

  async getMany(orgId: string, ids: readonly string[]): Promise<Location[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('locations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return rows.map(toLocation);
  }

  async findByName(orgId: string, name: string): Promise<Location | undefined> {
    const row = await this.ctx.db
      .selectFrom('locations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where(sql<boolean>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toLocation(row);
  }

  async list(orgId: string, filter: LocationFilter, after: Cursor | undefined, limit: number): Promise<Page<Location, Cursor>> {
    let query = this.ctx.db.selectFrom('locations').selectAll().where('org_id', '=', orgId);
    if (filter.name !== undefined) {
      query = query.where(matches('name', filter.name, 'contains', true));
    }
    if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
    if (after) query = query.where((eb) => eb(eb.refTuple('created', 'id'), '>', eb.tuple(after.created, after.id)));
    const rows = await query.orderBy('created').orderBy('id').limit(limit + 1).execute();
    return keysetPage(rows.map(toLocation), limit);
  }

  async update(location: Location): Promise<void> {
    const { id, org_id, created, ...changes } = toRow(location);
    this.memo.forget();
    await guardUnique(this.ctx, 'location name', () =>
      this.ctx.db.updateTable('locations').set(changes).where('org_id', '=', org_id).where('id', '=', id).execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    this.memo.forget();
    await this.ctx.db.deleteFrom('locations').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
