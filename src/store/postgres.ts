import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { oneReadingPerTurn } from './change-mark.ts';
import type { Database } from './database.ts';
import type { OutboxListener } from './store.ts';
import { NamedStatements } from './postgres-statements.ts';

// Connection wiring for PostgreSQL. A schema other than public is created on first use and
// selected on every connection, so several Callplane databases can share one PostgreSQL database.
// Processes started together on one database take turns: creating the schema, migrating and
// creating the demo organization each run under an advisory lock (withStartupLock).

/** The advisory lock of a schema's start-up steps (two int4 keys: ours, and the schema's hash). */
const LOCK_CLASS = 0x43_50_4c_4e; // "CPLN"

/** The database, and its named statements (to enable once the schema is migrated). */
export async function createPostgresDatabase(url: string, schema?: string): Promise<{ db: Kysely<Database>; statements: NamedStatements }> {
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      // Two processes creating the schema at once: one would fail on pg_namespace's unique index.
      await setup.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, schema]);
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  const statements = new NamedStatements();
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: statements.pool(pool) }) }), statements };
}

/**
 * Runs fn while this process holds the schema's start-up lock, on a connection of its own (fn's
 * queries use the pool's others). The lock is the session's: released at the end, or when the
 * connection dies with the process.
 */
export async function withStartupLock<T>(db: Kysely<Database>, schema: string, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${LOCK_CLASS}, hashtext(${schema}))`.execute(connection);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_CLASS}, hashtext(${schema}))`.execute(connection);
    }
  });
}

/**
 * The store's change mark on PostgreSQL (Store.changeMark): the write-ahead log's insert position.
 * Every change of a logged table, by any process, and every commit of one writes to the log before
 * the commit is answered, so the position read after a change is past it, and an unchanged position
 * means no change was committed since. Other databases of the same server move it too: a cache
 * then misses more, never answers stale. Where the position cannot be read, undefined: no cache.
 * One round trip serves the callers of one turn of the event loop (change-mark.ts).
 */
export function walInsertPosition(db: Kysely<Database>): () => Promise<string | undefined> {
  return oneReadingPerTurn(async () => {
    try {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
      return rows[0]?.lsn;
    } catch {
      return undefined;
    }
  });
}

export function isPostgresUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** The channel of outbox signals; its payload names the sender and the schema (several share a database). */
const OUTBOX_CHANNEL = 'callplane_outbox';

/**
 * Outbox signals across the processes sharing a schema (Store.signalOutbox, Store.listenOutbox):
 * NOTIFY inside the transaction that wrote events, so it is heard only once they are committed;
 * LISTEN on a connection of its own (a pooled one would be handed to queries, and lose it).
 * A process ignores its own signals: its commits nudge its worker directly.
 */
export function outboxSignals(url: string, schema: string) {
  const sender = randomUUID();
  const payload = `${sender} ${schema}`;
  return {
    async send(db: Kysely<Database>): Promise<void> {
      await sql`select pg_notify(${OUTBOX_CHANNEL}, ${payload})`.execute(db);
    },
    async listen(onSignal: () => void, onError: (error: unknown) => void): Promise<OutboxListener> {
      // Named, so that an operator can tell it in pg_stat_activity (it stays idle, listening).
      // A database out of reach fails the attempt in seconds, so that a later watch tries again.
      const client = new pg.Client({ connectionString: url, application_name: `callplane outbox ${schema}`, connectionTimeoutMillis: 5000 });
      let failed = false;
      let closing = false;
      // Once: a broken connection may report an error and then its end.
      const fail = (error: unknown) => {
        if (failed || closing) return;
        failed = true;
        onError(error);
      };
      client.on('error', fail);
      client.on('end', () => fail(new Error('the outbox listener connection ended')));
      client.on('notification', (message) => {
        const text = message.payload ?? '';
        const space = text.indexOf(' ');
        if (space < 0 || text.slice(0, space) === sender || text.slice(space + 1) !== schema) return;
        onSignal();
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      } catch (error) {
        closing = true;
        client.end().catch(() => {});
        throw error;
      }
      // Closing never waits long: shutdown must not hang on a dead connection.
      return {
        async close() {
          closing = true;
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<void>((resolve) => {
            timer = setTimeout(resolve, 1000);
            timer.unref();
          });
          await Promise.race([client.end().catch(() => {}), late]);
          clearTimeout(timer);
        },
      };
    },
  };
}

export type OutboxSignals = ReturnType<typeof outboxSignals>;
