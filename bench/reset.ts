import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startCallplane } from '../src/testing.ts';

// How long the harness's reset() takes, the call a test suite makes before every test: on the
// default in-memory store, with the demo organization and the example seed, after each test made
// a few changes (a person, an organization, a call). `npm run bench -- reset`.

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function runReset(options: { runs: number; db?: string }): Promise<{ medianMs: number; p95Ms: number }> {
  const seed = fileURLToPath(new URL('../examples/seed.yaml', import.meta.url));
  // On PostgreSQL, a schema of its own, dropped at the end.
  const schema = `bench_reset_${randomBytes(4).toString('hex')}`;
  const db = options.db?.startsWith('postgres') ? `${options.db}${options.db.includes('?') ? '&' : '?'}schema=${schema}` : options.db;
  const cp = await startCallplane({ seed, ...(db ? { db } : {}) });
  const times: number[] = [];
  try {
    const headers = { authorization: `Bearer ${cp.adminToken}`, 'content-type': 'application/json' };
    for (let i = 0; i < options.runs + 5; i++) {
      // What a test might leave behind.
      await fetch(`${cp.apiUrl}/people`, { method: 'POST', headers, body: JSON.stringify({ emails: [`p${i}@example.com`], displayName: `P ${i}` }) });
      await cp.createOrg(`Org ${i}`);
      const alex = await cp.tokenFor('alex.rivera@callplane-demo.example');
      await fetch(`${cp.apiUrl}/telephony/calls/dial`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${alex}` }, body: '{"destination":"1002"}' });
      const t = performance.now();
      await cp.reset();
      if (i >= 5) times.push(performance.now() - t); // the first few warm the JIT up
    }
  } finally {
    await cp.close();
    if (db !== options.db) {
      const client = new pg.Client({ connectionString: options.db });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
    }
  }
  times.sort((a, b) => a - b);
  const result = { medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
  process.stdout.write(
    `\nreset() (${options.db ? new URL(options.db).protocol.replace(':', '') : 'memory'}, demo + example seed, ${options.runs} runs): median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms\n`,
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await runReset({ runs: 50 });
