import type { OwnerSettingRepository, SettingOwner } from '../owner-settings-store.ts';
import type { RepositoryContext } from './context.ts';

export class KyselyOwnerSettingRepository implements OwnerSettingRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  private ofOwner(owner: SettingOwner) {
    return this.ctx.db
      .selectFrom('owner_settings')
      .where('org_id', '=', owner.orgId)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id);
  }

  async get(owner: SettingOwner, setting: string): Promise<string | undefined> {
    const row = await this.ofOwner(owner).select('data').where('setting', '=', setting).executeTakeFirst();
    return row?.data;
  }

  async all(owner: SettingOwner): Promise<Map<string, string>> {
    const rows = await this.ofOwner(owner).select(['setting', 'data']).execute();
    return new Map(rows.map((r) => [r.setting, r.data]));
  }

  async ofSetting(orgId: string, setting: string): Promise<Map<string, string>> {
    const rows = await this.ctx.db
      .selectFrom('owner_settings')
      .select(['owner_kind', 'owner_id', 'data'])
      .where('org_id', '=', orgId)
      .where('setting', '=', setting)
      .execute();
    return new Map(rows.map((r) => [`${r.owner_kind}:${r.owner_id}`, r.data]));
  }

  async put(owner: SettingOwner, setting: string, data: string, at: string): Promise<void> {
    await this.ctx.db
      .insertInto('owner_settings')
      .values({ org_id: owner.orgId, owner_kind: owner.kind, owner_id: owner.id, setting, data, last_modified: at })
      .onConflict((oc) => oc.columns(['org_id', 'owner_kind', 'owner_id', 'setting']).doUpdateSet({ data, last_modified: at }))
      .execute();
  }

  async deleteSetting(owner: SettingOwner, setting: string): Promise<void> {
    await this.ctx.db
      .deleteFrom('owner_settings')
      .where('org_id', '=', owner.orgId)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('setting', '=', setting)
      .execute();
  }

  async deleteOwner(owner: SettingOwner): Promise<void> {
    await this.ctx.db
      .deleteFrom('owner_settings')
      .where('org_id', '=', owner.orgId)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .execute();
  }
}
