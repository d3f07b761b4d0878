import { randomUUID } from 'node:crypto';
import type { Location, Page, Store } from '../../store/store.ts';
import { UniqueViolation } from '../../store/store.ts';
import type { StoredTranslationPattern } from '../../store/translation-patterns-store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import { bestTranslation, translationPatternProblem } from './translation-pattern.ts';

// Translation patterns of the organization and of its locations: outbound dialled digits that
// match one are rewritten before the call is routed (see translationFor). Names and matching
// patterns are unique per level; a location's pattern is reached only through its location's path.

export type TranslationPatternInput = { name?: string; matchingPattern?: string; replacementPattern?: string };
export type TranslationPatternListQuery = {
  limitToLocationId?: string;
  limitToOrgLevelEnabled?: string;
  name?: string;
  matchingPattern?: string;
  order?: string;
  start: number;
  max: number;
};
/** A translation a call went through: the pattern, its level and the number before and after. */
export type AppliedTranslation = { pattern: StoredTranslationPattern; dialled: string; translated: string };

export const translationPatternNotFound = () => notFound('Translation pattern not found.');
const MAX_NAME = 150;

function checkedName(value: string | undefined): string {
  const name = (value ?? '').trim();
  if (name.length < 1 || name.length > MAX_NAME) throw badRequest(`name must hold 1 to ${MAX_NAME} characters.`);
  return name;
}

function checkedPatterns(matchingPattern: string, replacementPattern: string): void {
  const problem = translationPatternProblem(matchingPattern, replacementPattern);
  if (problem) throw badRequest(problem);
}

const taken = (p: StoredTranslationPattern) =>
  conflict(`A translation pattern named "${p.name}" or matching "${p.matchingPattern}" already exists at this ${p.locationId === null ? 'organization' : 'location'} level.`);

/**
 * The translation an outbound call from a location goes through, if any: among the location's
 * patterns and then the organization's (a location's pattern overrides the organization's),
 * the most specific one matching the dialled digits.
 */
export async function translationFor(store: Store, orgId: string, locationId: string, dialled: string): Promise<AppliedTranslation | undefined> {
  const digits = dialled.replace(/[\s().-]/g, '');
  const all = await store.translationPatterns.patternsFor(orgId, locationId);
  const best =
    bestTranslation(
      all.filter((p) => p.locationId !== null),
      digits,
    ) ??
    bestTranslation(
      all.filter((p) => p.locationId === null),
      digits,
    );
  return best && { pattern: best.rule, dialled: digits, translated: best.translated };
}

export class TranslationPatternService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: TranslationPatternListQuery): Promise<{ page: Page<StoredTranslationPattern, number>; locations: Map<string, Location> }> {
    let locationId: string | undefined;
    if (query.limitToLocationId !== undefined) {
      locationId = decodeId(query.limitToLocationId, 'LOCATION');
      if (!locationId) throw badRequest('limitToLocationId is not a location of this organization.');
    }
    const orgLevelOnly = parseFlag(query.limitToOrgLevelEnabled, 'limitToOrgLevelEnabled');
    const order = (query.order ?? 'name-asc').toLowerCase();
    const direction = ({ name: 'asc', asc: 'asc', 'name-asc': 'asc', desc: 'desc', 'name-desc': 'desc' } as const)[order];
    if (!direction) throw badRequest(`order "${query.order}" is not a sort order of this list: use name, name-asc or name-desc.`);
    const page = await this.store.translationPatterns.list(orgId, {
      locationId,
      orgLevelOnly,
      name: query.name || undefined,
      matchingPattern: query.matchingPattern || undefined,
      direction,
      start: query.start,
      max: query.max,
    });
    const locations = new Map<string, Location>();
    for (const id of new Set(page.items.flatMap((p) => (p.locationId ? [p.locationId] : [])))) {
      const location = await this.store.locations.get(orgId, id);
      if (location) locations.set(id, location);
    }
    return { page, locations };
  }

  /** locationPublicId: a location's pattern (undefined: the organization's). */
  async create(orgId: string, locationPublicId: string | undefined, input: TranslationPatternInput): Promise<string> {
    const name = checkedName(input.name);
    const matchingPattern = input.matchingPattern ?? '';
    const replacementPattern = input.replacementPattern ?? '';
    checkedPatterns(matchingPattern, replacementPattern);
    return this.store.transaction(async (tx) => {
      const locationId = locationPublicId === undefined ? null : (await findCallingLocation(tx, orgId, locationPublicId)).id;
      const pattern: StoredTranslationPattern = { id: randomUUID(), orgId, locationId, name, matchingPattern, replacementPattern, created: timestamp(this.clock) };
      await unique(pattern, () => tx.translationPatterns.insert(pattern));
      return pattern.id;
    });
  }

  async get(orgId: string, locationPublicId: string | undefined, publicId: string): Promise<StoredTranslationPattern> {
    return this.pattern(this.store, orgId, locationPublicId, publicId);
  }

  /** Changes the fields given; the others stay. */
  async update(orgId: string, locationPublicId: string | undefined, publicId: string, input: TranslationPatternInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await this.pattern(tx, orgId, locationPublicId, publicId);
      const next: StoredTranslationPattern = {
        ...current,
        name: input.name !== undefined ? checkedName(input.name) : current.name,
        matchingPattern: input.matchingPattern ?? current.matchingPattern,
        replacementPattern: input.replacementPattern ?? current.replacementPattern,
      };
      checkedPatterns(next.matchingPattern, next.replacementPattern);
      await unique(next, () => tx.translationPatterns.update(next));
    });
  }

  async delete(orgId: string, locationPublicId: string | undefined, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const pattern = await this.pattern(tx, orgId, locationPublicId, publicId);
      await tx.translationPatterns.delete(orgId, pattern.id);
    });
  }

  /** The pattern at the level the path names: the organization's paths reach only its own patterns. */
  private async pattern(tx: Store, orgId: string, locationPublicId: string | undefined, publicId: string): Promise<StoredTranslationPattern> {
    const locationId = locationPublicId === undefined ? null : (await findCallingLocation(tx, orgId, locationPublicId)).id;
    const id = decodeId(publicId, 'TRANSLATION_PATTERN');
    const pattern = id && (await tx.translationPatterns.get(orgId, id));
    if (!pattern || pattern.locationId !== locationId) throw translationPatternNotFound();
    return pattern;
  }
}

async function unique(pattern: StoredTranslationPattern, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof UniqueViolation) throw taken(pattern);
    throw error;
  }
}

function parseFlag(value: string | undefined, field: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`${field} must be true or false.`);
}
