import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import type { CeilingRoute } from './ceiling-server.ts';
import { runLoad, type BodyGenerator, type LoadResult, type LoadSpec } from './load.ts';
import { addNumbers, growLicense, seedPeople } from './seed.ts';
import { startService, type Service } from './processes.ts';
import { ADMIN_TOKEN, analyzeLikeAutovacuum, call, expectStatus, fmt, freePort, loadAverage, printTable, quickFlag, ROOT, startServer, storeTargets, writeResults } from './support.ts';

// API reads and writes under load (autocannon, from its own process), side by side with
//   the ceiling: a bare Fastify server answering the same bytes (bench/ceiling-server.ts), and
//   Stoplight Prism mocking the people endpoints from Cisco's OpenAPI document (what people use
//   today), with the ceiling answering Prism's (smaller) bodies too, for a fair ratio.

export type ApiOptions = { people: number; posts: number; seconds: number; warmup: number; connections: number };

/** National numbers for the POST load: +1 571 690-0000 onwards (the seed uses 666-xxxx). */
const POST_FIRST_NUMBER = 5716900000;
const PRISM_DOCUMENT = join(ROOT, 'bench', 'fixtures', 'webex-admin.json');

type Endpoint = {
  name: string;
  method: 'GET' | 'POST';
  /** Callplane's route, and (for the ceiling) the same route pattern. */
  path: string;
  route: string;
  paths?: string[];
  prism?: { path: string; route: string };
  body?: BodyGenerator;
};

/** ratio: req/s ÷ the ceiling answering Callplane's body; own: ÷ the ceiling answering this server's own body. */
type Measure = { target: string; result?: LoadResult; ratio?: number; own?: number; note?: string };

async function startPrism(): Promise<Service> {
  const bin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const port = await freePort();
  // Static mode (answers from the document's examples), logging only errors: Prism's best case.
  return startService('prism', process.execPath, [bin, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'error', PRISM_DOCUMENT], port, '/people');
}

