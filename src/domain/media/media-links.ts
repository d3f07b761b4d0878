import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { WebexError } from '../errors.ts';

// Signed, expiring links to media this server holds, in the manner of S3's pre-signed URLs: the
// link is the credential (no token), so it can be handed to a browser or an audio player. The
// signature is an HMAC-SHA256 over the method, the organization, the media key and the expiry,
// with the server's media secret (CALLPLANE_MEDIA_SECRET). Nothing but the link reveals the key.

/** Where the links point; the routes are in src/api/announcements/media-files.routes.ts. */
export const MEDIA_PREFIX = '/media';
export const LINK_TTL_MS = 60 * 60 * 1000;

export type LinkMethod = 'GET' | 'PUT';

export const linkExpired = () => new WebexError(403, 'The media link has expired: ask for a new one.');
export const linkInvalid = () => new WebexError(403, 'The media link is not valid: its signature does not match.');

export class MediaLinks {
  private readonly secret: string;
  private readonly clock: Clock;

  constructor(secret: string, clock: Clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** A path with its query (to put after this server's base URL), valid for LINK_TTL_MS. */
  sign(method: LinkMethod, orgId: string, key: string): string {
    const expires = Math.floor((this.clock.now().getTime() + LINK_TTL_MS) / 1000);
    const signature = this.signature(method, orgId, key, expires);
    return `${MEDIA_PREFIX}/${orgId}/${key}?expires=${expires}&signature=${signature}`;
  }

  /** Refuses (403) a link that is forged, altered, used for another method, or expired. */
  check(method: LinkMethod, orgId: string, key: string, expires: string | undefined, signature: string | undefined): void {
    if (expires === undefined || signature === undefined || !/^\d{1,12}$/.test(expires)) throw linkInvalid();
    const expected = Buffer.from(this.signature(method, orgId, key, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw linkInvalid();
    if (Number(expires) * 1000 <= this.clock.now().getTime()) throw linkExpired();
  }

  private signature(method: LinkMethod, orgId: string, key: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${method}\n${orgId}\n${key}\n${expires}`).digest('base64url');
  }
}
