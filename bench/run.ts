import { apiOptions, runApi } from './api.ts';
import { callsOptions, runCalls } from './calls.ts';
import { runPacked } from './packed.ts';
import { runPeopleList } from './people-list.ts';
import { runReset } from './reset.ts';
import { runScale, scaleOptions } from './scale.ts';
import { runStartup } from './startup.ts';
import { loadAverage, machine, quickFlag } from './support.ts';
import { runFairness, runRetention } from './webhooks-safety.ts';

// `npm run bench`: every benchmark in order; `npm run bench -- api calls` runs only those.
// `--quick` is a smoke run with small counts. Set BENCH_DATABASE_URL=postgres://… to run each
// benchmark on PostgreSQL as well as SQLite. Scale runs before start-up, whose "100,000 people"
// case opens the store scale leaves behind (cached between runs, see scale-seed.ts).

const quick = quickFlag();
const benchmarks: Record<string, () => Promise<unknown>> = {
  api: () => runApi(apiOptions(quick)),
  calls: () => runCalls(callsOptions(quick)),
  'people-list': () => runPeopleList({ people: quick ? 1000 : 10_000, requests: quick ? 100 : 500, concurrency: 16, walks: quick ? 1 : 3 }),
  scale: () => runScale(scaleOptions(quick)),
  startup: () => runStartup({ runs: quick ? 2 : 5, scale: scaleOptions(quick) }),
  retention: () => runRetention({ calls: quick ? 100 : 1000 }),
  fairness: () => runFairness({ slowWebhooks: 20, runs: quick ? 3 : 5 }),
  packed: () => runPacked({ runs: quick ? 2 : 10 }),
  reset: async () => {
    await runReset({ runs: quick ? 10 : 50 });
    if (process.env.BENCH_DATABASE_URL) await runReset({ runs: quick ? 10 : 50, db: process.env.BENCH_DATABASE_URL });
  },
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = chosen.filter((name) => !(name in benchmarks));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}\n`);
  process.exit(2);
}

const m = machine();
process.stdout.write(`Callplane benchmarks${quick ? ' (quick)' : ''}: node ${m.node}, ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}\n`);
process.stdout.write(`stores: sqlite${process.env.BENCH_DATABASE_URL ? ', postgres' : ' (set BENCH_DATABASE_URL for postgres too)'}; load average ${loadAverage().join(' ')}\n`);

const t0 = performance.now();
for (const [name, run] of Object.entries(benchmarks)) {
  if (chosen.length && !chosen.includes(name)) continue;
  await run();
}
process.stdout.write(`\nall done in ${((performance.now() - t0) / 60_000).toFixed(1)} min\n`);
