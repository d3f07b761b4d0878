import type { OwnerKind } from '../../store/owner-settings-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { personOf } from '../settings/settings-service.ts';

// Hot desking sign-in through the voice portal: whether a location lets guests sign in to its
// hot desking phones by calling the voice portal, and whether a person may sign in that way.
// Stored as the location's or person's 'hotDeskingVoicePortal' document (owner_settings); off
// until set, as in Webex.

const KEY = 'hotDeskingVoicePortal';
type Doc = { voicePortalHotDeskSignInEnabled: boolean };

export class HotDeskingService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async get(orgId: string, kind: 'location' | 'person', publicId: string): Promise<Doc> {
    const id = await this.ownerId(orgId, kind, publicId);
    const stored = await this.store.ownerSettings.get({ orgId, kind, id }, KEY);
    return { voicePortalHotDeskSignInEnabled: false, ...(stored === undefined ? {} : (JSON.parse(stored) as Partial<Doc>)) };
  }

  /** A PUT without the field changes nothing (Webex PUTs change the fields they carry). */
  async set(orgId: string, kind: 'location' | 'person', publicId: string, input: Partial<Doc>): Promise<void> {
    const id = await this.ownerId(orgId, kind, publicId);
    if (input.voicePortalHotDeskSignInEnabled === undefined) return;
    const owner: { orgId: string; kind: OwnerKind; id: string } = { orgId, kind, id };
    await this.store.ownerSettings.put(owner, KEY, JSON.stringify({ voicePortalHotDeskSignInEnabled: input.voicePortalHotDeskSignInEnabled }), timestamp(this.clock));
  }

  private async ownerId(orgId: string, kind: 'location' | 'person', publicId: string): Promise<string> {
    return kind === 'location' ? (await findCallingLocation(this.store, orgId, publicId)).id : (await personOf(this.store, orgId, publicId)).id;
  }
}
