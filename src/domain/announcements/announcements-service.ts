import { randomUUID } from 'node:crypto';
import type {
  Announcement,
  AnnouncementFilter,
  AnnouncementLevel,
  AnnouncementScope,
  MusicOnHold,
  MusicOnHoldGreeting,
  MusicOnHoldUse,
} from '../../store/announcements-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { findCallingLocation, findLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import { decodeAnnouncementId } from './announcement-ids.ts';
import {
  announcementInUse,
  announcementNotFound,
  audioFileMismatch,
  audioFileNotFound,
  audioFileRequired,
  audioTooLong,
  audioTooShort,
  fileNameNotWav,
  fileRequired,
  fileTooLarge,
  invalidLocationFilter,
  invalidOrder,
  nameRequired,
  nameTooLong,
  notWav,
  playlistNotFound,
  repositoryFull,
  unsupportedAudio,
} from './announcement-errors.ts';
import { readWav, unsupportedAudio as whyUnsupported } from './wav.ts';

// The announcement repository (audio files at organization and location level) and the Music
// On Hold of calling locations, which may play one of them. Webex's published limits (Control
// Hub's "Manage announcement repository"): WAV audio, 5 MB per file, 1 GB (reported as 1000 MB)
// per organization across all levels, 5 seconds to 10 minutes of audio.

export const MAX_AUDIO_FILE_KB = 5 * 1024;
export const MAX_AUDIO_FILE_BYTES = MAX_AUDIO_FILE_KB * 1024;
/** Reported by the usage endpoints as Webex does; Callplane takes no video files. */
export const MAX_VIDEO_FILE_KB = 120_000;
export const REPOSITORY_LIMIT_MB = 1000;
const MIN_SECONDS = 5;
const MAX_MINUTES = 10;
const MAX_NAME = 256;

/** What a client uploaded: each part may be missing, which the service refuses. */
export type AnnouncementUpload = { name?: string; fileName?: string; content?: Uint8Array };

export type AnnouncementQuery = {
  /** all, locations, or a location ID; absent: organization-level files only. */
  locationId?: string;
  order?: string;
  fileName?: string;
  fileType?: string;
  mediaFileType?: string;
  name?: string;
  start: number;
  max: number;
};

export type AnnouncementDetails = Announcement & { musicOnHold: MusicOnHoldUse[] };

export type RepositoryUsage = { usedBytes: number; maxAudioFileKb: number; maxVideoFileKb: number; limitMb: number };

export type MusicOnHoldSettings = Omit<MusicOnHold, 'announcementId'> & { audioFile?: Announcement };

export type MusicOnHoldUpdate = {
  greeting: MusicOnHoldGreeting;
  callHoldEnabled?: boolean;
  callParkEnabled?: boolean;
  audioFile?: { id: string; fileName?: string; mediaFileType?: string; level?: string };
  playlistId?: string;
};

export const levelOf = (a: Announcement): AnnouncementLevel => (a.locationId === null ? 'ORGANIZATION' : 'LOCATION');

