import type { StoredVoicemailGroup, VoicemailGroupQuery, VoicemailGroupRepository } from '../voicemail-store.ts';
import { flag, guardUnique, matches, type RepositoryContext } from './context.ts';

type Row = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  enabled: number;
  phone_number: string | null;
  extension: string | null;
  settings: string;
  passcode: string;
  created: string;
  last_modified: string;
};

const toGroup = (r: Row): StoredVoicemailGroup => ({
  id: r.id,
  orgId: r.org_id,
  locationId: r.location_id,
  name: r.name,
  enabled: Boolean(r.enabled),
  phoneNumber: r.phone_number,
  extension: r.extension,
  settings: JSON.parse(r.settings) as Record<string, unknown>,
  passcode: r.passcode,
  created: r.created,
  lastModified: r.last_modified,
});

const toRow = (g: StoredVoicemailGroup) => ({
  id: g.id,
  org_id: g.orgId,
  location_id: g.locationId,
  name: g.name,
  enabled: flag(g.enabled),
  phone_number: g.phoneNumber,
  extension: g.extension,
  settings: JSON.stringify(g.settings),
  passcode: g.passcode,
  created: g.created,
  last_modified: g.lastModified,
});

export class KyselyVoicemailGroupRepository implements VoicemailGroupRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(group: StoredVoicemailGroup): Promise<void> {
    await guardUnique(this.ctx, 'voicemail group name, number or extension', () => this.ctx.db.insertInto('voicemail_groups').values(toRow(group)).execute());
  }

  async update(group: StoredVoicemailGroup): Promise<void> {
    const { id: _id, org_id: _org, created: _created, ...row } = toRow(group);
    await guardUnique(this.ctx, 'voicemail group name, number or extension', () =>
      this.ctx.db.updateTable('voicemail_groups').set(row).where('org_id', '=', group.orgId).where('id', '=', group.id).execute(),
    );
  }

  async get(orgId: string, id: string): Promise<StoredVoicemailGroup | undefined> {
    const row = await this.ctx.db.selectFrom('voicemail_groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('voicemail_groups').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async list(orgId: string, query: VoicemailGroupQuery): Promise<{ items: StoredVoicemailGroup[]; total: number }> {
    let q = this.ctx.db.selectFrom('voicemail_groups').where('org_id', '=', orgId);
    if (query.locationId !== undefined) q = q.where('location_id', '=', query.locationId);
    if (query.name !== undefined) q = q.where(matches('name', query.name, 'contains', true));
    if (query.phoneNumber !== undefined) q = q.where(matches('phone_number', query.phoneNumber, 'contains'));
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('name').orderBy('id').offset(query.start).limit(query.max).execute();
    return { items: rows.map(toGroup), total: Number(total?.n ?? 0) };
  }

  async findByNumber(phoneNumber: string): Promise<StoredVoicemailGroup | undefined> {
    const row = await this.ctx.db.selectFrom('voicemail_groups').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toGroup(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredVoicemailGroup | undefined> {
    const row = await this.ctx.db
      .selectFrom('voicemail_groups')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('extension', '=', extension)
      .executeTakeFirst();
    return row && toGroup(row);
  }
}
