import { runPeopleList } from './people-list.ts';
import { runStartup } from './startup.ts';
import { machine, quickFlag } from './support.ts';

// `npm run bench`: every benchmark in order. `--quick` is a smoke run with small counts.
// Set BENCH_DATABASE_URL=postgres://… to run each benchmark on PostgreSQL as well as SQLite.

const quick = quickFlag();
const m = machine();
process.stdout.write(`Callplane benchmarks${quick ? ' (quick)' : ''}: node ${m.node}, ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}\n`);
process.stdout.write(`stores: sqlite${process.env.BENCH_DATABASE_URL ? ', postgres' : ' (set BENCH_DATABASE_URL for postgres too)'}\n`);

await runStartup({ runs: quick ? 2 : 5 });
await runPeopleList({ people: quick ? 1000 : 10_000, requests: quick ? 100 : 500, concurrency: 16, walks: quick ? 1 : 3 });
