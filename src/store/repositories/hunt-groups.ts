import { sql, type Selectable, type SqlBool } from 'kysely';
import type { HuntGroupSettings } from '../../domain/hunt-groups/hunt-group-types.ts';
import type { HuntGroupFilter, HuntGroupRepository, StoredAgent, StoredHuntGroup } from '../hunt-groups-store.ts';
import type { Page } from '../store.ts';
import type { HuntGroupsTable } from '../tables/hunt-groups.ts';
import { chunks, flag, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toGroup = (row: Selectable<HuntGroupsTable>): StoredHuntGroup => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  enabled: row.enabled === 1,
  phoneNumber: row.phone_number,
  extension: row.extension,
  settings: JSON.parse(row.settings) as HuntGroupSettings,
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyHuntGroupRepository implements HuntGroupRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(g: StoredHuntGroup, agents: readonly StoredAgent[]): Promise<void> {
    await guardUnique(this.ctx, 'hunt group', () =>
      this.ctx.db
        .insertInto('hunt_groups')
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
          last_modified: g.lastModified,
        })
        .execute(),
    );
    await this.insertAgents(g.id, agents);
  }

  private async insertAgents(huntGroupId: string, agents: readonly StoredAgent[]): Promise<void> {
    const rows = agents.map((a, position) => ({ hunt_group_id: huntGroupId, person_id: a.personId, position, weight: a.weight }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('hunt_group_agents').values(chunk).execute();
  }

  async get(orgId: string, id: string): Promise<StoredHuntGroup | undefined> {
    const row = await this.ctx.db.selectFrom('hunt_groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredHuntGroup | undefined> {
    const row = await this.ctx.db
      .selectFrom('hunt_groups')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toGroup(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredHuntGroup | undefined> {
    const row = await this.ctx.db.selectFrom('hunt_groups').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toGroup(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredHuntGroup | undefined> {
    const row = await this.ctx.db.selectFrom('hunt_groups').selectAll().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toGroup(row);
  }

  async list(orgId: string, filter: HuntGroupFilter): Promise<Page<StoredHuntGroup, number>> {
    let query = this.ctx.db.selectFrom('hunt_groups').selectAll().where('org_id', '=', orgId);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    if (filter.phoneNumber !== undefined) query = query.where(matches('phone_number', filter.phoneNumber, 'contains'));
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toGroup), filter.start, filter.max);
  }

  async agents(huntGroupId: string): Promise<StoredAgent[]> {
    const rows = await this.ctx.db
      .selectFrom('hunt_group_agents')
      .select(['person_id', 'weight'])
      .where('hunt_group_id', '=', huntGroupId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ personId: r.person_id, weight: r.weight }));
  }

  async update(g: StoredHuntGroup, agents?: readonly StoredAgent[]): Promise<void> {
    await guardUnique(this.ctx, 'hunt group', () =>
      this.ctx.db
        .updateTable('hunt_groups')
        .set({
          name: g.name,
          enabled: flag(g.enabled),
          phone_number: g.phoneNumber,
          extension: g.extension,
          settings: JSON.stringify(g.settings),
          last_modified: g.lastModified,
        })
        .where('org_id', '=', g.orgId)
        .where('id', '=', g.id)
        .execute(),
    );
    if (agents === undefined) return;
    await this.ctx.db.deleteFrom('hunt_group_agents').where('hunt_group_id', '=', g.id).execute();
    await this.insertAgents(g.id, agents);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('hunt_groups').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async lastAgent(id: string): Promise<string | null> {
    const row = await this.ctx.db.selectFrom('hunt_groups').select('last_agent_id').where('id', '=', id).executeTakeFirst();
    return row?.last_agent_id ?? null;
  }

  async setLastAgent(id: string, personId: string): Promise<void> {
    await this.ctx.db.updateTable('hunt_groups').set({ last_agent_id: personId }).where('id', '=', id).execute();
  }
}
