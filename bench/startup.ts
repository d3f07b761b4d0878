import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scaleStore, type ScaleOptions } from './scale-seed.ts';
import { scaleOptions } from './scale.ts';
import { residentMemory } from './processes.ts';
import { ROOT, loadAverage, printTable, quickFlag, spread, startServer, storeTargets, writeResults, type Spread } from './support.ts';

// Cold start as a user sees it: spawn `npm start`'s `node bin/callplane.js` and wait for the first
// 200 on /healthz. Like `npm start`'s prestart, it first bundles the sources if they changed
// (scripts/build-dist.ts --if-stale), so the server starts from the bundle (bin/built-server.js).
// "empty store" includes migrations and the demo organization; "warm store" restarts the
// server on the store the cold start left behind (no demo creation). "N people" starts on a
// copy of the scale benchmark's store (N people over L locations, provisioned through the API
// once and cached: scale-seed.ts), and notes the server's memory once it answers. src/main.ts
// turns on Node's compile cache, so every start but the first after an install or a change of
// the code reuses compiled modules; "no compile cache" measures that first start.

/**
 * The floor: a bare Fastify server (bench/floor-server.ts, bundled like Callplane's start) with
 * the routes Callplane documents at /openapi.json of a server started on `databaseUrl`, and
 * nothing else. Its start is the part of ours no work on our own code can remove.
 */
async function fastifyFloor(databaseUrl: string, runs: number): Promise<{ routes: number; samples: number[] }> {
  const server = await startServer(databaseUrl);
  const document = (await (await fetch(`${server.base}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  await server.stop();
  const methods = new Set(['get', 'put', 'post', 'delete', 'patch']);
  const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.has(method))
      // The router reads `:` as a parameter, `::` as a colon; OpenAPI writes parameters in braces.
      .map((method) => ({ method: method.toUpperCase(), url: path.replaceAll(':', '::').replace(/\{([^}]+)\}/g, ':$1') })),
  );
  const scratch = mkdtempSync(join(tmpdir(), 'callplane-floor-'));
  try {
    const routesFile = join(scratch, 'routes.json');
    writeFileSync(routesFile, JSON.stringify(routes));
    const esbuild = await import('esbuild');
    const bundle = join(scratch, 'floor-server.mjs');
    await esbuild.build({
      entryPoints: [join(ROOT, 'bench', 'floor-server.ts')],
      outfile: bundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const floor = await startServer(databaseUrl, {}, [bundle, routesFile]);
      samples.push(floor.startMs);
      await floor.stop();
    }
    return { routes: routes.length, samples };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export type StartupOptions = { runs: number; scale: ScaleOptions };

type StoreResult = {
  store: string;
  emptyStore: Spread;
  warmStore: Spread;
  noCompileCache: Spread;
  shutdown: Spread;
  scaledStore: Spread & { people: number; locations: number; rssMiB: Spread };
  samples: Record<string, number[]>;
};

/** Node's own start, for scale: what any `node` process costs before our code runs. */
function nodeBaseline(runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function runStartup(options: StartupOptions): Promise<object> {
  const { runs } = options;
  process.stdout.write(`\n== startup: ${runs} cold starts per store ==\n`);
  spawnSync(process.execPath, ['scripts/build-dist.ts', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const load = loadAverage();
  const baseline = nodeBaseline(runs);
  const floorStore = await storeTargets()[0]!.fresh();
  const floor = await fastifyFloor(floorStore.url, runs).finally(() => floorStore.drop());
  const results: StoreResult[] = [];
  for (const target of storeTargets()) {
    const empty: number[] = [];
    const warm: number[] = [];
    const shutdown: number[] = [];
    const uncached: number[] = [];
    for (let i = 0; i < runs; i++) {
      const store = await target.fresh();
      try {
        const first = await startServer(store.url);
        empty.push(first.startMs);
        let t0 = performance.now();
        await first.stop();
        shutdown.push(performance.now() - t0);
        const second = await startServer(store.url);
        warm.push(second.startMs);
        t0 = performance.now();
        await second.stop();
        shutdown.push(performance.now() - t0);
      } finally {
        await store.drop();
      }
      const another = await target.fresh();
      try {
        const first = await startServer(another.url, { NODE_DISABLE_COMPILE_CACHE: '1' });
        uncached.push(first.startMs);
        await first.stop();
      } finally {
        await another.drop();
      }
      process.stdout.write(`  ${target.name} run ${i + 1}/${runs}: empty ${empty.at(-1)!.toFixed(0)} ms, warm ${warm.at(-1)!.toFixed(0)} ms, no compile cache ${uncached.at(-1)!.toFixed(0)} ms\n`);
    }
    const { people, locations } = options.scale;
    const scaled = await scaleStore(target, options.scale);
    const big: number[] = [];
    const rss: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const server = await startServer(scaled.url);
        big.push(server.startMs);
        rss.push(residentMemory(server.child.pid!).rssMiB);
        await server.stop();
        process.stdout.write(`  ${target.name} run ${i + 1}/${runs}: ${people} people ${big.at(-1)!.toFixed(0)} ms, RSS ${rss.at(-1)!.toFixed(0)} MiB\n`);
      }
    } finally {
      await scaled.drop();
    }
    results.push({
      store: target.name,
      emptyStore: spread(empty),
      warmStore: spread(warm),
      noCompileCache: spread(uncached),
      shutdown: spread(shutdown),
      scaledStore: { ...spread(big), people, locations, rssMiB: spread(rss) },
      samples: { empty, warm, uncached, shutdown, scaled: big, scaledRssMiB: rss },
    });
  }

  const row = (label: string, s: Spread) => [label, String(s.runs), s.min, s.median, s.max];
  const rows = [row('node -e 0 (baseline)', spread(baseline)), row(`bare Fastify, the same ${floor.routes.toLocaleString('en')} routes (floor)`, spread(floor.samples))];
  for (const r of results) {
    rows.push(
      row(`${r.store}: empty store (+ demo org)`, r.emptyStore),
      row(`${r.store}: warm store`, r.warmStore),
      row(`${r.store}: empty store, no compile cache`, r.noCompileCache),
      row(`${r.store}: ${r.scaledStore.people} people, ${r.scaledStore.locations} locations`, r.scaledStore),
      row(`${r.store}: SIGTERM to exit`, r.shutdown),
    );
  }
  printTable('startup: spawn to first 200 on GET /healthz (ms)', ['case', 'runs', 'min', 'median', 'max'], rows);
  for (const r of results) process.stdout.write(`  ${r.store}: server RSS right after start on ${r.scaledStore.people} people: median ${r.scaledStore.rssMiB.median.toFixed(0)} MiB\n`);
  const data = { options, loadAverage: load, nodeBaseline: { ...spread(baseline), samples: baseline }, fastifyFloor: { ...spread(floor.samples), routes: floor.routes, samples: floor.samples }, stores: results };
  writeResults('startup', data);
  return data;
}

if (import.meta.main) await runStartup({ runs: quickFlag() ? 2 : 5, scale: scaleOptions(quickFlag()) });
