import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// Shared by the benchmarks: start the real server as a user would (a child process running
// bin/callplane.js, as `npm start` does), talk to it over HTTP, summarise latencies and record the results.

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_TOKEN = `bench-admin-${randomBytes(12).toString('hex')}`;

// ---------------------------------------------------------------- stores

/** A store the server can open; `fresh()` gives another empty one of the same kind. */
export type StoreTarget = { name: 'sqlite' | 'postgres'; fresh(): Promise<{ url: string; drop(): Promise<void> }> };

/** SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set. */
export function storeTargets(): StoreTarget[] {
  const targets: StoreTarget[] = [
    {
      name: 'sqlite',
      async fresh() {
        // A file, not :memory:, so a second start finds the same store (and disk costs count).
        const dir = mkdtempSync(join(os.tmpdir(), 'callplane-bench-'));
        return { url: `sqlite:${join(dir, 'callplane.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
  ];
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    targets.push({
      name: 'postgres',
      async fresh() {
        // A schema of our own (the server creates it), dropped afterwards.
        const schema = `bench_${randomBytes(6).toString('hex')}`;
        const url = new URL(pgUrl);
        url.searchParams.set('schema', schema);
        return {
          url: url.toString(),
          drop: () => withPostgres(pgUrl, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => {}),
        };
      },
    });
  }
  return targets;
}

/** Runs `work` with a client of the PostgreSQL server of `databaseUrl`, and the schema the URL names. */
export async function withPostgres<T>(databaseUrl: string, work: (client: pg.Client, schema: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client, schema);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL setting of BENCH_DATABASE_URL's server, recorded with results (autovacuum decides whether plans have statistics). */
export async function postgresSetting(name: string): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return undefined;
  return withPostgres(url, async (client) => (await client.query('SELECT current_setting($1) AS value', [name])).rows[0]?.value);
}

/**
 * What autovacuum would have done by now: ANALYZE every table of the store's schema, so that
 * PostgreSQL plans with statistics. Only when autovacuum is off (as on the machines these
 * benchmarks were first run on); a freshly seeded table without statistics gets plans no
 * deployment with PostgreSQL's defaults would see (for example sorting every person of the
 * organization for one page). Returns whether it ran, for the results.
 */
export async function analyzeLikeAutovacuum(databaseUrl: string): Promise<boolean> {
  if (!databaseUrl.startsWith('postgres') || (await postgresSetting('autovacuum')) !== 'off') return false;
  await withPostgres(databaseUrl, async (client, schema) => {
    const tables = await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1', [schema]);
    for (const { name } of tables.rows) await client.query(`ANALYZE "${schema}"."${name}"`);
  });
  return true;
}

// ---------------------------------------------------------------- the server process

export type RunningServer = { base: string; child: ChildProcess; startMs: number; output(): string; stop(): Promise<number> };

/** A port that was free a moment ago: the start timer needs to know where to poll before the server prints anything. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** Spawns `node bin/callplane.js` (what `npm start` runs) and resolves when GET /healthz first answers 200 (polled every ~5 ms). */
/** Spawns `node ARGS` (by default Callplane's `npm start` entry) and waits for its first 200 on /healthz. */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}, args = ['bin/callplane.js']): Promise<RunningServer> {
  // The server is the only process the numbers are about: quiet logs, nothing on the console.
  extraEnv = { LOG_LEVEL: 'warn', ...extraEnv };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  let exited: number | null | undefined;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, CALLPLANE_ADMIN_TOKEN: ADMIN_TOKEN, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Drain both pipes (a full pipe would stall the server) and keep the tail for error reports.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<number>((ok) => child.once('exit', (code, signal) => ok((exited = code ?? (signal ? 128 : 1)))));
  for (;;) {
    if (exited !== undefined) throw new Error(`server exited with ${exited} before answering /healthz:\n${output}`);
    try {
      const reply = await fetch(`${base}/healthz`);
      await reply.arrayBuffer();
      if (reply.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 60 s:\n${output}`);
    }
    await sleep(5);
  }
  const startMs = performance.now() - t0;
  return {
    base,
    child,
    startMs,
    output: () => output,
    async stop() {
      if (exited === undefined) child.kill('SIGTERM');
      const code = await exit;
      if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM:\n${output}`);
      return code;
    },
  };
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// ---------------------------------------------------------------- CPU per request
// Read from /proc around a run: a measure that survives a machine shared with other work.

/** User + system CPU milliseconds a process has used (Linux /proc, 10 ms ticks). */
export function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU milliseconds of this machine's PostgreSQL processes (the database's share of a request), 0 without them. */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Spawns `node ...args(port)` in cwd and resolves once GET /healthz answers 200. */
/** The statements the server has sent its store so far (asks bench/count-statements.ts by signal). */
export async function statementCount(pid: number, file: string): Promise<number> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 500; i++) {
    await sleep(10);
    const text = statSync(file, { throwIfNoEntry: false }) ? readFileSync(file, 'utf8') : '';
    if (text !== '') return Number(text);
  }
  throw new Error('the server wrote no statement count');
}

export async function serve(args: (port: number) => string[], cwd: string, env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, base };
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
}

// ---------------------------------------------------------------- HTTP

export type Reply = { status: number; headers: Headers; body: any; ms: number; retried: number };

/**
 * One request with the admin token; the body is read in full before the clock stops. A request
 * that fails at the connection (reset, refused) is sent again, up to three times: `retried` says
 * so, and a caller whose request is not idempotent must check what the first attempt did.
 */
export async function call(url: string, init: { method?: string; body?: unknown } = {}): Promise<Reply> {
  for (let retried = 0; ; retried++) {
    const t0 = performance.now();
    let reply: Response;
    let text: string;
    try {
      reply = await fetch(url, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      text = await reply.text();
    } catch (error) {
      if (retried >= 3) throw new Error(`${init.method ?? 'GET'} ${url}: ${error} (${(error as Error).cause ?? ''}), ${retried} retries`);
      process.stderr.write(`  ${init.method ?? 'GET'} ${url}: ${(error as Error).cause ?? error}; sending it again\n`);
      await sleep(250);
      continue;
    }
    const ms = performance.now() - t0;
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: reply.status, headers: reply.headers, body, ms, retried };
  }
}

/** Fails loudly on an unexpected status: a benchmark must not hide server errors. */
export function expectStatus(reply: Reply, status: number, what: string): Reply {
  if (reply.status !== status) {
    const tracking = reply.headers.get('trackingid');
    throw new Error(`${what}: expected ${status}, got ${reply.status} (TrackingID ${tracking}): ${JSON.stringify(reply.body).slice(0, 2000)}`);
  }
  return reply;
}

/** The URL of Link: <…>; rel="next", used verbatim. */
export function nextLink(headers: Headers): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];
}

/** Runs task(0..count-1) with at most `concurrency` in flight; returns the wall time. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - t0;
}

// ---------------------------------------------------------------- statistics and output

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest rank: p99 of 500 samples is the 495th smallest.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type Latency = { count: number; p50: number; p90: number; p99: number; max: number; mean: number };

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { count: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, mean };
}

export type Spread = { runs: number; min: number; median: number; max: number };

export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, min: sorted[0] ?? NaN, median: percentile(sorted, 50), max: sorted.at(-1) ?? NaN };
}

export const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** Prints rows as an aligned text table; numbers are right-aligned. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of cells.slice(1)) process.stdout.write(`${line(row)}\n`);
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    nproc: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** Writes bench/results/<name>-<timestamp>.json (or rewrites `file`, for results kept as they come) and returns its path. */
export function writeResults(name: string, data: object, file?: string): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  file ??= join(dir, `${name}-${stamp}.json`);
  // The commit and whether the tree had local changes: figures only compare across the same code.
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const code = { commit: git('rev-parse', 'HEAD'), localChanges: git('status', '--porcelain', 'src').length > 0 };
  writeFileSync(file, `${JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), code, ...data }, null, 2)}\n`);
  process.stdout.write(`\nresults written to ${file}\n`);
  return file;
}

export const quickFlag = () => process.argv.includes('--quick');

/** The load on the machine when a benchmark starts (other processes skew every figure). */
export function loadAverage(): number[] {
  return os.loadavg().map((v) => Math.round(v * 100) / 100);
}

// ---------------------------------------------------------------- memory detail

export type MemoryDetail = {
  rssMiB: number;
  heapTotalMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
  spaces: Record<string, { size: number; used: number }>;
  /** RSS by kind of mapping (files, malloc's brk heap, anonymous) and the largest anonymous ones; absent from older probes. */
  mappings?: Record<string, unknown>;
};

/** Environment for startServer that preloads bench/memory-probe.ts, answering memoryDetail. */
export function memoryProbeEnv(file: string): Record<string, string> {
  const preload = `--import=${join(ROOT, 'bench', 'memory-probe.ts')}`;
  return { NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' '), CALLPLANE_MEMORY_PROBE: file };
}

/** Where a server started with memoryProbeEnv(file) has its memory now (undefined if it does not answer). */
export async function memoryDetail(pid: number, file: string): Promise<MemoryDetail | undefined> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  for (let i = 0; i < 200; i++) {
    await sleep(10);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as MemoryDetail;
    } catch {
      // not written (or not completely) yet
    }
  }
  return undefined;
}
