import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { checkLanguage } from '../locations/location-rules.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { decodeId } from '../webex-ids.ts';
import type { Location, Store } from '../../store/store.ts';
import { UniqueViolation } from '../../store/store.ts';
import type { StoredVoicemailGroup, VoiceMessage } from '../../store/voicemail-store.ts';
import { checkPasscode, nextPasscode, type StoredPasscode } from './passcode-rules.ts';
import { passcodeRules } from './organization-voicemail.ts';
import { checkLineExtension, checkLineNumber } from './voicemail-lines.ts';

// Voicemail groups: a location's shared box with its own number or extension. Calls to it are
// answered by the box (domain/calls/destinations.ts) and the messages callers leave are the
// group's (listed by the simulator: Webex has no API that lists them).

export const voicemailGroupNotFound = () => notFound('Voicemail group not found.');
const nameInUse = (name: string) => conflict(`A voicemail group named "${name}" already exists in this location.`);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The parts of Webex's document kept as JSON (everything but name, number, extension, enabled, passcode). */
const SETTINGS_DEFAULTS: SettingDocument = {
  languageCode: 'en_us',
  greeting: 'DEFAULT',
  greetingUploaded: false,
  messageStorage: { storageType: 'INTERNAL' },
  notifications: { enabled: false },
  faxMessage: { enabled: false },
  transferToNumber: { enabled: false },
  emailCopyOfMessage: { enabled: false },
  voiceMessageForwardingEnabled: true,
};

export type VoicemailGroupInput = SettingDocument & {
  name?: string;
  phoneNumber?: string;
  extension?: number;
  enabled?: boolean;
  passcode?: number;
};

