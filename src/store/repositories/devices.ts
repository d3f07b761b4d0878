import type { Insertable, Selectable } from 'kysely';
import type { BackgroundImage, DeviceFilter, DeviceLine, DeviceRepository, MemberKind, StoredApplicationMember, StoredDevice, StoredDeviceMember } from '../devices-store.ts';
import type { Page } from '../store.ts';
import type { ApplicationMembersTable, DeviceMembersTable, DevicesTable } from '../tables/devices.ts';
import { chunks, fixedStatement, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

// A call's parties' shared lines, asked at each call step (issue 17).
const deviceLinesOf = fixedStatement((db, orgId: string, memberId: string) =>
  db.selectFrom('device_members').selectAll().where('org_id', '=', orgId).where('member_id', '=', memberId).orderBy('device_id'),
);
const applicationLinesOfMember = fixedStatement((db, orgId: string, memberId: string) =>
  db.selectFrom('application_members').selectAll().where('org_id', '=', orgId).where('member_id', '=', memberId).orderBy('person_id'),
);

const toDevice = (row: Selectable<DevicesTable>): StoredDevice => ({
  id: row.id,
  orgId: row.org_id,
  personId: row.person_id,
  workspaceId: row.workspace_id,
  locationId: row.location_id,
  displayName: row.display_name,
  mac: row.mac,
  model: row.model,
  tags: JSON.parse(row.tags) as string[],
  activationState: row.activation_state as StoredDevice['activationState'],
  activationCode: row.activation_code,
  activationExpiry: row.activation_expiry,
  created: row.created,
  configSynced: row.config_synced,
});

const toMember = (row: Selectable<DeviceMembersTable>): StoredDeviceMember => ({
  deviceId: row.device_id,
  orgId: row.org_id,
  port: Number(row.port),
  memberKind: row.member_kind as MemberKind,
  memberId: row.member_id,
  line: JSON.parse(row.line) as DeviceLine,
});

const toApplicationMember = ({ person_id, ...row }: Selectable<ApplicationMembersTable>): StoredApplicationMember => {
  const { deviceId: _, ...member } = toMember({ ...row, device_id: '' });
  return { ...member, personId: person_id };
};

const memberRow = (m: StoredDeviceMember): Insertable<DeviceMembersTable> => ({
  device_id: m.deviceId,
  org_id: m.orgId,
  port: m.port,
  member_kind: m.memberKind,
  member_id: m.memberId,
  line: JSON.stringify(m.line),
});

export class KyselyDeviceRepository implements DeviceRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(d: StoredDevice, members: readonly StoredDeviceMember[]): Promise<void> {
    await guardUnique(this.ctx, 'device', () =>
      this.ctx.db
        .insertInto('devices')
        .values({
          id: d.id,
          org_id: d.orgId,
          person_id: d.personId,
          workspace_id: d.workspaceId,
          location_id: d.locationId,
          display_name: d.displayName,
          mac: d.mac,
          model: d.model,
          tags: JSON.stringify(d.tags),
          activation_state: d.activationState,
          activation_code: d.activationCode,
          activation_expiry: d.activationExpiry,
          created: d.created,
          layout: null,
          sip_password: null,
          config_synced: d.configSynced,
        })
        .execute(),
    );
    if (members.length > 0) await this.ctx.db.insertInto('device_members').values(members.map(memberRow)).execute();
  }

  async get(orgId: string, id: string): Promise<StoredDevice | undefined> {
    const row = await this.ctx.db.selectFrom('devices').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toDevice(row);
  }

  async getMany(orgId: string, ids: readonly string[]): Promise<StoredDevice[]> {
    const out: StoredDevice[] = [];
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.ctx.db.selectFrom('devices').selectAll().where('org_id', '=', orgId).where('id', 'in', part).execute();
      out.push(...rows.map(toDevice));
    }
    return out;
  }

  async findByMac(orgId: string, mac: string): Promise<StoredDevice | undefined> {
    const row = await this.ctx.db.selectFrom('devices').selectAll().where('org_id', '=', orgId).where('mac', '=', mac).executeTakeFirst();
    return row && toDevice(row);
  }

  async list(orgId: string, filter: DeviceFilter): Promise<Page<StoredDevice, number>> {
    let query = this.ctx.db.selectFrom('devices').selectAll().where('org_id', '=', orgId);
    if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    if (filter.workspaceId !== undefined) query = query.where('workspace_id', '=', filter.workspaceId);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.mac !== undefined) query = query.where('mac', '=', filter.mac);
    if (filter.displayName !== undefined) query = query.where('display_name', '=', filter.displayName);
    if (filter.activationState !== undefined) query = query.where('activation_state', '=', filter.activationState);
    // Tags are a JSON array of strings: a tag is held when its JSON spelling is in the text.
    for (const tag of filter.tags ?? []) query = query.where(matches('tags', JSON.stringify(tag), 'contains'));
    const rows = await query.orderBy('created').orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toDevice), filter.start, filter.max);
  }

  async updateTags(orgId: string, id: string, tags: readonly string[]): Promise<void> {
    await this.ctx.db.updateTable('devices').set({ tags: JSON.stringify(tags) }).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('device_members').where('org_id', '=', orgId).where('device_id', '=', id).execute();
    await this.ctx.db.deleteFrom('devices').where('org_id', '=', orgId).where('id', '=', id).execute();
    await this.ctx.db.deleteFrom('owner_settings').where('org_id', '=', orgId).where('owner_kind', '=', 'device').where('owner_id', '=', id).execute();
  }

  async members(orgId: string, deviceId: string): Promise<StoredDeviceMember[]> {
    const rows = await this.ctx.db.selectFrom('device_members').selectAll().where('org_id', '=', orgId).where('device_id', '=', deviceId).orderBy('port').execute();
    return rows.map(toMember);
  }

  async layout(orgId: string, deviceId: string): Promise<string | undefined> {
    const row = await this.ctx.db.selectFrom('devices').select('layout').where('org_id', '=', orgId).where('id', '=', deviceId).executeTakeFirst();
    return row?.layout ?? undefined;
  }

  async setLayout(orgId: string, deviceId: string, layout: string | null): Promise<void> {
    await this.ctx.db.updateTable('devices').set({ layout }).where('org_id', '=', orgId).where('id', '=', deviceId).execute();
  }

  async setSipPassword(orgId: string, deviceId: string, password: string): Promise<void> {
    await this.ctx.db.updateTable('devices').set({ sip_password: password }).where('org_id', '=', orgId).where('id', '=', deviceId).execute();
  }

  async replaceMembers(orgId: string, deviceId: string, members: readonly StoredDeviceMember[]): Promise<void> {
    await this.ctx.db.deleteFrom('device_members').where('org_id', '=', orgId).where('device_id', '=', deviceId).execute();
    if (members.length > 0) await this.ctx.db.insertInto('device_members').values(members.map(memberRow)).execute();
  }

  async linesOf(orgId: string, memberId: string): Promise<StoredDeviceMember[]> {
    const { rows } = await deviceLinesOf(this.ctx, orgId, memberId);
    return rows.map(toMember);
  }

  async linesOfKind(orgId: string, kind: MemberKind): Promise<StoredDeviceMember[]> {
    const rows = await this.ctx.db.selectFrom('device_members').selectAll().where('org_id', '=', orgId).where('member_kind', '=', kind).orderBy('device_id').execute();
    return rows.map(toMember);
  }

  async deleteLinesOf(orgId: string, memberId: string): Promise<void> {
    await this.ctx.db.deleteFrom('device_members').where('org_id', '=', orgId).where('member_id', '=', memberId).execute();
  }

  async applicationMembers(orgId: string, personId: string): Promise<StoredApplicationMember[]> {
    const rows = await this.ctx.db.selectFrom('application_members').selectAll().where('org_id', '=', orgId).where('person_id', '=', personId).orderBy('port').execute();
    return rows.map(toApplicationMember);
  }

  async replaceApplicationMembers(orgId: string, personId: string, members: readonly StoredApplicationMember[]): Promise<void> {
    await this.ctx.db.deleteFrom('application_members').where('org_id', '=', orgId).where('person_id', '=', personId).execute();
    if (members.length === 0) return;
    const rows = members.map(({ personId: person, ...m }) => {
      const { device_id: _, ...row } = memberRow({ ...m, deviceId: '' });
      return { ...row, person_id: person };
    });
    await this.ctx.db.insertInto('application_members').values(rows).execute();
  }

  async applicationLinesOf(orgId: string, memberId: string): Promise<StoredApplicationMember[]> {
    const { rows } = await applicationLinesOfMember(this.ctx, orgId, memberId);
    return rows.map(toApplicationMember);
  }

  async markSynced(orgId: string, id: string, at: string): Promise<void> {
    await this.ctx.db.updateTable('devices').set({ config_synced: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async backgroundImages(orgId: string): Promise<BackgroundImage[]> {
    const rows = await this.ctx.db
      .selectFrom('device_background_images')
      .select(['org_id', 'file_name', 'content_type', 'created', (eb) => eb.fn<number>('length', ['content']).as('size')])
      .where('org_id', '=', orgId)
      .orderBy('file_name')
      .execute();
    return rows.map((r) => ({ orgId: r.org_id, fileName: r.file_name, contentType: r.content_type, size: Number(r.size), created: r.created }));
  }

  async insertBackgroundImage(image: BackgroundImage, content: Uint8Array): Promise<void> {
    await guardUnique(this.ctx, 'background image', () =>
      this.ctx.db
        .insertInto('device_background_images')
        .values({ org_id: image.orgId, file_name: image.fileName, content_type: image.contentType, content: bytes(content), created: image.created })
        .execute(),
    );
  }

  async deleteBackgroundImage(orgId: string, fileName: string): Promise<void> {
    await this.ctx.db.deleteFrom('device_background_images').where('org_id', '=', orgId).where('file_name', '=', fileName).execute();
  }
}

/** node:sqlite takes any Uint8Array, pg wants a Buffer; a Buffer suits both. */
const bytes = (content: Uint8Array): Buffer => (Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength));
