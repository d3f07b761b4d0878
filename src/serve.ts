import { buildApp, type App } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { encodeId } from './domain/webex-ids.ts';

// Run by src/main.ts (`npm start`): read the configuration, start the server, print what a
// newcomer needs, and stop cleanly on SIGTERM or SIGINT.

function fail(message: string): never {
  process.stderr.write(`callplane: ${message}\n`);
  process.exit(1);
}

function describeStore(config: Config): string {
  const db = config.database;
  if (db.kind === 'sqlite') return db.path === ':memory:' ? 'SQLite in memory (nothing is kept)' : `SQLite ${db.path}`;
  return `PostgreSQL ${new URL(db.url).host}${db.schema ? ` (schema ${db.schema})` : ''}`;
}

function banner(app: App, address: string): string {
  const base = address.replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://localhost');
  const lines = [
    `Callplane is serving the Webex Calling API at ${base}/v1`,
    `  store        ${describeStore(app.config)}`,
    `  reference    ${base}/reference  (OpenAPI document: ${base}/openapi.json)`,
    `  health       ${base}/healthz`,
    `  console      ${base}/console`,
  ];
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

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

let app: App;
try {
  app = await buildApp(config);
} catch (error) {
  fail(`could not open the store: ${error instanceof Error ? error.message : String(error)}`);
}

let address: string;
try {
  address = await app.listen();
} catch (error) {
  await app.close().catch(() => {});
  fail(`could not listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`);
}
process.stdout.write(banner(app, address));

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
