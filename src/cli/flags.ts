import { parseArgs, type ParseArgsConfig } from 'node:util';

// The command line of `callplane` (the server). Each flag stands for an environment variable of
// src/config.ts: flags are turned into those variables and laid over the environment, so the
// one parser of the configuration reads both and a flag wins over the variable.

export class UsageError extends Error {}

export const SERVE_OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  db: { type: 'string' },
  'admin-token': { type: 'string' },
  seed: { type: 'string' },
  clock: { type: 'string' },
  log: { type: 'string' },
  'log-level': { type: 'string' },
  'no-sandbox': { type: 'boolean' },
  'no-console': { type: 'boolean' },
  'no-demo': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

export type ServeFlags = {
  env: Record<string, string | undefined>;
  seed: string | undefined;
  help: boolean;
  version: boolean;
};

/** `memory` → an in-memory SQLite store; `sqlite:PATH` and `postgres://…` as DATABASE_URL takes them. */
export function databaseUrlOf(db: string): string {
  if (db === 'memory' || db === ':memory:') return 'sqlite::memory:';
  return db;
}

/** Which flag sets each variable, to name it in errors. */
export const FLAG_OF: Record<string, string> = {
  PORT: '--port',
  HOST: '--host',
  DATABASE_URL: '--db',
  CALLPLANE_ADMIN_TOKEN: '--admin-token',
  CALLPLANE_CLOCK: '--clock',
  CALLPLANE_LOG_FORMAT: '--log',
  LOG_LEVEL: '--log-level',
};

export function parseServeFlags(args: string[], env: Record<string, string | undefined>): ServeFlags {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options: SERVE_OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const str = (name: string) => values[name] as string | undefined;
  const out: Record<string, string | undefined> = { ...env };
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) out[name] = value;
  };
  set('PORT', str('port'));
  set('HOST', str('host'));
  set('DATABASE_URL', str('db') === undefined ? undefined : databaseUrlOf(str('db')!));
  set('CALLPLANE_ADMIN_TOKEN', str('admin-token'));
  set('CALLPLANE_CLOCK', str('clock'));
  set('LOG_LEVEL', str('log-level'));
  const log = str('log');
  if (log !== undefined && log !== 'pretty' && log !== 'json') throw new UsageError(`--log must be "pretty" or "json", got "${log}"`);
  set('CALLPLANE_LOG_FORMAT', log);
  if (values['no-sandbox']) out.CALLPLANE_SANDBOX = 'off';
  if (values['no-console']) out.CALLPLANE_CONSOLE = 'off';
  if (values['no-demo']) out.CALLPLANE_DEMO = 'off';
  return { env: out, seed: str('seed') ?? env.CALLPLANE_SEED, help: values.help === true, version: values.version === true };
}

/** A configuration error names the flag too: "PORT must be …" becomes "--port (PORT) must be …". */
export function withFlagName(message: string): string {
  const match = /^([A-Z_]+) /.exec(message);
  const flag = match && FLAG_OF[match[1]!];
  return flag ? `${flag} (${match[1]}) ${message.slice(match[0].length)}` : message;
}

export const HELP = `Usage: callplane [options]
       callplane export FILE [--org ORG_ID] [--db …]
       callplane import FILE [--db …]
       callplane listen --forward-to URL [--url …] [--token …] [--events …]

Serves the Webex Calling REST API (under /v1), the sandbox API and the web console.
Every option has an environment variable; an option wins over its variable.

Options:
  -p, --port PORT          TCP port, 0 for a free one (PORT, default 8080)
      --host HOST          address to listen on (HOST, default 127.0.0.1)
      --db DB              memory | sqlite:PATH | postgres://user@host:5432/db
                           (DATABASE_URL, default sqlite:./data/callplane.sqlite)
      --admin-token TOKEN  the demo administrator's and the operator's token,
                           16-512 characters (CALLPLANE_ADMIN_TOKEN, default generated)
      --seed FILE          load a seed (YAML or JSON) at start (CALLPLANE_SEED)
      --clock manual       time stands still until moved (CALLPLANE_CLOCK, default real)
      --log pretty|json    request lines for people or for machines
                           (CALLPLANE_LOG_FORMAT, default pretty on a terminal, else json)
      --log-level LEVEL    fatal, error, warn, info, debug, trace, silent (LOG_LEVEL, default info)
      --no-sandbox         serve only the Webex API, no /sandbox/v1 (CALLPLANE_SANDBOX=off)
      --no-console         no web console at /console (CALLPLANE_CONSOLE=off)
      --no-demo            no demo organization on first start (CALLPLANE_DEMO=off)
  -h, --help               this help
  -v, --version            the version

Docs: README.md and docs/cli.md in the package; every variable: README.md, Configuration.
`;
