import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { TrunkType } from '../../store/call-routing-store.ts';

// Rules of premises PSTN trunks that need no store.

/** The device types Webex offers per trunk type; the first is the default. */
export const DEVICE_TYPES: Record<TrunkType, readonly [string, ...string[]]> = {
  REGISTERING: ['Cisco Unified Border Element'],
  CERTIFICATE_BASED: [
    'Cisco Unified Border Element',
    'Oracle ACME Session Border Controller',
    'AudioCodes Session Border Controller',
    'Ribbon Session Border Controller',
  ],
};

/**
 * The concurrent calls Webex allows per device type (Read the List of Trunk Types): Callplane uses
 * Cisco's documented range for every device type. A trunk created without maxConcurrentCalls (a
 * registering one may leave it out) is presented with the maximum.
 */
export const CONCURRENT_CALLS = { minConcurrentCalls: 250, maxConcurrentCalls: 1000 } as const;

/**
 * The port of a registering trunk. Only certificate-based trunks are given one; a local gateway
 * registers over SIP TLS, whose port Webex reports for it.
 */
export const REGISTERING_TRUNK_PORT = 5061;

/** Every trunk type with its device types, as Read the List of Trunk Types answers. */
export const trunkTypes = () =>
  (Object.keys(DEVICE_TYPES) as TrunkType[]).map((trunkType) => ({
    trunkType,
    deviceTypes: DEVICE_TYPES[trunkType].map((deviceType) => ({ deviceType, ...CONCURRENT_CALLS })),
  }));

/**
 * The SIP domain Webex Calling gives an organization, which a registering local gateway
 * registers to. Callplane makes one up from the organization's uuid (the .example domain is
 * reserved, so it never resolves to a real host).
 */
export const organizationSipDomain = (orgId: string): string => `${orgId.replace(/-/g, '').slice(0, 8)}.bcld.callplane.example`;

export type TrunkIdentities = {
  otgDtgId: string;
  linePort: string;
  pilotUserId: string | null;
  sipAuthenticationUserName: string | null;
};

/**
 * The identities Webex assigns a trunk when it is created, and keeps when the trunk is renamed:
 * the outgoing/destination trunk group (`<name>_<digits>_lgu`), the line/port at the SIP domain
 * (the organization's for a registering trunk, the trunk's own for a certificate-based one), and
 * for a registering trunk the pilot user and SIP user name the local gateway registers with.
 */
export function trunkIdentities(name: string, trunkType: TrunkType, domain: string, digits = String(randomInt(10000, 100000))): TrunkIdentities {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 20) || 'trunk';
  const base = `${slug}_${digits}`;
  const user = `${base}_LGU`;
  if (trunkType === 'REGISTERING') {
    return { otgDtgId: `${base}_lgu`, linePort: `${user}@${domain}`, pilotUserId: `${user}@${domain}`, sipAuthenticationUserName: user };
  }
  return { otgDtgId: `${base}_lgu`, linePort: `${user}@${domain}`, pilotUserId: null, sipAuthenticationUserName: null };
}

/** A trunk's SIP password, salted and hashed: the store never holds it, no answer returns it. */
export function hashTrunkPassword(password: string): string {
  const salt = randomBytes(12).toString('hex');
  return `${salt}:${createHash('sha256').update(salt + password).digest('hex')}`;
}

/** An FQDN or an SRV name (`_sips._tcp.sbc.example.com`): two or more labels of letters, digits, - and _. */
export function isHostName(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  return labels.length >= 2 && labels.every((label) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
}
