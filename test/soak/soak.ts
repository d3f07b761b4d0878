import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CALL_SCOPES } from '../support/calls.ts';
import { Client } from '../support/client.ts';
import { clientWithScopes, createPerson, defaultLocation, freeExtension, licenses } from '../support/factories.ts';
import { newNumber } from '../support/location-numbers.ts';
import { newAdminToken, newStore, startProcess, type ServerProcess } from '../reliability/support/server-process.ts';
import { runLoad, type Callee } from './soak-load.ts';

// `npm run test:soak` (not part of npm test): the real server under a mixed provisioning and call
// load for SOAK_SECONDS (default 600), with its webhook deliveries to a local receiver. Reports
// the error rate (must be 0) and the memory slope: RSS sampled from /proc, and the heap left after
// a full collection (test/soak/memory-probe.ts), each fitted with a least-squares line once it
// has settled. SOAK_STORE=postgres runs it on TEST_DATABASE_URL. Tolerances: docs/reliability.md.

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const STORE = process.env.SOAK_STORE === 'postgres' ? 'postgres' : 'sqlite';
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
/** The live heap settles in the first minute (half of a shorter run): its line starts after. */
const HEAP_WARM_UP_S = Math.min(60, SECONDS / 2);
/**
 * RSS follows the high-water mark of allocation, not the live heap: on PostgreSQL it kept rising
 * for some five minutes before levelling off while the live heap stayed flat. Its line is fitted
 * over the second half of the run.
 */
const RSS_WARM_UP_S = SECONDS / 2;
const SAMPLE_MS = SECONDS >= 300 ? 5000 : 2000;
/** MB per minute, after the warm-up (see docs/reliability.md for why these). */
const RSS_TOLERANCE = Number(process.env.SOAK_RSS_TOLERANCE ?? (SECONDS >= 300 ? 2 : 15));
const HEAP_TOLERANCE = Number(process.env.SOAK_HEAP_TOLERANCE ?? (SECONDS >= 300 ? 0.5 : 5));

const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

type Sample = { t: number; rss: number; heap: number; requests: number };

/** Least squares: the slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * The points with their largest rise between two samples taken out (every later point lowered by
 * it): a one-time level shift — RSS steps up by some 50 MB once, at a different moment in each
 * run, when the allocator maps a new region — is not a leak, while a leak's steady rise barely
 * changes when one of its many small steps is removed.
 */
