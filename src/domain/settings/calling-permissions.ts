import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../errors.ts';
import type { SettingDocument } from './setting-documents.ts';

// The documents of outgoing calling permissions, shared by a person and a location (Webex serves
// the same shapes on both): the action per call type, access codes, auto transfer numbers and
// digit patterns. Only the document rules live here; how a call is classified and what an
// action does to it is domain/calls/call-permissions.ts.

export const CALL_TYPES = [
  'INTERNAL_CALL',
  'TOLL_FREE',
  'INTERNATIONAL',
  'OPERATOR_ASSISTED',
  'CHARGEABLE_DIRECTORY_ASSISTED',
  'SPECIAL_SERVICES_I',
  'SPECIAL_SERVICES_II',
  'PREMIUM_SERVICES_I',
  'PREMIUM_SERVICES_II',
  'NATIONAL',
] as const;
export type CallTypeName = (typeof CALL_TYPES)[number];

export const PERMISSION_ACTIONS = ['ALLOW', 'BLOCK', 'AUTH_CODE', 'TRANSFER_NUMBER_1', 'TRANSFER_NUMBER_2', 'TRANSFER_NUMBER_3'] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

export type CallingPermission = { callType: CallTypeName; action: PermissionAction; transferEnabled: boolean };

/**
 * Webex's defaults for a new location or user: everything allowed but international and premium
 * calls (wxc_sdk's recorded answers); restrictions apply to transferred and forwarded calls too.
 */
const BLOCKED_BY_DEFAULT: ReadonlySet<CallTypeName> = new Set(['INTERNATIONAL', 'PREMIUM_SERVICES_I', 'PREMIUM_SERVICES_II']);
export const DEFAULT_CALLING_PERMISSIONS: CallingPermission[] = CALL_TYPES.map((callType) => ({
  callType,
  action: BLOCKED_BY_DEFAULT.has(callType) ? 'BLOCK' : 'ALLOW',
  transferEnabled: true,
}));

/** Webex computes isCallTypeRestrictionEnabled on read: every call type can be restricted here. */
export const withRestrictionFlag = (permissions: unknown) =>
  (permissions as CallingPermission[]).map((p) => ({ ...p, isCallTypeRestrictionEnabled: true }));

/**
 * A PUT's callingPermissions change only the call types it lists (Webex keeps the others); a
 * call type listed twice, or an action that needs an access code or transfer number the owner has
 * none of, is refused.
 */
export function mergeCallingPermissions(current: unknown, update: unknown): CallingPermission[] {
  const merged = new Map(((current as CallingPermission[] | undefined) ?? DEFAULT_CALLING_PERMISSIONS).map((p) => [p.callType, p]));
  const seen = new Set<string>();
  for (const entry of (update as Partial<CallingPermission>[] | undefined) ?? []) {
    if (!entry.callType) throw badRequest('callingPermissions: every entry needs a callType.');
    if (seen.has(entry.callType)) throw badRequest(`callingPermissions lists ${entry.callType} twice.`);
    seen.add(entry.callType);
    const before = merged.get(entry.callType)!;
    merged.set(entry.callType, { callType: entry.callType, action: entry.action ?? before.action, transferEnabled: entry.transferEnabled ?? before.transferEnabled });
  }
  return CALL_TYPES.map((t) => merged.get(t)!);
}

// ---- Access codes: a caller who is asked for one (action AUTH_CODE) gets through with it.

export type AccessCode = { code: string; description: string };

const ACCESS_CODE = /^\d{2,6}$/;

export function addAccessCodes(doc: SettingDocument, codes: AccessCode[]): SettingDocument {
  const current = (doc.accessCodes as AccessCode[] | undefined) ?? [];
  const next = [...current];
  for (const { code, description } of codes) {
    if (!ACCESS_CODE.test(code)) throw badRequest(`Access code "${code}" must be 2 to 6 digits.`);
    if (!description || description.length > 80) throw badRequest('An access code needs a description of at most 80 characters.');
    if (next.some((c) => c.code === code)) throw badRequest(`Access code ${code} already exists.`, 25165);
    next.push({ code, description });
  }
  return { accessCodes: next };
}

