import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from './load.ts';
import { seedPeople } from './seed.ts';
import { ADMIN_TOKEN, analyzeLikeAutovacuum, cpuMs, fmt, postgresCpuMs, ROOT, serve, sleep, storeTargets } from './support.ts';

// CPU time the server spends per request, beside the ceiling answering the same bytes: a measure
// that survives a machine shared with other work, where req/s and latencies do not (issue 17's
// levers were measured so, docs/performance.md). Short: 300 people, 2 s of warm-up and 5 s of
// load at 8 connections per endpoint, then the list's latency at a fixed 200 requests a second. Usage:
//   node bench/cpu-per-request.ts [CHECKOUT [ENTRY]]
// CHECKOUT is the tree whose server runs (default this one, `bin/callplane.js`), to compare
// another branch's worktree in the same conditions (ENTRY: src/main.ts for one older than it).
// With BENCH_DATABASE_URL set, the same runs follow on PostgreSQL (a schema of their own).

const root = process.argv[2] ?? ROOT;
const entry = process.argv[3] ?? 'bin/callplane.js';
const seconds = 5;

/** Requests per second and CPU microseconds per request of one server going round `paths`. */
async function measure(child: ChildProcess, base: string, paths: string[]) {
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
  await runLoad({ url: base, headers, connections: 8, duration: 2, paths });
  const before = cpuMs(child);
  const databaseBefore = postgresCpuMs();
  const result = await runLoad({ url: base, headers, connections: 8, duration: seconds, paths });
  const perRequest = (ms: number) => (ms * 1000) / result.requests;
  return { perSecond: result.perSecond, cpuUs: perRequest(cpuMs(child) - before), databaseUs: perRequest(postgresCpuMs() - databaseBefore), non2xx: result.non2xx };
}

for (const target of storeTargets()) {
  const store = await target.fresh();
  const scratch = mkdtempSync(join(tmpdir(), 'callplane-cpu-'));
  const server = await serve(() => [entry], root, { DATABASE_URL: store.url, CALLPLANE_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'warn' });
  let ceiling: ChildProcess | undefined;
  try {
    const seeded = await seedPeople(server.base, { people: 300, concurrency: 8, runId: Math.random().toString(36).slice(2, 8) });
    await analyzeLikeAutovacuum(store.url);
    const endpoints = [
      { name: 'GET /v1/people/{id}', route: '/v1/people/:personId', paths: seeded.ids.slice(0, 200).map((id: string) => `/v1/people/${id}`) },
      { name: 'GET /v1/people?callingData=true&max=100', route: '/v1/people', paths: ['/v1/people?callingData=true&max=100'] },
    ];
    const routes = [];
    for (const endpoint of endpoints) {
      const reply = await fetch(`${server.base}${endpoint.paths[0]}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      routes.push({ method: 'GET', url: endpoint.route, status: 200, body: await reply.json() });
    }
    writeFileSync(join(scratch, 'routes.json'), JSON.stringify(routes));
    const bare = await serve((port) => ['bench/ceiling-server.ts', String(port), join(scratch, 'routes.json')], ROOT, {});
    ceiling = bare.child;
    for (const endpoint of endpoints) {
      const ours = await measure(server.child, server.base, endpoint.paths);
      const theirs = await measure(bare.child, bare.base, endpoint.paths);
      process.stdout.write(
        `${target.name} ${endpoint.name}: ${ours.perSecond.toFixed(0)} req/s, ${ours.cpuUs.toFixed(0)} µs CPU per request` +
          `${target.name === 'postgres' ? ` (+ ${ours.databaseUs.toFixed(0)} µs in PostgreSQL)` : ''} (non-2xx ${ours.non2xx}); ` +
          `ceiling ${theirs.perSecond.toFixed(0)} req/s, ${theirs.cpuUs.toFixed(0)} µs; ÷ ceiling ${(ours.perSecond / theirs.perSecond).toFixed(3)} by req/s, ${(theirs.cpuUs / ours.cpuUs).toFixed(3)} by CPU\n`,
      );
    }
    // Latency at a fixed offered load of 200 list requests a second (issue 17: p99 ≤ 10 ms), not at
    // saturation, where the p99 is bounded by the ceiling itself.
    const list = endpoints[1]!;
    const fixedLoad = (base: string) =>
      runLoad({ url: base, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, connections: 8, duration: seconds, paths: list.paths, rate: 200 });
    const [fixed, fixedCeiling] = [await fixedLoad(server.base), await fixedLoad(bare.base)];
    process.stdout.write(
      `${target.name} ${list.name} at 200 req/s offered: ${fixed.perSecond.toFixed(0)} req/s answered, p50 ${fmt(fixed.latency.p50)} ms, p99 ${fmt(fixed.latency.p99)} ms, max ${fmt(fixed.latency.max)} ms (non-2xx ${fixed.non2xx}); ` +
        `ceiling p50 ${fmt(fixedCeiling.latency.p50)} ms, p99 ${fmt(fixedCeiling.latency.p99)} ms, max ${fmt(fixedCeiling.latency.max)} ms\n`,
    );
  } finally {
    server.child.kill('SIGTERM');
    ceiling?.kill('SIGTERM');
    await sleep(200);
    rmSync(scratch, { recursive: true, force: true });
    await store.drop();
  }
}
