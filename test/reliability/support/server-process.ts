import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseConfig } from '../../../src/config.ts';

// The real server as a user runs it (`node src/main.ts`), in a process of its own, on a store
// that outlives it: a SQLite file, or a PostgreSQL schema when TEST_DATABASE_URL is set.

const main = fileURLToPath(new URL('../../../src/main.ts', import.meta.url));

export type ServerProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, and wait for the process to finish. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown of any kind. */
  kill(): Promise<void>;
};

export type StoreLocation = {
  kind: 'sqlite' | 'postgres';
  /** DATABASE_URL for the process. */
  url: string;
  config: DatabaseConfig;
  drop(): Promise<void>;
};

export const storeKinds: ('sqlite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fresh store for a server process: a SQLite file in a temporary directory, or a new PostgreSQL schema. */
export function newStore(kind: 'sqlite' | 'postgres'): StoreLocation {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'callplane-reliability-'));
    const url = `sqlite:${join(dir, 'callplane.sqlite')}`;
    return { kind, url, config: parseDatabaseUrl(url), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `reliability_${randomBytes(6).toString('hex')}`;
  const url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    kind,
    url,
    config: parseDatabaseUrl(url),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Starts `node src/main.ts` (after `nodeArgs`) and resolves once it serves. */
export async function startProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The output is kept for messages, its last 256 kB only: a long run must not grow it forever.
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (output.length > 512 * 1024) output = output.slice(-256 * 1024);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  let match: RegExpExecArray | null;
  while (!(match = /serving the Webex Calling API at (http:\/\/\S+)\/v1/.exec(output))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: match[1]!,
    pid: child.pid!,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** A token the server takes as the demo administrator's (CALLPLANE_ADMIN_TOKEN). */
export const newAdminToken = () => `reliability-${randomBytes(16).toString('hex')}`;
