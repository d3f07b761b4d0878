import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { oneReadingPerTurn } from './change-mark.ts';
import type { Database } from './database.ts';

// Connection wiring for the embedded store: Kysely's SqliteDialect over node:sqlite.

const STATEMENT_CACHE_SIZE = 500;

/**
 * Whether a statement may change what the store holds. Transaction control does not: the changes
 * of a transaction are counted by its own statements as they run (before its COMMIT), and a
 * rolled-back one leaves the data as it was. Counting BEGIN and COMMIT emptied the caches every
 * 100 ms, at each read-only pass of the webhook fan-out (issue 17).
 */
function mayWrite(query: string): boolean {
  return !/^\s*(select|begin|commit|end|rollback|savepoint|release)\b/i.test(query);
}

/**
 * Adapts node:sqlite's DatabaseSync to the better-sqlite3 shape SqliteDialect expects, counting
 * the statements that may write (anything but a SELECT or transaction control: INSERT, a cascading
 * DELETE, a PRAGMA, …).
 * The count lets a cache of what the store holds know it is still current (Store.changeMark):
 * SqliteDialect runs one statement or one transaction at a time on its one connection (writes of
 * other processes: see createSqliteDatabase).
 */
function adapt(db: DatabaseSync, counter: { writes: number }): SqliteDatabase {
  // Preparing is a noticeable share of a short query's cost; keep recent statements, each with
  // whether it returns rows: statement.columns() builds the column list on every call (9% of a
  // person read, issue 17), and a prepared statement's answer never changes.
  const cache = new Map<string, { statement: StatementSync; reader: boolean; writes: boolean }>();
  const prepare = (query: string) => {
    let prepared = cache.get(query);
    if (prepared) {
      cache.delete(query);
    } else {
      const statement = db.prepare(query);
      prepared = { statement, reader: statement.columns().length > 0, writes: mayWrite(query) };
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(query, prepared);
    return prepared;
  };
  return {
    close: () => db.close(),
    prepare(query: string): SqliteStatement {
      const { statement, reader, writes } = prepare(query);
      // Counted before it runs, so that no read that follows can see the change uncounted.
      const count = () => {
        if (writes) counter.writes++;
      };
      return {
        reader,
        all: (parameters) => (count(), statement.all(...(parameters as SQLInputValue[]))),
        run: (parameters) => (count(), statement.run(...(parameters as SQLInputValue[]))),
        iterate: (parameters) => (count(), statement.iterate(...(parameters as SQLInputValue[]))),
      };
    },
  };
}

/**
 * The database, and its change mark (Store.changeMark): how many statements that may write it has
 * run (see adapt), and for a file, how many times another process committed to it as well.
 */
export function createSqliteDatabase(path: string): { db: Kysely<Database>; changeMark: () => number | Promise<number> } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  if (path !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  }
  const counter = { writes: 0 };
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: adapt(db, counter) }) });
  // No other process can open a store in memory: this process's count is all there is.
  if (path === ':memory:') return { db: kysely, changeMark: () => counter.writes };
  // Another process may write the same file (two servers started on one store): SQLite's
  // data_version changes when another connection commits, and then counts as a write too. Reading
  // it is two file locks (about 10 µs, a sixth of a kept answer), so one reading serves a turn.
  const dataVersion = db.prepare('PRAGMA data_version');
  let seenVersion: unknown;
  const changeMark = oneReadingPerTurn(() => {
    const version = (dataVersion.get() as { data_version: unknown }).data_version;
    if (version !== seenVersion) {
      seenVersion = version;
      counter.writes++;
    }
    return counter.writes;
  });
  return { db: kysely, changeMark };
}

export function isSqliteUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/.test(error.message);
}
