// What the domain may ask of persistence for translation patterns (Call Routing).
import type { Page } from './store.ts';

export type StoredTranslationPattern = {
  id: string;
  orgId: string;
  /** null: the organization level. */
  locationId: string | null;
  name: string;
  matchingPattern: string;
  replacementPattern: string;
  created: string;
};

/**
 * locationId: that location's only; orgLevelOnly: the organization's only; neither: all.
 * name and matchingPattern keep the patterns containing the text (name regardless of case).
 */
export type TranslationPatternFilter = {
  locationId?: string;
  orgLevelOnly?: boolean;
  name?: string;
  matchingPattern?: string;
  direction: 'asc' | 'desc';
  start: number;
  max: number;
};

export interface TranslationPatternRepository {
  /** UniqueViolation for a name or matching pattern in use at the level. */
  insert(pattern: StoredTranslationPattern): Promise<void>;
  get(orgId: string, id: string): Promise<StoredTranslationPattern | undefined>;
  /** Sorted by name. */
  list(orgId: string, filter: TranslationPatternFilter): Promise<Page<StoredTranslationPattern, number>>;
  /** The patterns a caller of the location dials through: the location's and the organization's. */
  patternsFor(orgId: string, locationId: string): Promise<StoredTranslationPattern[]>;
  /** UniqueViolation for a name or matching pattern in use at the level. */
  update(pattern: StoredTranslationPattern): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
}
