import { randomUUID } from 'node:crypto';
import type { FeatureDocument, StoredCallQueue } from '../../store/call-queues-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { CallQueueService } from './call-queue-service.ts';
import { queueParts } from './queue-parts.ts';

// Customer Assist wrap-up reasons: named reasons an agent picks after a call, assigned to call
// queues. A queue's wrap-up settings (the timer, its default reason) live with the queue
// (queue-parts.ts, "wrapUp"); which reasons a queue offers is the reasons' own list of queues.

const KIND = 'wrapupReason';

export type WrapupData = { description?: string; queueIds: string[] };
export type QueueRow = { queue: StoredCallQueue; location: Location | undefined };

export const wrapupReasonId = (id: string) => encodeId('WRAPUP_REASON', id);
const reasonNotFound = () => notFound('Wrap-up reason not found.');

function checkName(value: string | undefined): string {
  const name = (value ?? '').trim();
  if (name.length < 1 || name.length > 40) throw badRequest('name must hold 1 to 40 characters.');
  return name;
}

function checkDescription(value: string | undefined): string | undefined {
  if (value !== undefined && value.length > 255) throw badRequest('description holds at most 255 characters.');
  return value;
}

export class WrapupReasonService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly queues: CallQueueService;

  constructor(store: Store, clock: Clock, queues: CallQueueService) {
    this.store = store;
    this.clock = clock;
    this.queues = queues;
  }

  private async find(store: Store, orgId: string, publicId: string): Promise<FeatureDocument> {
    const id = decodeId(publicId, 'WRAPUP_REASON');
    const doc = id !== undefined ? await store.featureDocuments.get(orgId, KIND, id) : undefined;
    if (!doc) throw reasonNotFound();
    return doc;
  }

  private async queueIds(store: Store, orgId: string, publicIds: readonly string[] | undefined): Promise<string[]> {
    const ids: string[] = [];
    for (const p of publicIds ?? []) {
      const id = decodeId(p, 'CALL_QUEUE');
      if (id === undefined || !(await store.callQueues.get(orgId, id))) throw badRequest(`${p} is not a call queue of this organization.`);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  private async nameFree(store: Store, orgId: string, name: string, except?: string): Promise<void> {
    if ((await store.featureDocuments.list(orgId, KIND)).some((d) => d.id !== except && d.name.toLowerCase() === name.toLowerCase())) throw conflict(`A wrap-up reason named "${name}" already exists.`);
  }

  async list(orgId: string): Promise<FeatureDocument[]> {
    return this.store.featureDocuments.list(orgId, KIND);
  }

  /** A name is valid and free: nothing, or a 400/409. */
  async validate(orgId: string, name: string): Promise<void> {
    await this.nameFree(this.store, orgId, checkName(name));
  }

  async create(orgId: string, input: { name: string; description?: string; queues?: string[]; assignAllQueuesEnabled?: boolean }): Promise<string> {
    return this.store.transaction(async (tx) => {
      const name = checkName(input.name);
      await this.nameFree(tx, orgId, name);
      const queueIds = input.assignAllQueuesEnabled === true ? (await tx.callQueues.all(orgId)).map((q) => q.id) : await this.queueIds(tx, orgId, input.queues);
      const description = checkDescription(input.description);
      const now = timestamp(this.clock);
      const id = randomUUID();
      await tx.featureDocuments.insert({ id, orgId, kind: KIND, name, data: { ...(description !== undefined ? { description } : {}), queueIds }, created: now, lastModified: now });
      return id;
    });
  }

  async get(orgId: string, publicId: string): Promise<{ doc: FeatureDocument; queues: (QueueRow & { isDefault: boolean })[] }> {
    const doc = await this.find(this.store, orgId, publicId);
    const rows = await this.rows(orgId, (doc.data as WrapupData).queueIds);
    return { doc, queues: rows.map((r) => ({ ...r, isDefault: queueParts(r.queue.settings).wrapUp.defaultWrapupReasonId === doc.id })) };
  }

  async update(
    orgId: string,
    publicId: string,
    input: { name?: string; description?: string; queuesToAssign?: string[]; queuesToUnassign?: string[]; assignAllQueuesEnabled?: boolean; unassignAllQueuesEnabled?: boolean },
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      const doc = await this.find(tx, orgId, publicId);
      const data = { ...(doc.data as WrapupData) };
      const name = input.name !== undefined ? checkName(input.name) : doc.name;
      await this.nameFree(tx, orgId, name, doc.id);
      if (input.description !== undefined) data.description = checkDescription(input.description);
      let ids = new Set(data.queueIds);
      if (input.unassignAllQueuesEnabled === true) ids = new Set();
      if (input.assignAllQueuesEnabled === true) ids = new Set((await tx.callQueues.all(orgId)).map((q) => q.id));
      for (const id of await this.queueIds(tx, orgId, input.queuesToAssign)) ids.add(id);
      for (const id of await this.queueIds(tx, orgId, input.queuesToUnassign)) ids.delete(id);
      await tx.featureDocuments.update({ ...doc, name, data: { ...data, queueIds: [...ids] }, lastModified: timestamp(this.clock) });
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const doc = await this.find(tx, orgId, publicId);
      await tx.featureDocuments.delete(orgId, KIND, doc.id);
    });
  }

  /** The organization's queues this reason is not assigned to. */
  async availableQueues(orgId: string, publicId: string): Promise<QueueRow[]> {
    const doc = await this.find(this.store, orgId, publicId);
    const assigned = new Set((doc.data as WrapupData).queueIds);
    return this.rows(orgId, (await this.store.callQueues.all(orgId)).filter((q) => !assigned.has(q.id)).map((q) => q.id));
  }

  /** A queue's wrap-up settings: its timer, and the reasons assigned to it (which is its default). */
  async queueSettings(orgId: string, locationId: string, queueId: string) {
    const { queue } = await this.queues.find(this.store, orgId, locationId, queueId);
    const wrapUp = queueParts(queue.settings).wrapUp;
    const reasons = (await this.list(orgId)).filter((d) => (d.data as WrapupData).queueIds.includes(queue.id));
    return {
      wrapupTimerEnabled: wrapUp.wrapupTimerEnabled === true,
      wrapupTimer: wrapUp.wrapupTimer as number,
      wrapupReasons: reasons.map((d) => ({ id: wrapupReasonId(d.id), name: d.name, ...((d.data as WrapupData).description !== undefined ? { description: (d.data as WrapupData).description } : {}), isDefaultEnabled: wrapUp.defaultWrapupReasonId === d.id })),
    };
  }

  /** Sets the queue's reasons (when given), its default (one of them) and its timer. */
  async updateQueueSettings(orgId: string, locationId: string, queueId: string, input: { wrapupReasons?: string[]; defaultWrapupReasonId?: string; wrapupTimerEnabled?: boolean; wrapupTimer?: number }): Promise<void> {
    await this.queues.change(orgId, locationId, queueId, async (settings, tx, _location, queue) => {
      const reasons = await tx.featureDocuments.list(orgId, KIND);
      let assigned = reasons.filter((d) => (d.data as WrapupData).queueIds.includes(queue.id)).map((d) => d.id);
      if (input.wrapupReasons !== undefined) {
        const wanted = input.wrapupReasons.map((p) => {
          const id = decodeId(p, 'WRAPUP_REASON');
          if (id === undefined || !reasons.some((d) => d.id === id)) throw badRequest(`wrapupReasons: ${p} is not a wrap-up reason of this organization.`);
          return id;
        });
        for (const d of reasons) {
          const data = d.data as WrapupData;
          const has = data.queueIds.includes(queue.id);
          const want = wanted.includes(d.id);
          if (has === want) continue;
          const queueIds = want ? [...data.queueIds, queue.id] : data.queueIds.filter((id) => id !== queue.id);
          await tx.featureDocuments.update({ ...d, data: { ...data, queueIds }, lastModified: timestamp(this.clock) });
        }
        assigned = wanted;
      }
      const wrapUp = { ...queueParts(settings).wrapUp };
      if (input.defaultWrapupReasonId !== undefined) {
        const id = decodeId(input.defaultWrapupReasonId, 'WRAPUP_REASON');
        if (id === undefined || !assigned.includes(id)) throw badRequest('defaultWrapupReasonId must be one of the queue\'s wrap-up reasons.');
        wrapUp.defaultWrapupReasonId = id;
      } else if (typeof wrapUp.defaultWrapupReasonId === 'string' && !assigned.includes(wrapUp.defaultWrapupReasonId)) delete wrapUp.defaultWrapupReasonId;
      if (input.wrapupTimerEnabled !== undefined) wrapUp.wrapupTimerEnabled = input.wrapupTimerEnabled;
      if (input.wrapupTimer !== undefined) {
        if (!Number.isInteger(input.wrapupTimer) || input.wrapupTimer < 1 || input.wrapupTimer > 600) throw badRequest('wrapupTimer must be a whole number of seconds from 1 to 600.');
        wrapUp.wrapupTimer = input.wrapupTimer;
      }
      settings.parts.wrapUp = wrapUp;
      return settings;
    });
  }

  private async rows(orgId: string, queueIds: readonly string[]): Promise<QueueRow[]> {
    const queues = await this.store.callQueues.all(orgId, queueIds);
    const locations = new Map((await this.store.locations.getMany(orgId, [...new Set(queues.map((q) => q.locationId))])).map((l) => [l.id, l]));
    return queues.map((queue) => ({ queue, location: locations.get(queue.locationId) }));
  }
}
