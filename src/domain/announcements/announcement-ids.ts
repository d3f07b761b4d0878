import { decodeId, encodeId, type WebexIdType } from '../webex-ids.ts';

// Announcement IDs are Webex's: ciscospark://us/ANNOUNCEMENT/<uuid>. The shared WebexIdType
// union does not name ANNOUNCEMENT yet; this is the one place that casts.
const ANNOUNCEMENT: WebexIdType = 'ANNOUNCEMENT';

export const encodeAnnouncementId = (uuid: string): string => encodeId(ANNOUNCEMENT, uuid);

/** The uuid of an announcement ID, or undefined. */
export const decodeAnnouncementId = (id: string): string | undefined => decodeId(id, ANNOUNCEMENT);
