import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database.ts';
import { UniqueViolation, type Page } from '../store.ts';

/** What every repository gets: the connection (or transaction), the dialect and its error reader. */
export type RepositoryContext = {
  db: Kysely<Database>;
  /** Dialect choices (row locking) are made inside the store, by the repositories. */
  dialect: 'sqlite' | 'postgres';
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

/** Splits a fetched list of limit + 1 rows, read from offset `start`, into a page and the next offset. */
export function offsetPage<T>(rows: T[], start: number, limit: number): Page<T, number> {
  const items = rows.slice(0, limit);
  return rows.length > limit ? { items, next: start + limit } : { items };
}

/**
 * Splits values into runs for one statement each: SQLite allows at most 32766 bound values in one
 * statement, so a multi-row insert or an `in` list must stay well under it.
 */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
