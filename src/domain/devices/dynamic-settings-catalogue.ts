import { badRequest } from '../errors.ts';
import { findModel } from './device-models.ts';
import type { StoredDevice } from '../../store/devices-store.ts';

// The catalogue of device dynamic settings: the tags a family of phones takes, where each may be
// set, its validation rule, its system default and the settings group it shows in. Webex keeps
// this catalogue server side and publishes it through the validation schema and settings groups
// operations; Callplane's is fixed. The Poly family's tags are the ones Cisco's document shows in
// its examples, with their rules; the MPP and ATA families carry the same kinds of tags for the
// phones Callplane simulates (Callplane's own choice of tags, in Webex's form).

export type TagLevel = 'organization' | 'location' | 'device';
export type ValidationRule = { type: 'int' | 'boolean' | 'string'; values?: string[]; min?: number; max?: number; increment?: number; regex?: string; maxLength?: number; validationHint?: string };
export type CatalogueTag = {
  familyOrModelDisplayName: string;
  tag: string;
  friendlyName: string;
  tooltip: string;
  alert?: string;
  level: TagLevel[];
  validationRule: ValidationRule;
  /** The value a phone uses where no level sets one. */
  systemDefault: string;
  /** The settings group it shows in (Webex's path, "Area.Group"). */
  path: string;
};

const ALL_LEVELS: TagLevel[] = ['organization', 'location', 'device'];
const codecOrder = (family: string, tag: string, codec: string): CatalogueTag => ({
  familyOrModelDisplayName: family,
  tag,
  friendlyName: `voice.codecPref.${codec}`,
  tooltip: `Preference of the ${codec} codec: 0 leaves it out, 1 is tried first.`,
  level: ['location', 'device'],
  validationRule: { type: 'int', min: 0, max: 10, increment: 1 },
  systemDefault: '0',
  path: 'Voice.Codec Preferences',
});
const bluetooth = (family: string): CatalogueTag => ({
  familyOrModelDisplayName: family,
  tag: '%ENABLE_BLUETOOTH%',
  friendlyName: 'feature.bluetooth.enabled',
  tooltip: 'Lets the phone pair with Bluetooth headsets.',
  level: ALL_LEVELS,
  validationRule: { type: 'boolean', values: ['1', '0'] },
  systemDefault: '0',
  path: 'Feature.Bluetooth',
});
const menuBackground = (family: string, systemDefault: string): CatalogueTag => ({
  familyOrModelDisplayName: family,
  tag: '%DO_UI_MENU_BACKGROUND%',
  friendlyName: 'ui.menu.background',
  tooltip: 'Colour of the menu background, as #RRGGBB.',
  level: ALL_LEVELS,
  validationRule: { type: 'string', regex: '#[0-9A-Fa-f]{6}', maxLength: 7, validationHint: 'A colour as #RRGGBB.' },
  systemDefault,
  path: 'User Interface.Menu',
});

export const DYNAMIC_SETTINGS: readonly CatalogueTag[] = [
  codecOrder('Poly', '%G711U_ORDER%', 'G711Mu'),
  codecOrder('Poly', '%G711A_ORDER%', 'G711A'),
  codecOrder('Poly', '%G722_ORDER%', 'G722'),
  bluetooth('Poly'),
  {
    familyOrModelDisplayName: 'Poly',
    tag: '%DO_BLUETOOTH_DEVICE_NAME%',
    friendlyName: 'bluetooth.device.name',
    tooltip: 'Name the phone announces to Bluetooth devices.',
    alert: 'Devices already paired see the new name after they pair again.',
    level: ALL_LEVELS,
    validationRule: { type: 'string', regex: '[A-Za-z0-9]+', maxLength: 255 },
    systemDefault: 'Poly',
    path: 'Feature.Bluetooth',
  },
  menuBackground('Poly', '#FFFFFF'),
  codecOrder('MPP', '%G711U_ORDER%', 'G711Mu'),
  codecOrder('MPP', '%G722_ORDER%', 'G722'),
  bluetooth('MPP'),
  menuBackground('MPP', '#000000'),
  codecOrder('ATA', '%G711U_ORDER%', 'G711Mu'),
  codecOrder('ATA', '%G711A_ORDER%', 'G711A'),
];

/** Families in the order of the settings tabs. */
export const FAMILIES = [...new Set(DYNAMIC_SETTINGS.map((t) => t.familyOrModelDisplayName))];

/** A device's family in the catalogue (its type's); undefined for a phone without dynamic settings. */
export function dynamicFamilyOf(device: StoredDevice): string | undefined {
  const type = findModel(device.model)?.type;
  return type === 'MPP' || type === 'ATA' ? type : undefined;
}

/** The family a `familyOrModelDisplayName` names: a family, or a model of one (by model or display name). */
export function familyNamed(name: string): string | undefined {
  const family = FAMILIES.find((f) => f.toLowerCase() === name.trim().toLowerCase());
  if (family) return family;
  const type = findModel(name.trim())?.type;
  return type === 'MPP' || type === 'ATA' ? type : undefined;
}

export function tagsOf(family: string): CatalogueTag[] {
  return DYNAMIC_SETTINGS.filter((t) => t.familyOrModelDisplayName === family);
}

/** The catalogue's tag of a family, or a 400 naming what is wrong. */
export function catalogueTag(family: string, tag: string, level: TagLevel): CatalogueTag {
  const found = DYNAMIC_SETTINGS.find((t) => t.familyOrModelDisplayName === family && t.tag === tag);
  if (!found) throw badRequest(`${tag} is not a setting of the ${family} family.`);
  if (!found.level.includes(level)) throw badRequest(`${tag} of the ${family} family cannot be set at the ${level} level (only ${found.level.join(', ')}).`);
  return found;
}

/** Checks a value against the tag's validation rule (a 400 naming the rule otherwise). */
export function checkValue(tag: CatalogueTag, value: string | undefined): string {
  const rule = tag.validationRule;
  if (value === undefined) throw badRequest(`${tag.tag}: a value is required to SET it.`);
  const wrong = (why: string) => badRequest(`${tag.tag}: ${JSON.stringify(value)} is not valid: ${why}.`);
  if (rule.type === 'int') {
    const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n)) throw wrong('a whole number is expected');
    if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) throw wrong(`it must lie between ${rule.min} and ${rule.max}`);
    if (rule.increment && (n - (rule.min ?? 0)) % rule.increment !== 0) throw wrong(`it moves in steps of ${rule.increment}`);
  } else if (rule.values && !rule.values.includes(value)) {
    throw wrong(`one of ${rule.values.join(', ')} is expected`);
  } else if (rule.type === 'string') {
    if (rule.maxLength !== undefined && value.length > rule.maxLength) throw wrong(`at most ${rule.maxLength} characters`);
    if (rule.regex && !new RegExp(`^(?:${rule.regex})$`).test(value)) throw wrong(rule.validationHint ?? `it must match ${rule.regex}`);
  }
  return value;
}
