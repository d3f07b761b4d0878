import type { Flag } from '../database.ts';

// Tables of the announcements area (see store/migrations/0005-announcements.ts).

/** One uploaded audio file of an organization's announcement repository. */
export type AnnouncementsTable = {
  id: string;
  org_id: string;
  /** Null: an organization-level file; otherwise the location whose repository holds it. */
  location_id: string | null;
  name: string;
  file_name: string;
  /** Bytes of the file as uploaded. */
  file_size: number;
  media_file_type: string;
  /** The file itself (bytea: a BLOB in SQLite, bytea in PostgreSQL). Never selected by lists. */
  content: Uint8Array;
  created: string;
  last_updated: string;
};

/** Music On Hold of a calling location; a location without a row has Webex's defaults. */
export type LocationMusicOnHoldTable = {
  location_id: string;
  org_id: string;
  call_hold_enabled: Flag;
  call_park_enabled: Flag;
  greeting: string;
  /** The announcement played when greeting is CUSTOM; null with SYSTEM. */
  announcement_id: string | null;
  last_modified: string;
};

/** A file uploaded to a signed URL, or a text-to-speech prompt's audio (0110-announcement-media). */
export type AnnouncementMediaTable = {
  id: string;
  org_id: string;
  source: string;
  /** Null until the file is uploaded. */
  content: Uint8Array | null;
  created: string;
};

/** A text-to-speech generation request; its audio is an announcement_media row. */
export type TextToSpeechTable = {
  id: string;
  org_id: string;
  voice: string;
  text: string;
  language_code: string;
  media_id: string;
  created: string;
  ready_at: string;
};

export type AnnouncementTables = {
  announcements: AnnouncementsTable;
  location_music_on_hold: LocationMusicOnHoldTable;
  announcement_media: AnnouncementMediaTable;
  text_to_speech: TextToSpeechTable;
};
