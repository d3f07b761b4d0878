import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNumbers, createPerson, defaultLocationId, FIRST_NUMBER, growLicense } from './seed.ts';
import { ADMIN_TOKEN, analyzeLikeAutovacuum, cpuMs, pool, postgresCpuMs, ROOT, serve, statementCount, storeTargets } from './support.ts';

// Creating calling users (POST /v1/people with a Webex Calling license, the default location,
// a number and an extension) at 8 in flight: creates per second, the server's CPU per create,
// PostgreSQL's CPU per create and the statements one create sends its store (counted inside the
// server by bench/count-statements.ts, BEGIN and COMMIT included; BENCH_STATEMENT_TEXTS=1 lists them). Issue 17's target was ≥ 2×.
// Usage:
//   node bench/create-people.ts [CHECKOUT [ENTRY]] [--creates=N] [--cpu-prof=DIR]
// CHECKOUT is the tree whose server runs (default this one), to compare another branch's worktree
// in the same conditions. With BENCH_DATABASE_URL set, the same runs follow on PostgreSQL.

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const root = positional[0] ?? ROOT;
const entry = positional[1] ?? 'bin/callplane.js';
const creates = Number(process.argv.find((a) => a.startsWith('--creates='))?.slice('--creates='.length) ?? 400);
const warmup = 100;
const concurrency = 8;
/** `--cpu-prof=DIR`: the server writes a CPU profile of its whole run there (node --cpu-prof). */
const profileDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);

for (const target of storeTargets()) {
  const store = await target.fresh();
  const scratch = mkdtempSync(join(tmpdir(), 'callplane-create-'));
  const countFile = join(scratch, 'statements');
  const preload = join(ROOT, 'bench', 'count-statements.ts');
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = await serve(() => [...profile, '--import', preload, entry], root, {
    DATABASE_URL: store.url,
    CALLPLANE_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    BENCH_STATEMENT_FILE: countFile,
  });
  try {
    const base = server.base;
    const [locationId, license] = await Promise.all([defaultLocationId(base), growLicense(base, warmup + creates)]);
    await addNumbers(base, locationId, FIRST_NUMBER, warmup + creates);
    const runId = Math.random().toString(36).slice(2, 8);
    const create = (i: number) => createPerson(base, `c${i}-${runId}`, { national: FIRST_NUMBER + i, extension: String(200_000 + i), licenseId: license.professionalId });
    await pool(warmup, concurrency, async (i) => void (await create(i)));
    await analyzeLikeAutovacuum(store.url);

    const pid = server.child.pid!;
    const statementsBefore = await statementCount(pid, countFile);
    const cpuBefore = cpuMs(server.child);
    const databaseBefore = postgresCpuMs();
    const wallMs = await pool(creates, concurrency, async (i) => void (await create(warmup + i)));
    const cpu = cpuMs(server.child) - cpuBefore;
    const database = postgresCpuMs() - databaseBefore;
    // The count's own request costs one signal, no statement; idle background work would show here too.
    const statements = (await statementCount(pid, countFile)) - statementsBefore;
    if (process.env.BENCH_STATEMENT_TEXTS) {
      // Which statements: per create, most frequent first.
      const lines = readFileSync(`${countFile}.texts`, 'utf8').split('\n').filter(Boolean);
      const rows = lines.map((line) => line.split('\t') as [string, string, string]).sort((a, b) => Number(b[0]) - Number(a[0]));
      // SQLite's statements run in the server's thread: their time per create too.
      for (const [n, ms, text] of rows) {
        const time = target.name === 'sqlite' ? `${((Number(ms) * 1000) / creates).toFixed(0).padStart(5)} µs  ` : '';
        process.stdout.write(`  ${(Number(n) / creates).toFixed(2)}  ${time}${text.replace(/\s+/g, ' ').slice(0, 150)}\n`);
      }
    }
    const perCreate = (ms: number) => ((ms * 1000) / creates).toFixed(0);
    process.stdout.write(
      `${target.name} POST /v1/people (calling user, c=${concurrency}, ${creates} creates): ${((creates / wallMs) * 1000).toFixed(0)} creates/s, ` +
        `${perCreate(cpu)} µs CPU per create${target.name === 'postgres' ? ` (+ ${perCreate(database)} µs in PostgreSQL)` : ''}, ` +
        `${(statements / creates).toFixed(1)} statements per create\n`,
    );
  } finally {
    const exited = new Promise((ok) => server.child.once('exit', ok));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(scratch, { recursive: true, force: true });
    await store.drop();
  }
}
