import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import type { Store } from '../../store/store.ts';
import { outOfRange } from './voicemail-errors.ts';
import { DEFAULT_PASSCODE_RULES, type PasscodeRules } from './passcode-rules.ts';

// Documents of an organization or a location that voicemail reads: the organization's voicemail
// rules (its default passcode and passcode policy) and settings (message expiry, forwarding), a
// location's voicemail (transcription) and voice portal. Stored as owner settings; absent fields
// are Webex's defaults.

export type Owner = { orgId: string; kind: 'organization' | 'location'; id: string };

export async function readDocument(store: Store, owner: Owner, key: string, defaults: SettingDocument): Promise<SettingDocument> {
  const stored = await store.ownerSettings.get(owner, key);
  return stored === undefined ? structuredClone(defaults) : mergeDocument(defaults, JSON.parse(stored) as SettingDocument);
}

export const organizationOf = (orgId: string): Owner => ({ orgId, kind: 'organization', id: orgId });

/** The organization's voicemail rules as stored (defaultVoicemailPin holds a passcode digest's input: the PIN itself is needed to set it on reset). */
export const ORGANIZATION_RULES = {
  key: 'voicemailRules',
  defaults: {
    defaultVoicemailPinEnabled: false,
    expirePasscode: { enabled: false, numberOfDays: 180 },
    changePasscode: { enabled: false, numberOfDays: 1 },
    blockPreviousPasscodes: { enabled: true, numberOfPasscodes: 10 },
  } as SettingDocument,
};

export const ORGANIZATION_SETTINGS = {
  key: 'voicemailSettings',
  defaults: { messageExpiryEnabled: false, numberOfDaysForMessageExpiry: 15, strictDeletionEnabled: false, voiceMessageForwardingEnabled: true } as SettingDocument,
};

type Toggle = { enabled?: boolean; numberOfDays?: number; numberOfPasscodes?: number };

/** The ranges Webex's descriptions give for the rules' numbers. */
export function checkOrganizationRules(doc: SettingDocument): void {
  const within = (field: string, value: number | undefined, min: number, max: number) => {
    if (value === undefined || !Number.isInteger(value) || value < min || value > max) throw outOfRange(field, min, max);
  };
  const expire = doc.expirePasscode as Toggle;
  if (expire.enabled) within('expirePasscode.numberOfDays', expire.numberOfDays, 15, 180);
  const change = doc.changePasscode as Toggle;
  if (change.enabled) within('changePasscode.numberOfDays', change.numberOfDays, 1, 7);
  const previous = doc.blockPreviousPasscodes as Toggle;
  if (previous.enabled) within('blockPreviousPasscodes.numberOfPasscodes', previous.numberOfPasscodes, 1, 10);
}

export function checkOrganizationSettings(doc: SettingDocument): void {
  const days = doc.numberOfDaysForMessageExpiry as number;
  if (!Number.isInteger(days) || days < 1 || days > 100) throw outOfRange('numberOfDaysForMessageExpiry', 1, 100);
}

/** A location's passcode rules: Webex's defaults with the organization's policy laid over them. */
export async function passcodeRules(store: Store, orgId: string): Promise<PasscodeRules> {
  const rules = await readDocument(store, organizationOf(orgId), ORGANIZATION_RULES.key, ORGANIZATION_RULES.defaults);
  return {
    ...DEFAULT_PASSCODE_RULES,
    expirePasscode: rules.expirePasscode as PasscodeRules['expirePasscode'],
    blockPreviousPasscodes: rules.blockPreviousPasscodes as PasscodeRules['blockPreviousPasscodes'],
  };
}

/** The organization's voicemail rules as Webex shows them (the default PIN itself is never shown). */
export function presentOrganizationRules(doc: SettingDocument) {
  const rules = DEFAULT_PASSCODE_RULES;
  return {
    defaultVoicemailPinRules: {
      blockRepeatedPatternsEnabled: rules.blockRepeatedPatternsEnabled,
      blockRepeatedDigits: rules.blockRepeatedDigits,
      blockContiguousSequences: rules.blockContiguousSequences,
      length: rules.length,
      defaultVoicemailPinEnabled: doc.defaultVoicemailPinEnabled === true,
    },
    expirePasscode: doc.expirePasscode,
    changePasscode: doc.changePasscode,
    blockPreviousPasscodes: doc.blockPreviousPasscodes,
  };
}
