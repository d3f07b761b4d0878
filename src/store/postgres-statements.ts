import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

// Named prepared statements for PostgreSQL. Kysely sends every query as an unnamed statement, so
// PostgreSQL parses and plans it on every call; a statement sent with a name is parsed once per
// connection and then only bound and executed, which took a person read from 1 to 1.34 and the
// people list to 1.42 (docs/performance.md, issue 17). The name is a hash of the text, so one text
// keeps one name on every connection. Only queries (not DDL or transaction control) are named,
// only once the schema is migrated (a statement prepared before a migration would keep the old
// table shape), and at most MAX_NAMED texts per process, so that queries whose text varies
// (IN lists of every length) cannot fill the server's memory with statements.

const MAX_NAMED = 2000;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;
// Claims of queued work (FOR UPDATE … SKIP LOCKED) are planned for each call: their best plan
// depends on how much is queued, and the generic plan PostgreSQL settles on for a named statement
// after five calls took a webhook claim from 20 ms to 800 ms with a few thousand deliveries
// waiting (issue 17), so deliveries fell a minute behind.
const PLANNED_EACH_TIME = /\bfor update\b/i;
/** PostgreSQL's "cached plan must not change result type": a table changed under a named statement. */
const PLAN_CHANGED = '0A000';

export class NamedStatements {
  #enabled = false;
  readonly #names = new Map<string, string | null>();

  /** Statements are named from now on (call once the schema is migrated). */
  enable(): void {
    this.#enabled = true;
  }

  /** The name of a query's text, or undefined when it is sent unnamed. */
  nameOf(text: string): string | undefined {
    if (!this.#enabled) return undefined;
    const known = this.#names.get(text);
    if (known !== undefined) return known ?? undefined;
    if (this.#names.size >= MAX_NAMED) return undefined;
    const name = NAMEABLE.test(text) && !PLANNED_EACH_TIME.test(text) ? `cp_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}` : null;
    this.#names.set(text, name);
    return name ?? undefined;
  }

  /** Kysely's pool, whose clients send queries by name where nameOf gives one. */
  pool(pool: pg.Pool): PostgresPool {
    const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
    return {
      // Kysely makes a client of this class to cancel a query.
      Client: (pool as unknown as PostgresPool).Client,
      options: pool.options,
      end: () => pool.end(),
      connect: async () => {
        const client = await pool.connect();
        let named = clients.get(client);
        if (!named) {
          named = this.#client(client);
          clients.set(client, named);
        }
        return named;
      },
    };
  }

  #client(client: pg.PoolClient): PostgresPoolClient {
    // Names whose statement broke on this connection (a table altered by another process since).
    const broken = new Set<string>();
    const query = async (text: string, values: readonly unknown[]) => {
      const name = this.nameOf(text);
      if (name === undefined || broken.has(name)) return client.query(text, values as unknown[]);
      try {
        return await client.query({ name, text, values: values as unknown[] });
      } catch (error) {
        if ((error as { code?: unknown }).code !== PLAN_CHANGED) throw error;
        broken.add(name);
        return client.query(text, values as unknown[]);
      }
    };
    return {
      query: ((textOrCursor: unknown, values?: readonly unknown[]) =>
        typeof textOrCursor === 'string' ? query(textOrCursor, values ?? []) : client.query(textOrCursor as never)) as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  }
}
