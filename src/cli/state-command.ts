import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../config.ts';
import { WebexError } from '../domain/errors.ts';
import { FaultInjector } from '../sandbox/faults.ts';
import { SandboxClock } from '../sandbox/sandbox-clock.ts';
import { SandboxState } from '../sandbox/sandbox-state.ts';
import { openStore } from '../store/open-store.ts';
import { databaseUrlOf } from './flags.ts';

// `callplane export FILE` and `callplane import FILE`: the state as one JSON document. Either
// straight on a store (--db, or DATABASE_URL; stop a server using it before an import) or
// through a running server's sandbox API (--url, with the operator's --admin-token).

const USAGE = `Usage: callplane export FILE [--org ORG_ID] [--db DB | --url URL --admin-token TOKEN]
       callplane import FILE [--db DB | --url URL --admin-token TOKEN]
FILE - is standard output (export) or input (import).
  --db DB             memory | sqlite:PATH | postgres://… (DATABASE_URL, default ${DEFAULT_DATABASE_URL})
  --url URL           a running Callplane, for example http://127.0.0.1:8080 (CALLPLANE_URL)
  --admin-token TOKEN its operator token (CALLPLANE_ADMIN_TOKEN)
  --org ORG_ID        export one organization instead of the whole store
`;

function fail(message: string, code = 1): never {
  process.stderr.write(`callplane: ${message}\n`);
  process.exit(code);
}

async function viaServer(url: string, token: string | undefined, what: 'export' | 'import', body?: string, orgId?: string): Promise<unknown> {
  if (!token) fail('--url needs the operator token: --admin-token or CALLPLANE_ADMIN_TOKEN');
  const target = new URL('/sandbox/v1/state', url);
  if (orgId) target.searchParams.set('orgId', orgId);
  let response: Response;
  try {
    response = await fetch(target, {
      method: what === 'export' ? 'GET' : 'PUT',
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body } : {}),
    });
  } catch (error) {
    fail(`cannot reach ${url} (--url): ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
  }
  const answer = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) fail(`${response.status} from ${target.pathname}: ${answer.message ?? ''}`);
  return answer;
}

async function onStore<T>(db: string, mustExist: boolean, work: (state: SandboxState) => Promise<T>): Promise<T> {
  let database;
  try {
    database = parseDatabaseUrl(databaseUrlOf(db));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message.replace(/^DATABASE_URL/, '--db'));
    throw error;
  }
  // Exporting a SQLite file that is not there would make an empty store and export that.
  if (mustExist && database.kind === 'sqlite' && database.path !== ':memory:' && !existsSync(database.path)) {
    fail(`there is no store at ${database.path} (--db or DATABASE_URL)`);
  }
  const store = await openStore(database).catch((error: unknown) => fail(`could not open the store: ${error instanceof Error ? error.message : String(error)}`));
  // No server runs here: nothing delivers webhooks and no call has timers to pause.
  const state = new SandboxState(store, {
    clock: new SandboxClock(),
    clockMode: 'real',
    faults: new FaultInjector(),
    pauseDeliveries: async () => {},
    resumeDeliveries: () => {},
  });
  try {
    return await work(state);
  } catch (error) {
    if (error instanceof WebexError) fail(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

export async function stateCommand(command: 'export' | 'import', args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string' }, url: { type: 'string' }, 'admin-token': { type: 'string' }, org: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) fail(`${command} needs one FILE\n${USAGE}`, 2);
  if (command === 'import' && values.org) fail('--org is for export: an organization\'s document says which organization it is', 2);
  const url = values.url ?? process.env.CALLPLANE_URL;
  const token = values['admin-token'] ?? process.env.CALLPLANE_ADMIN_TOKEN;
  const db = values.db ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

  if (command === 'export') {
    const document = url ? await viaServer(url, token, 'export', undefined, values.org) : await onStore(db, true, (state) => state.export(values.org));
    const text = `${JSON.stringify(document, null, 1)}\n`;
    if (file === '-') process.stdout.write(text);
    else {
      await writeFile(file, text);
      const tables = (document as { tables: Record<string, unknown[]> }).tables;
      const rows = Object.values(tables).reduce((n, list) => n + list.length, 0);
      process.stderr.write(`callplane: exported ${rows} rows of ${Object.keys(tables).length} tables to ${file}\n`);
    }
    return;
  }

  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    fail(`${file} is not JSON (a document made by callplane export)`);
  }
  const result = (url ? await viaServer(url, token, 'import', text) : await onStore(db, false, (state) => state.import(document))) as { scope: string; rows: number };
  process.stderr.write(`callplane: imported ${result.rows} rows (${result.scope === 'store' ? 'the whole store' : 'one organization'})\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
