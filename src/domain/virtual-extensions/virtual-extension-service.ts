import { randomUUID } from 'node:crypto';
import type { Location, Page, Store } from '../../store/store.ts';
import type { StoredExtensionRange, StoredVirtualExtension } from '../../store/virtual-extensions-store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { isValidExtension, looseE164 } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { extensionHeld } from '../auto-attendants/auto-attendant-service.ts';

// Virtual extensions: an extension of the organization (or of one location) that reaches an
// external number, for people outside Webex Calling; and ranges of them, a prefix and extension
// patterns (X for any digit), where a dialled extension matching a pattern reaches prefix +
// extension. Extensions are checked against the location's people and features.

export type VirtualExtensionInput = { firstName?: string; lastName?: string; displayName?: string; phoneNumber?: string; extension?: string; locationId?: string };
export type RangeInput = { name?: string; prefix?: string; patterns?: string[]; locationId?: string; action?: 'ADD' | 'REMOVE' | 'REPLACE' };
export type ListQuery = { locationId?: string; orgLevelOnly?: boolean; extension?: string; phoneNumber?: string; name?: string; locationName?: string; start: number; max: number };
export type RangeListQuery = { locationId?: string; orgLevelOnly?: boolean; name?: string; prefix?: string; start: number; max: number };

export const virtualExtensionNotFound = () => notFound('Virtual extension not found.');
export const rangeNotFound = () => notFound('Virtual extension range not found.');

const MAX_PATTERNS = 100;

/** An external number: E.164 (a national US number is read as +1). */
export function checkExternalNumber(value: string, field = 'phoneNumber'): string {
  const e164 = value.startsWith('+') ? value.replace(/[\s().-]/g, '') : looseE164(value);
  if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) throw badRequest(`${field} "${value}" is not a phone number in E.164 format.`);
  return e164;
}

/** Why a range prefix or pattern is refused, or undefined. */
export function patternProblem(pattern: string): string | undefined {
  if (!/^\d[\dX]{1,9}$/i.test(pattern)) return `Pattern "${pattern}" must be 2 to 10 characters, digits and X (any digit), starting with a digit.`;
  return undefined;
}
export const prefixProblem = (prefix: string): string | undefined => (/^\+[1-9]\d{1,13}$/.test(prefix) ? undefined : `Prefix "${prefix}" must be + and 2 to 14 digits.`);

/** Does an extension dialled match a pattern (X for any digit, same length)? */
export const matchesPattern = (pattern: string, digits: string): boolean =>
  pattern.length === digits.length && [...pattern.toUpperCase()].every((c, i) => c === 'X' || c === digits[i]);

function checkName(value: string | undefined, field: string, max: number): string {
  const name = (value ?? '').trim();
  if (name.length < 1 || name.length > max) throw badRequest(`${field} must hold 1 to ${max} characters.`);
  return name;
}

