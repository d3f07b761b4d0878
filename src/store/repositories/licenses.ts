import type { Selectable } from 'kysely';
import type { LicensesTable } from '../database.ts';
import type { CallingLicenseKind, Cursor, License, LicenseRepository, Page, Person } from '../store.ts';
import { fixedStatement, keysetPage, type RepositoryContext } from './context.ts';
import { toPerson } from './people.ts';

const toLicense = (row: Selectable<LicensesTable>): License => ({
  id: row.id,
  orgId: row.org_id,
  code: row.code,
  name: row.name,
  totalUnits: row.total_units,
  subscriptionId: row.subscription_id,
  siteUrl: row.site_url,
  siteType: row.site_type,
  calling: row.calling as CallingLicenseKind | null,
});

// Creating a person (issue 17): built and compiled once per number of licenses.
const licensesAmong = fixedStatement((db, orgId: string, ids: string[]) =>
  db.selectFrom('licenses').selectAll().where('org_id', '=', orgId).where('id', 'in', ids),
);
const holdingsOfNew = fixedStatement((db, orgId: string, personId: string, licenseIds: string[]) =>
  db.insertInto('person_licenses').values(licenseIds.map((licenseId) => ({ org_id: orgId, person_id: personId, license_id: licenseId }))),
);
const takeUnits = fixedStatement((db, licenseIds: string[]) =>
  db
    .updateTable('licenses')
    .set((eb) => ({ consumed_units: eb('consumed_units', '+', 1) }))
    .where('id', 'in', licenseIds)
    .whereRef('consumed_units', '<', 'total_units')
    .returning('id'),
);

export class KyselyLicenseRepository implements LicenseRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(l: License): Promise<void> {
    await this.ctx.db
      .insertInto('licenses')
      .values({
        id: l.id,
        org_id: l.orgId,
        code: l.code,
        name: l.name,
        total_units: l.totalUnits,
        subscription_id: l.subscriptionId,
        site_url: l.siteUrl,
        site_type: l.siteType,
        calling: l.calling,
      })
      .execute();
  }

  async list(orgId: string): Promise<License[]> {
    const rows = await this.ctx.db.selectFrom('licenses').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
    return rows.map(toLicense);
  }

  async get(orgId: string, id: string): Promise<License | undefined> {
    const row = await this.ctx.db.selectFrom('licenses').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toLicense(row);
  }

  async getMany(orgId: string, ids: readonly string[]): Promise<License[]> {
    if (ids.length === 0) return [];
    return (await licensesAmong(this.ctx, orgId, [...new Set(ids)])).rows.map(toLicense);
  }

  async setTotalUnits(id: string, totalUnits: number): Promise<void> {
    await this.ctx.db.updateTable('licenses').set({ total_units: totalUnits }).where('id', '=', id).execute();
  }

  async consumedUnits(licenseIds: readonly string[]): Promise<Map<string, number>> {
    if (licenseIds.length === 0) return new Map();
    const rows = await this.ctx.db.selectFrom('licenses').select(['id', 'consumed_units']).where('id', 'in', licenseIds).execute();
    return new Map(rows.map((r) => [r.id, Number(r.consumed_units)]));
  }

  async assign(orgId: string, personId: string, licenseId: string): Promise<boolean> {
    // Take the unit first: when none is left nothing is written.
    const taken = await this.ctx.db
      .updateTable('licenses')
      .set((eb) => ({ consumed_units: eb('consumed_units', '+', 1) }))
      .where('id', '=', licenseId)
      .whereRef('consumed_units', '<', 'total_units')
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return false;
    const inserted = await this.ctx.db
      .insertInto('person_licenses')
      .values({ org_id: orgId, person_id: personId, license_id: licenseId })
      .onConflict((oc) => oc.columns(['person_id', 'license_id']).doNothing())
      .executeTakeFirst();
    // Held already: the unit was theirs.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) await this.releaseUnits([licenseId]);
    return true;
  }

  async assignToNew(orgId: string, personId: string, licenseIds: readonly string[]): Promise<string[]> {
    if (licenseIds.length === 0) return [];
    await holdingsOfNew(this.ctx, orgId, personId, [...licenseIds]);
    // Last, so that the rows it locks (PostgreSQL: until commit) are held for the commit alone;
    // the condition is checked again on a row another transaction changed meanwhile, so units
    // never exceed totals.
    const taken = (await takeUnits(this.ctx, [...licenseIds])).rows;
    const got = new Set(taken.map((row) => row.id));
    return licenseIds.filter((id) => !got.has(id));
  }

  async unassign(personId: string, licenseId: string): Promise<void> {
    const removed = await this.ctx.db.deleteFrom('person_licenses').where('person_id', '=', personId).where('license_id', '=', licenseId).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) await this.releaseUnits([licenseId]);
  }

  /** Gives back one unit of each license; the caller removes (or removed) the holdings. */
  private async releaseUnits(licenseIds: readonly string[]): Promise<void> {
    if (licenseIds.length === 0) return;
    await this.ctx.db
      .updateTable('licenses')
      .set((eb) => ({ consumed_units: eb('consumed_units', '-', 1) }))
      .where('id', 'in', licenseIds)
      .execute();
  }

  async heldBy(personIds: readonly string[]): Promise<Map<string, string[]>> {
    const held = new Map<string, string[]>();
    if (personIds.length === 0) return held;
    const rows = await this.ctx.db
      .selectFrom('person_licenses')
      .select(['person_id', 'license_id'])
      .where('person_id', 'in', [...new Set(personIds)])
      .orderBy('license_id')
      .execute();
    for (const row of rows) {
      const list = held.get(row.person_id);
      if (list) list.push(row.license_id);
      else held.set(row.person_id, [row.license_id]);
    }
    return held;
  }

  async holders(licenseId: string, after: Cursor | undefined, limit: number): Promise<Page<Person, Cursor>> {
    let query = this.ctx.db
      .selectFrom('people')
      .innerJoin('person_licenses', 'person_licenses.person_id', 'people.id')
      .selectAll('people')
      .where('person_licenses.license_id', '=', licenseId);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('people.created', 'people.id'), '>', eb.tuple(after.created, after.id)));
    }
    const rows = await query.orderBy('people.created').orderBy('people.id').limit(limit + 1).execute();
    return keysetPage(rows.map(toPerson), limit);
  }
}
