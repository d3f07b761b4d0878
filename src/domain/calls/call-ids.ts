import { randomInt, randomUUID } from 'node:crypto';
import { decodeIdValue, encodeId, isUuid } from '../webex-ids.ts';

// Call IDs are Webex's `ciscospark://us/CALL/callhalf-<digits>:0`; call session IDs are the
// base64 of a bare uuid, as captured from the real service.

export const newCallId = (): string => `callhalf-${randomInt(100_000_000_000, 999_999_999_999)}:0`;
export const newSessionId = (): string => randomUUID();

export const encodeCallId = (raw: string): string => encodeId('CALL', raw);

export function decodeCallId(publicId: string): string | undefined {
  const raw = decodeIdValue(publicId, 'CALL');
  return raw !== undefined && /^callhalf-\d+:\d+$/.test(raw) ? raw : undefined;
}

export const encodeSessionId = (uuid: string): string => Buffer.from(uuid).toString('base64url');

export function decodeSessionId(publicId: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(publicId)) return undefined;
  const uuid = Buffer.from(publicId.replace(/=+$/, ''), 'base64url').toString('utf8');
  return isUuid(uuid) ? uuid : undefined;
}