export class AnnouncementService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Adds a file to the organization's repository, or to a location's when locationId is given. */
  async upload(orgId: string, locationPublicId: string | undefined, upload: AnnouncementUpload): Promise<string> {
    const file = this.checkUpload(upload);
    return this.store.transaction(async (tx) => {
      const location = locationPublicId === undefined ? undefined : await findCallingLocation(tx, orgId, locationPublicId);
      await this.checkRoom(tx, orgId, file.content.length);
      const id = randomUUID();
      const now = timestamp(this.clock);
      await tx.announcements.insert({ id, orgId, locationId: location?.id ?? null, ...file, created: now, lastUpdated: now });
      return id;
    });
  }

  /** Replaces the file (and name) of an announcement at the level the path names. */
  async replace(orgId: string, locationPublicId: string | undefined, announcementPublicId: string, upload: AnnouncementUpload): Promise<void> {
    const file = this.checkUpload(upload);
    await this.store.transaction(async (tx) => {
      const announcement = await this.find(tx, orgId, locationPublicId, announcementPublicId);
      await this.checkRoom(tx, orgId, file.content.length - announcement.fileSize);
      await tx.announcements.replaceFile(orgId, announcement.id, { ...file, lastUpdated: timestamp(this.clock) });
    });
  }

  async details(orgId: string, locationPublicId: string | undefined, announcementPublicId: string): Promise<AnnouncementDetails> {
    const announcement = await this.find(this.store, orgId, locationPublicId, announcementPublicId);
    return { ...announcement, musicOnHold: await this.store.announcements.musicOnHoldUses(orgId, announcement.id) };
  }

  /** Deletes a file no feature uses (Webex: 400 with error code 6675 otherwise). */
  async delete(orgId: string, locationPublicId: string | undefined, announcementPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const announcement = await this.find(tx, orgId, locationPublicId, announcementPublicId);
      const uses = await tx.announcements.musicOnHoldUses(orgId, announcement.id);
      if (uses.length > 0) throw announcementInUse(uses.map((u) => `location "${u.locationName}"`).join(', '));
      await tx.announcements.delete(orgId, announcement.id);
    });
  }

  async list(orgId: string, query: AnnouncementQuery): Promise<Page<Announcement, number>> {
    const filter: AnnouncementFilter = {
      scope: await this.scope(orgId, query.locationId),
      fileName: query.fileName,
      name: query.name,
      order: query.order === undefined ? undefined : parseOrder(query.order),
    };
    // Every file is WAV audio: other file or media types match nothing.
    if (query.fileType !== undefined && query.fileType.toUpperCase() !== 'AUDIO') return { items: [] };
    if (query.mediaFileType !== undefined && query.mediaFileType.toUpperCase() !== 'WAV') return { items: [] };
    return this.store.announcements.list(orgId, filter, query.start, query.max);
  }

  /** Storage used by the organization (all levels) or by one location's repository. */
  async usage(orgId: string, locationPublicId?: string): Promise<RepositoryUsage> {
    const location = locationPublicId === undefined ? undefined : await findCallingLocation(this.store, orgId, locationPublicId);
    return {
      usedBytes: await this.store.announcements.totalSize(orgId, location?.id),
      maxAudioFileKb: MAX_AUDIO_FILE_KB,
      maxVideoFileKb: MAX_VIDEO_FILE_KB,
      limitMb: REPOSITORY_LIMIT_MB,
    };
  }

  async musicOnHold(orgId: string, locationPublicId: string): Promise<MusicOnHoldSettings> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const { announcementId, ...settings } = await this.currentMusicOnHold(this.store, orgId, location);
    const audioFile = announcementId === null ? undefined : await this.store.announcements.get(orgId, announcementId);
    return { ...settings, ...(audioFile ? { audioFile } : {}) };
  }

  /**
   * Omitted flags keep their value. CUSTOM plays the given audioFile, or the one already set;
   * SYSTEM lets the file go (an audioFile sent with SYSTEM is ignored). Playlists do not exist
   * in Callplane, so any playlistId is one that is not found.
   */
  async updateMusicOnHold(orgId: string, locationPublicId: string, update: MusicOnHoldUpdate): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      if (update.playlistId !== undefined) throw playlistNotFound();
      const current = await this.currentMusicOnHold(tx, orgId, location);
      let announcementId: string | null = null;
      if (update.greeting === 'CUSTOM') {
        if (update.audioFile) announcementId = (await this.playable(tx, orgId, location, update.audioFile)).id;
        else if (current.announcementId !== null) announcementId = current.announcementId;
        else throw audioFileRequired();
      }
      await tx.announcements.saveMusicOnHold({
        ...current,
        callHoldEnabled: update.callHoldEnabled ?? current.callHoldEnabled,
        callParkEnabled: update.callParkEnabled ?? current.callParkEnabled,
        greeting: update.greeting,
        announcementId,
        lastModified: timestamp(this.clock),
      });
    });
  }

  /** Webex's defaults until the location's settings are first changed. */
  private async currentMusicOnHold(tx: Store, orgId: string, location: Location): Promise<MusicOnHold> {
    const stored = await tx.announcements.getMusicOnHold(orgId, location.id);
    return (
      stored ?? {
        locationId: location.id,
        orgId,
        callHoldEnabled: true,
        callParkEnabled: true,
        greeting: 'SYSTEM',
        announcementId: null,
        lastModified: location.created,
      }
    );
  }

  /** A file the location may play: the organization's, or this location's own. */
  private async playable(tx: Store, orgId: string, location: Location, audioFile: NonNullable<MusicOnHoldUpdate['audioFile']>): Promise<Announcement> {
    const id = decodeAnnouncementId(audioFile.id);
    const announcement = id && (await tx.announcements.get(orgId, id));
    if (!announcement || (announcement.locationId !== null && announcement.locationId !== location.id)) throw audioFileNotFound();
    if (audioFile.level !== undefined && audioFile.level !== levelOf(announcement)) throw audioFileMismatch('level', levelOf(announcement));
    if (audioFile.mediaFileType !== undefined && audioFile.mediaFileType.toUpperCase() !== announcement.mediaFileType) {
      throw audioFileMismatch('mediaFileType', announcement.mediaFileType);
    }
    return announcement;
  }

  /** The announcement an ID names at the level of the path: a location's, or the organization's. */
  private async find(tx: Store, orgId: string, locationPublicId: string | undefined, announcementPublicId: string): Promise<Announcement> {
    const location = locationPublicId === undefined ? undefined : await findLocation(tx, orgId, locationPublicId);
    const id = decodeAnnouncementId(announcementPublicId);
    const announcement = id && (await tx.announcements.get(orgId, id));
    if (!announcement || announcement.locationId !== (location?.id ?? null)) throw announcementNotFound();
    return announcement;
  }

  private checkUpload(upload: AnnouncementUpload): { name: string; fileName: string; fileSize: number; mediaFileType: 'WAV'; content: Uint8Array } {
    const name = upload.name?.trim();
    if (!name) throw nameRequired();
    if (name.length > MAX_NAME) throw nameTooLong(MAX_NAME);
    if (!upload.content || upload.fileName === undefined) throw fileRequired();
    const fileName = upload.fileName.trim();
    if (!/\.wav$/i.test(fileName)) throw fileNameNotWav(fileName);
    if (upload.content.length > MAX_AUDIO_FILE_BYTES) throw fileTooLarge(MAX_AUDIO_FILE_KB);
    const wav = readWav(upload.content);
    if (!wav.ok) throw notWav(wav.reason);
    const unsupported = whyUnsupported(wav.info);
    if (unsupported) throw unsupportedAudio(unsupported);
    if (wav.info.seconds < MIN_SECONDS) throw audioTooShort(MIN_SECONDS);
    if (wav.info.seconds > MAX_MINUTES * 60) throw audioTooLong(MAX_MINUTES);
    return { name, fileName, fileSize: upload.content.length, mediaFileType: 'WAV', content: upload.content };
  }

  private async checkRoom(tx: Store, orgId: string, addedBytes: number): Promise<void> {
    if ((await tx.announcements.totalSize(orgId)) + addedBytes > REPOSITORY_LIMIT_MB * 1024 * 1024) throw repositoryFull(REPOSITORY_LIMIT_MB);
  }

  private async scope(orgId: string, locationId: string | undefined): Promise<AnnouncementScope> {
    if (locationId === undefined) return { kind: 'organization' };
    if (locationId === 'all') return { kind: 'all' };
    if (locationId === 'locations') return { kind: 'locations' };
    const id = decodeId(locationId, 'LOCATION');
    const location = id && (await this.store.locations.get(orgId, id));
    if (!location) throw invalidLocationFilter();
    return { kind: 'location', locationId: location.id };
  }
}

function parseOrder(value: string): NonNullable<AnnouncementFilter['order']> {
  const match = /^(name|fileName|fileSize)(?:-(asc|desc))?$/i.exec(value.trim());
  if (!match) throw invalidOrder(value);
  const by = match[1]!.toLowerCase() === 'filename' ? 'fileName' : match[1]!.toLowerCase() === 'filesize' ? 'fileSize' : 'name';
  return { by, direction: match[2]?.toLowerCase() === 'desc' ? 'desc' : 'asc' };
}
