import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './database.ts';

// Connection wiring for the embedded store: Kysely's SqliteDialect over node:sqlite.

const STATEMENT_CACHE_SIZE = 500;

/** Adapts node:sqlite's DatabaseSync to the better-sqlite3 shape SqliteDialect expects. */
function adapt(db: DatabaseSync): SqliteDatabase {
  // Preparing is a noticeable share of a short query's cost; keep recent statements.
  const cache = new Map<string, StatementSync>();
  const prepare = (query: string): StatementSync => {
    let statement = cache.get(query);
    if (statement) {
      cache.delete(query);
    } else {
      statement = db.prepare(query);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(query, statement);
    return statement;
  };
  return {
    close: () => db.close(),
    prepare(query: string): SqliteStatement {
      const statement = prepare(query);
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...(parameters as SQLInputValue[])),
        run: (parameters) => statement.run(...(parameters as SQLInputValue[])),
        iterate: (parameters) => statement.iterate(...(parameters as SQLInputValue[])),
      };
    },
  };
}

export function createSqliteDatabase(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  if (path !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: adapt(db) }) });
}

export function isSqliteUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/.test(error.message);
}
