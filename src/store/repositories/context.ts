import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database.ts';
import { UniqueViolation } from '../store.ts';

/** What every repository gets: the connection (or transaction) and the dialect's error reader. */
export type RepositoryContext = {
  db: Kysely<Database>;
  isUniqueViolation: (error: unknown) => boolean;
};

/** Runs a write, turning the dialect's unique-constraint error into UniqueViolation. */
export async function guardUnique<T>(ctx: RepositoryContext, what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (ctx.isUniqueViolation(error)) throw new UniqueViolation(what, error);
    throw error;
  }
}

export const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);

/**
 * `column LIKE pattern ESCAPE '\'` matching the text literally (`%` and `_` are escaped; SQLite
 * has no default escape character). Caseless compares lower() of both sides, so each dialect
 * folds case the same way on both.
 */
export function matches(column: string, text: string, position: 'prefix' | 'contains', caseless = false): RawBuilder<SqlBool> {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = position === 'prefix' ? `${escaped}%` : `%${escaped}%`;
  const ref = sql.ref(column);
  return caseless ? sql<SqlBool>`lower(${ref}) like lower(${pattern}) escape '\\'` : sql<SqlBool>`${ref} like ${pattern} escape '\\'`;
}

/** Splits a fetched list of limit + 1 rows into a page and the cursor of its last item. */
export function keysetPage<T extends { created: string; id: string }>(rows: T[], limit: number) {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1]!;
  return { items, next: { created: last.created, id: last.id } };
}
