import { runLoad, type LoadResult } from './load.ts';
import { saveScaleCache, seedScale, type ScaleOptions } from './scale-seed.ts';
import { residentMemory, storeBytes } from './processes.ts';
import {
  ADMIN_TOKEN,
  analyzeLikeAutovacuum,
  call,
  expectStatus,
  fmt,
  latency,
  loadAverage,
  nextLink,
  printTable,
  quickFlag,
  startServer,
  storeTargets,
  writeResults,
  type Latency,
} from './support.ts';

// Scale: provision N people over L locations through the API (time, store size on disk, server
// memory), then time the reads at that size with autocannon, and walk every page of the list.
// The store is kept afterwards (scale-seed.ts) for the start-up benchmark.

export type ScaleBenchOptions = ScaleOptions & { seconds: number; connections: number };

const MiB = 2 ** 20;

/** Follows Link rel="next" from the first page to the last; page latencies in order. */
async function walk(base: string, expected: number): Promise<{ pageMs: number[]; seconds: number }> {
  const pageMs: number[] = [];
  const seen = new Set<string>();
  let url: string | undefined = `${base}/v1/people?callingData=true&max=100`;
  const t0 = performance.now();
  while (url) {
    const reply = expectStatus(await call(url), 200, `walk page ${pageMs.length + 1}`);
    for (const person of reply.body.items) seen.add(person.id);
    pageMs.push(reply.ms);
    url = nextLink(reply.headers);
  }
  if (seen.size !== expected) throw new Error(`walk: ${seen.size} people listed over ${pageMs.length} pages, expected ${expected}`);
  return { pageMs, seconds: (performance.now() - t0) / 1000 };
}

export async function runScale(options: ScaleBenchOptions): Promise<object> {
  process.stdout.write(`\n== scale: ${options.people} people over ${options.locations} locations, seeded through the API at concurrency ${options.concurrency} ==\n`);
  const load = loadAverage();
  const stores = [];
  let file: string | undefined;
  for (const target of storeTargets()) {
    const store = await target.fresh();
    const server = await startServer(store.url);
    const pid = server.child.pid!;
    let kept = false;
    try {
      const memoryAtStart = residentMemory(pid);
      const runId = Math.random().toString(36).slice(2, 8);
      process.stdout.write(`  ${target.name}: provisioning\n`);
      const seeded = await seedScale(server.base, options, runId).catch((error) => {
        // Say whether the server was still there, and what it last printed.
        const { exitCode, signalCode } = server.child;
        throw new Error(`${error}\n  server ${exitCode === null && signalCode === null ? 'still running' : `exited (${exitCode ?? signalCode})`}; its output ends:\n${server.output().slice(-3000)}`);
      });
      const memoryAfterSeed = residentMemory(pid);
      const bytesAfterSeed = await storeBytes(store.url);
      const analyzed = await analyzeLikeAutovacuum(store.url);

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
      await read('GET /v1/people/{id}?callingData=true', '/', picks(seeded.personIds, 2000).map((id) => `/v1/people/${id}?callingData=true`));
      await read('GET /v1/people?locationId=…&callingData=true', '/', picks(seeded.locationIds, 500).map((id) => `/v1/people?locationId=${id}&callingData=true&max=100`));
      await read('GET /v1/telephony/config/locations/{id}', '/', picks(seeded.locationIds, 500).map((id) => `/v1/telephony/config/locations/${id}`));
      await read('GET /v1/locations?max=100', '/v1/locations?max=100');

      // Every page of the list, in order: does paging slow down with depth?
      const expectedPeople = options.people + 5; // and the demo's five
      const w = await walk(server.base, expectedPeople);
      const tenth = Math.max(1, Math.floor(w.pageMs.length / 10));
      const walkRows = {
        pages: w.pageMs.length,
        seconds: w.seconds,
        all: latency(w.pageMs),
        firstTenth: latency(w.pageMs.slice(0, tenth)),
        lastTenth: latency(w.pageMs.slice(-tenth)),
      };
      const memoryAfterReads = residentMemory(pid);

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
        ['store on disk after provisioning (MiB)', bytesAfterSeed / MiB],
        ['server RSS at start (MiB)', memoryAtStart.rssMiB],
        ['server RSS after provisioning (MiB)', memoryAfterSeed.rssMiB],
        ['server RSS after the reads (MiB)', memoryAfterReads.rssMiB],
        ['server peak RSS (MiB)', memoryAfterReads.peakMiB],
      ]);
      printTable(
        `scale on ${target.name}: POST /v1/people as the organization grows`,
        ['people so far', 'seconds so far', 'people/s in this tenth'],
        seeded.checkpoints.map((c, i, all) => {
          const prev = all[i - 1] ?? { people: 0, seconds: 0 };
          return [String(c.people), c.seconds, (c.people - prev.people) / (c.seconds - prev.seconds)];
        }),
      );
      const lat = (l: Latency) => [l.p50, l.p90, l.p99, l.max];
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
      stores.push({
        store: target.name,
        analyzed,
        seconds: seeded.seconds,
        rate: { peoplePerSecond: options.people / s.people, locationsPerSecond: options.locations / s.locations },
        storeBytes: bytesAfterSeed,
        memory: { atStart: memoryAtStart, afterSeed: memoryAfterSeed, afterReads: memoryAfterReads },
        checkpoints: seeded.checkpoints,
        provisioning: seeded.rows,
        reads,
        walk: walkRows,
      });
      // Written after each store: a long run stopped half-way still leaves what it measured.
      file = writeResults(`scale-${options.people}`, { options, loadAverage: load, stores }, file);
      await server.stop();
      await saveScaleCache(target, store.url, options, seeded.seconds);
      kept = true;
    } finally {
      if (!kept) {
        await server.stop().catch((error) => process.stderr.write(`${error}\n`));
        await store.drop();
      } else if (target.name === 'sqlite') await store.drop();
    }
  }
  return { options, loadAverage: load, stores };
}

export function scaleOptions(quick: boolean): ScaleBenchOptions {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const people = Number(arg('people') ?? (quick ? 2000 : 100_000));
  const locations = Number(arg('locations') ?? (quick ? 20 : 1000));
  return { people, locations, concurrency: 16, connections: 16, seconds: quick ? 3 : 10 };
}

if (import.meta.main) await runScale(scaleOptions(quickFlag()));
