import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { printTable, quickFlag, spread, startServer, storeTargets, writeResults, type Spread } from './support.ts';

// Cold start as a user sees it: spawn `node src/main.ts` and wait for the first 200 on /healthz.
// "empty store" includes migrations and the demo organization; "warm store" restarts the
// server on the store the cold start left behind (no demo creation).

export type StartupOptions = { runs: number };

type StoreResult = { store: string; emptyStore: Spread; warmStore: Spread; shutdown: Spread; samples: Record<string, number[]> };

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
  const baseline = nodeBaseline(runs);
  const results: StoreResult[] = [];
  for (const target of storeTargets()) {
    const empty: number[] = [];
    const warm: number[] = [];
    const shutdown: number[] = [];
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
      process.stdout.write(`  ${target.name} run ${i + 1}/${runs}: empty ${empty.at(-1)!.toFixed(0)} ms, warm ${warm.at(-1)!.toFixed(0)} ms\n`);
    }
    results.push({ store: target.name, emptyStore: spread(empty), warmStore: spread(warm), shutdown: spread(shutdown), samples: { empty, warm, shutdown } });
  }

  const row = (label: string, s: Spread) => [label, String(s.runs), s.min, s.median, s.max];
  const rows = [row('node -e 0 (baseline)', spread(baseline))];
  for (const r of results) {
    rows.push(row(`${r.store}: empty store (+ demo org)`, r.emptyStore), row(`${r.store}: warm store`, r.warmStore), row(`${r.store}: SIGTERM to exit`, r.shutdown));
  }
  printTable('startup: spawn to first 200 on GET /healthz (ms)', ['case', 'runs', 'min', 'median', 'max'], rows);
  const data = { options, nodeBaseline: { ...spread(baseline), samples: baseline }, stores: results };
  writeResults('startup', data);
  return data;
}

if (import.meta.main) await runStartup({ runs: quickFlag() ? 2 : 5 });