function withoutLargestJump(points: [number, number][]): [number, number][] {
  let at = -1;
  for (let i = 1; i < points.length; i++) if (at < 0 || points[i]![1] - points[i - 1]![1] > points[at]![1] - points[at - 1]![1]) at = i;
  if (at < 0) return points;
  const jump = Math.max(0, points[at]![1] - points[at - 1]![1]);
  return points.map(([x, y], i) => [x, i >= at ? y - jump : y]);
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/** The process's resident set, from /proc (what the operating system charges it). */
function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** Asks the probe for the heap after a full collection. */
async function heapAfterGc(server: ServerProcess): Promise<number> {
  const before = server.output().split('memory-probe ').length;
  process.kill(server.pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const parts = server.output().split('memory-probe ');
    if (parts.length > before) return Number(/heapUsed=(\d+)/.exec(parts.at(-1)!)![1]);
    await sleep(20);
  }
  throw new Error('the memory probe did not answer');
}

/** A webhook receiver that only counts: the soak's own memory must not grow with the deliveries. */
async function countingReceiver() {
  let received = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe(`Soak: ${SECONDS} s of mixed provisioning and call load (${STORE})`, () => {
  const store = newStore(STORE);
  let server: ServerProcess | undefined;
  let receiver: Awaited<ReturnType<typeof countingReceiver>> | undefined;
  after(async () => {
    await server?.stop();
    await receiver?.close();
    await store.drop();
  });

  it('answers every request as it should, and its memory stays flat', { timeout: (SECONDS + 300) * 1000 }, async (t) => {
    const token = newAdminToken();
    server = await startProcess(
      { DATABASE_URL: store.url, CALLPLANE_ADMIN_TOKEN: token, CALLPLANE_PSTN_ANSWER_DELAY: '0.2' },
      ['--expose-gc', '--import', probe],
    );
    const admin = new Client(server.url, token);

    const hq = (await defaultLocation(admin)).id;
    const { professional } = await licenses(admin);
    assert.equal((await admin.put(`/sandbox/v1/licenses/${professional}`, { totalUnits: 1_000_000 })).status, 200);
    const numbers = Array.from({ length: 400 }, () => newNumber('US', '571'));
    for (let i = 0; i < numbers.length; i += 100) {
      assert.equal((await admin.post(`/v1/telephony/config/locations/${hq}/numbers`, { phoneNumbers: numbers.slice(i, i + 100) })).status, 201);
    }
    const callees: Callee[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const extension = freeExtension();
      const person = await createPerson(admin, { extension, locationId: hq, licenses: [professional] }, { callingData: 'true' });
      callees.push({ id: person.id, extension, api: await clientWithScopes(admin, person.id, CALL_SCOPES) });
    }
    receiver = await countingReceiver();
    if (process.env.SOAK_WEBHOOK !== 'off') {
      const hook = await admin.post('/v1/webhooks', { name: 'Soak', targetUrl: receiver.url, resource: 'telephony_calls', event: 'all', ownedBy: 'org' });
      assert.equal(hook.status, 200, hook.text);
    }

    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    let stopped = false;
    const { done: load, stats } = runLoad({ admin, hq, license: professional, numbers, callees }, () => stopped, 20260115);
    const samples: Sample[] = [];
    while (elapsed() < SECONDS) {
      await sleep(SAMPLE_MS);
      const rss = rssOf(server.pid);
      samples.push({ t: elapsed(), rss, heap: await heapAfterGc(server), requests: stats().requests });
    }
    stopped = true;
    const seconds = elapsed();
    await load;
    const totals = stats();
    const rate = (from: Sample | undefined, to: Sample) => (to.requests - (from?.requests ?? 0)) / (to.t - (from?.t ?? 0));
    const minutes = samples.filter((s, i) => i === samples.length - 1 || Math.floor(s.t / 60) !== Math.floor(samples[i + 1]!.t / 60));

    const rssFitted = samples.filter((s) => s.t >= RSS_WARM_UP_S);
    const heapFitted = samples.filter((s) => s.t >= HEAP_WARM_UP_S);
    const rssPoints = rssFitted.map((s) => [s.t / 60, mb(s.rss)] as [number, number]);
    const rawRssSlope = slope(rssPoints);
    const rssSlope = slope(withoutLargestJump(rssPoints));
    const heapSlope = slope(heapFitted.map((s) => [s.t / 60, mb(s.heap)]));
    const at = (t: number) => samples.find((s) => s.t >= t) ?? samples.at(-1)!;
    const rss = samples.map((s) => mb(s.rss));
    const report = [
      `${seconds.toFixed(0)} s, ${WORKERS} workers, ${STORE}: ${totals.requests} requests (${(totals.requests / seconds).toFixed(0)}/s), ${totals.errors} errors (error rate ${(totals.errors / Math.max(1, totals.requests)).toFixed(6)})`,
      `requests per second, minute by minute: ${minutes.map((s, i) => rate(minutes[i - 1], s).toFixed(0)).join(', ')}`,
      `steps: ${[...totals.byStep].map(([name, n]) => `${name} ×${n}`).join('; ')}`,
      `webhook deliveries received: ${receiver.received()}`,
      `RSS: ${rss[0]!.toFixed(1)} MB at ${samples[0]!.t.toFixed(0)} s, ${mb(at(HEAP_WARM_UP_S).rss).toFixed(1)} MB at ${at(HEAP_WARM_UP_S).t.toFixed(0)} s, ${mb(at(RSS_WARM_UP_S).rss).toFixed(1)} MB at ${at(RSS_WARM_UP_S).t.toFixed(0)} s, ${rss.at(-1)!.toFixed(1)} MB at the end, max ${Math.max(...rss).toFixed(1)} MB`,
      `RSS slope over the second half (from ${RSS_WARM_UP_S.toFixed(0)} s): ${rssSlope.toFixed(3)} MB/min over ${rssFitted.length} samples without the largest jump (tolerance ${RSS_TOLERANCE}); ${rawRssSlope.toFixed(3)} MB/min with it`,
      `heap after a full GC: ${mb(samples[0]!.heap).toFixed(1)} → ${mb(samples.at(-1)!.heap).toFixed(1)} MB, slope from ${HEAP_WARM_UP_S.toFixed(0)} s ${heapSlope.toFixed(3)} MB/min over ${heapFitted.length} samples (tolerance ${HEAP_TOLERANCE})`,
      `samples (s, RSS MB, heap MB): ${samples.map((s) => `${s.t.toFixed(0)}:${mb(s.rss).toFixed(1)}/${mb(s.heap).toFixed(1)}`).join(' ')}`,
    ];
    for (const line of report) t.diagnostic(line);
    process.stdout.write(`\n${report.join('\n')}\n\n`);

    assert.equal(totals.errors, 0, `errors:\n${totals.samples.join('\n')}`);
    assert.ok(totals.requests > seconds * 20, 'the load ran');
    assert.ok(rssFitted.length >= 5 && heapFitted.length >= 5, 'enough samples after the warm-up to fit a line');
    assert.ok(rssSlope <= RSS_TOLERANCE, `RSS grows ${rssSlope.toFixed(3)} MB/min, more than ${RSS_TOLERANCE}`);
    assert.ok(heapSlope <= HEAP_TOLERANCE, `the live heap grows ${heapSlope.toFixed(3)} MB/min, more than ${HEAP_TOLERANCE}`);
  });
});
