import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lifecycles, settle } from './calls.ts';
import { startService } from './processes.ts';
import { seedPeople } from './seed.ts';
import { ADMIN_TOKEN, analyzeLikeAutovacuum, call, cpuMs, expectStatus, freePort, loadAverage, postgresCpuMs, ROOT, serve, sleep, statementCount, storeTargets } from './support.ts';

// Webhook delivery alone (issue 17): call lifecycles at 16 in flight with an organization-wide
// telephony_calls webhook delivering every event to a local receiver (bench/webhook-receiver.ts),
// and the same lifecycles without it. Reports lifecycles/s, deliveries/s, delivery latency
// p50/p99, lost and duplicated events, and per lifecycle the statements the server sent its store
// (bench/count-statements.ts) and the server's CPU (from /proc, delivery included: measured until
// the last event arrived), which survive a machine shared with other work where rates do not.
// Usage:
//   node bench/webhook-delivery.ts [CHECKOUT [ENTRY]] [--lifecycles=N] [--store=sqlite|postgres]
// CHECKOUT is the tree whose server runs (default this one), to compare another branch's worktree
// in the same conditions. With BENCH_DATABASE_URL set, the same runs follow on PostgreSQL.

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const root = positional[0] ?? ROOT;
const entry = positional[1] ?? 'bin/callplane.js';
const count = Number(process.argv.find((a) => a.startsWith('--lifecycles='))?.slice('--lifecycles='.length) ?? 1000);
const concurrency = 16;
/** `--store=postgres` (or sqlite): that store only. */
const only = process.argv.find((a) => a.startsWith('--store='))?.slice('--store='.length);

process.stdout.write(`load average ${loadAverage().join(' / ')}; ${root}\n`);
for (const target of storeTargets().filter((t) => !only || t.name === only)) {
  const store = await target.fresh();
  const scratch = mkdtempSync(join(tmpdir(), 'callplane-delivery-'));
  const countFile = join(scratch, 'statements');
  // BENCH_SERVER_ARGS: node options for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const serverArgs = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = await serve(() => [...serverArgs, '--import', join(ROOT, 'bench', 'count-statements.ts'), entry], root, {
    DATABASE_URL: store.url,
    CALLPLANE_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    BENCH_STATEMENT_FILE: countFile,
  });
  const port = await freePort();
  const receiver = await startService('webhook receiver', process.execPath, [join(ROOT, 'bench', 'webhook-receiver.ts'), String(port)], port, '/stats');
  try {
    const base = server.base;
    const pid = server.child.pid!;
    const seeded = await seedPeople(base, { people: concurrency, concurrency: 8, runId: Math.random().toString(36).slice(2, 8), allCallers: true });
    await analyzeLikeAutovacuum(store.url);
    // Warm-up, then without a webhook: what a lifecycle costs without delivery.
    await lifecycles(base, seeded.callers, 100, concurrency);
    const measure = async (work: () => Promise<unknown>) => {
      await sleep(500);
      const statements = await statementCount(pid, countFile);
      const cpu = cpuMs(server.child);
      const database = postgresCpuMs();
      const result = await work();
      return {
        result,
        statements: ((await statementCount(pid, countFile)) - statements) / count,
        cpuUs: ((cpuMs(server.child) - cpu) * 1000) / count,
        databaseUs: ((postgresCpuMs() - database) * 1000) / count,
      };
    };
    const plain = await measure(() => lifecycles(base, seeded.callers, count, concurrency));
    const hook = { name: 'bench delivery', targetUrl: `${receiver.base}/hook`, resource: 'telephony_calls', event: 'all', ownedBy: 'org' };
    expectStatus(await call(`${base}/v1/webhooks`, { method: 'POST', body: hook }), 200, 'create the webhook');
    let run: Awaited<ReturnType<typeof lifecycles>> | undefined;
    const hooked = await measure(async () => {
      run = await lifecycles(base, seeded.callers, count, concurrency);
      // Until the last delivery arrived (quiet for 1 s: that second's idle watch passes count too).
      return settle(receiver, 1000, 120_000);
    });
    if (process.env.BENCH_STATEMENT_TEXTS) {
      // Which statements of the run with the webhook, per lifecycle, the costliest first (SQLite's time is the server's own).
      const lines = readFileSync(`${countFile}.texts`, 'utf8').split('\n').filter(Boolean);
      const rows = lines.map((line) => line.split('\t') as [string, string, string]).sort((a, b) => Number(b[1]) - Number(a[1]) || Number(b[0]) - Number(a[0]));
      for (const [n, ms, text] of rows.slice(0, 25)) {
        process.stdout.write(`  ${(Number(n) / count).toFixed(2)}  ${((Number(ms) * 1000) / count).toFixed(0).padStart(5)} µs  ${text.replace(/\s+/g, ' ').slice(0, 160)}\n`);
      }
    }
    const stats = hooked.result as Awaited<ReturnType<typeof settle>>;
    const seconds = stats.lastAt && stats.firstAt ? (stats.lastAt - stats.firstAt) / 1000 : NaN;
    const db = (us: number) => (target.name === 'postgres' ? ` + ${us.toFixed(0)} µs PostgreSQL` : '');
    process.stdout.write(
      `${target.name}: without webhook ${(plain.result as typeof run)!.perSecond.toFixed(1)} lifecycles/s, ${plain.statements.toFixed(1)} statements, ${plain.cpuUs.toFixed(0)} µs CPU${db(plain.databaseUs)} per lifecycle\n` +
        `${target.name}: with webhook ${run!.perSecond.toFixed(1)} lifecycles/s, ${(stats.received / seconds).toFixed(0)} deliveries/s, ` +
        `delivery p50 ${stats.latency.p50} / p99 ${stats.latency.p99} / max ${stats.latency.max} ms, ` +
        `lost ${count * 3 - (stats.received - stats.duplicates)}, duplicates ${stats.duplicates}, ` +
        `${hooked.statements.toFixed(1)} statements, ${hooked.cpuUs.toFixed(0)} µs CPU${db(hooked.databaseUs)} per lifecycle\n`,
    );
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await receiver.stop();
    // A profiled server writes its profile as it exits.
    await Promise.race([exited, sleep(serverArgs.length > 0 ? 10_000 : 300)]);
    rmSync(scratch, { recursive: true, force: true });
    await store.drop();
  }
}