export function deleteAccessCodes(doc: SettingDocument, codes: string[] | undefined): SettingDocument {
  const remove = new Set(codes ?? []);
  return { accessCodes: ((doc.accessCodes as AccessCode[] | undefined) ?? []).filter((c) => !remove.has(c.code)) };
}

// ---- Auto transfer numbers: where TRANSFER_NUMBER_1..3 send a call.

export const TRANSFER_KEYS = ['autoTransferNumber1', 'autoTransferNumber2', 'autoTransferNumber3'] as const;

export function checkTransferNumbers(doc: SettingDocument): void {
  for (const key of TRANSFER_KEYS) {
    const value = doc[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !/^\+?[\d*#]{2,30}$/.test(value.replace(/[\s().-]/g, ''))) throw badRequest(`${key} "${String(value)}" is not a number.`);
  }
}

// ---- Digit patterns: a dialled number matching one gets its action before any call type.

export type DigitPattern = { id: string; name: string; pattern: string; action: PermissionAction; transferEnabled: boolean };

/** Digits, with X for any digit and a trailing ! for any number of digits (Webex's dial plan syntax). */
const PATTERN = /^\+?[\d*#X]{1,80}!?$/;

export function checkDigitPattern(pattern: Partial<DigitPattern>): void {
  if (pattern.name !== undefined && (pattern.name.trim() === '' || pattern.name.length > 80)) throw badRequest('A digit pattern name is 1 to 80 characters.');
  if (pattern.pattern !== undefined && !PATTERN.test(pattern.pattern)) {
    throw badRequest(`Digit pattern "${pattern.pattern}" may hold only digits, *, #, X (any digit) and a final ! (any digits).`);
  }
}

/** Does a dialled number match a digit pattern? */
export function matchesPattern(pattern: string, dialled: string): boolean {
  const open = pattern.endsWith('!');
  const body = open ? pattern.slice(0, -1) : pattern;
  if (open ? dialled.length < body.length : dialled.length !== body.length) return false;
  for (let i = 0; i < body.length; i++) if (body[i] !== 'X' && body[i] !== dialled[i]) return false;
  return true;
}

export const digitPatternNotFound = () => notFound('Digit pattern not found.');

export function addDigitPattern(doc: SettingDocument, input: Omit<DigitPattern, 'id'>): { doc: SettingDocument; id: string } {
  checkDigitPattern(input);
  const patterns = (doc.digitPatterns as DigitPattern[] | undefined) ?? [];
  if (patterns.some((p) => p.name === input.name)) throw badRequest(`A digit pattern named "${input.name}" already exists.`);
  const id = randomUUID();
  return { doc: { digitPatterns: [...patterns, { id, name: input.name, pattern: input.pattern, action: input.action, transferEnabled: input.transferEnabled }] }, id };
}

export function changeDigitPattern(doc: SettingDocument, id: string, change: Partial<Omit<DigitPattern, 'id'>>): SettingDocument {
  checkDigitPattern(change);
  const patterns = (doc.digitPatterns as DigitPattern[] | undefined) ?? [];
  const found = patterns.find((p) => p.id === id);
  if (!found) throw digitPatternNotFound();
  if (change.name !== undefined && patterns.some((p) => p.id !== id && p.name === change.name)) throw badRequest(`A digit pattern named "${change.name}" already exists.`);
  const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  return { digitPatterns: patterns.map((p) => (p.id === id ? { ...p, ...defined } : p)) };
}

export function removeDigitPattern(doc: SettingDocument, id: string | undefined): SettingDocument {
  const patterns = (doc.digitPatterns as DigitPattern[] | undefined) ?? [];
  if (id !== undefined && !patterns.some((p) => p.id === id)) throw digitPatternNotFound();
  return { digitPatterns: id === undefined ? [] : patterns.filter((p) => p.id !== id) };
}

export function digitPatternOf(doc: SettingDocument, id: string): DigitPattern {
  const found = ((doc.digitPatterns as DigitPattern[] | undefined) ?? []).find((p) => p.id === id);
  if (!found) throw digitPatternNotFound();
  return found;
}
