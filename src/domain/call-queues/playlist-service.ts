import { randomUUID } from 'node:crypto';
import type { Announcement } from '../../store/announcements-store.ts';
import type { FeatureDocument } from '../../store/call-queues-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { decodeAnnouncementId } from '../announcements/announcement-ids.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

// Announcement playlists: named, ordered lists of the organization's announcement files (from
// the announcement repository, organization level), assigned to locations and used by call
// queues (music on hold of a queue or a DNIS names a playlist by ID). A playlist in use cannot
// be deleted. Kept as feature documents.

const KIND = 'playlist';
const MAX_FILES = 25;

export type PlaylistData = { announcementIds: string[]; locationIds: string[] };
export type PlaylistView = { doc: FeatureDocument; data: PlaylistData; announcements: Announcement[] };
export type PlaylistUse = { location: Location; feature: { id: string; name: string; type: string } };

export const playlistId = (id: string) => encodeId('PLAYLIST', id);
const playlistNotFound = () => notFound('Playlist not found.');

function checkName(value: string | undefined): string {
  const name = (value ?? '').trim();
  if (name.length < 1 || name.length > 80) throw badRequest('name must hold 1 to 80 characters.');
  return name;
}

export class PlaylistService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  private async announcements(store: Store, orgId: string, publicIds: readonly string[]): Promise<string[]> {
    if (publicIds.length === 0 || publicIds.length > MAX_FILES) throw badRequest(`announcementIds must name 1 to ${MAX_FILES} announcements.`);
    const ids: string[] = [];
    for (const publicId of publicIds) {
      const id = decodeAnnouncementId(publicId);
      const file = id !== undefined ? await store.announcements.get(orgId, id) : undefined;
      if (!file || file.locationId !== null) throw badRequest(`announcementIds: ${publicId} is not an organization-level announcement.`);
      ids.push(file.id);
    }
    return ids;
  }

  private async find(store: Store, orgId: string, publicId: string): Promise<FeatureDocument> {
    const id = decodeId(publicId, 'PLAYLIST');
    const doc = id !== undefined ? await store.featureDocuments.get(orgId, KIND, id) : undefined;
    if (!doc) throw playlistNotFound();
    return doc;
  }

  private async view(doc: FeatureDocument): Promise<PlaylistView> {
    const data = doc.data as PlaylistData;
    const files = await Promise.all(data.announcementIds.map((id) => this.store.announcements.get(doc.orgId, id)));
    return { doc, data, announcements: files.filter((f): f is Announcement => f !== undefined) };
  }

  async list(orgId: string): Promise<FeatureDocument[]> {
    return this.store.featureDocuments.list(orgId, KIND);
  }

  async create(orgId: string, input: { name: string; announcementIds: string[] }): Promise<string> {
    return this.store.transaction(async (tx) => {
      const name = checkName(input.name);
      if ((await tx.featureDocuments.list(orgId, KIND)).some((d) => d.name.toLowerCase() === name.toLowerCase())) throw conflict(`A playlist named "${name}" already exists.`);
      const now = timestamp(this.clock);
      const data: PlaylistData = { announcementIds: await this.announcements(tx, orgId, input.announcementIds), locationIds: [] };
      const id = randomUUID();
      await tx.featureDocuments.insert({ id, orgId, kind: KIND, name, data, created: now, lastModified: now });
      return id;
    });
  }

  async get(orgId: string, publicId: string): Promise<PlaylistView> {
    return this.view(await this.find(this.store, orgId, publicId));
  }

  async update(orgId: string, publicId: string, input: { name?: string; announcementIds?: string[] }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const doc = await this.find(tx, orgId, publicId);
      const data = { ...(doc.data as PlaylistData) };
      const name = input.name !== undefined ? checkName(input.name) : doc.name;
      if ((await tx.featureDocuments.list(orgId, KIND)).some((d) => d.id !== doc.id && d.name.toLowerCase() === name.toLowerCase())) throw conflict(`A playlist named "${name}" already exists.`);
      if (input.announcementIds !== undefined) data.announcementIds = await this.announcements(tx, orgId, input.announcementIds);
      await tx.featureDocuments.update({ ...doc, name, data, lastModified: timestamp(this.clock) });
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const doc = await this.find(tx, orgId, publicId);
      if ((await this.uses(tx, doc, 'feature')).length > 0 || (doc.data as PlaylistData).locationIds.length > 0) throw conflict('The playlist is in use by locations or call queues.');
      await tx.featureDocuments.delete(orgId, KIND, doc.id);
    });
  }

  async locations(orgId: string, publicId: string): Promise<Location[]> {
    const doc = await this.find(this.store, orgId, publicId);
    return this.store.locations.getMany(orgId, (doc.data as PlaylistData).locationIds);
  }

  async setLocations(orgId: string, publicId: string, locationPublicIds: readonly string[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const doc = await this.find(tx, orgId, publicId);
      const ids: string[] = [];
      for (const p of locationPublicIds) {
        const id = decodeId(p, 'LOCATION');
        if (id === undefined || !(await tx.locations.get(orgId, id))) throw badRequest(`locationIds: ${p} is not a location of this organization.`);
        if (!ids.includes(id)) ids.push(id);
      }
      await tx.featureDocuments.update({ ...doc, data: { ...(doc.data as PlaylistData), locationIds: ids }, lastModified: timestamp(this.clock) });
    });
  }

  /** Where the playlist is used: by call queues (feature), or the locations it is assigned to. */
  async usage(orgId: string, publicId: string, type: 'feature' | 'location' = 'feature'): Promise<PlaylistUse[]> {
    return this.uses(this.store, await this.find(this.store, orgId, publicId), type);
  }

  private async uses(store: Store, doc: FeatureDocument, type: 'feature' | 'location'): Promise<PlaylistUse[]> {
    if (type === 'location') {
      const locations = await store.locations.getMany(doc.orgId, (doc.data as PlaylistData).locationIds);
      return locations.map((location) => ({ location, feature: { id: encodeId('LOCATION', location.id), name: location.name, type: 'LOCATION' } }));
    }
    const publicId = playlistId(doc.id);
    const queues = (await store.callQueues.all(doc.orgId)).filter((q) => JSON.stringify(q.settings).includes(publicId));
    const locations = new Map((await store.locations.getMany(doc.orgId, [...new Set(queues.map((q) => q.locationId))])).map((l) => [l.id, l]));
    return queues.flatMap((q) => {
      const location = locations.get(q.locationId);
      return location ? [{ location, feature: { id: encodeId('CALL_QUEUE', q.id), name: q.name, type: 'CALL_QUEUE' } }] : [];
    });
  }
}