export class VoicemailGroupService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async create(orgId: string, locationPublicId: string, input: VoicemailGroupInput): Promise<StoredVoicemailGroup> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const now = timestamp(this.clock);
      const base: StoredVoicemailGroup = {
        id: randomUUID(),
        orgId,
        locationId: location.id,
        name: '',
        enabled: true,
        phoneNumber: null,
        extension: null,
        settings: { ...structuredClone(SETTINGS_DEFAULTS), languageCode: location.announcementLanguage },
        passcode: JSON.stringify({ current: null, previous: [], set: null } satisfies StoredPasscode),
        created: now,
        lastModified: now,
      };
      if (input.passcode === undefined) throw badRequest('passcode is required.');
      const group = await this.apply(tx, location, base, input, now);
      await this.write(() => tx.voicemailGroups.insert(group), group.name);
      return group;
    });
  }

  async get(orgId: string, locationPublicId: string, groupPublicId: string): Promise<{ group: StoredVoicemailGroup; location: Location }> {
    return this.find(this.store, orgId, locationPublicId, groupPublicId);
  }

  async update(orgId: string, locationPublicId: string, groupPublicId: string, input: VoicemailGroupInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { group, location } = await this.find(tx, orgId, locationPublicId, groupPublicId);
      const next = await this.apply(tx, location, group, input, timestamp(this.clock));
      await this.write(() => tx.voicemailGroups.update(next), next.name);
    });
  }

  async delete(orgId: string, locationPublicId: string, groupPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { group } = await this.find(tx, orgId, locationPublicId, groupPublicId);
      await tx.voicemailGroups.delete(orgId, group.id);
      await tx.voicemail.deleteBox({ orgId, kind: 'voicemailGroup', id: group.id });
    });
  }

  async list(orgId: string, query: { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number }) {
    let locationId: string | undefined;
    if (query.locationId !== undefined) {
      locationId = decodeId(query.locationId, 'LOCATION');
      if (!locationId) throw badRequest(`locationId ${query.locationId} is not a location ID.`);
    }
    const page = await this.store.voicemailGroups.list(orgId, { ...query, ...(locationId ? { locationId } : {}) });
    const locations = new Map<string, Location>();
    for (const g of page.items) {
      if (!locations.has(g.locationId)) {
        const location = await this.store.locations.get(orgId, g.locationId);
        if (location) locations.set(g.locationId, location);
      }
    }
    return { ...page, locations };
  }

  /** The messages callers left in a group's box (the simulator's view). */
  async messages(orgId: string, groupPublicId: string): Promise<VoiceMessage[]> {
    const id = decodeId(groupPublicId, 'VOICEMAIL_GROUP');
    const group = id ? await this.store.voicemailGroups.get(orgId, id) : undefined;
    if (!group) throw voicemailGroupNotFound();
    return this.store.voicemail.messages({ orgId, kind: 'voicemailGroup', id: group.id });
  }

  private async find(tx: Store, orgId: string, locationPublicId: string, groupPublicId: string) {
    const location = await findCallingLocation(tx, orgId, locationPublicId);
    const id = decodeId(groupPublicId, 'VOICEMAIL_GROUP');
    const group = id ? await tx.voicemailGroups.get(orgId, id) : undefined;
    if (!group || group.locationId !== location.id) throw voicemailGroupNotFound();
    return { group, location };
  }

  private async write(write: () => Promise<void>, name: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof UniqueViolation) throw nameInUse(name);
      throw error;
    }
  }

  /** The group after a create or modify body: every field checked by the description's rules. */
  private async apply(tx: Store, location: Location, group: StoredVoicemailGroup, input: VoicemailGroupInput, now: string): Promise<StoredVoicemailGroup> {
    const { name, phoneNumber, extension, enabled, passcode, ...rest } = input;
    const next: StoredVoicemailGroup = { ...group, settings: mergeDocument(group.settings, rest), lastModified: now };
    if (name !== undefined) {
      if (name.trim() === '' || name.length > 30) throw badRequest('name must be 1 to 30 characters.');
      next.name = name.trim();
    }
    if (next.name === '') throw badRequest('name is required.');
    if (enabled !== undefined) next.enabled = enabled;
    if (phoneNumber !== undefined) next.phoneNumber = phoneNumber === '' ? null : await checkLineNumber(tx, location, phoneNumber, { kind: 'voicemailGroup', id: group.id });
    if (extension !== undefined) {
      if (!Number.isSafeInteger(extension) || extension < 0) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
      next.extension = await checkLineExtension(tx, location, String(extension), { kind: 'voicemailGroup', id: group.id });
    }
    if (next.phoneNumber === null && next.extension === null) throw badRequest('A voicemail group needs a phone number or an extension.');
    const s = next.settings as Record<string, any>;
    s.languageCode = checkLanguage('languageCode', String(s.languageCode));
    if (s.greeting === 'CUSTOM' && s.greetingUploaded !== true) throw badRequest('greeting cannot be CUSTOM before a custom greeting has been uploaded.');
    if (s.messageStorage?.storageType === 'EXTERNAL' && !EMAIL.test(String(s.messageStorage.externalEmail ?? ''))) {
      throw badRequest('messageStorage.externalEmail must be an email address when storageType is EXTERNAL.');
    }
    if (s.notifications?.enabled === true && !EMAIL.test(String(s.notifications.destination ?? ''))) {
      throw badRequest('notifications.destination must be an email address when notifications are enabled.');
    }
    if (s.emailCopyOfMessage?.enabled === true && !EMAIL.test(String(s.emailCopyOfMessage.emailId ?? ''))) {
      throw badRequest('emailCopyOfMessage.emailId must be an email address when emailCopyOfMessage is enabled.');
    }
    if (s.faxMessage?.enabled === true && !s.faxMessage.phoneNumber) throw badRequest('faxMessage.phoneNumber is required when faxMessage is enabled.');
    if (s.transferToNumber?.enabled === true && !s.transferToNumber.destination) {
      throw badRequest('transferToNumber.destination is required when transferToNumber is enabled.');
    }
    if (passcode !== undefined) {
      if (!Number.isSafeInteger(passcode) || passcode < 0) throw badRequest('passcode must be digits.');
      const stored = JSON.parse(group.passcode) as StoredPasscode;
      const own = [next.extension, next.phoneNumber].filter((n): n is string => n !== null);
      checkPasscode(String(passcode), await passcodeRules(tx, location.orgId), own, group.id, stored);
      next.passcode = JSON.stringify(nextPasscode(stored, group.id, String(passcode), now));
    }
    return next;
  }
}
