import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT, sleep, withPostgres } from './support.ts';

// Processes beside the server (the ceiling, Prism, the webhook receiver), what the server
// process holds in memory and what its store takes on disk, and where seeded stores are cached.

/** Resident memory of a process, from /proc/<pid>/status (Linux): now and the peak, in MiB. */
export function residentMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** Bytes the store takes on disk: the SQLite file with its WAL, or the PostgreSQL schema's relations. */
export async function storeBytes(databaseUrl: string): Promise<number> {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
  }
  const sql = `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`;
  return withPostgres(databaseUrl, async (client, schema) => Number((await client.query(sql, [schema])).rows[0].bytes));
}

export type Service = { base: string; pid: number; output(): string; stop(): Promise<void> };

/**
 * Spawns a helper process (the ceiling server, Prism, the webhook receiver) and waits until
 * `probe` (a path) answers with any HTTP status. `port` is where it was told to listen.
 */
export async function startService(name: string, command: string, args: string[], port: number, probe = '/'): Promise<Service> {
  let output = '';
  let exited: number | null | undefined;
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<void>((ok) => child.once('exit', (code) => ok(void (exited = code))));
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (exited !== undefined) throw new Error(`${name} exited with ${exited} before answering:\n${output}`);
    try {
      await (await fetch(base + probe)).arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 120 s:\n${output}`);
    }
    await sleep(50);
  }
  return {
    base,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (exited === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Where seeded stores are kept between runs (outside the repository: they are large). */
export function cacheDir(): string {
  const dir = process.env.BENCH_CACHE_DIR ?? join(os.tmpdir(), 'callplane-bench-cache');
  mkdirSync(dir, { recursive: true });
  return dir;
}
