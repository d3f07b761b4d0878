import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { activeCalls, connect, hangUpAll, type Caller, type HeldCall } from './calls.ts';
import { runLoad, type LoadResult } from './load.ts';
import { saveScaleCache, scaleStore, seedScale, type ScaleOptions, type ScaleSeeded } from './scale-seed.ts';
import { residentMemory, storeBytes } from './processes.ts';
import {
  ADMIN_TOKEN,
  analyzeLikeAutovacuum,
  call,
  cpuMs,
  expectStatus,
  fmt,
  latency,
  loadAverage,
  memoryDetail,
  memoryProbeEnv,
  nextLink,
  pool,
  printTable,
  quickFlag,
  sleep,
  startServer,
  storeTargets,
  writeResults,
  type Latency,
  type MemoryDetail,
} from './support.ts';

// Scale: provision N people over L locations through the API (time, store size on disk, server
// memory), then time the reads at that size with autocannon, and walk every page of the list.
// The store is kept afterwards (scale-seed.ts) for the start-up benchmark. Then `calls` live calls
// are held on that store (each a PSTN call to a different person, answered) and hung up. The
// server's memory is read at each phase: RSS from /proc, and where it is (bench/memory-probe.ts).
// With --cached the provisioning is skipped: the server starts on a copy of the cached store.

export type ScaleBenchOptions = ScaleOptions & { seconds: number; connections: number; calls: number; cached: boolean };

type Listed = { id: string; number?: string };

const MiB = 2 ** 20;

/** Follows Link rel="next" from the first page to the last; page latencies in order, and the people with their work numbers. */
async function walk(base: string, expected: number): Promise<{ pageMs: number[]; seconds: number; people: Listed[] }> {
  const pageMs: number[] = [];
  const seen = new Map<string, Listed>();
  let url: string | undefined = `${base}/v1/people?callingData=true&max=100`;
  const t0 = performance.now();
  while (url) {
    const reply = expectStatus(await call(url), 200, `walk page ${pageMs.length + 1}`);
    for (const person of reply.body.items as { id: string; phoneNumbers?: { type: string; value: string }[] }[]) {
      seen.set(person.id, { id: person.id, number: person.phoneNumbers?.find((p) => p.type === 'work')?.value });
    }
    pageMs.push(reply.ms);
    url = nextLink(reply.headers);
  }
  if (seen.size !== expected) throw new Error(`walk: ${seen.size} people listed over ${pageMs.length} pages, expected ${expected}`);
  return { pageMs, seconds: (performance.now() - t0) / 1000, people: [...seen.values()] };
}

/** Every location's ID, page by page. */
async function locationIds(base: string): Promise<string[]> {
  const ids: string[] = [];
  let url: string | undefined = `${base}/v1/locations?max=1000`;
  while (url) {
    const reply = expectStatus(await call(url), 200, 'list locations');
    ids.push(...reply.body.items.map((l: { id: string }) => l.id));
    url = nextLink(reply.headers);
  }
  return ids;
}

/**
 * Connects `count` calls, each a PSTN call to a different person answered by their phone, and
 * leaves them up; then how many the server lists as connected.
 */
async function holdCalls(base: string, people: Caller[], count: number) {
  const held: HeldCall[] = [];
  const t0 = performance.now();
  await pool(Math.min(count, people.length), 16, async (i) => {
    held.push({ person: people[i]!, callId: await connect(base, people[i]!) });
  });
  const setupSeconds = (performance.now() - t0) / 1000;
  return { held, setupSeconds, connected: (await activeCalls(base)).connected };
}

