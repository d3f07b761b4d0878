import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { DemoOrganization } from '../../src/sandbox/demo-organization.ts';
import { Client } from './client.ts';
import { testDatabase, type Dialect } from './dialects.ts';

export type TestServer = {
  app: App;
  url: string;
  demo: DemoOrganization;
  /** The demo organization's full administrator. */
  admin: Client;
  /** A client without a token. */
  anonymous: Client;
  close(): Promise<void>;
};

/**
 * Starts the real app on port 0 over a fresh store of the given dialect, with the demo
 * organization. Call close() in an after hook.
 */
export async function startServer(dialect: Dialect = 'sqlite', options: { config?: Partial<Config>; clock?: SandboxClock } = {}): Promise<TestServer> {
  const database = testDatabase(dialect);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    database: database.config,
    adminToken: `test-admin-${randomBytes(12).toString('hex')}`,
    logLevel: 'silent',
    rateLimit: undefined,
    // Open, with room for the organizations a suite makes (the limit itself: test/api/sandbox.test.ts).
    signup: { mode: 'open', rateLimit: { max: 10_000, windowMs: 60_000 } },
    publicUrl: undefined,
    sandbox: true,
    demo: true,
    bodyLimit: 1024 * 1024,
    clock: 'real',
    calls: { ringTimeoutMs: 30_000, parkRecallMs: 45_000, pstnAnswerDelayMs: 2000, voicemailMs: 20_000 },
    webhooks: { maxFailures: 10, retryBaseMs: 1000, retryMaxMs: 60_000, timeoutMs: 10_000, egress: { allowLoopback: true, allowPrivate: false } },
    retention: { deliveriesDays: 7, callEventsDays: 7, callSessionsDays: 7 },
    ...options.config,
  };
  const app = await buildApp(config, { clock: options.clock });
  const url = await app.listen();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await database.drop();
  };
  const anonymous = new Client(url);
  return { app, url, demo: app.demo!, admin: anonymous.withToken(app.demo!.adminToken), anonymous, close };
}
