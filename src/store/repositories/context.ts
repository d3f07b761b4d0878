import type { Kysely } from 'kysely';
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

/** `%` and `_` are wildcards in LIKE; escape them so user text matches literally. */
export function likePattern(text: string, position: 'prefix' | 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return position === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

/** Splits a fetched list of limit + 1 rows into a page and the cursor of its last item. */
export function keysetPage<T extends { created: string; id: string }>(rows: T[], limit: number) {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1]!;
  return { items, next: { created: last.created, id: last.id } };
}
