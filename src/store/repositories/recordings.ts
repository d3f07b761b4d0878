import type { Selectable } from 'kysely';
import type { RecordingDetails, RecordingFilter, RecordingRepository, RecordingStatus, StoredRecording } from '../recordings-store.ts';
import type { CallRecordingsTable } from '../tables/call-recordings.ts';
import { matches, type RepositoryContext } from './context.ts';

const toRecording = (row: Selectable<CallRecordingsTable>): StoredRecording => ({
  id: row.id,
  orgId: row.org_id,
  ownerId: row.owner_id,
  locationId: row.location_id,
  callId: row.call_id,
  sessionId: row.session_id,
  status: row.status as RecordingStatus,
  topic: row.topic,
  started: row.started,
  ended: row.ended,
  durationSeconds: Number(row.duration_seconds),
  details: JSON.parse(row.data) as RecordingDetails,
});

const toRow = (r: StoredRecording): CallRecordingsTable => ({
  id: r.id,
  org_id: r.orgId,
  owner_id: r.ownerId,
  location_id: r.locationId,
  call_id: r.callId,
  session_id: r.sessionId,
  status: r.status,
  topic: r.topic,
  started: r.started,
  ended: r.ended,
  duration_seconds: r.durationSeconds,
  data: JSON.stringify(r.details),
});

export class KyselyRecordingRepository implements RecordingRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(recording: StoredRecording): Promise<void> {
    await this.ctx.db.insertInto('call_recordings').values(toRow(recording)).execute();
  }

  async ofCall(callId: string): Promise<StoredRecording | undefined> {
    const row = await this.ctx.db.selectFrom('call_recordings').selectAll().where('call_id', '=', callId).where('status', '=', 'recording').executeTakeFirst();
    return row && toRecording(row);
  }

  async get(orgId: string, id: string): Promise<StoredRecording | undefined> {
    const row = await this.ctx.db.selectFrom('call_recordings').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toRecording(row);
  }

  async save(recording: StoredRecording): Promise<void> {
    const { id: _, ...values } = toRow(recording);
    await this.ctx.db.updateTable('call_recordings').set(values).where('id', '=', recording.id).execute();
  }

  async list(orgId: string, f: RecordingFilter): Promise<StoredRecording[]> {
    if (f.statuses.length === 0) return [];
    let query = this.ctx.db.selectFrom('call_recordings').selectAll().where('org_id', '=', orgId).where('status', 'in', [...f.statuses]);
    if (f.ownerId !== undefined) query = query.where('owner_id', '=', f.ownerId);
    if (f.locationId !== undefined) query = query.where('location_id', '=', f.locationId);
    if (f.topic !== undefined) query = query.where(matches('topic', f.topic, 'contains', true));
    if (f.from !== undefined) query = query.where('started', '>=', f.from);
    if (f.to !== undefined) query = query.where('started', '<', f.to);
    if (f.before) {
      const { started, id } = f.before;
      query = query.where((eb) => eb.or([eb('started', '<', started), eb.and([eb('started', '=', started), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('started', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
    return rows.map(toRecording);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('call_recordings').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