export async function runScale(options: ScaleBenchOptions): Promise<object> {
  const how = options.cached ? 'from the cached store (provisioned through the API once)' : `seeded through the API at concurrency ${options.concurrency}`;
  process.stdout.write(`\n== scale: ${options.people} people over ${options.locations} locations, ${how}; ${options.calls} calls held ==\n`);
  const load = loadAverage();
  const stores = [];
  let file: string | undefined;
  for (const target of storeTargets()) {
    const store = options.cached ? await scaleStore(target, options) : await target.fresh();
    const probeFile = join(mkdtempSync(join(os.tmpdir(), 'callplane-memory-')), 'memory.json');
    const server = await startServer(store.url, memoryProbeEnv(probeFile));
    const pid = server.child.pid!;
    // At each phase: RSS from /proc, the server's own breakdown, and its CPU since the previous
    // phase (per request: a smaller young generation saves memory at the cost of more collections).
    const memory: { phase: string; rssMiB: number; peakMiB: number; cpuMs: number; detail?: MemoryDetail }[] = [];
    let cpuBefore = cpuMs(server.child);
    const phase = async (name: string) => {
      const cpu = cpuMs(server.child);
      memory.push({ phase: name, ...residentMemory(pid), cpuMs: cpu - cpuBefore, detail: await memoryDetail(pid, probeFile) });
      cpuBefore = cpu;
      const m = memory.at(-1)!;
      process.stdout.write(`    RSS ${name}: ${fmt(m.rssMiB)} MiB${m.detail ? ` (JS heap ${fmt(m.detail.heapUsedMiB)} used of ${fmt(m.detail.heapTotalMiB)}, external ${fmt(m.detail.externalMiB)})` : ''}\n`);
      // RSS by kind of mapping (bench/memory-probe.ts): is what lies outside the JS heap malloc's, V8's or files'?
      if (m.detail?.mappings) process.stdout.write(`      mappings: ${JSON.stringify(m.detail.mappings)}\n`);
    };
    let kept = false;
    try {
      await phase('at start');
      const runId = Math.random().toString(36).slice(2, 8);
      let seeded: ScaleSeeded | undefined;
      let bytesAfterSeed: number | undefined;
      if (!options.cached) {
        process.stdout.write(`  ${target.name}: provisioning\n`);
        seeded = await seedScale(server.base, options, runId).catch((error) => {
          // Say whether the server was still there, and what it last printed.
          const { exitCode, signalCode } = server.child;
          throw new Error(`${error}\n  server ${exitCode === null && signalCode === null ? 'still running' : `exited (${exitCode ?? signalCode})`}; its output ends:\n${server.output().slice(-3000)}`);
        });
        await phase('after provisioning');
        bytesAfterSeed = await storeBytes(store.url);
      }
      const analyzed = await analyzeLikeAutovacuum(store.url);

      // Every page of the list, in order: does paging slow down with depth? (From the cached
      // store, first: it lists the people the reads and calls need.)
      const expectedPeople = options.people + 5; // and the demo's five
      let w: Awaited<ReturnType<typeof walk>> | undefined;
      if (options.cached) w = await walk(server.base, expectedPeople);
      const personIds = seeded?.personIds ?? w!.people.map((p) => p.id);
      const locations = seeded?.locationIds ?? (await locationIds(server.base));

      // Reads at this size, autocannon from its own process.
      const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const picks = (ids: string[], n: number) => Array.from({ length: n }, (_, i) => ids[(i * 7919) % ids.length]!);
      const spec = { headers, connections: options.connections, duration: options.seconds, warmup: Math.min(2, options.seconds) };
      const reads: { operation: string; result: LoadResult }[] = [];
      const read = async (operation: string, url: string, paths?: string[]) => {
        const result = await runLoad({ ...spec, url: `${server.base}${url}`, ...(paths ? { paths } : {}) });
        if (result.non2xx || result.errors) throw new Error(`${operation}: ${result.non2xx} non-2xx, ${result.errors} errors: ${result.failures.join(' | ')}`);
        reads.push({ operation, result });
        process.stdout.write(`    ${operation}: ${fmt(result.perSecond, 0)} req/s\n`);
      };
      await read('GET /v1/people?callingData=true&max=100', '/v1/people?callingData=true&max=100');
      await read('GET /v1/people/{id}?callingData=true', '/', picks(personIds, 2000).map((id) => `/v1/people/${id}?callingData=true`));
      await read('GET /v1/people?locationId=…&callingData=true', '/', picks(locations, 500).map((id) => `/v1/people?locationId=${id}&callingData=true&max=100`));
      await read('GET /v1/telephony/config/locations/{id}', '/', picks(locations, 500).map((id) => `/v1/telephony/config/locations/${id}`));
      await read('GET /v1/locations?max=100', '/v1/locations?max=100');
      w ??= await walk(server.base, expectedPeople);
      const tenth = Math.max(1, Math.floor(w.pageMs.length / 10));
      const walkRows = {
        pages: w.pageMs.length,
        seconds: w.seconds,
        all: latency(w.pageMs),
        firstTenth: latency(w.pageMs.slice(0, tenth)),
        lastTenth: latency(w.pageMs.slice(-tenth)),
      };
      await phase('after the reads');

      // Live calls held on this store, each to a different calling user, then hung up.
      const callers = w.people.filter((p): p is Caller => p.number !== undefined && p.number.startsWith('+1571'));
      let calls: { held: number; connected: number; setupPerSecond: number; hangupPerSecond: number; hangupRefused: number } | undefined;
      if (options.calls > 0) {
        const up = await holdCalls(server.base, callers, options.calls);
        await sleep(3000);
        await phase(`with ${up.held.length} calls up`);
        if (up.connected !== up.held.length) process.stdout.write(`  WARNING: ${up.held.length} calls answered, ${up.connected} listed as connected\n`);
        const down = await hangUpAll(server.base, up.held);
        await sleep(3000);
        await phase('after hang-up');
        calls = { held: up.held.length, connected: up.connected, setupPerSecond: up.held.length / up.setupSeconds, hangupPerSecond: up.held.length / down.seconds, hangupRefused: down.refused };
        process.stdout.write(`  ${up.held.length} calls set up at ${fmt(up.held.length / up.setupSeconds, 0)}/s, hung up at ${fmt(up.held.length / down.seconds, 0)}/s\n`);
      }

      const lat = (l: Latency) => [l.p50, l.p90, l.p99, l.max];
      if (seeded) {
        printTable(
          `scale on ${target.name}: provisioning ${options.people} people over ${options.locations} locations through the API (latency in ms)`,
          ['operation', 'mode', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max'],
          seeded.rows.map((r) => [r.operation, r.mode, String(r.requests), r.perSecond, r.latency.p50, r.latency.p90, r.latency.p99, r.latency.max]),
        );
        const s = seeded.seconds;
        printTable(`scale on ${target.name}: size`, ['measure', 'value'], [
          ['provisioning, total (s)', s.total],
          ['  locations created and enabled (s)', s.locations],
          ['  numbers added (s)', s.numbers],
          ['  people created (s)', s.people],
          ['store on disk after provisioning (MiB)', bytesAfterSeed! / MiB],
        ]);
        printTable(
          `scale on ${target.name}: POST /v1/people as the organization grows`,
          ['people so far', 'seconds so far', 'people/s in this tenth'],
          seeded.checkpoints.map((c, i, all) => {
            const prev = all[i - 1] ?? { people: 0, seconds: 0 };
            return [String(c.people), c.seconds, (c.people - prev.people) / (c.seconds - prev.seconds)];
          }),
        );
      }
      printTable(
        `scale on ${target.name}: reads at ${options.people} people, autocannon c=${options.connections} for ${options.seconds} s (latency in ms)`,
        ['operation', 'req/s', 'p50', 'p90', 'p99', 'max', 'bytes'],
        [
          ...reads.map((r) => [r.operation, r.result.perSecond, r.result.latency.p50, r.result.latency.p90, r.result.latency.p99, r.result.latency.max, fmt(r.result.bytesPerResponse, 0)]),
          [`walk: pages 1-${tenth} (seq)`, 1000 / walkRows.firstTenth.mean, ...lat(walkRows.firstTenth), '-'],
          [`walk: last ${tenth} pages (seq)`, 1000 / walkRows.lastTenth.mean, ...lat(walkRows.lastTenth), '-'],
        ],
      );
      process.stdout.write(`  walk of all ${walkRows.pages} pages: ${walkRows.seconds.toFixed(1)} s\n`);
      const byPhase = Object.fromEntries(memory.map((m) => [m.phase, m]));
      const readRequests = reads.reduce((sum, r) => sum + r.result.requests, 0) + walkRows.pages;
      const cpu = {
        readsUsPerRequest: (byPhase['after the reads']!.cpuMs * 1000) / readRequests,
        ...(calls ? { callSetupUsPerCall: (memory.find((m) => m.phase.startsWith('with '))!.cpuMs * 1000) / calls.held } : {}),
        ...(calls ? { hangupUsPerCall: (byPhase['after hang-up']!.cpuMs * 1000) / calls.held } : {}),
      };
      process.stdout.write(`  server CPU: ${fmt(cpu.readsUsPerRequest, 0)} µs per read (warm-ups included)${calls ? `, ${fmt(cpu.callSetupUsPerCall!, 0)} µs per call set up, ${fmt(cpu.hangupUsPerCall!, 0)} µs per hang-up` : ''}\n`);
      const d = (m: (typeof memory)[number], pick: (x: MemoryDetail) => number) => (m.detail ? pick(m.detail) : NaN);
      printTable(
        `scale on ${target.name}: server memory (MiB; peak RSS ${fmt(memory.at(-1)!.peakMiB)})`,
        ['phase', 'RSS', 'JS heap used', 'JS heap total', 'external', 'array buffers', 'outside the JS heap'],
        memory.map((m) => [m.phase, m.rssMiB, d(m, (x) => x.heapUsedMiB), d(m, (x) => x.heapTotalMiB), d(m, (x) => x.externalMiB), d(m, (x) => x.arrayBuffersMiB), m.rssMiB - d(m, (x) => x.heapTotalMiB)]),
      );
      stores.push({
        store: target.name,
        cached: options.cached,
        analyzed,
        ...(seeded
          ? {
              seconds: seeded.seconds,
              rate: { peoplePerSecond: options.people / seeded.seconds.people, locationsPerSecond: options.locations / seeded.seconds.locations },
              storeBytes: bytesAfterSeed,
              checkpoints: seeded.checkpoints,
              provisioning: seeded.rows,
            }
          : {}),
        memory: { atStart: byPhase['at start'], afterSeed: byPhase['after provisioning'], afterReads: byPhase['after the reads'], phases: memory },
        reads,
        walk: walkRows,
        calls,
        cpu,
      });
      // Written after each store: a long run stopped half-way still leaves what it measured.
      file = writeResults(`scale-${options.people}`, { options, loadAverage: load, stores }, file);
      await server.stop();
      if (seeded) await saveScaleCache(target, store.url, options, seeded.seconds);
      kept = true;
    } finally {
      rmSync(dirname(probeFile), { recursive: true, force: true });
      if (!kept) await server.stop().catch((error) => process.stderr.write(`${error}\n`));
      // SQLite: the cache holds a copy. PostgreSQL: a fresh schema became the cache (a cached
      // one is used in place); one not kept is dropped.
      if (target.name === 'sqlite' || (!kept && !options.cached)) await store.drop();
    }
  }
  return { options, loadAverage: load, stores };
}

/** --people=N, --locations=L, --calls=C (live calls held; 0: none) and --cached (no provisioning: a copy of the cached store). */
export function scaleOptions(quick: boolean): ScaleBenchOptions {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const people = Number(arg('people') ?? (quick ? 2000 : 100_000));
  const locations = Number(arg('locations') ?? (quick ? 20 : 1000));
  const calls = Number(arg('calls') ?? (quick ? 200 : 10_000));
  return { people, locations, concurrency: 16, connections: 16, seconds: quick ? 3 : 10, calls, cached: process.argv.includes('--cached') };
}

if (import.meta.main) await runScale(scaleOptions(quickFlag()));
