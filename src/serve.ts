import { readFile } from 'node:fs/promises';
import packageJson from '../package.json' with { type: 'json' };
import type { App } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { encodeId } from './domain/webex-ids.ts';
import { HELP, parseServeFlags, UsageError, withFlagName } from './cli/flags.ts';

// `callplane` and `npm start`: read the flags and the environment, start the server, load the
// seed, print what a newcomer needs, and stop cleanly on SIGTERM or SIGINT.

function fail(message: string, code = 1): never {
  process.stderr.write(`callplane: ${message}\n`);
  process.exit(code);
}

function describeStore(config: Config): string {
  const db = config.database;
  if (db.kind === 'sqlite') return db.path === ':memory:' ? 'SQLite in memory (nothing is kept)' : `SQLite ${db.path}`;
  return `PostgreSQL ${new URL(db.url).host}${db.schema ? ` (schema ${db.schema})` : ''}`;
}

function banner(app: App, address: string, seeded: string[]): string {
  const base = address.replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://localhost');
  const lines = [
    `Callplane is serving the Webex Calling API at ${base}/v1`,
    `  store        ${describeStore(app.config)}`,
    `  reference    ${base}/reference  (OpenAPI document: ${base}/openapi.json)`,
    `  health       ${base}/healthz`,
    `  metrics      ${base}/metrics`,
  ];
  if (app.config.console !== false) lines.push(`  console      ${base}/console`);
  if (app.config.clock === 'manual') lines.push('  clock        manual: time moves only with POST /sandbox/v1/clock/advance');
  for (const org of seeded) lines.push(`  seeded       ${org}`);
  if (app.demo) {
    const { demo } = app;
    lines.push(
      `  demo org     Callplane Demo, administrator ${demo.adminEmail}`,
      `  admin token  ${demo.adminToken}`,
      '',
      'Try it:',
      `  curl -H "Authorization: Bearer ${demo.adminToken}" "${base}/v1/people?callingData=true"`,
      'Get a token for any person (personId from /v1/people):',
      `  curl -X POST ${base}/sandbox/v1/tokens -H "Authorization: Bearer ${demo.adminToken}" \\`,
      `       -H "Content-Type: application/json" -d '{"personId": "${encodeId('PEOPLE', demo.adminPersonId)}"}'`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function parseSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined || ['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
}

/** The server's configuration from flags laid over the environment (a flag wins). */
export function configFrom(env: Record<string, string | undefined>, flagged: ReadonlySet<string>): Config {
  try {
    const format = env.CALLPLANE_LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
    if (format !== 'pretty' && format !== 'json') throw new ConfigError(`CALLPLANE_LOG_FORMAT must be "pretty" or "json", got "${format}"`);
    return { ...loadConfig(env), logFormat: format, console: parseSwitch('CALLPLANE_CONSOLE', env.CALLPLANE_CONSOLE) };
  } catch (error) {
    // Name the flag only when the value came from one: a bad variable is reported by its name.
    if (error instanceof ConfigError) {
      const variable = /^([A-Z_]+) /.exec(error.message)?.[1];
      throw new ConfigError(variable && flagged.has(variable) ? withFlagName(error.message) : error.message);
    }
    throw error;
  }
}

export async function serve(args: string[]): Promise<void> {
  let flags;
  try {
    flags = parseServeFlags(args, process.env);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\nRun callplane --help for the options.`, 2);
    throw error;
  }
  if (flags.help) {
    process.stdout.write(HELP);
    return;
  }
  if (flags.version) {
    process.stdout.write(`callplane ${packageJson.version}\n`);
    return;
  }
  const flagged = new Set(Object.keys(flags.env).filter((name) => flags.env[name] !== process.env[name]));

  let config: Config;
  try {
    config = configFrom(flags.env, flagged);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let seedText: string | undefined;
  if (flags.seed !== undefined) {
    try {
      seedText = await readFile(flags.seed, 'utf8');
    } catch (error) {
      fail(`cannot read the seed file --seed ${flags.seed}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }

  let app: App;
  try {
    // Loaded only now, so --help, --version and a bad flag answer at once.
    const { buildApp } = await import('./app.ts');
    app = await buildApp(config);
  } catch (error) {
    fail(`could not open the store: ${error instanceof Error ? error.message : String(error)}`);
  }

  const seeded: string[] = [];
  if (seedText !== undefined) {
    try {
      const result = await app.seeder.load(seedText);
      for (const org of result.organizations) seeded.push(`${org.displayName} (${Object.keys(org.people).length} people), admin token ${org.adminToken}`);
      await app.state.markBaseline();
    } catch (error) {
      await app.close().catch(() => {});
      fail(`the seed ${flags.seed} was not loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let address: string;
  try {
    address = await app.listen();
  } catch (error) {
    await app.close().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(`port ${config.port} on ${config.host} is already in use: choose another with --port (or PORT), or --port 0 for a free one`);
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`cannot listen on host ${config.host}: choose another with --host (or HOST)`);
    fail(`could not listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(banner(app, address, seeded));

  let stopping = false;
  async function stop(signal: string) {
    if (stopping) {
      process.stderr.write(`callplane: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`callplane: ${signal} received, finishing requests under way\n`);
    const timer = setTimeout(() => fail('shutdown took longer than 10s'), 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
