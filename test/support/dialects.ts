import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.ts';

// Store and API suites run on SQLite always, and on PostgreSQL too when TEST_DATABASE_URL is
// set. Each PostgreSQL database gets a schema of its own, dropped at the end.

export type Dialect = 'sqlite' | 'postgres';

export const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export type TestDatabase = { config: DatabaseConfig; drop(): Promise<void> };

/**
 * A fresh, empty database. SQLite is in memory unless `file` is set: a file in a temporary
 * directory, for a store that must outlive a server (a restart, a second connection).
 */
export function testDatabase(dialect: Dialect, options: { file?: boolean } = {}): TestDatabase {
  if (dialect === 'sqlite' && options.file) {
    const dir = mkdtempSync(join(tmpdir(), 'callplane-test-'));
    return { config: { kind: 'sqlite', path: join(dir, 'store.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (dialect === 'sqlite') return { config: { kind: 'sqlite', path: ':memory:' }, drop: async () => {} };
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    config: { kind: 'postgres', url, schema },
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
