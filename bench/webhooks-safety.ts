import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { SandboxClock } from '../src/sandbox/sandbox-clock.ts';
import { storeBytes } from './processes.ts';
import { ADMIN_TOKEN, fmt, pool, printTable, sleep, storeTargets, withPostgres, writeResults } from './support.ts';

// Two figures of issue 11, from the real app (built in this process, so that the bench can move
// its clock) over real HTTP, on SQLite and on PostgreSQL when BENCH_DATABASE_URL is set:
// - retention: store bytes per 1,000 calls (PSTN call answered and hung up, three events each
//   delivered to an organization webhook) right after the calls, and after the retention window
//   has passed on the server clock and the pruner has run. Bytes are measured after VACUUM
//   (VACUUM FULL on PostgreSQL), so space freed is counted as freed.
// - fairness: how long another organization's first event takes to arrive, alone and while one
//   organization's 20 webhooks point at a receiver that never answers.
// Usage: node bench/run.ts retention fairness [--quick]

const DAY_MS = 86_400_000;
const TABLES = ['call_events', 'call_sessions', 'call_legs', 'call_history', 'webhook_deliveries', 'webhook_attempts'];

type Receiver = { url: string; received: Map<string, number>; arrivals: { path: string; at: number }[]; close(): Promise<void> };

