import type { Selectable } from 'kysely';
import type { WorkspaceDetails } from '../../domain/workspaces/workspace-types.ts';
import type { Page } from '../store.ts';
import type { WorkspacesTable } from '../tables/workspaces.ts';
import type { StoredWorkspace, WorkspaceFilter, WorkspaceRepository } from '../workspaces-store.ts';
import { guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toWorkspace = (row: Selectable<WorkspacesTable>): StoredWorkspace => ({
  id: row.id,
  orgId: row.org_id,
  displayName: row.display_name,
  locationId: row.location_id,
  callingType: row.calling_type,
  callingLocationId: row.calling_location_id,
  phoneNumber: row.phone_number,
  extension: row.extension,
  capacity: row.capacity,
  type: row.type,
  sipAddress: row.sip_address,
  notes: row.notes,
  hotdeskingStatus: row.hotdesking_status,
  supportedDevices: row.supported_devices,
  details: JSON.parse(row.details) as WorkspaceDetails,
  created: row.created,
});

const toRow = (w: StoredWorkspace): WorkspacesTable => ({
  id: w.id,
  org_id: w.orgId,
  display_name: w.displayName,
  location_id: w.locationId,
  calling_type: w.callingType,
  calling_location_id: w.callingLocationId,
  phone_number: w.phoneNumber,
  extension: w.extension,
  capacity: w.capacity,
  type: w.type,
  sip_address: w.sipAddress,
  notes: w.notes,
  hotdesking_status: w.hotdeskingStatus,
  supported_devices: w.supportedDevices,
  details: JSON.stringify(w.details),
  created: w.created,
});

export class KyselyWorkspaceRepository implements WorkspaceRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(w: StoredWorkspace): Promise<void> {
    await guardUnique(this.ctx, 'workspace', () => this.ctx.db.insertInto('workspaces').values(toRow(w)).execute());
  }

  async get(orgId: string, id: string): Promise<StoredWorkspace | undefined> {
    const row = await this.ctx.db.selectFrom('workspaces').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toWorkspace(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredWorkspace | undefined> {
    const row = await this.ctx.db.selectFrom('workspaces').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toWorkspace(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredWorkspace | undefined> {
    const row = await this.ctx.db
      .selectFrom('workspaces')
      .selectAll()
      .where('calling_location_id', '=', locationId)
      .where('extension', '=', extension)
      .executeTakeFirst();
    return row && toWorkspace(row);
  }

  async list(orgId: string, f: WorkspaceFilter): Promise<Page<StoredWorkspace, number>> {
    let query = this.ctx.db.selectFrom('workspaces').selectAll().where('org_id', '=', orgId);
    if (f.locationId !== undefined) query = query.where('location_id', '=', f.locationId);
    if (f.displayName !== undefined) query = query.where(matches('display_name', f.displayName, 'contains', true));
    if (f.capacity !== undefined) query = query.where('capacity', '=', f.capacity);
    if (f.type !== undefined) query = query.where('type', '=', f.type);
    if (f.callingType !== undefined) query = query.where('calling_type', '=', f.callingType);
    if (f.supportedDevices !== undefined) query = query.where('supported_devices', '=', f.supportedDevices);
    const rows = await query.orderBy('display_name').orderBy('created').orderBy('id').offset(f.start).limit(f.max + 1).execute();
    return offsetPage(rows.map(toWorkspace), f.start, f.max);
  }

  async update(w: StoredWorkspace): Promise<void> {
    const { id: _id, org_id: _org, created: _created, ...values } = toRow(w);
    await guardUnique(this.ctx, 'workspace', () => this.ctx.db.updateTable('workspaces').set(values).where('org_id', '=', w.orgId).where('id', '=', w.id).execute());
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('workspaces').where('org_id', '=', orgId).where('id', '=', id).execute();
    // Its voicemail box's messages and greetings go with it (boxes are named by kind and id, no foreign key).
    await this.ctx.db.deleteFrom('voice_messages').where('org_id', '=', orgId).where('box_kind', '=', 'workspace').where('box_id', '=', id).execute();
    await this.ctx.db.deleteFrom('voicemail_greetings').where('org_id', '=', orgId).where('box_kind', '=', 'workspace').where('box_id', '=', id).execute();
  }
}
