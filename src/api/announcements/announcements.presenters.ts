import { encodeAnnouncementId } from '../../domain/announcements/announcement-ids.ts';
import {
  levelOf,
  type AnnouncementDetails as Details,
  type MusicOnHoldSettings,
  type RepositoryUsage as Usage,
} from '../../domain/announcements/announcements-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { Announcement } from '../../store/announcements-store.ts';
import type { AnnouncementDetails, AnnouncementItem, MusicOnHold, RepositoryUsage } from './announcements.schemas.ts';

/** Webex reports sizes in kilobytes; a file of a few bytes is 1 KB, not 0. */
const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);

/** The fields a file shows both in lists and in its details. */
function presentFile(a: Announcement) {
  return {
    id: encodeAnnouncementId(a.id),
    name: a.name,
    fileName: a.fileName,
    fileSize: String(kilobytes(a.fileSize)),
    mediaFileType: a.mediaFileType,
    lastUpdated: a.lastUpdated,
  };
}

export function presentAnnouncement(a: Announcement): AnnouncementItem {
  return {
    ...presentFile(a),
    level: levelOf(a),
    ...(a.locationId !== null ? { location: { id: encodeId('LOCATION', a.locationId), name: a.locationName ?? '' } } : {}),
  };
}

export function presentAnnouncementDetails(a: Details): AnnouncementDetails {
  return {
    ...presentFile(a),
    featureReferenceCount: a.musicOnHold.length,
    // Music On Hold belongs to its location: the reference carries the location's ID.
    featureReferences: a.musicOnHold.map((use) => ({
      id: encodeId('LOCATION', use.locationId),
      name: 'Music On Hold',
      type: 'Music On Hold',
      locationId: encodeId('LOCATION', use.locationId),
      locationName: use.locationName,
    })),
  };
}

export function presentUsage(u: Usage): RepositoryUsage {
  return {
    totalFileSizeUsedKB: kilobytes(u.usedBytes),
    maxAudioFileSizeAllowedKB: u.maxAudioFileKb,
    maxVideoFileSizeAllowedKB: u.maxVideoFileKb,
    totalFileSizeLimitMB: u.limitMb,
  };
}

export function presentMusicOnHold(m: MusicOnHoldSettings): MusicOnHold {
  return {
    callHoldEnabled: m.callHoldEnabled,
    callParkEnabled: m.callParkEnabled,
    greeting: m.greeting,
    ...(m.greeting === 'CUSTOM' && m.audioFile
      ? {
          audioFile: {
            id: encodeAnnouncementId(m.audioFile.id),
            fileName: m.audioFile.fileName,
            mediaFileType: m.audioFile.mediaFileType,
            level: levelOf(m.audioFile),
          },
        }
      : {}),
  };
}
