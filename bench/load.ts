import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
  /** A fixed offered load: this many requests a second in all, whatever the server could take. */
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

async function fire(spec: LoadSpec): Promise<LoadResult> {
  const failures: string[] = [];
  const options: autocannon.Options = {
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: { ...(spec.method === 'POST' ? { 'content-type': 'application/json' } : {}), ...spec.headers },
    connections: spec.connections,
    pipelining: 1,
    timeout: 30,
    ...(spec.payload ? { body: spec.payload } : {}),
    ...(spec.rate ? { overallRate: spec.rate } : {}),
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
