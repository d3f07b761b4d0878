import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { latency } from './support.ts';

// The load generator: autocannon, always in a process of its own so neither the benchmark's
// bookkeeping nor the server under test shares its event loop. runLoad() spawns this file with a
// JSON spec as its argument; run as a program, it fires the load and prints the result as JSON.

export type BodyGenerator = {
  /** A new Webex Calling user per request: unique email, extension and phone number. */
  kind: 'callingUser';
  licenseId: string;
  locationId: string;
  /** The first 10-digit US national number to hand out (the location must own the range). */
  firstNumber: number;
  firstExtension: number;
  runId: string;
};

export type LoadSpec = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  connections: number;
  /** Seconds of measured load (ignored when `amount` is set). */
  duration?: number;
  /** Exactly this many requests (for writes, whose inventory is finite). */
  amount?: number;
  /** Seconds of unrecorded load first, to warm up JIT, caches and connections. */
  warmup?: number;
  /** Paths to go round, one per request (for example one person after another). */
  paths?: string[];
  body?: BodyGenerator;
  /** The same request body every time (where uniqueness does not matter: the ceiling, Prism). */
  payload?: string;
  /**
   * A fixed offered load: this many GETs a second in all, evenly spaced and sent whether or not
   * earlier ones were answered (open loop), on at most `connections` kept-alive connections.
   */
  rate?: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  perSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /** Up to three failed answers, to explain non-2xx counts. */
  failures: string[];
};

function requestsOf(spec: LoadSpec, failures: string[]): autocannon.Request[] | undefined {
  const onResponse = (status: number, body: string) => {
    if (status >= 300 && failures.length < 3) failures.push(`${status} ${body.slice(0, 300)}`);
  };
  if (spec.body?.kind === 'callingUser') {
    const g = spec.body;
    let i = 0;
    return [
      {
        setupRequest: (request) => {
          const n = i++;
          const name = `load${n}-${g.runId}`;
          request.body = JSON.stringify({
            emails: [`${name}@bench.example`],
            displayName: `Load ${name}`,
            firstName: 'Load',
            lastName: name,
            phoneNumbers: [{ type: 'work', value: String(g.firstNumber + n) }],
            extension: String(g.firstExtension + n),
            locationId: g.locationId,
            licenses: [g.licenseId],
          });
          return request;
        },
        onResponse,
      },
    ];
  }
  if (spec.paths?.length) {
    const paths = spec.paths;
    let i = 0;
    return [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }), onResponse }];
  }
  return [{ onResponse }];
}

/**
 * An even, open-loop load (autocannon's overallRate releases each connection's share in bursts,
 * which alone gave the bare ceiling a p99 of 20–30 ms at 200 requests a second).
 */
async function steady(spec: LoadSpec & { rate: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const paths = spec.paths?.length ? spec.paths : [new URL(spec.url).pathname];
  const samples: number[] = [];
  const failures: string[] = [];
  let non2xx = 0;
  let errors = 0;
  let bytes = 0;
  const get = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const request = http.get(new URL(path, spec.url), { agent, headers: spec.headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          samples.push(performance.now() - t0);
          bytes += Buffer.byteLength(body);
          if ((response.statusCode ?? 0) >= 300) {
            non2xx++;
            if (failures.length < 3) failures.push(`${response.statusCode} ${body.slice(0, 300)}`);
          }
          resolve();
        });
      });
      request.on('error', () => {
        errors++;
        resolve();
      });
    });
  const total = Math.round(spec.rate * (spec.duration ?? 10));
  const gapMs = 1000 / spec.rate;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + i * gapMs - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(get(paths[i % paths.length]!));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  const { p50, p90, p99, max, mean } = latency(samples);
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latency: { p50, p90, p99, max, mean },
    non2xx,
    errors,
    timeouts: 0,
    bytesPerResponse: samples.length ? bytes / samples.length : 0,
    failures,
  };
}

async function fire(spec: LoadSpec): Promise<LoadResult> {
  if (spec.rate) return steady({ ...spec, rate: spec.rate });
  const failures: string[] = [];
  const options: autocannon.Options = {
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: { ...(spec.method === 'POST' ? { 'content-type': 'application/json' } : {}), ...spec.headers },
    connections: spec.connections,
    pipelining: 1,
    timeout: 30,
    ...(spec.payload ? { body: spec.payload } : {}),
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
    requests: requestsOf(spec, failures),
  };
  if (spec.warmup && !spec.amount) await autocannon({ ...options, duration: spec.warmup });
  const r = await autocannon(options);
  const requests = r.requests.total;
  const seconds = r.duration;
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.average },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: requests ? r.throughput.total / requests : 0,
    failures,
  };
}

/** Runs one load in a child process and returns what autocannon measured. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((ok, fail) => {
    // The spec goes in on stdin: a list of paths is longer than a command line may be.
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(JSON.stringify(spec));
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err = (err + c).slice(-4000)));
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`load generator exited with ${code}: ${err}`));
      try {
        ok(JSON.parse(out) as LoadResult);
      } catch {
        fail(new Error(`load generator printed no result: ${out.slice(0, 500)} ${err}`));
      }
    });
  });
}

if (import.meta.main) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  process.stdout.write(JSON.stringify(await fire(JSON.parse(Buffer.concat(chunks).toString()) as LoadSpec)));
}
