import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startCallplane } from '../../src/testing.ts';

// `callplane` as a user types it (bin/callplane.js from a clone): flags, flags over variables,
// clear errors, the seed, export and import, and listen.

const bin = fileURLToPath(new URL('../../bin/callplane.js', import.meta.url));
const seed = fileURLToPath(new URL('../../examples/seed.yaml', import.meta.url));

type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function run(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, pattern: RegExp, ms = 20_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(running.output());
    if (match) return match;
    if (Date.now() > deadline || running.child.exitCode !== null) throw new Error(`no ${pattern} in output:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(running: Running) {
  running.child.kill('SIGTERM');
  assert.equal(await running.exited, 0);
}

const serving = /serving the Webex Calling API at (http:\/\/\S+)\/v1/;

describe('the callplane command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callplane-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--help lists every flag and --version says the version', async () => {
    const help = run(['--help']);
    assert.equal(await help.exited, 0);
    for (const flag of ['--port', '--host', '--db', '--admin-token', '--seed', '--clock', '--log', '--no-sandbox', '--no-console', 'export', 'import', 'listen']) {
      assert.ok(help.output().includes(flag), flag);
    }
    const version = run(['--version']);
    assert.equal(await version.exited, 0);
    assert.equal(version.output().trim(), 'callplane 0.1.0');
  });

  it('given an unknown flag or a bad value, stops with a line naming the flag', async () => {
    const unknown = run(['--prot', '8080']);
    assert.equal(await unknown.exited, 2);
    assert.match(unknown.output(), /^callplane: Unknown option '--prot'/);
    const bad = run(['--port', 'eighty']);
    assert.equal(await bad.exited, 1);
    assert.equal(bad.output().trim(), 'callplane: --port (PORT) must be a number from 0 to 65535, got "eighty"');
    const log = run(['--log', 'loud']);
    assert.equal(await log.exited, 2);
    assert.match(log.output(), /--log must be "pretty" or "json"/);
  });

  it('given a seed file that is missing or wrong, stops with a line saying which and why', async () => {
    const missing = run(['--db', 'memory', '--seed', join(dir, 'missing.yaml')]);
    assert.equal(await missing.exited, 1);
    assert.match(missing.output(), /^callplane: cannot read the seed file --seed .*missing\.yaml: ENOENT/);
    writeFileSync(join(dir, 'bad.yaml'), 'organizations:\n  - displayName: Bad\n    people:\n      - email: a@bad.example\n        extenson: "1"\n');
    const bad = run(['--db', 'memory', '--port', '0', '--seed', join(dir, 'bad.yaml')]);
    assert.equal(await bad.exited, 1);
    assert.match(bad.output(), /^callplane: the seed .*bad\.yaml was not loaded: The seed is not valid: \/organizations\/0\/people\/0 must NOT have additional properties \(extenson\)/m);
  });

  it('given a port already in use, says so and names --port', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const running = run(['--port', String(port), '--db', 'memory']);
      assert.equal(await running.exited, 1);
      assert.match(running.output(), new RegExp(`callplane: port ${port} on 127.0.0.1 is already in use: choose another with --port`));
    } finally {
      taken.close();
    }
  });

  it('lets flags win over variables: --db memory, --admin-token, --clock manual, --no-console, --seed', async () => {
    const running = run(['--port', '0', '--db', 'memory', '--admin-token', 'flag-token-0123456789', '--clock', 'manual', '--no-console', '--seed', seed], {
      PORT: '1',
      DATABASE_URL: `sqlite:${join(dir, 'not-used.sqlite')}`,
      CALLPLANE_ADMIN_TOKEN: 'env-token-0123456789',
    });
    const [, base] = await waitFor(running, serving);
    try {
      assert.match(running.output(), /store\s+SQLite in memory/);
      assert.match(running.output(), /seeded\s+Acme Support \(4 people\), admin token acme-admin-token-0123456789/);
      assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok', version: '0.1.0', store: 'sqlite', clock: 'manual' });
      const me = await fetch(`${base}/v1/people/me`, { headers: { authorization: 'Bearer flag-token-0123456789' } });
      assert.equal(me.status, 200);
      assert.equal((await fetch(`${base}/console/`)).status, 404);
      assert.equal((await fetch(`${base}/v1/people/me`, { headers: { authorization: 'Bearer ana-token-0123456789' } })).status, 200);
    } finally {
      await stop(running);
    }
  });

  it('--no-sandbox serves only the Webex API; variables still work without flags', async () => {
    const running = run(['--no-sandbox'], { PORT: '0', DATABASE_URL: 'sqlite::memory:', CALLPLANE_ADMIN_TOKEN: 'env-token-0123456789' });
    const [, base] = await waitFor(running, serving);
    try {
      assert.equal((await fetch(`${base}/v1/people/me`, { headers: { authorization: 'Bearer env-token-0123456789' } })).status, 200);
      assert.equal((await fetch(`${base}/sandbox/v1/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"displayName":"x"}' })).status, 404);
    } finally {
      await stop(running);
    }
  });

  it('--log json writes one JSON line per request with the TrackingID and the public person ID; --log pretty one readable line', async () => {
    for (const format of ['json', 'pretty'] as const) {
      const running = run(['--port', '0', '--db', 'memory', '--log', format, '--log-level', 'info', '--admin-token', 'log-token-0123456789']);
      const [, base] = await waitFor(running, serving);
      try {
        await fetch(`${base}/v1/people/me`, { headers: { authorization: 'Bearer log-token-0123456789', trackingid: 'MY_TRACKING_1' } });
        const [line] = await waitFor(running, /.*MY_TRACKING_1.*/);
        if (format === 'json') {
          const entry = JSON.parse(line) as Record<string, unknown>;
          assert.equal(entry.trackingId, 'MY_TRACKING_1');
          assert.equal(entry.method, 'GET');
          assert.equal(entry.statusCode, 200);
          assert.match(String(entry.person), /^Y2lzY29zcGFyazovL3VzL1BFT1BMRS/);
        } else {
          assert.match(line, /INFO.*GET \/v1\/people\/me 200 [\d.]+ms MY_TRACKING_1 person=Y2lzY29zcGFyazovL3VzL1BFT1BMRS\S+$/);
        }
      } finally {
        await stop(running);
      }
    }
  });

  it('exports a store to a file and imports it into another (callplane export / import)', async () => {
    const from = `sqlite:${join(dir, 'from.sqlite')}`;
    const to = `sqlite:${join(dir, 'to.sqlite')}`;
    const first = run(['--port', '0', '--db', from, '--admin-token', 'export-token-0123456789']);
    const [, base] = await waitFor(first, serving);
    await fetch(`${base}/v1/people`, {
      method: 'POST',
      headers: { authorization: 'Bearer export-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['exported@example.com'], displayName: 'Exported' }),
    });
    // Through the running server's API, then straight from the store once it stopped.
    const viaApi = run(['export', join(dir, 'via-api.json'), '--url', base!, '--admin-token', 'export-token-0123456789']);
    assert.equal(await viaApi.exited, 0, viaApi.output());
    await stop(first);
    const exported = run(['export', join(dir, 'state.json'), '--db', from]);
    assert.equal(await exported.exited, 0, exported.output());
    assert.match(exported.output(), /exported \d+ rows of \d+ tables/);
    const doc = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { scope: string; tables: { people: { email: string }[] } };
    assert.equal(doc.scope, 'store');
    assert.ok(doc.tables.people.some((p) => p.email === 'exported@example.com'));
    assert.equal(JSON.parse(readFileSync(join(dir, 'via-api.json'), 'utf8')).tables.people.length, doc.tables.people.length);

    const imported = run(['import', join(dir, 'state.json'), '--db', to]);
    assert.equal(await imported.exited, 0, imported.output());
    // The imported store, opened in this process (quicker than another server process).
    const second = await startCallplane({ db: to, adminToken: 'export-token-0123456789' });
    try {
      const found = await fetch(`${second.apiUrl}/people?email=exported@example.com`, { headers: { authorization: 'Bearer export-token-0123456789' } });
      assert.equal(((await found.json()) as { items: unknown[] }).items.length, 1);
    } finally {
      await second.close();
    }
    const noStore = run(['export', join(dir, 'x.json'), '--db', `sqlite:${join(dir, 'nope.sqlite')}`]);
    assert.equal(await noStore.exited, 1);
    assert.match(noStore.output(), /^callplane: there is no store at .*nope\.sqlite/);
    const missing = run(['import', join(dir, 'nope.json'), '--db', to]);
    assert.equal(await missing.exited, 1);
    assert.match(missing.output(), /cannot read .*nope.json: ENOENT/);
  });

  it('callplane listen registers a webhook, prints each call event and forwards it signed', async () => {
    const received: { body: string; signature: string | undefined }[] = [];
    const app = createHttpServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        received.push({ body, signature: request.headers['x-spark-signature'] as string | undefined });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const forwardTo = `http://127.0.0.1:${(app.address() as AddressInfo).port}/hook`;
    const server = run(['--port', '0', '--db', 'memory', '--admin-token', 'listen-token-0123456789']);
    const [, base] = await waitFor(server, serving);
    const listen = run(['listen', '--forward-to', forwardTo, '--url', base!, '--secret', 'listen-secret'], { CALLPLANE_ADMIN_TOKEN: 'listen-token-0123456789' });
    try {
      await waitFor(listen, /Ready\. Forwarding telephony_calls events/);
      const placed = await fetch(`${base}/sandbox/v1/calls`, {
        method: 'POST',
        headers: { authorization: 'Bearer listen-token-0123456789', 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+14155550123', to: '1001' }),
      });
      assert.equal(placed.status, 201);
      await waitFor(listen, /telephony_calls:created.*\n\s+-> 200 from/);
      const first = received[0]!;
      assert.equal(first.signature, createHmac('sha1', 'listen-secret').update(first.body).digest('hex'));
      assert.equal((JSON.parse(first.body) as { resource: string }).resource, 'telephony_calls');
    } finally {
      listen.child.kill('SIGINT');
      assert.equal(await listen.exited, 0);
      const hooks = await fetch(`${base}/v1/webhooks`, { headers: { authorization: 'Bearer listen-token-0123456789' } });
      assert.equal(((await hooks.json()) as { items: unknown[] }).items.length, 0, 'the webhook is removed on exit');
      await stop(server);
      app.close();
    }
  });
});
