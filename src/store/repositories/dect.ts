import type { Insertable, Selectable } from 'kysely';
import type { DectRepository, HandsetLine, StoredBaseStation, StoredDectNetwork, StoredHandset } from '../dect-store.ts';
import type { DectHandsetsTable, DectNetworksTable } from '../tables/devices.ts';
import { flag, guardUnique, matches, type RepositoryContext } from './context.ts';

const toNetwork = (row: Selectable<DectNetworksTable>): StoredDectNetwork => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  displayName: row.display_name,
  model: row.model,
  chainId: Number(row.chain_id),
  defaultAccessCodeEnabled: Boolean(row.default_access_code_enabled),
  defaultAccessCode: row.default_access_code,
  serviceabilityPasswordEnabled: Boolean(row.serviceability_password_enabled),
  serviceabilityPassword: row.serviceability_password,
  created: row.created,
});

const networkRow = (n: StoredDectNetwork): Insertable<DectNetworksTable> => ({
  id: n.id,
  org_id: n.orgId,
  location_id: n.locationId,
  name: n.name,
  display_name: n.displayName,
  model: n.model,
  chain_id: n.chainId,
  default_access_code_enabled: flag(n.defaultAccessCodeEnabled),
  default_access_code: n.defaultAccessCode,
  serviceability_password_enabled: flag(n.serviceabilityPasswordEnabled),
  serviceability_password: n.serviceabilityPassword,
  created: n.created,
});

const toHandset = (row: Selectable<DectHandsetsTable>): StoredHandset => ({
  id: row.id,
  orgId: row.org_id,
  networkId: row.network_id,
  index: Number(row.handset_index),
  customDisplayName: row.custom_display_name,
  mac: row.mac,
  accessCode: row.access_code,
  line1: { kind: row.line1_kind as HandsetLine['kind'], memberId: row.line1_member_id },
  line2: row.line2_kind !== null && row.line2_member_id !== null ? { kind: row.line2_kind as HandsetLine['kind'], memberId: row.line2_member_id } : null,
  created: row.created,
});

const handsetRow = (h: StoredHandset): Insertable<DectHandsetsTable> => ({
  id: h.id,
  org_id: h.orgId,
  network_id: h.networkId,
  handset_index: h.index,
  custom_display_name: h.customDisplayName,
  mac: h.mac,
  access_code: h.accessCode,
  line1_kind: h.line1.kind,
  line1_member_id: h.line1.memberId,
  line2_kind: h.line2?.kind ?? null,
  line2_member_id: h.line2?.memberId ?? null,
  created: h.created,
});

export class KyselyDectRepository implements DectRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insertNetwork(n: StoredDectNetwork): Promise<void> {
    await guardUnique(this.ctx, 'DECT network', () => this.ctx.db.insertInto('dect_networks').values(networkRow(n)).execute());
  }

  async getNetwork(orgId: string, id: string): Promise<StoredDectNetwork | undefined> {
    const row = await this.ctx.db.selectFrom('dect_networks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toNetwork(row);
  }

  async listNetworks(orgId: string, filter: { locationId?: string; name?: string }): Promise<StoredDectNetwork[]> {
    let query = this.ctx.db.selectFrom('dect_networks').selectAll().where('org_id', '=', orgId);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    return (await query.orderBy('name').orderBy('id').limit(1000).execute()).map(toNetwork);
  }

  async updateNetwork(n: StoredDectNetwork): Promise<void> {
    const { id: _id, org_id: _org, created: _created, ...values } = networkRow(n);
    await guardUnique(this.ctx, 'DECT network', () => this.ctx.db.updateTable('dect_networks').set(values).where('org_id', '=', n.orgId).where('id', '=', n.id).execute());
  }

  async deleteNetwork(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('dect_handsets').where('org_id', '=', orgId).where('network_id', '=', id).execute();
    await this.ctx.db.deleteFrom('dect_base_stations').where('org_id', '=', orgId).where('network_id', '=', id).execute();
    await this.ctx.db.deleteFrom('dect_networks').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async insertBaseStation(s: StoredBaseStation): Promise<void> {
    await guardUnique(this.ctx, 'base station', () =>
      this.ctx.db.insertInto('dect_base_stations').values({ id: s.id, org_id: s.orgId, network_id: s.networkId, mac: s.mac, created: s.created }).execute(),
    );
  }

  async findBaseStationByMac(orgId: string, mac: string): Promise<StoredBaseStation | undefined> {
    const row = await this.ctx.db.selectFrom('dect_base_stations').selectAll().where('org_id', '=', orgId).where('mac', '=', mac).executeTakeFirst();
    return row && { id: row.id, orgId: row.org_id, networkId: row.network_id, mac: row.mac, created: row.created };
  }

  async baseStations(orgId: string, networkId: string): Promise<StoredBaseStation[]> {
    const rows = await this.ctx.db.selectFrom('dect_base_stations').selectAll().where('org_id', '=', orgId).where('network_id', '=', networkId).orderBy('created').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, orgId: row.org_id, networkId: row.network_id, mac: row.mac, created: row.created }));
  }

  async deleteBaseStations(orgId: string, networkId: string, ids?: readonly string[]): Promise<void> {
    let query = this.ctx.db.deleteFrom('dect_base_stations').where('org_id', '=', orgId).where('network_id', '=', networkId);
    if (ids !== undefined) {
      if (ids.length === 0) return;
      query = query.where('id', 'in', [...ids]);
    }
    await query.execute();
  }

  async insertHandset(h: StoredHandset): Promise<void> {
    await guardUnique(this.ctx, 'handset', () => this.ctx.db.insertInto('dect_handsets').values(handsetRow(h)).execute());
  }

  async handsets(orgId: string, networkId: string): Promise<StoredHandset[]> {
    const rows = await this.ctx.db.selectFrom('dect_handsets').selectAll().where('org_id', '=', orgId).where('network_id', '=', networkId).orderBy('handset_index').execute();
    return rows.map(toHandset);
  }

  async updateHandset(h: StoredHandset): Promise<void> {
    const { id: _id, org_id: _org, network_id: _network, created: _created, ...values } = handsetRow(h);
    await this.ctx.db.updateTable('dect_handsets').set(values).where('org_id', '=', h.orgId).where('id', '=', h.id).execute();
  }

  async deleteHandsets(orgId: string, networkId: string, ids?: readonly string[]): Promise<void> {
    let query = this.ctx.db.deleteFrom('dect_handsets').where('org_id', '=', orgId).where('network_id', '=', networkId);
    if (ids !== undefined) {
      if (ids.length === 0) return;
      query = query.where('id', 'in', [...ids]);
    }
    await query.execute();
  }

  async handsetsOf(orgId: string, memberId: string): Promise<StoredHandset[]> {
    const rows = await this.ctx.db
      .selectFrom('dect_handsets')
      .selectAll()
      .where('org_id', '=', orgId)
      .where((eb) => eb.or([eb('line1_member_id', '=', memberId), eb('line2_member_id', '=', memberId)]))
      .orderBy('network_id')
      .orderBy('handset_index')
      .execute();
    return rows.map(toHandset);
  }
}
