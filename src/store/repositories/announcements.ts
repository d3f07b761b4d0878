import { sql } from 'kysely';
import type {
  Announcement,
  AnnouncementMedia,
  AnnouncementFileChange,
  AnnouncementFilter,
  AnnouncementRepository,
  MediaFileType,
  MusicOnHold,
  MusicOnHoldGreeting,
  MusicOnHoldUse,
  NewAnnouncement,
  TextToSpeech,
} from '../announcements-store.ts';
import type { Page } from '../store.ts';
import { flag, matches, offsetPage, type RepositoryContext } from './context.ts';

type AnnouncementRow = {
  id: string;
  org_id: string;
  location_id: string | null;
  location_name: string | null;
  name: string;
  file_name: string;
  file_size: number | string;
  media_file_type: string;
  created: string;
  last_updated: string;
};

const toAnnouncement = (row: AnnouncementRow): Announcement => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  locationName: row.location_name,
  name: row.name,
  fileName: row.file_name,
  fileSize: Number(row.file_size),
  mediaFileType: row.media_file_type as MediaFileType,
  created: row.created,
  lastUpdated: row.last_updated,
});

/** node:sqlite takes any Uint8Array, pg wants a Buffer; a Buffer suits both. */
const bytes = (content: Uint8Array): Buffer => (Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength));