export class VirtualExtensionService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: ListQuery): Promise<{ page: Page<StoredVirtualExtension, number>; locations: Map<string, Location> }> {
    const locationId = query.locationId !== undefined ? this.decodeLocation(query.locationId) : undefined;
    const page = await this.store.virtualExtensions.list(orgId, { ...query, locationId, phoneNumber: query.phoneNumber?.replace(/[^\d+]/g, '') });
    const locations = await this.locations(orgId, page.items.map((v) => v.locationId));
    if (query.locationName !== undefined) {
      const wanted = query.locationName.toLowerCase();
      page.items = page.items.filter((v) => v.locationId !== null && locations.get(v.locationId)?.name.toLowerCase().includes(wanted));
    }
    return { page, locations };
  }

  async create(orgId: string, input: VirtualExtensionInput): Promise<StoredVirtualExtension> {
    return this.store.transaction(async (tx) => {
      const location = input.locationId !== undefined ? await findCallingLocation(tx, orgId, input.locationId) : null;
      const v: StoredVirtualExtension = {
        id: randomUUID(),
        orgId,
        locationId: location?.id ?? null,
        extension: '',
        phoneNumber: checkExternalNumber(input.phoneNumber ?? ''),
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        displayName: checkName(input.displayName, 'displayName', 64),
        created: timestamp(this.clock),
      };
      v.extension = await this.checkExtension(tx, v, input.extension ?? '');
      await tx.virtualExtensions.insert(v);
      return v;
    });
  }

  async get(orgId: string, publicId: string): Promise<{ extension: StoredVirtualExtension; location: Location | undefined }> {
    const extension = await this.find(this.store, orgId, publicId);
    return { extension, location: extension.locationId ? await this.store.locations.get(orgId, extension.locationId) : undefined };
  }

  async update(orgId: string, publicId: string, input: VirtualExtensionInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const v = { ...(await this.find(tx, orgId, publicId)) };
      if (input.firstName !== undefined) v.firstName = input.firstName;
      if (input.lastName !== undefined) v.lastName = input.lastName;
      if (input.displayName !== undefined) v.displayName = checkName(input.displayName, 'displayName', 64);
      if (input.phoneNumber !== undefined) v.phoneNumber = checkExternalNumber(input.phoneNumber);
      if (input.extension !== undefined && input.extension !== v.extension) v.extension = await this.checkExtension(tx, v, input.extension);
      await tx.virtualExtensions.update(v);
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => tx.virtualExtensions.delete(orgId, (await this.find(tx, orgId, publicId)).id));
  }

  /** OK when every number is an external number in E.164 that no one in the organization holds. */
  async validateNumbers(orgId: string, phoneNumbers: string[]): Promise<'OK' | 'ERRORS'> {
    if (phoneNumbers.length === 0) throw badRequest('phoneNumbers must name at least one number.');
    for (const value of phoneNumbers) {
      const e164 = value.startsWith('+') ? value : looseE164(value);
      if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) return 'ERRORS';
      const number = await this.store.numbers.get(e164);
      if (number && number.orgId === orgId) return 'ERRORS';
    }
    return 'OK';
  }

  async listRanges(orgId: string, query: RangeListQuery): Promise<{ page: Page<StoredExtensionRange, number>; locations: Map<string, Location> }> {
    const locationId = query.locationId !== undefined ? this.decodeLocation(query.locationId) : undefined;
    const page = await this.store.virtualExtensions.listRanges(orgId, { ...query, locationId });
    return { page, locations: await this.locations(orgId, page.items.map((r) => r.locationId)) };
  }

  async createRange(orgId: string, input: RangeInput): Promise<StoredExtensionRange> {
    return this.store.transaction(async (tx) => {
      const location = input.locationId !== undefined ? await findCallingLocation(tx, orgId, input.locationId) : null;
      const range: StoredExtensionRange = { id: randomUUID(), orgId, locationId: location?.id ?? null, name: checkName(input.name, 'name', 64), prefix: '', patterns: [], created: timestamp(this.clock) };
      range.prefix = checkPrefix(input.prefix ?? '');
      range.patterns = checkPatterns(input.patterns ?? []);
      await this.checkRangeName(tx, range);
      await tx.virtualExtensions.insertRange(range);
      return range;
    });
  }

  async getRange(orgId: string, publicId: string): Promise<{ range: StoredExtensionRange; location: Location | undefined }> {
    const range = await this.findRange(this.store, orgId, publicId);
    return { range, location: range.locationId ? await this.store.locations.get(orgId, range.locationId) : undefined };
  }

  /** Patterns: ADD to, REMOVE from or REPLACE (the default) the range's. */
  async updateRange(orgId: string, publicId: string, input: RangeInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const range = { ...(await this.findRange(tx, orgId, publicId)) };
      if (input.name !== undefined) {
        range.name = checkName(input.name, 'name', 64);
        await this.checkRangeName(tx, range);
      }
      if (input.prefix !== undefined) range.prefix = checkPrefix(input.prefix);
      if (input.patterns !== undefined) {
        const given = checkPatterns(input.patterns);
        const action = input.action ?? 'REPLACE';
        range.patterns =
          action === 'ADD' ? checkPatterns([...range.patterns, ...given.filter((p) => !range.patterns.includes(p))]) : action === 'REMOVE' ? range.patterns.filter((p) => !given.includes(p)) : given;
      }
      await tx.virtualExtensions.updateRange(range);
    });
  }

  async deleteRange(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => tx.virtualExtensions.deleteRange(orgId, (await this.findRange(tx, orgId, publicId)).id));
  }

  /** Checks a range before it is created or changed: each problem as Webex reports it, nothing stored. */
  async validateRange(orgId: string, input: RangeInput & { rangeId?: string }): Promise<{ name?: string; prefix?: string; pattern?: string; errorCode: string; message: string; status: 'VALID' | 'DUPLICATE' | 'DUPLICATE_IN_LIST' | 'INVALID' | 'LIMIT_EXCEEDED' }[]> {
    const location = input.locationId !== undefined ? await findCallingLocation(this.store, orgId, input.locationId) : null;
    const current = input.rangeId !== undefined ? await this.findRange(this.store, orgId, input.rangeId) : undefined;
    const problems: Awaited<ReturnType<VirtualExtensionService['validateRange']>> = [];
    if (input.name !== undefined) {
      const siblings = await this.store.virtualExtensions.listRanges(orgId, { ...(location ? { locationId: location.id } : { orgLevelOnly: true }), name: input.name, start: 0, max: 100 });
      if (siblings.items.some((r) => r.name.toLowerCase() === input.name!.toLowerCase() && r.id !== current?.id)) {
        problems.push({ name: input.name, errorCode: '25000', message: `A range named "${input.name}" already exists.`, status: 'DUPLICATE' });
      }
    }
    if (input.prefix !== undefined) {
      const why = prefixProblem(input.prefix);
      if (why) problems.push({ prefix: input.prefix, errorCode: '25001', message: why, status: 'INVALID' });
    }
    const patterns = input.patterns ?? [];
    if (patterns.length > MAX_PATTERNS) problems.push({ errorCode: '25002', message: `A range holds at most ${MAX_PATTERNS} patterns.`, status: 'LIMIT_EXCEEDED' });
    patterns.forEach((pattern, i) => {
      const why = patternProblem(pattern);
      if (why) problems.push({ pattern, errorCode: '25003', message: why, status: 'INVALID' });
      else if (patterns.indexOf(pattern) !== i) problems.push({ pattern, errorCode: '25004', message: `Pattern "${pattern}" is given twice.`, status: 'DUPLICATE_IN_LIST' });
    });
    return problems;
  }

  private async find(store: Store, orgId: string, publicId: string): Promise<StoredVirtualExtension> {
    const id = decodeId(publicId, 'VIRTUAL_EXTENSION');
    const v = id !== undefined ? await store.virtualExtensions.get(orgId, id) : undefined;
    if (!v) throw virtualExtensionNotFound();
    return v;
  }

  private async findRange(store: Store, orgId: string, publicId: string): Promise<StoredExtensionRange> {
    const id = decodeId(publicId, 'VIRTUAL_EXTENSION_RANGE');
    const r = id !== undefined ? await store.virtualExtensions.getRange(orgId, id) : undefined;
    if (!r) throw rangeNotFound();
    return r;
  }

  private async checkExtension(tx: Store, v: StoredVirtualExtension, extension: string): Promise<string> {
    if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
    const taken = () => conflict(`Extension ${extension} is already assigned${v.locationId ? ' in this location' : ' in the organization'}.`);
    const same = await tx.virtualExtensions.findByExtension(v.orgId, v.locationId, extension);
    if (same && same.id !== v.id) throw taken();
    // A location's: free among the location's lines too (people, features, workspaces, virtual lines).
    if (v.locationId !== null) {
      const location = { id: v.locationId, orgId: v.orgId };
      if ((await tx.autoAttendants.findByExtension(v.locationId, extension)) || (await extensionHeld(tx, location, extension))) throw taken();
    }
    return extension;
  }

  private async checkRangeName(tx: Store, range: StoredExtensionRange): Promise<void> {
    const siblings = await tx.virtualExtensions.listRanges(range.orgId, { ...(range.locationId ? { locationId: range.locationId } : { orgLevelOnly: true }), name: range.name, start: 0, max: 100 });
    if (siblings.items.some((r) => r.id !== range.id && r.name.toLowerCase() === range.name.toLowerCase())) throw conflict(`A virtual extension range named "${range.name}" already exists.`);
  }

  private decodeLocation(publicId: string): string {
    const id = decodeId(publicId, 'LOCATION');
    if (id === undefined) throw badRequest('locationId is not a location ID.');
    return id;
  }

  private async locations(orgId: string, ids: (string | null)[]): Promise<Map<string, Location>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    return new Map((await this.store.locations.getMany(orgId, wanted)).map((l) => [l.id, l]));
  }
}

function checkPrefix(prefix: string): string {
  const why = prefixProblem(prefix);
  if (why) throw badRequest(why);
  return prefix;
}

function checkPatterns(patterns: string[]): string[] {
  if (patterns.length > MAX_PATTERNS) throw badRequest(`A range holds at most ${MAX_PATTERNS} patterns.`);
  const out: string[] = [];
  for (const p of patterns) {
    const why = patternProblem(p);
    if (why) throw badRequest(why);
    if (!out.includes(p.toUpperCase())) out.push(p.toUpperCase());
  }
  return out;
}
