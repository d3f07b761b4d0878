import { badRequest, conflict, notFound } from '../errors.ts';
import { DEFAULT_TRANSPARENCY_MESSAGE, enginesFor, VOICES } from './ai-receptionist-catalogue.ts';
import { RING_PATTERNS, type AiAgent, type AiReceptionistSettings, type Voice } from './ai-receptionist-types.ts';

// Webex's rules for an AI receptionist's own fields, without storage.

export const aiReceptionistNotFound = () => notFound('AI Receptionist not found.');
export const intentNotFound = () => notFound('AI Receptionist intent not found.');
export const templateNotFound = () => notFound('AI Receptionist template not found.');
export const aiReceptionistNameInUse = (name: string) => conflict(`An AI Receptionist named "${name}" already exists in this location.`);
export const intentNameInUse = (name: string) => conflict(`An intent named "${name}" already exists for this AI Receptionist.`);
export const numberOrExtensionRequired = () => badRequest('Either phoneNumber or extension is mandatory. At least one is required.');
export const countryNotSupported = (country: string) => badRequest(`AI Receptionist is not supported in country ${country}.`);
export const tooManyAiReceptionists = (max: number) => conflict(`The organization already has the maximum of ${max} AI Receptionists.`);

/** How many receptionists an organization may have: the document states a limit without its number. */
export const MAX_PER_ORGANIZATION = 100;

const text = (value: unknown, field: string, max: number): string => {
  if (typeof value !== 'string') throw badRequest(`${field} must be a string.`);
  if (value.length > max) throw badRequest(`${field} holds at most ${max} characters.`);
  return value;
};

export function checkName(value: unknown, field = 'name'): string {
  const name = text(value, field, 128).trim();
  if (name.length === 0) throw badRequest(`${field} must hold 1 to 128 characters.`);
  return name;
}

/** Characters of %, +, \, " and Unicode characters are not allowed (the document). */
export function checkDialByName(value: unknown): string {
  const name = text(value, 'dialByName', 128);
  if (/[%+\\"]|[^\x20-\x7e]/.test(name)) throw badRequest('dialByName: the characters %, +, \\, " and Unicode characters are not allowed.');
  return name;
}

export function checkDirectLineCallerIdName(input: unknown, current?: AiReceptionistSettings['directLineCallerIdName']): AiReceptionistSettings['directLineCallerIdName'] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw badRequest('directLineCallerIdName must be an object.');
  const given = input as { directLineCallerIdNameSelection?: unknown; customName?: unknown };
  const selection = given.directLineCallerIdNameSelection ?? current?.directLineCallerIdNameSelection ?? 'DISPLAY_NAME';
  if (selection !== 'DISPLAY_NAME' && selection !== 'CUSTOM_NAME') throw badRequest('directLineCallerIdName.directLineCallerIdNameSelection must be DISPLAY_NAME or CUSTOM_NAME.');
  const customName = given.customName !== undefined ? text(given.customName, 'directLineCallerIdName.customName', 40) : current?.customName;
  if (selection === 'CUSTOM_NAME' && !customName) throw badRequest('directLineCallerIdName.customName is required with CUSTOM_NAME.');
  return { directLineCallerIdNameSelection: selection, ...(customName !== undefined ? { customName } : {}) };
}

export const asObject = (value: unknown, field: string): Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${field} must be an object.`);
  return value as Record<string, unknown>;
};

/** A voice of the catalogue that the location's country may use (PRO_US: United States only). */
export function checkVoice(input: unknown, country: string): Voice {
  const v = asObject(input, 'aiAgent.voice');
  const engines = enginesFor(country);
  if (!engines.includes(v.aiEngine as Voice['aiEngine'])) throw badRequest(`aiAgent.voice.aiEngine must be one of ${engines.join(', ')} in this location's country (${country}).`);
  const found = VOICES.find((x) => x.aiEngine === v.aiEngine && x.displayName === v.displayName);
  if (!found) throw badRequest(`aiAgent.voice.displayName "${String(v.displayName)}" is not a voice of the ${String(v.aiEngine)} engine.`);
  const { aiEngine, displayName, language, languageCode } = found;
  return { aiEngine, displayName, language, languageCode };
}

/** The combined length of goal and guideline must not exceed 5096 characters. */
export function checkGuidelines(input: unknown, current: AiAgent['guidelines']): AiAgent['guidelines'] {
  const g = asObject(input, 'aiAgent.guidelines');
  const next = { ...current };
  for (const key of ['goal', 'welcomeMessage', 'guideline'] as const) if (g[key] !== undefined) next[key] = text(g[key], `aiAgent.guidelines.${key}`, 5096);
  if ((next.goal?.length ?? 0) + (next.guideline?.length ?? 0) > 5096) throw badRequest('aiAgent.guidelines: goal and guideline together hold at most 5096 characters.');
  return next;
}

export function checkTransparency(input: unknown, current: AiAgent['transparencySettings'] | undefined): AiAgent['transparencySettings'] {
  const t = asObject(input, 'aiAgent.transparencySettings');
  const enabled = t.enabled ?? current?.enabled ?? true;
  if (typeof enabled !== 'boolean') throw badRequest('aiAgent.transparencySettings.enabled must be true or false.');
  const message = t.message !== undefined ? text(t.message, 'aiAgent.transparencySettings.message', 1024) : (current?.message ?? DEFAULT_TRANSPARENCY_MESSAGE);
  const disableReason = t.disableReason !== undefined ? text(t.disableReason, 'aiAgent.transparencySettings.disableReason', 1024) : current?.disableReason;
  return { enabled, message, ...(disableReason !== undefined ? { disableReason } : {}) };
}

export function checkRingPattern(value: string): (typeof RING_PATTERNS)[number] {
  if (!(RING_PATTERNS as readonly string[]).includes(value)) throw badRequest(`alternateNumbers.ringPattern must be one of ${RING_PATTERNS.join(', ')}.`);
  return value as (typeof RING_PATTERNS)[number];
}