/** One answer of each endpoint, exactly as a client gets it (the ceiling's bodies). */
async function sample(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown; bytes: number }> {
  const reply = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await reply.text();
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${text.slice(0, 500)}`);
  return { status: reply.status, body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

export async function runApi(options: ApiOptions): Promise<object> {
  process.stdout.write(
    `\n== api: autocannon ${options.connections} connections, ${options.seconds} s per measure (+${options.warmup} s warm-up), ${options.people} people seeded ==\n`,
  );
  const load = loadAverage();
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const base: Omit<LoadSpec, 'url'> = { headers, connections: options.connections, duration: options.seconds, warmup: options.warmup };
  let prism: Service | undefined;
  let prismError: string | undefined;
  try {
    prism = await startPrism();
  } catch (error) {
    prismError = String(error).slice(0, 2000);
    process.stdout.write(`  Prism did not start: ${prismError}\n`);
  }
  const stores = [];
  try {
    for (const target of storeTargets()) {
      const store = await target.fresh();
      const server = await startServer(store.url);
      const scratch = mkdtempSync(join(os.tmpdir(), 'callplane-ceiling-'));
      let ceiling: Service | undefined;
      try {
        const runId = Math.random().toString(36).slice(2, 8);
        const seeded = await seedPeople(server.base, { people: options.people, concurrency: 16, runId });
        const { licenseId, locationId } = seeded;
        // Inventory and license units for every POST of the write load (and one sample).
        await growLicense(server.base, options.posts + 1);
        await addNumbers(server.base, locationId, POST_FIRST_NUMBER, options.posts + 1);
        const analyzed = await analyzeLikeAutovacuum(store.url);
        const ids = Array.from({ length: 1000 }, (_, i) => seeded.ids[(i * 7919) % seeded.ids.length]!);
        const generator = (first: number): BodyGenerator => ({ kind: 'callingUser', licenseId, locationId, firstNumber: first, firstExtension: 300_000 + (first - POST_FIRST_NUMBER), runId });
        const endpoints: Endpoint[] = [
          {
            name: 'GET /v1/people?callingData=true&max=100',
            method: 'GET',
            path: '/v1/people?callingData=true&max=100',
            route: '/v1/people',
            prism: { path: '/people?callingData=true&max=100', route: '/people' },
          },
          {
            name: 'GET /v1/people/{id}',
            method: 'GET',
            path: `/v1/people/${ids[0]}`,
            route: '/v1/people/:personId',
            paths: ids.map((id) => `/v1/people/${id}`),
            prism: { path: `/people/${ids[0]}`, route: '/people/:personId' },
          },
          {
            name: 'POST /v1/people (calling user)',
            method: 'POST',
            path: '/v1/people?callingData=true',
            route: '/v1/people',
            prism: { path: '/people?callingData=true', route: '/people' },
            body: generator(POST_FIRST_NUMBER + 1),
          },
          { name: 'GET /v1/telephony/config/locations/{id}', method: 'GET', path: `/v1/telephony/config/locations/${locationId}`, route: '/v1/telephony/config/locations/:locationId' },
        ];

        // The bodies: one real answer of each endpoint, from Callplane and from Prism.
        const samplePost = (n: number) => ({
          emails: [`sample${n}-${runId}@bench.example`],
          displayName: 'Sample',
          firstName: 'Sample',
          lastName: `S${n}`,
          phoneNumbers: [{ type: 'work', value: String(POST_FIRST_NUMBER) }],
          extension: '300000',
          locationId,
          licenses: [licenseId],
        });
        const routes: CeilingRoute[] = [];
        const sizes: Record<string, { callplane: number; prism?: number }> = {};
        for (const e of endpoints) {
          const mine = await sample(server.base, e.method, e.path, e.method === 'POST' ? samplePost(0) : undefined);
          routes.push({ method: e.method, url: e.route, status: mine.status, body: mine.body });
          sizes[e.name] = { callplane: mine.bytes };
          if (e.prism && prism) {
            const theirs = await sample(prism.base, e.method, e.prism.path, e.method === 'POST' ? samplePost(1) : undefined);
            routes.push({ method: e.method, url: e.prism.route, status: theirs.status, body: theirs.body });
            sizes[e.name]!.prism = theirs.bytes;
          }
        }
        const routesFile = join(scratch, 'routes.json');
        writeFileSync(routesFile, JSON.stringify(routes));
        const ceilingPort = await freePort();
        ceiling = await startService('ceiling', process.execPath, [join(ROOT, 'bench', 'ceiling-server.ts'), String(ceilingPort), routesFile], ceilingPort, '/healthz');

        const rows: { endpoint: string; measures: Measure[] }[] = [];
        for (const e of endpoints) {
          // Callplane goes round many people and creates a new user per POST. The ceiling and
          // Prism answer the same whatever the ID or body: one path and one body cost the load
          // generator least, so their figures are as high as this machine allows.
          const spec = (origin: string, path: string, paths?: string[]): LoadSpec => ({ ...base, url: origin + path, method: e.method, ...(paths ? { paths } : {}) });
          const fixed = (origin: string, path: string): LoadSpec => ({ ...spec(origin, path), ...(e.body ? { payload: JSON.stringify(samplePost(2)) } : {}) });
          const measure = async (label: string, s: LoadSpec): Promise<Measure & { result: LoadResult }> => {
            const result = await runLoad(s);
            process.stdout.write(`  ${target.name} ${e.name} on ${label}: ${fmt(result.perSecond, 0)} req/s${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}\n`);
            return { target: label, result };
          };
          // Callplane's writes are a fixed number of new users (its inventory is finite).
          const mine = await measure(`callplane (${target.name})`, e.body ? { ...spec(server.base, e.path), body: e.body, amount: options.posts, warmup: 0 } : spec(server.base, e.path, e.paths));
          if (mine.result.non2xx || mine.result.errors) throw new Error(`${e.name}: ${mine.result.non2xx} non-2xx, ${mine.result.errors} errors: ${mine.result.failures.join(' | ')}`);
          const top = await measure('ceiling (Callplane body)', fixed(ceiling.base, e.path));
          const vsTop = (m: { result: LoadResult }) => m.result.perSecond / top.result.perSecond;
          const measures: Measure[] = [{ ...mine, ratio: vsTop(mine), own: vsTop(mine) }];
          if (e.prism && prism) {
            const mock = await measure('prism', fixed(prism.base, e.prism.path));
            const prismTop = await measure('ceiling (Prism body)', fixed(ceiling.base, e.prism.path));
            if (mock.result.non2xx || mock.result.errors) mock.note = `${mock.result.non2xx} non-2xx, ${mock.result.errors} errors: ${mock.result.failures[0] ?? ''}`.slice(0, 120);
            measures.push({ ...mock, ratio: vsTop(mock), own: mock.result.perSecond / prismTop.result.perSecond });
            measures.push({ ...top, ratio: 1, own: 1 }, { ...prismTop, ratio: vsTop(prismTop), own: 1 });
          } else {
            measures.push({ ...top, ratio: 1, own: 1 }, { target: 'prism', note: prism ? 'not in Cisco’s admin document' : 'Prism did not start' });
          }
          rows.push({ endpoint: e.name, measures });
        }

        printTable(
          `api on ${target.name}: ${options.people} people, autocannon c=${options.connections} (latency in ms; ÷ ceiling = req/s ÷ the bare Fastify server's req/s)`,
          ['endpoint', 'server', 'req/s', 'p50', 'p90', 'p99', 'bytes', '÷ ceiling (Callplane body)', '÷ ceiling (own body)', 'note'],
          rows.flatMap((r) =>
            r.measures.map((m, i) => {
              const name = i === 0 ? r.endpoint : '';
              if (!m.result) return [name, m.target, '-', '-', '-', '-', '-', '-', '-', m.note ?? ''];
              const l = m.result.latency;
              return [name, m.target, m.result.perSecond, l.p50, l.p90, l.p99, fmt(m.result.bytesPerResponse, 0), fmt(m.ratio ?? NaN, 3), fmt(m.own ?? NaN, 3), m.note ?? ''];
            }),
          ),
        );
        stores.push({ store: target.name, people: options.people, analyzed, sizes, rows: rows.map((r) => ({ ...r, measures: r.measures.filter((m) => m.result) })) });
      } finally {
        await ceiling?.stop();
        rmSync(scratch, { recursive: true, force: true });
        await server.stop().catch((error) => process.stderr.write(`${error}\n`));
        await store.drop();
      }
    }
  } finally {
    await prism?.stop();
  }
  const data = { options, loadAverage: load, tool: 'autocannon', prism: prismError ? { error: prismError } : { document: 'bench/fixtures/webex-admin.json', mode: 'static' }, stores };
  writeResults('api', data);
  return data;
}

export function apiOptions(quick: boolean): ApiOptions {
  return quick ? { people: 500, posts: 300, seconds: 3, warmup: 1, connections: 16 } : { people: 10_000, posts: 3000, seconds: 10, warmup: 2, connections: 16 };
}

if (import.meta.main) await runApi(apiOptions(quickFlag()));
