import type { Principal } from '../auth/scopes.ts';
import type { Clock } from '../clock.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import type { RecordingStatus, StoredRecording } from '../../store/recordings-store.ts';
import type { Person, Store } from '../../store/store.ts';

// Converged Recordings of calls: a person sees their own; an administrator (spark-admin:
// recordings_*) the organization's. The recycle bin moves recordings between available and
// deleted; a purge hides them from everyone but an administrator asking for status=purged; a
// delete removes them for good.

const DAY = 86_400_000;

export type RecordingQuery = {
  from?: string;
  to?: string;
  status?: RecordingStatus;
  ownerId?: string;
  ownerEmail?: string;
  locationId?: string;
  topic?: string;
  before?: { started: string; id: string };
  max: number;
};

/** Who asks: the person, and whether they act as the organization's administrator. */
export type Viewer = { principal: Principal; admin: boolean };

export type BinRequest = { all?: boolean; ownerEmail?: string; recordingIds?: string[] };

function instant(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw badRequest(`${name} must be an ISO 8601 date and time.`);
  return new Date(at).toISOString();
}

export class RecordingService {
  private readonly store: Store;
  readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(viewer: Viewer, q: RecordingQuery): Promise<StoredRecording[]> {
    const from = instant('from', q.from);
    const to = instant('to', q.to);
    if (from && to && from > to) throw badRequest('from cannot be after to.');
    if (viewer.admin && from && to && Date.parse(to) - Date.parse(from) > 30 * DAY) throw badRequest('The interval between from and to must be within 30 days.');
    let ownerId = viewer.admin ? q.ownerId : viewer.principal.personId;
    if (viewer.admin && q.ownerEmail !== undefined) {
      const owner = await this.store.people.findByEmail(q.ownerEmail);
      if (!owner || owner.orgId !== viewer.principal.orgId || (ownerId !== undefined && ownerId !== owner.id)) return [];
      ownerId = owner.id;
    }
    const status = q.status ?? 'available';
    if (status === 'purged' && !viewer.admin) throw badRequest('status purged is for an administrator or compliance officer.');
    return this.store.recordings.list(viewer.principal.orgId, { ownerId, locationId: q.locationId, topic: q.topic, statuses: [status], from, to, before: q.before, limit: q.max });
  }

  /** A finished recording the viewer may see (a purged one only with `purged`). */
  async get(viewer: Viewer, id: string, purged = false, store: Store = this.store): Promise<StoredRecording> {
    const recording = await store.recordings.get(viewer.principal.orgId, id);
    const visible = recording && recording.status !== 'recording' && (purged || recording.status !== 'purged') && (viewer.admin || recording.ownerId === viewer.principal.personId);
    if (!visible) throw notFound('Recording not found.');
    return recording;
  }

  /** Moves recordings between bin states: softDelete (available → deleted), restore (back), purge (deleted → purged). */
  async moveBin(viewer: Viewer, request: BinRequest, from: RecordingStatus, to: RecordingStatus, allField: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      for (const recording of await this.selected(tx, viewer, request, from, allField)) {
        if (recording.status === from) await tx.recordings.save({ ...recording, status: to });
      }
    });
  }

  async reassign(viewer: Viewer, request: { ownerEmail?: string; ownerID?: string; recordingIds?: string[]; reassignOwnerEmail: string }): Promise<void> {
    if (!viewer.admin) throw forbidden();
    const target = await this.personByEmail(this.store, viewer, request.reassignOwnerEmail, 'reassignOwnerEmail');
    // Read inside the transaction only: SQLite has one connection, which the transaction holds.
    if (!request.ownerEmail && !request.ownerID && !request.recordingIds?.length) throw badRequest('Give ownerEmail, ownerID or recordingIds.');
    await this.store.transaction(async (tx) => {
      let ownerId = request.ownerID;
      if (request.ownerEmail) ownerId = (await this.personByEmail(tx, viewer, request.ownerEmail, 'ownerEmail')).id;
      const candidates = request.recordingIds?.length
        ? await Promise.all(request.recordingIds.map((id) => this.get(viewer, id, false, tx)))
        : await this.allOf(tx, viewer.principal.orgId, ownerId!, ['available', 'deleted']);
      for (const r of candidates) if (ownerId === undefined || r.ownerId === ownerId) await tx.recordings.save({ ...r, ownerId: target.id });
    });
  }

  async delete(viewer: Viewer, id: string): Promise<void> {
    if (!viewer.admin) throw forbidden();
    const recording = await this.get(viewer, id, true);
    await this.store.recordings.delete(viewer.principal.orgId, recording.id);
  }

  async owners(orgId: string, recordings: readonly StoredRecording[]): Promise<Map<string, Person>> {
    const ids = [...new Set(recordings.map((r) => r.ownerId))];
    const people = await this.store.people.getMany(orgId, ids);
    return new Map(people.map((p) => [p.id, p]));
  }

  private async selected(tx: Store, viewer: Viewer, request: BinRequest, status: RecordingStatus, allField: string): Promise<StoredRecording[]> {
    if (request.all) {
      if (request.recordingIds?.length) throw badRequest(`recordingIds must be empty when ${allField} is true.`);
      if (!viewer.admin) return this.allOf(tx, viewer.principal.orgId, viewer.principal.personId, [status]);
      if (!request.ownerEmail) throw badRequest(`ownerEmail is required when an administrator sets ${allField}.`);
      return this.allOf(tx, viewer.principal.orgId, (await this.personByEmail(tx, viewer, request.ownerEmail, 'ownerEmail')).id, [status]);
    }
    if (!request.recordingIds?.length) throw badRequest(`Give recordingIds, or set ${allField}.`);
    return Promise.all(request.recordingIds.map((id) => this.get(viewer, id, false, tx)));
  }

  private async allOf(tx: Store, orgId: string, ownerId: string, statuses: RecordingStatus[]): Promise<StoredRecording[]> {
    return tx.recordings.list(orgId, { ownerId, statuses, limit: 100_000 });
  }

  private async personByEmail(tx: Store, viewer: Viewer, email: string, field: string): Promise<Person> {
    const person = await tx.people.findByEmail(email);
    if (!person || person.orgId !== viewer.principal.orgId) throw badRequest(`${field} ${email} is not a person of this organization.`);
    return person;
  }
}
