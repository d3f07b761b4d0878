import { randomUUID } from 'node:crypto';
import type { Location, Store } from '../../store/store.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { checkGroupExtension, checkGroupNumber } from '../hunt-groups/hunt-group-lines.ts';
import { decodeId } from '../webex-ids.ts';
import type { CallQueueService } from './call-queue-service.ts';
import type { CallQueueSettings, Dnis, QueuePart } from './call-queue-types.ts';
import { checkPart, queueParts } from './queue-parts.ts';

// A queue's documents on their own paths (holiday, night and stranded services, forced forward,
// DNIS settings, Customer Assist's wrap-up timer and screen pop), its DNIS numbers with their
// announcements, and the entity-level announcement files its documents name.

type Doc = Record<string, unknown>;
type Ref = { orgId: string; locationId: string; queueId: string };

export const dnisNotFound = () => notFound('DNIS not found.');
const RING_PATTERNS = ['NORMAL', 'LONG_LONG', 'SHORT_SHORT_LONG', 'SHORT_LONG_SHORT'];

export type AnnouncementFile = { id?: string; fileName: string; mediaFileType: string; level: string };

/** Every file a queue's documents name, wherever they sit (audioFiles, audioAnnouncementFiles, manualAudioFiles). */
function filesIn(value: unknown, out: AnnouncementFile[] = []): AnnouncementFile[] {
  if (Array.isArray(value)) for (const v of value) filesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/(audio|Audio)(Announcement)?Files$/.test(k) && Array.isArray(v)) {
        for (const f of v as Record<string, unknown>[]) {
          const fileName = (f?.fileName ?? f?.name) as string | undefined;
          if (typeof fileName === 'string') out.push({ ...(typeof f.id === 'string' ? { id: f.id } : {}), fileName, mediaFileType: String(f.mediaFileType ?? 'WAV'), level: String(f.level ?? 'ENTITY') });
        }
      } else filesIn(v, out);
    }
  }
  return out;
}

/** The documents without any reference to the file. */
function withoutFile<T>(value: T, fileName: string): T {
  if (Array.isArray(value)) return value.map((v) => withoutFile(v, fileName)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      /(audio|Audio)(Announcement)?Files$/.test(k) && Array.isArray(v) ? v.filter((f: Record<string, unknown>) => (f?.fileName ?? f?.name) !== fileName) : withoutFile(v, fileName),
    ]),
  ) as T;
}

export class CallQueuePartsService {
  private readonly store: Store;
  private readonly queues: CallQueueService;

  constructor(store: Store, queues: CallQueueService) {
    this.store = store;
    this.queues = queues;
  }

  async part(ref: Ref, part: QueuePart): Promise<{ doc: Doc; location: Location }> {
    const { queue, location } = await this.queues.find(this.store, ref.orgId, ref.locationId, ref.queueId);
    return { doc: queueParts(queue.settings)[part], location };
  }

  /** The location's schedules of a type, as holiday and night service list them. */
  async schedules(location: Location, type: 'holidays' | 'businessHours'): Promise<{ scheduleName: string; scheduleLevel: 'LOCATION' }[]> {
    const all = await this.store.schedules.list(location.orgId, location.id, { type, start: 0, max: 1000 });
    return all.items.map((s) => ({ scheduleName: s.name, scheduleLevel: 'LOCATION' as const }));
  }

  async updatePart(ref: Ref, part: QueuePart, input: Doc): Promise<void> {
    await this.queues.change(ref.orgId, ref.locationId, ref.queueId, async (settings, tx, location) => {
      settings.parts[part] = await checkPart(part, queueParts(settings)[part], input, tx, location);
      return settings;
    });
  }

  async dnisList(ref: Ref): Promise<{ list: Dnis[]; location: Location }> {
    const { queue, location } = await this.queues.find(this.store, ref.orgId, ref.locationId, ref.queueId);
    return { list: queue.settings.dnis, location };
  }

  async dnis(ref: Ref, dnisId: string): Promise<{ dnis: Dnis; location: Location }> {
    const { list, location } = await this.dnisList(ref);
    return { dnis: list[indexOf(list, dnisId)]!, location };
  }

  async createDnis(ref: Ref, input: { name: string; phoneNumber?: string; extension?: string; ringPattern?: string }): Promise<Dnis> {
    let created: Dnis | undefined;
    await this.queues.change(ref.orgId, ref.locationId, ref.queueId, async (settings, tx, location, queue) => {
      created = await checkDnis(tx, location, queue.id, settings, { id: randomUUID(), customDnisAnnouncementSettingsEnabled: false, announcements: {} }, input);
      settings.dnis.push(created);
      return settings;
    });
    return created!;
  }

