import { createHash } from 'node:crypto';
import { encodeId } from '../webex-ids.ts';

// A person's Webex clients (browser, desktop, tablet, mobile): Callplane keeps no registrations
// of them, so each has a stable ID derived from the person, a calling device ID as Webex's are.
// The desktop client is the person's "application" of the shared line appearance API.

export type WebexClient = 'browser' | 'desktop' | 'tablet' | 'mobile';

export function clientIdOf(personId: string, client: WebexClient): string {
  const h = createHash('sha256').update(`${client}:${personId}`).digest('hex');
  return encodeId('DEVICE', `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`);
}

export const applicationIdOf = (personId: string) => clientIdOf(personId, 'desktop');