async function receiver(hang: (path: string) => boolean = () => false): Promise<Receiver> {
  const received = new Map<string, number>();
  const arrivals: { path: string; at: number }[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = request.url ?? '/';
      received.set(path, (received.get(path) ?? 0) + 1);
      arrivals.push({ path, at: performance.now() });
      if (!hang(path)) response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    arrivals,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

async function api(base: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const reply = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await reply.text();
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function start(url: string, clock: SandboxClock, env: Record<string, string> = {}): Promise<{ app: App; base: string }> {
  const config = loadConfig({ PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'silent', CALLPLANE_ADMIN_TOKEN: ADMIN_TOKEN, ...env });
  const app = await buildApp(config, { clock });
  return { app, base: await app.listen() };
}

/** Store bytes with free space given back: VACUUM (SQLite) or VACUUM FULL (PostgreSQL), then sizes. */
async function compactBytes(url: string): Promise<{ bytes: number; rows: Record<string, number> }> {
  const rows: Record<string, number> = {};
  if (url.startsWith('sqlite:')) {
    const db = new DatabaseSync(url.slice('sqlite:'.length));
    try {
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      for (const table of TABLES) rows[table] = Number((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  } else {
    await withPostgres(url, async (client, schema) => {
      await client.query(`set search_path to ${schema}`);
      await client.query('vacuum full');
      for (const table of TABLES) rows[table] = Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
    });
  }
  return { bytes: await storeBytes(url), rows };
}

async function demoPeople(base: string): Promise<{ id: string; extension: string }[]> {
  const people = (await api(base, ADMIN_TOKEN, 'GET', '/v1/people?max=100&callingData=true')).items as { id: string; extension?: string; firstName: string }[];
  return people.filter((p) => p.extension && p.firstName !== 'Morgan').map((p) => ({ id: p.id, extension: p.extension! }));
}

let serial = 0;
const caller = () => `+1415${String(2000000 + (serial++ % 7000000)).padStart(7, '0')}`;

async function oneCall(base: string, person: { id: string; extension: string }): Promise<void> {
  const placed = await api(base, ADMIN_TOKEN, 'POST', '/sandbox/v1/calls', { from: caller(), to: person.extension });
  const leg = placed.legs.find((l: { party: { personId?: string } }) => l.party.personId === person.id);
  await api(base, ADMIN_TOKEN, 'POST', `/sandbox/v1/people/${person.id}/calls/answer`, { callId: leg.callId });
  await api(base, ADMIN_TOKEN, 'POST', `/sandbox/v1/people/${person.id}/calls/hangup`, { callId: leg.callId });
}

export async function runRetention(options: { calls: number }) {
  const results = [];
  for (const target of storeTargets()) {
    const store = await target.fresh();
    const clock = new SandboxClock('manual');
    const sink = await receiver();
    const { app, base } = await start(store.url, clock);
    try {
      await api(base, ADMIN_TOKEN, 'POST', '/v1/webhooks', { name: 'bench', targetUrl: `${sink.url}/hook`, resource: 'telephony_calls', event: 'all', ownedBy: 'org' });
      const people = await demoPeople(base);
      const empty = await compactBytes(store.url);
      const perPerson = Math.ceil(options.calls / people.length);
      await pool(people.length, people.length, async (i) => {
        for (let n = 0; n < perPerson; n++) await oneCall(base, people[i]!);
      });
      const calls = perPerson * people.length;
      const deadline = Date.now() + 120_000;
      while ((sink.received.get('/hook') ?? 0) < calls * 3 && Date.now() < deadline) await sleep(100);
      await sleep(500);
      const before = await compactBytes(store.url);
      // Past every retention window (7 days by default): the pruner runs hourly on the clock.
      await clock.advance(8 * DAY_MS);
      const after = await compactBytes(store.url);
      const per1000 = (bytes: number) => ((bytes - empty.bytes) / calls) * 1000;
      results.push({ store: target.name, calls, delivered: sink.received.get('/hook') ?? 0, emptyBytes: empty.bytes, before, after, mbPer1000Before: per1000(before.bytes) / 2 ** 20, mbPer1000After: per1000(after.bytes) / 2 ** 20 });
    } finally {
      await app.close();
      await sink.close();
      await store.drop();
    }
  }
  printTable(
    'Store growth per 1,000 calls (answered, hung up, 3 events delivered each), before and after the retention window',
    ['store', 'calls', 'delivered', 'MB/1000 before', 'MB/1000 after', 'rows before (events/sessions/deliveries/attempts/history)', 'rows after'],
    results.map((r) => [
      r.store,
      String(r.calls),
      String(r.delivered),
      fmt(r.mbPer1000Before, 2),
      fmt(r.mbPer1000After, 2),
      ['call_events', 'call_sessions', 'webhook_deliveries', 'webhook_attempts', 'call_history'].map((t) => r.before.rows[t]).join('/'),
      ['call_events', 'call_sessions', 'webhook_deliveries', 'webhook_attempts', 'call_history'].map((t) => r.after.rows[t]).join('/'),
    ]),
  );
  writeResults('retention', { options, results });
  return results;
}

/** Another organization's first event: alone, then with a receiver in the demo organization that never answers. */
export async function runFairness(options: { slowWebhooks: number; runs: number }) {
  const results = [];
  for (const target of storeTargets()) {
    const store = await target.fresh();
    const sink = await receiver((path) => path === '/slow');
    const { app, base } = await start(store.url, new SandboxClock('real'));
    try {
      const org: any = await (await fetch(`${base}/sandbox/v1/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'Bench B' }) })).json();
      const token = org.accessToken as string;
      const locations = (await api(base, token, 'GET', '/v1/locations')).items;
      const numbers = (await api(base, token, 'GET', `/v1/telephony/config/numbers?locationId=${locations[0].id}&available=true&max=1`)).phoneNumbers;
      const license = (await api(base, token, 'GET', '/v1/licenses')).items.find((l: { name: string }) => /Professional/.test(l.name));
      const person = await api(base, token, 'POST', '/v1/people?callingData=true', {
        emails: [`bench-b-${Date.now()}@example.com`],
        firstName: 'Bench',
        lastName: 'B',
        phoneNumbers: [{ type: 'work', value: numbers[0].phoneNumber.replace(/^\+1/, '') }],
        extension: '2001',
        licenses: [license.id],
      });
      await api(base, token, 'POST', '/v1/webhooks', { name: 'b', targetUrl: `${sink.url}/fast`, resource: 'telephony_calls', event: 'all', ownedBy: 'org' });
      const firstEvent = async () => {
        const seen = sink.received.get('/fast') ?? 0;
        const t0 = performance.now();
        await api(base, token, 'POST', '/sandbox/v1/calls', { from: caller(), to: person.extension });
        while ((sink.received.get('/fast') ?? 0) === seen && performance.now() - t0 < 30_000) await sleep(5);
        return performance.now() - t0;
      };
      const alone: number[] = [];
      for (let i = 0; i < options.runs; i++) alone.push(await firstEvent());
      for (let i = 0; i < options.slowWebhooks; i++) {
        await api(base, ADMIN_TOKEN, 'POST', '/v1/webhooks', { name: `slow ${i}`, targetUrl: `${sink.url}/slow`, resource: 'telephony_calls', event: 'all', ownedBy: 'org' });
      }
      const alex = (await demoPeople(base))[0]!;
      await api(base, ADMIN_TOKEN, 'POST', '/sandbox/v1/calls', { from: caller(), to: alex.extension });
      while ((sink.received.get('/slow') ?? 0) < 8) await sleep(5);
      const withSlow: number[] = [];
      for (let i = 0; i < options.runs; i++) withSlow.push(await firstEvent());
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      results.push({ store: target.name, aloneMs: alone, withSlowMs: withSlow, aloneMedianMs: median(alone), withSlowFirstMs: withSlow[0]!, withSlowMaxMs: Math.max(...withSlow) });
    } finally {
      await sink.close();
      await app.close();
      await store.drop();
    }
  }
  printTable(
    `Another organization's first event (ms), alone and with ${options.slowWebhooks} webhooks of the demo organization hanging (timeout 10 s)`,
    ['store', 'alone (median)', 'hanging receiver present: first event', 'max', 'each run'],
    results.map((r) => [r.store, fmt(r.aloneMedianMs, 0), fmt(r.withSlowFirstMs, 0), fmt(r.withSlowMaxMs, 0), r.withSlowMs.map((x) => fmt(x, 0)).join(' ')]),
  );
  writeResults('fairness', { options, results });
  return results;
}
