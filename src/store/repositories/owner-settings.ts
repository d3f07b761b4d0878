import type { OwnerSettingRepository, SettingOwner } from '../owner-settings-store.ts';
import { fixedStatement, TransactionMemo, type RepositoryContext } from './context.ts';

// Every document of one owner: the call engine reads a person's settings one by one (forwarding,
// caller ID, permissions, music on hold, call notify...), about 18 statements a call lifecycle;
// remembered per transaction (rememberInTransaction), one read serves them all.
const ownerDocuments = fixedStatement((db, orgId: string, kind: string, id: string) =>
  db.selectFrom('owner_settings').select(['setting', 'data']).where('org_id', '=', orgId).where('owner_kind', '=', kind).where('owner_id', '=', id),
);

// One document, read outside a call's transaction (a call request's screening): issue 17.
const ownerDocument = fixedStatement((db, orgId: string, kind: string, id: string, setting: string) =>
  db.selectFrom('owner_settings').select('data').where('org_id', '=', orgId).where('owner_kind', '=', kind).where('owner_id', '=', id).where('setting', '=', setting),
);

// The owners a call step asks about (each person's own, their location's and the organization's
// documents), read at once when the step starts: one statement instead of one per owner.
const documentsOfOwners = fixedStatement((db, orgId: string, kinds: string[], ids: string[]) =>
  db
    .selectFrom('owner_settings')
    .select(['owner_kind', 'owner_id', 'setting', 'data'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or(kinds.map((kind, i) => eb.and([eb('owner_kind', '=', kind), eb('owner_id', '=', ids[i]!)])))),
);

const memoKey = (owner: SettingOwner) => `${owner.orgId}\u0000${owner.kind}\u0000${owner.id}`;

export class KyselyOwnerSettingRepository implements OwnerSettingRepository {
  private readonly ctx: RepositoryContext;
  /** Each owner's documents as read in this transaction, once rememberInTransaction was asked. */
  private readonly memo: TransactionMemo<Map<string, string>>;
  constructor(ctx: RepositoryContext, inTransaction = false) {
    this.ctx = ctx;
    this.memo = new TransactionMemo(inTransaction);
  }

  rememberInTransaction(): void {
    this.memo.start();
  }

  private async documents(owner: SettingOwner): Promise<Map<string, string>> {
    const { rows } = await ownerDocuments(this.ctx, owner.orgId, owner.kind, owner.id);
    return new Map(rows.map((r) => [r.setting, r.data]));
  }

  private remembered(owner: SettingOwner): Promise<Map<string, string>> {
    return this.memo.read(memoKey(owner), () => this.documents(owner));
  }

  async rememberOwners(owners: readonly SettingOwner[]): Promise<void> {
    const byKey = new Map(owners.map((o) => [memoKey(o), o]));
    await this.memo.readAll([...byKey.keys()], async (missing) => {
      const found = new Map(missing.map((key) => [key, new Map<string, string>()]));
      const byOrg = Map.groupBy(
        missing.map((key) => byKey.get(key)!),
        (owner) => owner.orgId,
      );
      for (const [orgId, of] of byOrg) {
        const { rows } = await documentsOfOwners(this.ctx, orgId, of.map((o) => o.kind), of.map((o) => o.id));
        for (const r of rows) found.get(memoKey({ orgId, kind: r.owner_kind as SettingOwner['kind'], id: r.owner_id }))?.set(r.setting, r.data);
      }
      return found;
    });
  }

  /** A write of this owner's documents: what was read of them is read again next time. */
  private forget(owner: SettingOwner): void {
    this.memo.forget(memoKey(owner));
  }

  async get(owner: SettingOwner, setting: string): Promise<string | undefined> {
    if (this.memo.active) return (await this.remembered(owner)).get(setting);
    return (await ownerDocument(this.ctx, owner.orgId, owner.kind, owner.id, setting)).rows[0]?.data;
  }

  async all(owner: SettingOwner): Promise<Map<string, string>> {
    // A copy: the caller may change the map it gets.
    return this.memo.active ? new Map(await this.remembered(owner)) : this.documents(owner);
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
