import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../../src/store/store.ts';

// A digest of everything the store holds: per table, the row count and a hash of the rows in a
// fixed order. Two equal digests mean nothing was written (tests read the app's own Kysely
// instance: the Store interface has no such query, on purpose).

export type StoreDigest = Map<string, string>;

/**
 * Tables the webhook delivery worker writes in the background, after the request, from the
 * outbox, and the queue of outbox events it empties. Left out of the digest; the outbox itself
 * (call_events) is in it, so a refused request that wrote an event is still caught.
 */
const BOOKKEEPING_TABLES = new Set<string>(['webhook_fan_out', 'call_events_pending', 'webhook_deliveries', 'webhook_attempts']);

export function databaseOf(store: Store): Kysely<any> {
  const db = (store as unknown as { db?: Kysely<any> }).db;
  if (!db) throw new Error('the store does not hold a Kysely instance (KyselyStore.db)');
  return db;
}

async function tablesOf(db: Kysely<any>, dialect: Store['dialect']): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await query.execute(db)).rows.map((r) => r.name).filter((name) => !BOOKKEEPING_TABLES.has(name));
}

const tableCache = new WeakMap<Store, string[]>();

export async function digestStore(store: Store): Promise<StoreDigest> {
  const db = databaseOf(store);
  let tables = tableCache.get(store);
  if (!tables) {
    tables = await tablesOf(db, store.dialect);
    tableCache.set(store, tables);
  }
  const digest: StoreDigest = new Map();
  if (store.dialect === 'postgres') {
    // One round trip: PostgreSQL hashes each table's rows (as text, sorted) itself.
    const parts = tables.map(
      (t) => sql`select ${t}::text as name, count(*)::int as n, coalesce(md5(string_agg(r::text, E'\n' order by r::text)), '') as h from ${sql.table(t)} r`,
    );
    const rows = (await sql<{ name: string; n: number; h: string }>`${sql.join(parts, sql` union all `)}`.execute(db)).rows;
    for (const row of rows) digest.set(row.name, `${row.n}:${row.h}`);
    return digest;
  }
  for (const table of tables) {
    const lines = await sqliteRows(db, table);
    digest.set(table, `${lines.length}:${createHash('sha1').update(lines.join('\n')).digest('hex')}`);
  }
  return digest;
}

/**
 * A SQLite table's rows as text, sorted, each column through quote(): numbers too large for a
 * JavaScript number are read as written instead of failing the read.
 */
async function sqliteRows(db: Kysely<any>, table: string): Promise<string[]> {
  const columns = (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map((c) => c.name);
  const row = sql.join(
    columns.map((c) => sql`${c} || '=' || quote(${sql.ref(c)})`),
    sql` || ',' || `,
  );
  const rows = (await sql<{ r: string }>`select ${row} as r from ${sql.table(table)} order by 1`.execute(db)).rows;
  return rows.map((r) => r.r);
}

/**
 * A cheap witness of writes, taken with a digest: SQLite's count of rows changed on its (only)
 * connection; PostgreSQL's row count and newest row version (xmin) of every table. An unchanged
 * witness means nothing was written; a changed one calls for a full digest to compare.
 */
export async function writeWitness(store: Store): Promise<string> {
  const db = databaseOf(store);
  if (store.dialect === 'sqlite') {
    return String((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n);
  }
  let tables = tableCache.get(store);
  if (!tables) {
    tables = await tablesOf(db, store.dialect);
    tableCache.set(store, tables);
  }
  const parts = tables.map((t) => sql`select count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text as w from ${sql.table(t)}`);
  const rows = (await sql<{ w: string }>`${sql.join(parts, sql` union all `)}`.execute(db)).rows;
  return rows.map((r) => r.w).join(',');
}

/** The tables whose digest differs, with their counts before → after. */
export function changedTables(before: StoreDigest, after: StoreDigest): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => `${name} (rows ${before.get(name)?.split(':')[0] ?? '-'} → ${after.get(name)?.split(':')[0] ?? '-'})`);
}

/** The uuids inside a Webex ID (a license ID holds two), or the value itself when it holds none. */
export function uuidsOf(id: string): string[] {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const found = decoded.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
  return found.length > 0 ? found.map((u) => u.toLowerCase()) : [id];
}

/**
 * Rows of organizations other than `orgId` that mention one of the needles: another
 * organization's object referred to by ours (a cross-organization reference) when the needles
 * are the other organization's IDs.
 */
export async function rowsMentioning(store: Store, needles: readonly string[], orgId: string): Promise<string[]> {
  const db = databaseOf(store);
  const found: string[] = [];
  for (const table of await tablesOf(db, store.dialect)) {
    const rows =
      store.dialect === 'sqlite'
        ? await sqliteRows(db, table)
        : (await sql<{ r: string }>`select row_to_json(r)::text as r from ${sql.table(table)} r`.execute(db)).rows.map((r) => r.r);
    for (const text of rows) {
      const owner = /(?:org_id=')([0-9a-f-]{36})'|"org_id":"([0-9a-f-]{36})"/.exec(text);
      const needle = needles.find((n) => text.includes(n));
      if (!needle || !owner) continue;
      const ownerId = owner[1] ?? owner[2];
      if (ownerId !== orgId) found.push(`${table} row of organization ${ownerId} holds ${needle}`);
    }
  }
  return found;
}

/**
 * Watches the store across refused requests: a full digest is taken once, then only the cheap
 * witness, until it moves; then a new digest says which tables changed (none, when the writes
 * were the webhook worker's bookkeeping).
 */
export class StoreWatch {
  private readonly store: Store;
  private baseline: { digest: StoreDigest; witness: string } | undefined;

  constructor(store: Store) {
    this.store = store;
  }

  /** Forget the baseline: the next check compares with the store as it is then. */
  reset(): void {
    this.baseline = undefined;
  }

  /** Takes the baseline if there is none. */
  async mark(): Promise<void> {
    this.baseline ??= { digest: await digestStore(this.store), witness: await writeWitness(this.store) };
  }

  /** The tables changed since the baseline (which then moves to now). */
  async changed(): Promise<string[]> {
    if (!this.baseline) throw new Error('mark() first');
    const witness = await writeWitness(this.store);
    if (witness === this.baseline.witness) return [];
    const digest = await digestStore(this.store);
    const changed = changedTables(this.baseline.digest, digest);
    this.baseline = { digest, witness };
    return changed;
  }
}
