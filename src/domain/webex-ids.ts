// Public IDs look like Webex IDs: unpadded base64url of `ciscospark://us/<TYPE>/<value>`.
// The store keeps the value (a uuid for most types). Decoding accepts padded input and the
// standard base64 alphabet too, and answers undefined for anything that is not an ID of the
// expected type, so callers can turn it into their own 400 or 404.

export type WebexIdType =
  | 'PEOPLE'
  | 'ORGANIZATION'
  | 'LOCATION'
  | 'LICENSE'
  | 'ROLE'
  | 'WEBHOOK'
  | 'APPLICATION'
  | 'AUTHORIZATION'
  | 'CALL'
  | 'JOB_ID'
  | 'TRUNK'
  | 'ROUTE_GROUP'
  | 'DIAL_PLAN'
  | 'PLACE'
  | 'ANNOUNCEMENT'
  | 'SCIM_GROUP'
  | 'SCHEDULE'
  | 'SCHEDULE_EVENT'
  | 'HUNT_GROUP'
  | 'CALL_FORWARDING_SELECTIVE_RULE'
  | 'CRITERIA'
  | 'PHONE_NUMBER'
  | 'MESSAGE'
  | 'VOICEMAIL_GROUP'
  | 'CALL_QUEUE'
  | 'DNIS'
  | 'PLAYLIST'
  | 'WRAPUP_REASON'
  | 'AUTO_ATTENDANT'
  | 'VIRTUAL_EXTENSION'
  | 'VIRTUAL_EXTENSION_RANGE'
  | 'OPERATING_MODE'
  | 'OPERATING_MODE_HOLIDAY'
  | 'CALL_PARK'
  | 'CALL_PARK_EXTENSION'
  | 'CALL_PICKUP'
  | 'PAGING_GROUP'
  | 'VIRTUAL_LINE'
  | 'REPORT'
  | 'WORKSPACE_LOCATION_FLOOR'
  | 'USER_SCHEDULE'
  | 'CALLING_DEVICE'
  | 'DEVICE'
  | 'DECT_NETWORK'
  | 'DECT_BASE_STATION'
  | 'DECT_HANDSET'
  | 'LINE_KEY_TEMPLATE'
  | 'TRANSLATION_PATTERN'
  | 'RECORDING_VENDOR'
  | 'PSTN_CONNECTION'
  | 'EMERGENCY_ADDRESS'
  | 'ROUTE_LIST'
  | 'AI_RECEPTIONIST'
  | 'INTENT'
  | 'AI_AGENT'
  | 'KNOWLEDGE_BASE'
  | 'KB_DOCUMENT'
  | 'TEMPLATE'
  | 'RESOURCE_GROUP'
  | 'TEXT_TO_SPEECH'
  | 'HOTDESK_SESSION';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREFIX = 'ciscospark://';

export function encodeId(type: WebexIdType, value: string): string {
  return Buffer.from(`${PREFIX}us/${type}/${value}`).toString('base64url');
}

/** The raw value of an ID of the given type, or undefined. */
export function decodeIdValue(id: string, type: WebexIdType): string | undefined {
  if (id.length === 0 || id.length > 512 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(id)) return undefined;
  const text = Buffer.from(id.replace(/=+$/, ''), 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return undefined;
  // ciscospark://<cluster>/<TYPE>/<value>; the cluster may itself hold colons (urn:TEAM:...).
  const rest = text.slice(PREFIX.length);
  const marker = `/${type}/`;
  const at = rest.indexOf(marker);
  if (at <= 0 || rest.slice(0, at).includes('/')) return undefined;
  const value = rest.slice(at + marker.length);
  return value === '' ? undefined : value;
}

/** The uuid inside an ID of the given type, or undefined. */
export function decodeId(id: string, type: WebexIdType): string | undefined {
  const value = decodeIdValue(id, type)?.toLowerCase();
  return value !== undefined && UUID.test(value) ? value : undefined;
}

export const isUuid = (value: string): boolean => UUID.test(value);

// License IDs carry the organization and the license type: `<orgUuid>:<CODE>_<licenseUuid>`.
export function encodeLicenseId(orgId: string, code: string, licenseId: string): string {
  return encodeId('LICENSE', `${orgId}:${code}_${licenseId}`);
}

export function decodeLicenseId(id: string): string | undefined {
  const value = decodeIdValue(id, 'LICENSE');
  const match = value && /^[0-9a-f-]{36}:[A-Z0-9]+_([0-9a-f-]{36})$/i.exec(value);
  const uuid = match ? match[1]!.toLowerCase() : undefined;
  return uuid && UUID.test(uuid) ? uuid : undefined;
}
