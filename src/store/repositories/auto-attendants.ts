import { sql, type Selectable, type SqlBool } from 'kysely';
import type { AutoAttendantSettings } from '../../domain/auto-attendants/auto-attendant-types.ts';
import type { AutoAttendantFilter, AutoAttendantRepository, StoredAutoAttendant } from '../auto-attendants-store.ts';
import type { Page } from '../store.ts';
import type { AutoAttendantsTable } from '../tables/auto-attendants.ts';
import { flag, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toAttendant = (row: Selectable<AutoAttendantsTable>): StoredAutoAttendant => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  enabled: row.enabled === 1,
  phoneNumber: row.phone_number,
  extension: row.extension,
  settings: JSON.parse(row.settings) as AutoAttendantSettings,
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyAutoAttendantRepository implements AutoAttendantRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(a: StoredAutoAttendant): Promise<void> {
    await guardUnique(this.ctx, 'auto attendant', () =>
      this.ctx.db
        .insertInto('auto_attendants')
        .values({
          id: a.id,
          org_id: a.orgId,
          location_id: a.locationId,
          name: a.name,
          enabled: flag(a.enabled),
          phone_number: a.phoneNumber,
          extension: a.extension,
          settings: JSON.stringify(a.settings),
          created: a.created,
          last_modified: a.lastModified,
        })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<StoredAutoAttendant | undefined> {
    const row = await this.ctx.db.selectFrom('auto_attendants').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toAttendant(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredAutoAttendant | undefined> {
    const row = await this.ctx.db
      .selectFrom('auto_attendants')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toAttendant(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredAutoAttendant | undefined> {
    const row = await this.ctx.db.selectFrom('auto_attendants').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toAttendant(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredAutoAttendant | undefined> {
    const row = await this.ctx.db.selectFrom('auto_attendants').selectAll().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toAttendant(row);
  }

  async list(orgId: string, filter: AutoAttendantFilter): Promise<Page<StoredAutoAttendant, number>> {
    let query = this.ctx.db.selectFrom('auto_attendants').selectAll().where('org_id', '=', orgId);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    if (filter.phoneNumber !== undefined) query = query.where(matches('phone_number', filter.phoneNumber, 'contains'));
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toAttendant), filter.start, filter.max);
  }

  async update(a: StoredAutoAttendant): Promise<void> {
    await guardUnique(this.ctx, 'auto attendant', () =>
      this.ctx.db
        .updateTable('auto_attendants')
        .set({
          name: a.name,
          enabled: flag(a.enabled),
          phone_number: a.phoneNumber,
          extension: a.extension,
          settings: JSON.stringify(a.settings),
          last_modified: a.lastModified,
        })
        .where('org_id', '=', a.orgId)
        .where('id', '=', a.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('auto_attendants').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
