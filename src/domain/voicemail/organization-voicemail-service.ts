import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import type { Store } from '../../store/store.ts';
import { checkPasscode, DEFAULT_PASSCODE_RULES } from './passcode-rules.ts';
import {
  checkOrganizationRules,
  checkOrganizationSettings,
  ORGANIZATION_RULES,
  ORGANIZATION_SETTINGS,
  organizationOf,
  presentOrganizationRules,
  readDocument,
} from './organization-voicemail.ts';
import { noDefaultPin } from './voicemail-errors.ts';

// The organization's voicemail rules (Calling Service Settings): its default PIN, which a PIN
// reset gives a person, and its passcode policy, which every location's passcode rules follow;
// and its voicemail settings (message expiry, forwarding), stored and read back.

export class OrganizationVoicemailService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async rules(orgId: string) {
    return presentOrganizationRules(await readDocument(this.store, organizationOf(orgId), ORGANIZATION_RULES.key, ORGANIZATION_RULES.defaults));
  }

  async updateRules(orgId: string, update: SettingDocument): Promise<void> {
    await this.store.transaction(async (tx) => {
      const owner = organizationOf(orgId);
      const next = mergeDocument(await readDocument(tx, owner, ORGANIZATION_RULES.key, ORGANIZATION_RULES.defaults), update);
      checkOrganizationRules(next);
      if (typeof update.defaultVoicemailPin === 'string') {
        // The default PIN follows the default PIN rules; it belongs to nobody yet, so no number or history applies.
        checkPasscode(update.defaultVoicemailPin, DEFAULT_PASSCODE_RULES, [], orgId, { current: null, previous: [], set: null });
      }
      if (next.defaultVoicemailPinEnabled === true && typeof next.defaultVoicemailPin !== 'string') throw noDefaultPin();
      await tx.ownerSettings.put(owner, ORGANIZATION_RULES.key, JSON.stringify(next), timestamp(this.clock));
    });
  }

  settings(orgId: string): Promise<SettingDocument> {
    return readDocument(this.store, organizationOf(orgId), ORGANIZATION_SETTINGS.key, ORGANIZATION_SETTINGS.defaults);
  }

  async updateSettings(orgId: string, update: SettingDocument): Promise<void> {
    await this.store.transaction(async (tx) => {
      const owner = organizationOf(orgId);
      const next = mergeDocument(await readDocument(tx, owner, ORGANIZATION_SETTINGS.key, ORGANIZATION_SETTINGS.defaults), update);
      checkOrganizationSettings(next);
      await tx.ownerSettings.put(owner, ORGANIZATION_SETTINGS.key, JSON.stringify(next), timestamp(this.clock));
    });
  }
}