export class KyselyAnnouncementRepository implements AnnouncementRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /** Every column but the audio, with the location's name. */
  private described() {
    return this.ctx.db
      .selectFrom('announcements as a')
      .leftJoin('locations as l', 'l.id', 'a.location_id')
      .select([
        'a.id',
        'a.org_id',
        'a.location_id',
        'l.name as location_name',
        'a.name',
        'a.file_name',
        'a.file_size',
        'a.media_file_type',
        'a.created',
        'a.last_updated',
      ]);
  }

  async insert(a: NewAnnouncement): Promise<void> {
    await this.ctx.db
      .insertInto('announcements')
      .values({
        id: a.id,
        org_id: a.orgId,
        location_id: a.locationId,
        name: a.name,
        file_name: a.fileName,
        file_size: a.fileSize,
        media_file_type: a.mediaFileType,
        content: bytes(a.content),
        created: a.created,
        last_updated: a.lastUpdated,
      })
      .execute();
  }

  async get(orgId: string, id: string): Promise<Announcement | undefined> {
    const row = await this.described().where('a.org_id', '=', orgId).where('a.id', '=', id).executeTakeFirst();
    return row && toAnnouncement(row);
  }

  async content(orgId: string, id: string): Promise<Uint8Array | undefined> {
    const row = await this.ctx.db.selectFrom('announcements').select('content').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  }

  async replaceFile(orgId: string, id: string, change: AnnouncementFileChange): Promise<void> {
    await this.ctx.db
      .updateTable('announcements')
      .set({
        name: change.name,
        file_name: change.fileName,
        file_size: change.fileSize,
        media_file_type: change.mediaFileType,
        content: bytes(change.content),
        last_updated: change.lastUpdated,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('announcements').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async list(orgId: string, filter: AnnouncementFilter, start: number, limit: number): Promise<Page<Announcement, number>> {
    let query = this.described().where('a.org_id', '=', orgId);
    const scope = filter.scope;
    if (scope.kind === 'organization') query = query.where('a.location_id', 'is', null);
    if (scope.kind === 'locations') query = query.where('a.location_id', 'is not', null);
    if (scope.kind === 'location') query = query.where('a.location_id', '=', scope.locationId);
    if (filter.fileName !== undefined) query = query.where(matches('a.file_name', filter.fileName, 'contains', true));
    if (filter.name !== undefined) query = query.where(matches('a.name', filter.name, 'contains', true));
    const { by, direction } = filter.order ?? { by: 'name', direction: 'asc' };
    const key = by === 'fileSize' ? sql.ref('a.file_size') : sql`lower(${sql.ref(by === 'fileName' ? 'a.file_name' : 'a.name')})`;
    const rows = await query
      .orderBy(key, direction)
      .orderBy('a.id')
      .limit(limit + 1)
      .offset(start)
      .execute();
    return offsetPage(rows.map(toAnnouncement), start, limit);
  }

  async totalSize(orgId: string, locationId?: string): Promise<number> {
    let query = this.ctx.db
      .selectFrom('announcements')
      .select((eb) => eb.fn.sum<number | string | null>('file_size').as('total'))
      .where('org_id', '=', orgId);
    if (locationId !== undefined) query = query.where('location_id', '=', locationId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.total ?? 0);
  }

  async getMusicOnHold(orgId: string, locationId: string): Promise<MusicOnHold | undefined> {
    const row = await this.ctx.db
      .selectFrom('location_music_on_hold')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('location_id', '=', locationId)
      .executeTakeFirst();
    return (
      row && {
        locationId: row.location_id,
        orgId: row.org_id,
        callHoldEnabled: Number(row.call_hold_enabled) === 1,
        callParkEnabled: Number(row.call_park_enabled) === 1,
        greeting: row.greeting as MusicOnHoldGreeting,
        announcementId: row.announcement_id,
        lastModified: row.last_modified,
      }
    );
  }

  async saveMusicOnHold(s: MusicOnHold): Promise<void> {
    const changes = {
      call_hold_enabled: flag(s.callHoldEnabled),
      call_park_enabled: flag(s.callParkEnabled),
      greeting: s.greeting,
      announcement_id: s.announcementId,
      last_modified: s.lastModified,
    };
    await this.ctx.db
      .insertInto('location_music_on_hold')
      .values({ location_id: s.locationId, org_id: s.orgId, ...changes })
      .onConflict((oc) => oc.column('location_id').doUpdateSet(changes))
      .execute();
  }

  async musicOnHoldUses(orgId: string, announcementId: string): Promise<MusicOnHoldUse[]> {
    const rows = await this.ctx.db
      .selectFrom('location_music_on_hold as m')
      .innerJoin('locations as l', 'l.id', 'm.location_id')
      .select(['m.location_id', 'l.name'])
      .where('m.org_id', '=', orgId)
      .where('m.announcement_id', '=', announcementId)
      .orderBy(sql`lower(l.name)`)
      .orderBy('m.location_id')
      .execute();
    return rows.map((r) => ({ locationId: r.location_id, locationName: r.name }));
  }

  async insertMedia(m: AnnouncementMedia, content: Uint8Array | null): Promise<void> {
    await this.ctx.db
      .insertInto('announcement_media')
      .values({ id: m.id, org_id: m.orgId, source: m.source, content: content && bytes(content), created: m.created })
      .execute();
  }

  async getMedia(orgId: string, id: string): Promise<AnnouncementMedia | undefined> {
    const row = await this.ctx.db
      .selectFrom('announcement_media')
      .select(['id', 'org_id', 'source', 'created'])
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, orgId: row.org_id, source: row.source as AnnouncementMedia['source'], created: row.created };
  }

  async mediaContent(orgId: string, id: string): Promise<Uint8Array | undefined> {
    const row = await this.ctx.db.selectFrom('announcement_media').select('content').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row?.content ? new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) : undefined;
  }

  async putMediaContent(orgId: string, id: string, content: Uint8Array): Promise<void> {
    await this.ctx.db.updateTable('announcement_media').set({ content: bytes(content) }).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async insertTextToSpeech(t: TextToSpeech): Promise<void> {
    await this.ctx.db
      .insertInto('text_to_speech')
      .values({ id: t.id, org_id: t.orgId, voice: t.voice, text: t.text, language_code: t.languageCode, media_id: t.mediaId, created: t.created, ready_at: t.readyAt })
      .execute();
  }

  async getTextToSpeech(orgId: string, id: string): Promise<TextToSpeech | undefined> {
    const row = await this.ctx.db.selectFrom('text_to_speech').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return (
      row && {
        id: row.id,
        orgId: row.org_id,
        voice: row.voice,
        text: row.text,
        languageCode: row.language_code,
        mediaId: row.media_id,
        created: row.created,
        readyAt: row.ready_at,
      }
    );
  }

  async textToSpeechSince(orgId: string, since: string): Promise<{ count: number; earliest: string | null }> {
    const row = await this.ctx.db
      .selectFrom('text_to_speech')
      .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min<string | null>('created').as('earliest')])
      .where('org_id', '=', orgId)
      .where('created', '>=', since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), earliest: row.earliest ?? null };
  }
}
