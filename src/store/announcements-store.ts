import type { Page } from './store.ts';

// What the domain may ask of persistence for the announcement repository and Music On Hold.

export type AnnouncementLevel = 'ORGANIZATION' | 'LOCATION';
export type MediaFileType = 'WAV';

/** An uploaded file's description; the audio itself is read only on demand (content()). */
export type Announcement = {
  id: string;
  orgId: string;
  /** Null for an organization-level file. */
  locationId: string | null;
  /** Name of that location, for lists; null for organization-level files. */
  locationName: string | null;
  name: string;
  fileName: string;
  /** Bytes. */
  fileSize: number;
  mediaFileType: MediaFileType;
  created: string;
  lastUpdated: string;
};

export type NewAnnouncement = Omit<Announcement, 'locationName'> & { content: Uint8Array };

export type AnnouncementFileChange = {
  name: string;
  fileName: string;
  fileSize: number;
  mediaFileType: MediaFileType;
  content: Uint8Array;
  lastUpdated: string;
};

/** Which repositories a list reads: the organization's, every location's, both, or one location's. */
export type AnnouncementScope =
  | { kind: 'organization' }
  | { kind: 'locations' }
  | { kind: 'all' }
  | { kind: 'location'; locationId: string };

export type AnnouncementFilter = {
  scope: AnnouncementScope;
  /** Case-insensitive substring of the file name. */
  fileName?: string;
  /** Case-insensitive substring of the announcement name. */
  name?: string;
  order?: { by: 'name' | 'fileName' | 'fileSize'; direction: 'asc' | 'desc' };
};

export type MusicOnHoldGreeting = 'SYSTEM' | 'CUSTOM';

export type MusicOnHold = {
  locationId: string;
  orgId: string;
  callHoldEnabled: boolean;
  callParkEnabled: boolean;
  greeting: MusicOnHoldGreeting;
  /** The file played with CUSTOM; null with SYSTEM. */
  announcementId: string | null;
  lastModified: string;
};

/** A location whose Music On Hold plays an announcement. */
export type MusicOnHoldUse = { locationId: string; locationName: string };

/** Audio that is not an announcement yet: a signed-URL upload, or a text-to-speech prompt. */
export type AnnouncementMedia = { id: string; orgId: string; source: 'upload' | 'textToSpeech'; created: string };

export type TextToSpeech = {
  id: string;
  orgId: string;
  voice: string;
  text: string;
  languageCode: string;
  mediaId: string;
  created: string;
  /** The prompt is in progress until then. */
  readyAt: string;
};

export interface AnnouncementRepository {
  insert(announcement: NewAnnouncement): Promise<void>;
  get(orgId: string, id: string): Promise<Announcement | undefined>;
  /** The audio of a file, as uploaded. */
  content(orgId: string, id: string): Promise<Uint8Array | undefined>;
  replaceFile(orgId: string, id: string, change: AnnouncementFileChange): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  list(orgId: string, filter: AnnouncementFilter, start: number, limit: number): Promise<Page<Announcement, number>>;
  /** Bytes stored by the organization (all levels), or by one location when locationId is given. */
  totalSize(orgId: string, locationId?: string): Promise<number>;
  getMusicOnHold(orgId: string, locationId: string): Promise<MusicOnHold | undefined>;
  saveMusicOnHold(settings: MusicOnHold): Promise<void>;
  /** The locations whose Music On Hold plays this announcement, by location name. */
  musicOnHoldUses(orgId: string, announcementId: string): Promise<MusicOnHoldUse[]>;
  /** Media, with its audio when given (an upload URL's slot has none until the file arrives). */
  insertMedia(media: AnnouncementMedia, content: Uint8Array | null): Promise<void>;
  getMedia(orgId: string, id: string): Promise<AnnouncementMedia | undefined>;
  /** The audio of media; undefined when nothing was uploaded yet. */
  mediaContent(orgId: string, id: string): Promise<Uint8Array | undefined>;
  putMediaContent(orgId: string, id: string, content: Uint8Array): Promise<void>;
  insertTextToSpeech(request: TextToSpeech): Promise<void>;
  getTextToSpeech(orgId: string, id: string): Promise<TextToSpeech | undefined>;
  /** Text-to-speech requests the organization made since that time, and the earliest of them. */
  textToSpeechSince(orgId: string, since: string): Promise<{ count: number; earliest: string | null }>;
}
