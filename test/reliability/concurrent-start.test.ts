import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { dialects, testDatabase } from '../support/dialects.ts';

// Two processes started at once on one empty database (what `docker compose up --scale` does):
// both must come up, with one schema and one demo organization. On PostgreSQL, migration and the
// demo's creation are serialised by an advisory lock (src/store/postgres.ts).

const ROUNDS = 3;

function configOf(database: Config['database'], adminToken: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database,
    adminToken,
    logLevel: 'silent',
    rateLimit: undefined,
    signup: { mode: 'open', rateLimit: { max: 10, windowMs: 60_000 } },
    publicUrl: undefined,
    sandbox: true,
    demo: true,
    bodyLimit: 1024 * 1024,
    clock: 'real',
    calls: { ringTimeoutMs: 30_000, parkRecallMs: 45_000, pstnAnswerDelayMs: 2000, voicemailMs: 20_000 },
    webhooks: { maxFailures: 10, retryBaseMs: 1000, retryMaxMs: 60_000, timeoutMs: 10_000, egress: { allowLoopback: true, allowPrivate: false } },
    retention: { deliveriesDays: 7, callEventsDays: 7, callSessionsDays: 7 },
  };
}

for (const dialect of dialects.filter((d) => d === 'postgres')) {
  describe(`Two servers started at once on one empty database (${dialect})`, () => {
    const opened: App[] = [];
    const databases: ReturnType<typeof testDatabase>[] = [];
    after(async () => {
      for (const app of opened) await app.close();
      for (const database of databases) await database.drop();
    });

    it('given an empty schema, when two apps start together, then both come up and share one demo organization', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const database = testDatabase(dialect);
        databases.push(database);
        const config = configOf(database.config, `concurrent-start-${round}-token-0123456789`);
        const results = await Promise.allSettled([buildApp(config), buildApp(config)]);
        for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
        const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason?.message ?? r.reason)] : []));
        assert.deepEqual(failures, [], `round ${round}: both apps start`);
        const [a, b] = results.map((r) => (r as PromiseFulfilledResult<App>).value);
        assert.equal(await a!.store.organizations.count(), 1, 'one organization: the demo');
        assert.equal(a!.demo!.orgId, b!.demo!.orgId);
        assert.equal([a!.demo!.created, b!.demo!.created].filter(Boolean).length, 1, 'one of them created it');
        await Promise.all([a!.close(), b!.close()]);
        opened.splice(opened.indexOf(a!), 1);
        opened.splice(opened.indexOf(b!), 1);
      }
    });
  });
}