  async updateDnis(ref: Ref, dnisId: string, input: Partial<Dnis>): Promise<void> {
    await this.queues.change(ref.orgId, ref.locationId, ref.queueId, async (settings, tx, location, queue) => {
      const at = indexOf(settings.dnis, dnisId);
      settings.dnis[at] = await checkDnis(tx, location, queue.id, settings, settings.dnis[at]!, input);
      return settings;
    });
  }

  async updateDnisAnnouncements(ref: Ref, dnisId: string, input: Doc): Promise<void> {
    await this.queues.change(ref.orgId, ref.locationId, ref.queueId, async (settings) => {
      const d = settings.dnis[indexOf(settings.dnis, dnisId)]!;
      const { customDnisAnnouncementSettingsEnabled, ...announcements } = input;
      if (customDnisAnnouncementSettingsEnabled !== undefined) d.customDnisAnnouncementSettingsEnabled = customDnisAnnouncementSettingsEnabled === true;
      d.announcements = { ...d.announcements, ...announcements };
      return settings;
    });
  }

  /** Deletes DNIS numbers; an unknown one is a 404 and nothing is deleted. */
  async deleteDnis(ref: Ref, dnisIds: readonly string[]): Promise<void> {
    await this.queues.change(ref.orgId, ref.locationId, ref.queueId, async (settings) => {
      const gone = new Set(dnisIds.map((id) => settings.dnis[indexOf(settings.dnis, id)]!.id));
      settings.dnis = settings.dnis.filter((d) => !gone.has(d.id));
      return settings;
    });
  }

  async announcementFiles(ref: Ref): Promise<AnnouncementFile[]> {
    const { queue } = await this.queues.find(this.store, ref.orgId, ref.locationId, ref.queueId);
    const seen = new Set<string>();
    return filesIn(queue.settings).filter((f) => f.level === 'ENTITY' && !seen.has(f.fileName) && seen.add(f.fileName));
  }

  /** Removes an entity-level file from every document of the queue that names it (404 if none does). */
  async deleteAnnouncementFile(ref: Ref, fileName: string): Promise<void> {
    await this.queues.change(ref.orgId, ref.locationId, ref.queueId, async (settings) => {
      if (!filesIn(settings).some((f) => f.level === 'ENTITY' && f.fileName === fileName)) throw notFound('Announcement file not found.');
      return withoutFile(settings, fileName) as CallQueueSettings;
    });
  }
}

function indexOf(list: readonly Dnis[], publicId: string): number {
  const id = decodeId(publicId, 'DNIS');
  const at = id === undefined ? -1 : list.findIndex((d) => d.id === id);
  if (at < 0) throw dnisNotFound();
  return at;
}

async function checkDnis(tx: Store, location: Location, queueId: string, settings: CallQueueSettings, current: Partial<Dnis> & { id: string }, input: Partial<Dnis>): Promise<Dnis> {
  const name = (input.name ?? current.name ?? '').trim();
  if (name.length < 1 || name.length > 40) throw badRequest('name must hold 1 to 40 characters.');
  if (settings.dnis.some((d) => d.id !== current.id && d.name.toLowerCase() === name.toLowerCase())) throw conflict(`The call queue already has a DNIS named "${name}".`);
  const ringPattern = input.ringPattern ?? current.ringPattern ?? 'NORMAL';
  if (!RING_PATTERNS.includes(ringPattern)) throw badRequest(`ringPattern "${ringPattern}" is not one of ${RING_PATTERNS.join(', ')}.`);
  const out: Dnis = { id: current.id, name, ringPattern, customDnisAnnouncementSettingsEnabled: input.customDnisAnnouncementSettingsEnabled ?? current.customDnisAnnouncementSettingsEnabled ?? false, announcements: current.announcements ?? {} };
  const phoneNumber = input.phoneNumber ?? current.phoneNumber;
  const extension = input.extension ?? current.extension;
  if (phoneNumber) out.phoneNumber = phoneNumber === current.phoneNumber ? phoneNumber : await checkGroupNumber(tx, location, phoneNumber, queueId);
  if (extension) out.extension = extension === current.extension ? extension : await checkGroupExtension(tx, location, extension, queueId);
  if (!out.phoneNumber && !out.extension) throw badRequest('A DNIS needs a phoneNumber or an extension.');
  for (const other of settings.dnis) {
    if (other.id === out.id) continue;
    if ((out.phoneNumber && other.phoneNumber === out.phoneNumber) || (out.extension && other.extension === out.extension)) throw conflict('Another DNIS of the queue has this number or extension.');
  }
  return out;
}
