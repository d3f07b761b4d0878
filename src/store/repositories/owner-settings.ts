import type { OwnerSettingRepository, SettingOwner } from '../owner-settings-store.ts';
import { fixedStatement, type RepositoryContext } from './context.ts';

// Every document of one owner: the call engine reads a person's settings one by one (forwarding,
// caller ID, permissions, music on hold, call notify...), about 18 statements a call lifecycle;
// remembered per transaction (rememberInTransaction), one read serves them all.
const ownerDocuments = fixedStatement((db, orgId: string, kind: string, id: string) =>
  db.selectFrom('owner_settings').select(['setting', 'data']).where('org_id', '=', orgId).where('owner_kind', '=', kind).where('owner_id', '=', id),
);

const memoKey = (owner: SettingOwner) => `${owner.orgId}\u0000${owner.kind}\u0000${owner.id}`;

export class KyselyOwnerSettingRepository implements OwnerSettingRepository {
  private readonly ctx: RepositoryContext;
  private readonly inTransaction: boolean;
  /** Each owner's documents as read in this transaction, once rememberInTransaction was asked. */
  private memo: Map<string, Map<string, string>> | undefined;
  constructor(ctx: RepositoryContext, inTransaction = false) {
    this.ctx = ctx;
    this.inTransaction = inTransaction;
  }

  rememberInTransaction(): void {
    if (this.inTransaction) this.memo ??= new Map();
  }

  private async remembered(owner: SettingOwner, memo: Map<string, Map<string, string>>): Promise<Map<string, string>> {
    const key = memoKey(owner);
    let documents = memo.get(key);
    if (!documents) {
      const { rows } = await ownerDocuments(this.ctx, owner.orgId, owner.kind, owner.id);
      documents = new Map(rows.map((r) => [r.setting, r.data]));
      memo.set(key, documents);
    }
    return documents;
  }

  /** A write of this owner's documents: what was read of them is read again next time. */
  private forget(owner: SettingOwner): void {
    this.memo?.delete(memoKey(owner));
  }

  private ofOwner(owner: SettingOwner) {
    return this.ctx.db
      .selectFrom('owner_settings')
      .where('org_id', '=', owner.orgId)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id);
  }

  async get(owner: SettingOwner, setting: string): Promise<string | undefined> {
    if (this.memo) return (await this.remembered(owner, this.memo)).get(setting);
    const row = await this.ofOwner(owner).select('data').where('setting', '=', setting).executeTakeFirst();
    return row?.data;
  }

  async all(owner: SettingOwner): Promise<Map<string, string>> {
    // A copy: the caller may change the map it gets.
    if (this.memo) return new Map(await this.remembered(owner, this.memo));
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
    this.forget(owner);
    await this.ctx.db
      .insertInto('owner_settings')
      .values({ org_id: owner.orgId, owner_kind: owner.kind, owner_id: owner.id, setting, data, last_modified: at })
      .onConflict((oc) => oc.columns(['org_id', 'owner_kind', 'owner_id', 'setting']).doUpdateSet({ data, last_modified: at }))
      .execute();
  }

  async deleteSetting(owner: SettingOwner, setting: string): Promise<void> {
    this.forget(owner);
    await this.ctx.db
      .deleteFrom('owner_settings')
      .where('org_id', '=', owner.orgId)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('setting', '=', setting)
      .execute();
  }

  async deleteOwner(owner: SettingOwner): Promise<void> {
    this.forget(owner);
    await this.ctx.db
      .deleteFrom('owner_settings')
      .where('org_id', '=', owner.orgId)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .execute();
  }
}
