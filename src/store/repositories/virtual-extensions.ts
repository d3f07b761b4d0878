import { sql, type Selectable } from 'kysely';
import type { Page } from '../store.ts';
import type { VirtualExtensionRangesTable, VirtualExtensionsTable } from '../tables/virtual-extensions.ts';
import type { ExtensionRangeFilter, StoredExtensionRange, StoredVirtualExtension, VirtualExtensionFilter, VirtualExtensionRepository } from '../virtual-extensions-store.ts';
import { guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toExtension = (row: Selectable<VirtualExtensionsTable>): StoredVirtualExtension => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  extension: row.extension,
  phoneNumber: row.phone_number,
  firstName: row.first_name,
  lastName: row.last_name,
  displayName: row.display_name,
  created: row.created,
});

const toRange = (row: Selectable<VirtualExtensionRangesTable>): StoredExtensionRange => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  prefix: row.prefix,
  patterns: JSON.parse(row.patterns) as string[],
  created: row.created,
});

export class KyselyVirtualExtensionRepository implements VirtualExtensionRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(v: StoredVirtualExtension): Promise<void> {
    await guardUnique(this.ctx, 'virtual extension', () =>
      this.ctx.db
        .insertInto('virtual_extensions')
        .values({
          id: v.id,
          org_id: v.orgId,
          location_id: v.locationId,
          extension: v.extension,
          phone_number: v.phoneNumber,
          first_name: v.firstName,
          last_name: v.lastName,
          display_name: v.displayName,
          created: v.created,
        })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<StoredVirtualExtension | undefined> {
    const row = await this.ctx.db.selectFrom('virtual_extensions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toExtension(row);
  }

  async findByExtension(orgId: string, locationId: string | null, extension: string): Promise<StoredVirtualExtension | undefined> {
    let query = this.ctx.db.selectFrom('virtual_extensions').selectAll().where('org_id', '=', orgId).where('extension', '=', extension);
    query = locationId === null ? query.where('location_id', 'is', null) : query.where('location_id', '=', locationId);
    const row = await query.executeTakeFirst();
    return row && toExtension(row);
  }

  async list(orgId: string, filter: VirtualExtensionFilter): Promise<Page<StoredVirtualExtension, number>> {
    let query = this.ctx.db.selectFrom('virtual_extensions').selectAll().where('org_id', '=', orgId);
    if (filter.orgLevelOnly) query = query.where('location_id', 'is', null);
    else if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.extension !== undefined) query = query.where(matches('extension', filter.extension, 'contains'));
    if (filter.phoneNumber !== undefined) query = query.where(matches('phone_number', filter.phoneNumber, 'contains'));
    if (filter.name !== undefined) query = query.where(matches('display_name', filter.name, 'contains', true));
    const rows = await query.orderBy('extension').orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toExtension), filter.start, filter.max);
  }

  async update(v: StoredVirtualExtension): Promise<void> {
    await guardUnique(this.ctx, 'virtual extension', () =>
      this.ctx.db
        .updateTable('virtual_extensions')
        .set({ extension: v.extension, phone_number: v.phoneNumber, first_name: v.firstName, last_name: v.lastName, display_name: v.displayName })
        .where('org_id', '=', v.orgId)
        .where('id', '=', v.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('virtual_extensions').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async insertRange(r: StoredExtensionRange): Promise<void> {
    await guardUnique(this.ctx, 'virtual extension range', () =>
      this.ctx.db
        .insertInto('virtual_extension_ranges')
        .values({ id: r.id, org_id: r.orgId, location_id: r.locationId, name: r.name, prefix: r.prefix, patterns: JSON.stringify(r.patterns), created: r.created })
        .execute(),
    );
  }

  async getRange(orgId: string, id: string): Promise<StoredExtensionRange | undefined> {
    const row = await this.ctx.db.selectFrom('virtual_extension_ranges').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toRange(row);
  }

  async listRanges(orgId: string, filter: ExtensionRangeFilter): Promise<Page<StoredExtensionRange, number>> {
    let query = this.ctx.db.selectFrom('virtual_extension_ranges').selectAll().where('org_id', '=', orgId);
    if (filter.orgLevelOnly) query = query.where('location_id', 'is', null);
    else if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    if (filter.prefix !== undefined) query = query.where(matches('prefix', filter.prefix, 'contains'));
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toRange), filter.start, filter.max);
  }

  async rangesFor(orgId: string, locationId: string): Promise<StoredExtensionRange[]> {
    const rows = await this.ctx.db
      .selectFrom('virtual_extension_ranges')
      .selectAll()
      .where('org_id', '=', orgId)
      .where((eb) => eb.or([eb('location_id', 'is', null), eb('location_id', '=', locationId)]))
      .orderBy('created')
      .execute();
    return rows.map(toRange);
  }

  async updateRange(r: StoredExtensionRange): Promise<void> {
    await guardUnique(this.ctx, 'virtual extension range', () =>
      this.ctx.db
        .updateTable('virtual_extension_ranges')
        .set({ name: r.name, prefix: r.prefix, patterns: JSON.stringify(r.patterns) })
        .where('org_id', '=', r.orgId)
        .where('id', '=', r.id)
        .execute(),
    );
  }

  async deleteRange(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('virtual_extension_ranges').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
