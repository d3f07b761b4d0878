import { sql, type Compilable, type CompiledQuery, type Kysely, type QueryResult, type RawBuilder, type SqlBool } from 'kysely';
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

/**
 * A statement whose shape is fixed by its code, built and compiled by Kysely once per dialect and
 * shape of its arguments (whether each is given, the length of each list, the keys of each
 * object), then sent again with each call's values. Building and compiling a query was about a
 * quarter of the server's time in creating a calling user (issue 17). The compiled text depends on
 * the code and the dialect alone, so it is kept with the statement rather than per store.
 *
 * `build` is called once per shape with markers in place of the values; each marker must come out
 * as a bound parameter of its own (checked then: a value inlined into the SQL, or bound inside an
 * array, throws), and every other parameter is a constant of the code. So `build` may choose its
 * SQL by whether an argument is given and by the length of a list, never by a value itself.
 */
export function fixedStatement<A extends unknown[], O>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<O>,
): (ctx: RepositoryContext, ...args: A) => Promise<QueryResult<O>> {
  const compiled = new Map<string, { query: CompiledQuery<O>; paths: (readonly (number | string)[] | undefined)[] }>();
  return async (ctx, ...args) => {
    const shape = `${ctx.dialect}${shapeOf(args)}`;
    let entry = compiled.get(shape);
    if (!entry) {
      entry = compileWithMarkers(ctx.db, build, args);
      // Lists of every length a client may send cannot fill the memory: past a bound, compiled each time.
      if (compiled.size < MAX_SHAPES) compiled.set(shape, entry);
    }
    const { query, paths } = entry;
    const parameters = query.parameters.map((constant, i) => {
      const path = paths[i];
      if (!path) return constant;
      const value = args[path[0] as number];
      return path.length === 1 ? value : (value as Record<string | number, unknown>)[path[1]!];
    });
    return ctx.db.executeQuery<O>({ ...query, parameters });
  };
}

/**
 * Reads a repository remembers for the rest of one transaction, once asked (its
 * rememberInTransaction, called by the call engine's transactions): a call step asks for the same
 * rows several times. Outside a transaction it remembers nothing, and it lives and dies with the
 * transaction's store. The repository forgets (`forget`) before each of its own writes; a read
 * that was under way when a write forgot is not kept (it may have read what the write changed).
 */
export class TransactionMemo<V> {
  private readonly inTransaction: boolean;
  private memo: Map<string, V> | undefined;
  private generation = 0;
  constructor(inTransaction: boolean) {
    this.inTransaction = inTransaction;
  }

  start(): void {
    if (this.inTransaction) this.memo ??= new Map();
  }

  get active(): boolean {
    return this.memo !== undefined;
  }

  /** The remembered value of key, or load()'s (remembered once started). */
  async read(key: string, load: () => Promise<V>): Promise<V> {
    const memo = this.memo;
    if (!memo) return load();
    if (memo.has(key)) return memo.get(key) as V;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) memo.set(key, value);
    return value;
  }

  /**
   * Reads the keys not yet remembered at once (load answers each key it was given; a key it leaves
   * out is remembered as undefined), as read would one by one. Nothing when not started.
   */
  async readAll(keys: readonly string[], load: (missing: string[]) => Promise<Map<string, V>>): Promise<void> {
    const memo = this.memo;
    if (!memo) return;
    const missing = [...new Set(keys)].filter((key) => !memo.has(key));
    if (missing.length === 0) return;
    const generation = this.generation;
    const values = await load(missing);
    if (generation === this.generation) for (const key of missing) memo.set(key, values.get(key) as V);
  }

  /** Forgets one key, or everything. */
  forget(key?: string): void {
    if (!this.memo) return;
    this.generation++;
    if (key === undefined) this.memo.clear();
    else this.memo.delete(key);
  }
}

/**
 * Rows of a multi-row insert from one flat list of values (fixedStatement binds lists of values,
 * not lists of objects): `values` holds the columns of each row in turn.
 */
export function rowsOf<R>(columns: readonly string[], values: readonly unknown[]): R[] {
  const rows: R[] = [];
  for (let i = 0; i < values.length; i += columns.length) {
    rows.push(Object.fromEntries(columns.map((c, j) => [c, values[i + j]])) as R);
  }
  return rows;
}

const MARKER = '\u0000param:';
const MAX_SHAPES = 64;

function shapeOf(args: readonly unknown[]): string {
  let shape = '';
  for (const arg of args) {
    if (arg === undefined) shape += '|u';
    else if (Array.isArray(arg)) shape += `|[${arg.length}`;
    else if (arg !== null && typeof arg === 'object') {
      shape += '|{';
      for (const key in arg) shape += (arg as Record<string, unknown>)[key] === undefined ? `${key}?,` : `${key},`;
    } else shape += '|v';
  }
  return shape;
}

function compileWithMarkers<A extends unknown[], O>(db: Kysely<Database>, build: (db: Kysely<Database>, ...args: A) => Compilable<O>, args: A) {
  const marks: string[] = [];
  const mark = (path: (number | string)[], value: unknown) => {
    if (value === undefined) return undefined;
    const marker = MARKER + JSON.stringify(path);
    marks.push(marker);
    return marker;
  };
  const markers = args.map((arg, i) => {
    if (arg === undefined) return undefined;
    if (Array.isArray(arg)) return arg.map((v, j) => mark([i, j], v));
    if (arg !== null && typeof arg === 'object') return Object.fromEntries(Object.entries(arg).map(([key, v]) => [key, mark([i, key], v)]));
    return mark([i], arg);
  }) as A;
  const query = build(db, ...markers).compile();
  const paths = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? (JSON.parse(p.slice(MARKER.length)) as (number | string)[]) : undefined));
  const bound = new Set(query.parameters);
  const lost = marks.find((m) => !bound.has(m));
  if (lost !== undefined || query.sql.includes(MARKER)) throw new Error(`fixedStatement: a value is not a parameter of its own in ${query.sql}`);
  return { query, paths };
}
