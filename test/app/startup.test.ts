import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// `npm start` as a user runs it: the real process, its configuration errors, its banner,
// graceful shutdown and a restart on the same store.

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Every server started here: a test that fails before stopping its own must not leave it running (the file would never end). */
const started = new Set<ChildProcess>();

function run(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// A hang guard, not a speed limit: a start from the sources on a two-core machine running two
// test suites at once took over 15 s (docs/performance.md measures start-up).
async function waitFor(running: Running, pattern: RegExp, ms = 45_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(running.output());
    if (match) return match;
    if (Date.now() > deadline || running.child.exitCode !== null) throw new Error(`no ${pattern} in output:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('starting the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callplane-start-'));
  after(() => {
    for (const child of started) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, env, pattern] of [
    ['a bad PORT', { PORT: 'eighty' }, /^callplane: PORT must be a number/],
    ['an unknown database', { DATABASE_URL: 'mysql://localhost/x' }, /^callplane: DATABASE_URL must start with sqlite: or postgres:\/\//],
    ['a bad LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^callplane: LOG_LEVEL must be one of/],
    ['a bad rate limit', { CALLPLANE_RATE_LIMIT: 'fast' }, /^callplane: CALLPLANE_RATE_LIMIT must be/],
  ] as const) {
    it(`given ${name}, stops with one clear line and exit code 1`, async () => {
      const running = run(env);
      assert.equal(await running.exited, 1);
      const lines = running.output().trim().split('\n');
      assert.equal(lines.length, 1, running.output());
      assert.match(lines[0]!, pattern);
    });
  }

  it('serves the demo organization, stops cleanly on SIGTERM, and keeps its store across a restart', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'callplane.sqlite')}` };
    const first = run(env);
    const [, base] = await waitFor(first, /serving the Webex Calling API at (http:\/\/[^\s]+)\/v1/);
    const [, token] = await waitFor(first, /admin token\s+(\S+)/);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const created = await fetch(`${base}/v1/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['restart@example.com'], displayName: 'Survives Restart' }),
    });
    assert.equal(created.status, 200);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.match(first.output(), /SIGTERM received/);

    const second = run(env);
    const [, base2] = await waitFor(second, /serving the Webex Calling API at (http:\/\/[^\s]+)\/v1/);
    const [, token2] = await waitFor(second, /admin token\s+(\S+)/);
    assert.equal(token2, token, 'the generated admin token is the same after a restart');
    const found = await fetch(`${base2}/v1/people?email=restart@example.com`, { headers: { authorization: `Bearer ${token2}` } });
    assert.equal(((await found.json()) as { items: unknown[] }).items.length, 1);
    const people = await fetch(`${base2}/v1/people?max=1000`, { headers: { authorization: `Bearer ${token2}` } });
    const demoAdmins = ((await people.json()) as { items: { emails: string[] }[] }).items.filter((p) => p.emails[0] === 'admin@callplane-demo.example');
    assert.equal(demoAdmins.length, 1, 'the demo organization is created once');
    second.child.kill('SIGINT');
    assert.equal(await second.exited, 0);
  });

  it('uses CALLPLANE_ADMIN_TOKEN as the demo administrator’s token', async () => {
    const running = run({ DATABASE_URL: 'sqlite::memory:', CALLPLANE_ADMIN_TOKEN: 'configured-admin-token-123456' });
    const [, base] = await waitFor(running, /serving the Webex Calling API at (http:\/\/[^\s]+)\/v1/);
    const me = await fetch(`${base}/v1/people/me`, { headers: { authorization: 'Bearer configured-admin-token-123456' } });
    assert.equal(me.status, 200);
    running.child.kill('SIGTERM');
    assert.equal(await running.exited, 0);
  });

  if (process.env.TEST_DATABASE_URL) {
    it('starts on PostgreSQL', async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.searchParams.set('schema', `start_${Date.now()}`);
      const running = run({ DATABASE_URL: url.toString() });
      const [, base] = await waitFor(running, /serving the Webex Calling API at (http:\/\/[^\s]+)\/v1/);
      assert.match(running.output(), /store\s+PostgreSQL/);
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
      running.child.kill('SIGTERM');
      assert.equal(await running.exited, 0);
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${url.searchParams.get('schema')}" CASCADE`);
      await client.end();
    });
  }
});
