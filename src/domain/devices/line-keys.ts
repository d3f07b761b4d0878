import type { StoredDeviceMember } from '../../store/devices-store.ts';
import { badRequest } from '../errors.ts';
import type { DeviceModel } from './device-models.ts';

// Programmable line keys of a phone model: which key does what, in a line key template or a
// device's own layout. Key 1 is always the owner's primary line; speed dials need a label and a
// number, extension or SIP URI; shared lines point at a line on the device by its index.

export const LINE_KEY_TYPES = ['PRIMARY_LINE', 'SHARED_LINE', 'MONITOR', 'CALL_PARK_EXTENSION', 'SPEED_DIAL', 'OPEN', 'CLOSED', 'MODE_MANAGEMENT'] as const;
export type LineKeyType = (typeof LINE_KEY_TYPES)[number];
export type LineKey = { lineKeyIndex: number; lineKeyType: LineKeyType; lineKeyLabel?: string; lineKeyValue?: string; sharedLineIndex: number };
/** A key as a request gives it: sharedLineIndex applies to shared lines only (0 when absent). */
export type LineKeyInput = Omit<LineKey, 'sharedLineIndex'> & { sharedLineIndex?: number };

/** A speed dial's value: a number (digits, optionally with +), an extension, or user@host. */
const SPEED_DIAL_VALUE = /^(\+?\d{2,20}|[A-Za-z0-9\-_.+]+@[A-Za-z0-9\-_.+]+)$/;
const MAX_LABEL = 30;

/** The model, when its keys can be laid out (it has line keys). */
export function checkLayoutModel(model: DeviceModel | undefined, name: string): DeviceModel {
  if (!model || model.numberOfLineKeyButtons === 0) throw badRequest(`The line keys of ${name} cannot be configured.`);
  return model;
}

/** The keys in index order, checked against the model; keys not given are OPEN. */
export function checkLineKeys(model: DeviceModel, given: readonly LineKeyInput[]): LineKey[] {
  const keys = given.map((k): LineKey => ({ ...k, sharedLineIndex: k.sharedLineIndex ?? 0 }));
  const max = model.numberOfLineKeyButtons;
  const seen = new Set<number>();
  for (const key of keys) {
    if (!Number.isInteger(key.lineKeyIndex) || key.lineKeyIndex < 1 || key.lineKeyIndex > max) throw badRequest(`lineKeyIndex ${key.lineKeyIndex}: a ${model.displayName} has line keys 1 to ${max}.`);
    if (seen.has(key.lineKeyIndex)) throw badRequest(`lineKeyIndex ${key.lineKeyIndex} is given twice.`);
    seen.add(key.lineKeyIndex);
    if ((key.lineKeyIndex === 1) !== (key.lineKeyType === 'PRIMARY_LINE')) throw badRequest('Line key 1, and only line key 1, is the PRIMARY_LINE.');
    if (key.lineKeyType === 'SPEED_DIAL') {
      if (!key.lineKeyLabel?.trim() || key.lineKeyLabel.length > MAX_LABEL) throw badRequest(`A SPEED_DIAL key needs a lineKeyLabel of 1 to ${MAX_LABEL} characters.`);
      if (!key.lineKeyValue || !SPEED_DIAL_VALUE.test(key.lineKeyValue)) throw badRequest(`lineKeyValue "${key.lineKeyValue ?? ''}" is not a phone number, extension or SIP URI (user@host).`);
    }
    if (!Number.isInteger(key.sharedLineIndex) || key.sharedLineIndex < 0) throw badRequest('sharedLineIndex is a whole number from 0.');
  }
  const out: LineKey[] = [];
  for (let index = 1; index <= max; index++) {
    const key = keys.find((k) => k.lineKeyIndex === index);
    out.push(key ? stripped(key) : { lineKeyIndex: index, lineKeyType: index === 1 ? 'PRIMARY_LINE' : 'OPEN', sharedLineIndex: 0 });
  }
  return out;
}

/** Labels and values are kept for speed dials only (the description: "applicable only when SPEED_DIAL"). */
function stripped(key: LineKey): LineKey {
  const base = { lineKeyIndex: key.lineKeyIndex, lineKeyType: key.lineKeyType, sharedLineIndex: key.sharedLineIndex };
  return key.lineKeyType === 'SPEED_DIAL' ? { ...base, lineKeyLabel: key.lineKeyLabel!, lineKeyValue: key.lineKeyValue! } : base;
}

/** The model's factory layout for a device's lines: the primary line, then each shared line, then open keys. */
export function defaultLineKeys(model: DeviceModel, members: readonly StoredDeviceMember[]): LineKey[] {
  const shared = members.filter((m) => !m.line.primaryOwner);
  return Array.from({ length: model.numberOfLineKeyButtons }, (_, i): LineKey => {
    if (i === 0) return { lineKeyIndex: 1, lineKeyType: 'PRIMARY_LINE', sharedLineIndex: 0 };
    return i <= shared.length ? { lineKeyIndex: i + 1, lineKeyType: 'SHARED_LINE', sharedLineIndex: i } : { lineKeyIndex: i + 1, lineKeyType: 'OPEN', sharedLineIndex: 0 };
  });
}
