import { sql, type Selectable, type SqlBool } from 'kysely';
import type {
  CallParkLocationSettings,
  CallParkRepository,
  CallPickupRepository,
  RecallOption,
  StoredCallPark,
  StoredCallPickup,
  StoredParkExtension,
} from '../call-park-store.ts';
import type { CallParkExtensionsTable, CallParksTable, CallPickupsTable } from '../tables/call-park-pickup.ts';
import { chunks, flag, guardUnique, type RepositoryContext } from './context.ts';

const toPark = (row: Selectable<CallParksTable>): StoredCallPark => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  recall: { option: row.recall_option as RecallOption, huntGroupId: row.recall_hunt_group_id },
  parkOnAgentsEnabled: row.park_on_agents === 1,
  created: row.created,
});

const toExtension = (row: Selectable<CallParkExtensionsTable>): StoredParkExtension => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  extension: row.extension,
  callParkId: row.call_park_id,
  created: row.created,
});

const toPickup = (row: Selectable<CallPickupsTable>): StoredCallPickup => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  notificationType: row.notification_type as StoredCallPickup['notificationType'],
  notificationDelayTimerSeconds: row.notification_delay_seconds,
  created: row.created,
});

export class KyselyCallParkRepository implements CallParkRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(p: StoredCallPark, agents: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'call park', async () => {
      await this.ctx.db
        .insertInto('call_parks')
        .values({
          id: p.id,
          org_id: p.orgId,
          location_id: p.locationId,
          name: p.name,
          recall_option: p.recall.option,
          recall_hunt_group_id: p.recall.huntGroupId,
          park_on_agents: flag(p.parkOnAgentsEnabled),
          created: p.created,
        })
        .execute();
      await this.insertAgents(p.id, agents);
    });
  }

  private async insertAgents(id: string, agents: readonly string[]): Promise<void> {
    const rows = agents.map((personId, position) => ({ call_park_id: id, person_id: personId, position }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('call_park_agents').values(chunk).execute();
  }

  async get(orgId: string, id: string): Promise<StoredCallPark | undefined> {
    const row = await this.ctx.db.selectFrom('call_parks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toPark(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredCallPark | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_parks')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toPark(row);
  }

  async list(orgId: string, locationId: string): Promise<StoredCallPark[]> {
    const rows = await this.ctx.db.selectFrom('call_parks').selectAll().where('org_id', '=', orgId).where('location_id', '=', locationId).orderBy(sql`lower(name)`).orderBy('id').execute();
    return rows.map(toPark);
  }

  async agents(callParkId: string): Promise<string[]> {
    const rows = await this.ctx.db.selectFrom('call_park_agents').select('person_id').where('call_park_id', '=', callParkId).orderBy('position').execute();
    return rows.map((r) => r.person_id);
  }

  async update(p: StoredCallPark, agents?: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'call park', async () => {
      await this.ctx.db
        .updateTable('call_parks')
        .set({ name: p.name, recall_option: p.recall.option, recall_hunt_group_id: p.recall.huntGroupId, park_on_agents: flag(p.parkOnAgentsEnabled) })
        .where('org_id', '=', p.orgId)
        .where('id', '=', p.id)
        .execute();
      if (agents === undefined) return;
      await this.ctx.db.deleteFrom('call_park_agents').where('call_park_id', '=', p.id).execute();
      await this.insertAgents(p.id, agents);
    });
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.updateTable('call_park_extensions').set({ call_park_id: null }).where('call_park_id', '=', id).execute();
    await this.ctx.db.deleteFrom('call_parks').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async groupOf(personId: string): Promise<StoredCallPark | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_park_agents as a')
      .innerJoin('call_parks as p', 'p.id', 'a.call_park_id')
      .selectAll('p')
      .where('a.person_id', '=', personId)
      .executeTakeFirst();
    return row && toPark(row);
  }

  async members(orgId: string): Promise<Set<string>> {
    const rows = await this.ctx.db
      .selectFrom('call_park_agents as a')
      .innerJoin('call_parks as p', 'p.id', 'a.call_park_id')
      .select('a.person_id')
      .where('p.org_id', '=', orgId)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  }

  async insertExtension(e: StoredParkExtension): Promise<void> {
    await guardUnique(this.ctx, 'call park extension', () =>
      this.ctx.db
        .insertInto('call_park_extensions')
        .values({ id: e.id, org_id: e.orgId, location_id: e.locationId, name: e.name, extension: e.extension, call_park_id: e.callParkId, position: 0, created: e.created })
        .execute(),
    );
  }

  async getExtension(orgId: string, id: string): Promise<StoredParkExtension | undefined> {
    const row = await this.ctx.db.selectFrom('call_park_extensions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toExtension(row);
  }

  async findExtension(locationId: string, extension: string): Promise<StoredParkExtension | undefined> {
    const row = await this.ctx.db.selectFrom('call_park_extensions').selectAll().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toExtension(row);
  }

  async listExtensions(orgId: string, locationId?: string): Promise<StoredParkExtension[]> {
    let query = this.ctx.db.selectFrom('call_park_extensions').selectAll().where('org_id', '=', orgId);
    if (locationId !== undefined) query = query.where('location_id', '=', locationId);
    const rows = await query.orderBy(sql`lower(name)`).orderBy('id').execute();
    return rows.map(toExtension);
  }

  async updateExtension(e: StoredParkExtension): Promise<void> {
    await guardUnique(this.ctx, 'call park extension', () =>
      this.ctx.db.updateTable('call_park_extensions').set({ name: e.name, extension: e.extension }).where('org_id', '=', e.orgId).where('id', '=', e.id).execute(),
    );
  }

  async deleteExtension(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('call_park_extensions').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async extensionsOf(callParkId: string): Promise<StoredParkExtension[]> {
    const rows = await this.ctx.db.selectFrom('call_park_extensions').selectAll().where('call_park_id', '=', callParkId).orderBy('position').orderBy('id').execute();
    return rows.map(toExtension);
  }

  async setExtensions(callParkId: string, extensionIds: readonly string[]): Promise<void> {
    await this.ctx.db.updateTable('call_park_extensions').set({ call_park_id: null, position: 0 }).where('call_park_id', '=', callParkId).execute();
    for (const [position, id] of extensionIds.entries()) {
      await this.ctx.db.updateTable('call_park_extensions').set({ call_park_id: callParkId, position }).where('id', '=', id).execute();
    }
  }

  async settings(locationId: string): Promise<CallParkLocationSettings | undefined> {
    const row = await this.ctx.db.selectFrom('call_park_settings').select('settings').where('location_id', '=', locationId).executeTakeFirst();
    return row && (JSON.parse(row.settings) as CallParkLocationSettings);
  }

  async saveSettings(orgId: string, locationId: string, settings: CallParkLocationSettings): Promise<void> {
    const value = JSON.stringify(settings);
    await this.ctx.db
      .insertInto('call_park_settings')
      .values({ location_id: locationId, org_id: orgId, settings: value })
      .onConflict((oc) => oc.column('location_id').doUpdateSet({ settings: value }))
      .execute();
  }
}

export class KyselyCallPickupRepository implements CallPickupRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(p: StoredCallPickup, agents: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'call pickup', async () => {
      await this.ctx.db
        .insertInto('call_pickups')
        .values({
          id: p.id,
          org_id: p.orgId,
          location_id: p.locationId,
          name: p.name,
          notification_type: p.notificationType,
          notification_delay_seconds: p.notificationDelayTimerSeconds,
          created: p.created,
        })
        .execute();
      await this.insertAgents(p.id, agents);
    });
  }

  private async insertAgents(id: string, agents: readonly string[]): Promise<void> {
    const rows = agents.map((personId, position) => ({ call_pickup_id: id, person_id: personId, position }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('call_pickup_agents').values(chunk).execute();
  }

  async get(orgId: string, id: string): Promise<StoredCallPickup | undefined> {
    const row = await this.ctx.db.selectFrom('call_pickups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toPickup(row);
  }

  async findByName(locationId: string, name: string): Promise<StoredCallPickup | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_pickups')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toPickup(row);
  }

  async list(orgId: string, locationId: string): Promise<StoredCallPickup[]> {
    const rows = await this.ctx.db.selectFrom('call_pickups').selectAll().where('org_id', '=', orgId).where('location_id', '=', locationId).orderBy(sql`lower(name)`).orderBy('id').execute();
    return rows.map(toPickup);
  }

  async agents(callPickupId: string): Promise<string[]> {
    const rows = await this.ctx.db.selectFrom('call_pickup_agents').select('person_id').where('call_pickup_id', '=', callPickupId).orderBy('position').execute();
    return rows.map((r) => r.person_id);
  }

  async update(p: StoredCallPickup, agents?: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'call pickup', async () => {
      await this.ctx.db
        .updateTable('call_pickups')
        .set({ name: p.name, notification_type: p.notificationType, notification_delay_seconds: p.notificationDelayTimerSeconds })
        .where('org_id', '=', p.orgId)
        .where('id', '=', p.id)
        .execute();
      if (agents === undefined) return;
      await this.ctx.db.deleteFrom('call_pickup_agents').where('call_pickup_id', '=', p.id).execute();
      await this.insertAgents(p.id, agents);
    });
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('call_pickups').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async groupOf(personId: string): Promise<StoredCallPickup | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_pickup_agents as a')
      .innerJoin('call_pickups as p', 'p.id', 'a.call_pickup_id')
      .selectAll('p')
      .where('a.person_id', '=', personId)
      .executeTakeFirst();
    return row && toPickup(row);
  }

  async members(orgId: string): Promise<Set<string>> {
    const rows = await this.ctx.db
      .selectFrom('call_pickup_agents as a')
      .innerJoin('call_pickups as p', 'p.id', 'a.call_pickup_id')
      .select('a.person_id')
      .where('p.org_id', '=', orgId)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  }
}
