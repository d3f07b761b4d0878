import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { checkLanguage } from '../locations/location-rules.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import type { Location, Store } from '../../store/store.ts';
import { checkPasscode, nextPasscode, type PasscodeRules, type StoredPasscode } from './passcode-rules.ts';
import { passcodeRules, readDocument, type Owner } from './organization-voicemail.ts';
import { checkLineExtension, checkLineNumber, VOICE_PORTAL_KEY } from './voicemail-lines.ts';

// A location's voicemail (transcription), its voice portal (the IVR administrators and users dial
// into, with its own number, extension and admin passcode) and its passcode rules.

const LOCATION_VOICEMAIL = { key: 'voicemail', defaults: { voicemailTranscriptionEnabled: false } as SettingDocument };
const PORTAL_PASSCODE_KEY = 'voicePortalPasscode';

export type VoicePortalUpdate = {
  name?: string;
  languageCode?: string;
  extension?: string;
  phoneNumber?: string;
  firstName?: string;
  lastName?: string;
  passcode?: { newPasscode?: string; confirmPasscode?: string };
  directLineCallerIdName?: { selection?: string; customName?: string };
  dialByName?: string;
};

const ownerOf = (location: Location): Owner => ({ orgId: location.orgId, kind: 'location', id: location.id });

export class LocationVoicemailService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async voicemail(orgId: string, locationPublicId: string): Promise<SettingDocument> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    return readDocument(this.store, ownerOf(location), LOCATION_VOICEMAIL.key, LOCATION_VOICEMAIL.defaults);
  }

  async updateVoicemail(orgId: string, locationPublicId: string, update: SettingDocument): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const next = mergeDocument(await readDocument(tx, ownerOf(location), LOCATION_VOICEMAIL.key, LOCATION_VOICEMAIL.defaults), update);
      await tx.ownerSettings.put(ownerOf(location), LOCATION_VOICEMAIL.key, JSON.stringify(next), timestamp(this.clock));
    });
  }

  async passcodeRules(orgId: string, locationPublicId: string): Promise<PasscodeRules> {
    await findCallingLocation(this.store, orgId, locationPublicId);
    return passcodeRules(this.store, orgId);
  }

  /** The voice portal: Webex's names until changed, the location's announcement language. */
  async voicePortal(orgId: string, locationPublicId: string): Promise<SettingDocument> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    return readDocument(this.store, ownerOf(location), VOICE_PORTAL_KEY, portalDefaults(location));
  }

  async updateVoicePortal(orgId: string, locationPublicId: string, update: VoicePortalUpdate): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const { passcode, ...fields } = update;
      const owner = ownerOf(location);
      const current = await readDocument(tx, owner, VOICE_PORTAL_KEY, portalDefaults(location));
      const next = mergeDocument(current, fields as SettingDocument);
      if (typeof next.name !== 'string' || next.name.trim() === '') throw badRequest('name may not be empty.');
      if (fields.languageCode !== undefined) next.languageCode = checkLanguage('languageCode', fields.languageCode);
      if (fields.extension !== undefined && fields.extension !== '') next.extension = await checkLineExtension(tx, location, fields.extension, { kind: 'voicePortal' });
      if (fields.phoneNumber !== undefined && fields.phoneNumber !== '') next.phoneNumber = await checkLineNumber(tx, location, fields.phoneNumber, { kind: 'voicePortal' });
      if (fields.extension === '') delete next.extension;
      if (fields.phoneNumber === '') delete next.phoneNumber;
      if (next.extension === undefined && next.phoneNumber === undefined) throw badRequest('The voice portal needs a phone number or an extension.');
      const now = timestamp(this.clock);
      if (passcode !== undefined) {
        const { newPasscode, confirmPasscode } = passcode;
        if (!newPasscode || newPasscode !== confirmPasscode) throw badRequest('passcode.newPasscode and passcode.confirmPasscode must be given and the same.');
        const storedJson = await tx.ownerSettings.get(owner, PORTAL_PASSCODE_KEY);
        const stored: StoredPasscode = storedJson === undefined ? { current: null, previous: [], set: null } : (JSON.parse(storedJson) as StoredPasscode);
        const own = [next.extension, next.phoneNumber].filter((n): n is string => typeof n === 'string');
        checkPasscode(newPasscode, await passcodeRules(tx, orgId), own, location.id, stored);
        await tx.ownerSettings.put(owner, PORTAL_PASSCODE_KEY, JSON.stringify(nextPasscode(stored, location.id, newPasscode, now)), now);
      }
      await tx.ownerSettings.put(owner, VOICE_PORTAL_KEY, JSON.stringify(next), now);
    });
  }
}

function portalDefaults(location: Location): SettingDocument {
  return {
    name: 'Voice Portal',
    languageCode: location.announcementLanguage,
    firstName: 'Voice',
    lastName: 'Portal',
    directLineCallerIdName: { selection: 'DISPLAY_NAME' },
    dialByName: 'Voice Portal',
  };
}
