import { badRequest } from '../errors.ts';
import type { SettingDocument } from '../settings/setting-documents.ts';
import type { StoredDevice } from '../../store/devices-store.ts';
import { findModel } from './device-models.ts';

// The documents of Device Call Settings' customizations: one per family of phones (ATA, DECT,
// MPP), Webex's defaults for an organization that never changed them, and the rules Webex's
// descriptions state beyond the request schema.

export type DeviceFamily = 'ata' | 'dect' | 'mpp';
export const DEVICE_FAMILIES: readonly DeviceFamily[] = ['ata', 'dect', 'mpp'];
export type Customizations = Partial<Record<DeviceFamily, SettingDocument>>;

/** The settings document's key in owner settings, for an organization, a location and a device. */
export const DEVICE_SETTINGS_KEY = 'deviceSettings';

const regional = (primary: string, secondary: string, tertiary: string) => ({ selection: 'REGIONAL', primary, secondary, tertiary });

/** Webex's defaults, as its document's examples show an organization's settings. */
export const DEVICE_DEFAULTS: Record<DeviceFamily, SettingDocument> = {
  ata: {
    audioCodecPriority: regional('G711u', 'G711a', 'G729a'),
    ataDtmfMode: 'NORMAL',
    ataDtmfMethod: 'AUTO',
    cdpEnabled: true,
    lldpEnabled: true,
    qosEnabled: true,
    vlan: { enabled: false, value: 1 },
    webAccessEnabled: false,
    nightlyResyncEnabled: true,
    snmp: { enabled: false, trustedIP: '0.0.0.0/0.0.0.0', getCommunity: 'public', setCommunity: 'private', snmpV3Enabled: false },
  },
  dect: {
    audioCodecPriority: regional('G729', 'G711u', 'G711a'),
    cdpEnabled: true,
    dect6825HandsetEmergencyNumber: '',
    lldpEnabled: true,
    multicast: '',
    qosEnabled: true,
    vlan: { enabled: false, value: 0 },
    webAccessEnabled: true,
    nightlyResyncEnabled: true,
  },
  mpp: {
    pnacEnabled: false,
    audioCodecPriority: regional('OPUS', 'G722', 'G711u'),
    backlightTimer: 'THIRTY_MIN',
    background: { image: 'NONE', customUrl: '' },
    displayNameFormat: 'PERSON_FIRST_THEN_LAST_NAME',
    cdpEnabled: true,
    defaultLoggingLevel: 'STANDARD',
    dndServicesEnabled: true,
    acd: { enabled: false, displayCallqueueAgentSoftkeys: 'FRONT_PAGE' },
    shortInterdigitTimer: 3,
    longInterdigitTimer: 10,
    lineKeyLabelFormat: 'PERSON_EXTENSION',
    lineKeyLEDPattern: 'DEFAULT',
    lldpEnabled: true,
    mppUserWebAccessEnabled: false,
    multicast: [],
    enhancedMulticast: { multicastList: [] },
    offHookTimer: 30,
    phoneLanguage: 'PERSON_LANGUAGE',
    poeMode: 'NORMAL',
    qosEnabled: true,
    screenTimeout: { enabled: false, value: 400 },
  },
};

/**
 * The family whose settings a device takes at the device level: Webex keeps device-level
 * settings for MPP phones and ATAs only (DECT networks and third-party phones have none).
 */
export function familyOf(device: StoredDevice): DeviceFamily | undefined {
  const type = findModel(device.model)?.type;
  return type === 'MPP' ? 'mpp' : type === 'ATA' ? 'ata' : undefined;
}

/** Webex: up to 10 multicast groups, each listening on its own port. */
const MAX_MULTICAST = 10;

function checkPorts(what: string, hostsAndPorts: readonly string[]): void {
  if (hostsAndPorts.length > MAX_MULTICAST) throw badRequest(`${what}: at most ${MAX_MULTICAST} multicast groups.`);
  const ports = new Set<string>();
  for (const entry of hostsAndPorts) {
    const port = /^[^:]+:(\d{1,5})$/.exec(entry)?.[1];
    if (port === undefined) throw badRequest(`${what}: ${entry} is not a host:port.`);
    if (ports.has(port)) throw badRequest(`${what}: each multicast group needs its own listening port (${port} is used twice).`);
    ports.add(port);
  }
}

function checkCodecs(family: string, codecs: SettingDocument | undefined): void {
  if (!codecs || codecs.selection !== 'CUSTOM') return;
  const chosen = [codecs.primary, codecs.secondary, codecs.tertiary];
  if (new Set(chosen).size !== chosen.length) throw badRequest(`${family}.audioCodecPriority: the primary, secondary and tertiary codecs must differ.`);
}

/** The rules of the descriptions for one family's document (the whole document after a change). */
export function checkCustomizations(customizations: Customizations): void {
  for (const family of DEVICE_FAMILIES) {
    const doc = customizations[family];
    if (!doc) continue;
    checkCodecs(family, doc.audioCodecPriority as SettingDocument | undefined);
    if (family !== 'mpp') continue;
    const background = doc.background as { image?: string; customUrl?: string } | undefined;
    if (background?.image === 'CUSTOM_BACKGROUND' && !background.customUrl) throw badRequest('mpp.background: a CUSTOM_BACKGROUND image needs its customUrl.');
    if (Array.isArray(doc.multicast)) checkPorts('mpp.multicast', doc.multicast as string[]);
    const enhanced = doc.enhancedMulticast as { multicastList?: { hostAndPort: string }[] } | undefined;
    if (enhanced?.multicastList) checkPorts('mpp.enhancedMulticast', enhanced.multicastList.map((m) => m.hostAndPort));
    const short = doc.shortInterdigitTimer as number;
    const long = doc.longInterdigitTimer as number;
    if (typeof short === 'number' && typeof long === 'number' && short > long) throw badRequest('mpp: shortInterdigitTimer cannot be longer than longInterdigitTimer.');
  }
}
