import { sql, type Selectable, type SqlBool } from 'kysely';
import type { ModeType, OperatingMode, OperatingModeSettings } from '../../domain/operating-modes/operating-mode-types.ts';
import type { OperatingModeFilter, OperatingModeRepository } from '../operating-modes-store.ts';
import type { Page } from '../store.ts';
import type { OperatingModesTable } from '../tables/virtual-extensions.ts';
import { chunks, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toMode = (row: Selectable<OperatingModesTable>): OperatingMode => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  type: row.type as ModeType,
  settings: JSON.parse(row.settings) as OperatingModeSettings,
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyOperatingModeRepository implements OperatingModeRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(m: OperatingMode): Promise<void> {
    await guardUnique(this.ctx, 'operating mode', () =>
      this.ctx.db
        .insertInto('operating_modes')
        .values({ id: m.id, org_id: m.orgId, location_id: m.locationId, name: m.name, type: m.type, settings: JSON.stringify(m.settings), created: m.created, last_modified: m.lastModified })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<OperatingMode | undefined> {
    const row = await this.ctx.db.selectFrom('operating_modes').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toMode(row);
  }

  async getMany(orgId: string, ids: readonly string[]): Promise<OperatingMode[]> {
    const out: OperatingMode[] = [];
    for (const chunk of chunks([...ids])) {
      if (chunk.length === 0) continue;
      const rows = await this.ctx.db.selectFrom('operating_modes').selectAll().where('org_id', '=', orgId).where('id', 'in', chunk).execute();
      out.push(...rows.map(toMode));
    }
    return out;
  }

  async findByName(orgId: string, locationId: string | null, name: string): Promise<OperatingMode | undefined> {
    let query = this.ctx.db.selectFrom('operating_modes').selectAll().where('org_id', '=', orgId).where(sql<SqlBool>`lower(name) = lower(${name})`);
    query = locationId === null ? query.where('location_id', 'is', null) : query.where('location_id', '=', locationId);
    const row = await query.executeTakeFirst();
    return row && toMode(row);
  }

  async list(orgId: string, filter: OperatingModeFilter): Promise<Page<OperatingMode, number>> {
    let query = this.ctx.db.selectFrom('operating_modes').selectAll().where('org_id', '=', orgId);
    if (filter.orgLevelOnly) query = query.where('location_id', 'is', null);
    else if (filter.locationId !== undefined) {
      const locationId = filter.locationId;
      query = query.where((eb) => eb.or([eb('location_id', 'is', null), eb('location_id', '=', locationId)]));
    }
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    const direction = filter.order === 'desc' ? 'desc' : 'asc';
    const rows = await query.orderBy(sql`lower(name)`, direction).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toMode), filter.start, filter.max);
  }

  async count(orgId: string, locationId: string | null): Promise<number> {
    let query = this.ctx.db.selectFrom('operating_modes').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId);
    query = locationId === null ? query.where('location_id', 'is', null) : query.where('location_id', '=', locationId);
    return Number((await query.executeTakeFirst())?.n ?? 0);
  }

  async update(m: OperatingMode): Promise<void> {
    await guardUnique(this.ctx, 'operating mode', () =>
      this.ctx.db
        .updateTable('operating_modes')
        .set({ name: m.name, type: m.type, settings: JSON.stringify(m.settings), last_modified: m.lastModified })
        .where('org_id', '=', m.orgId)
        .where('id', '=', m.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('operating_modes').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
