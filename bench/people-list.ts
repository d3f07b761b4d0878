import { performance } from 'node:perf_hooks';
import { seedPeople, type SeedRow } from './seed.ts';
import { analyzeLikeAutovacuum, call, expectStatus, latency, loadAverage, nextLink, pool, printTable, quickFlag, startServer, storeTargets, writeResults } from './support.ts';

// People at scale: seed N people through the public API as a provisioning script would, then
// time the reads an administrator's tooling makes most: the first page of
// /v1/people?callingData=true, a walk over every page, and one person by ID.

export type PeopleListOptions = { people: number; requests: number; concurrency: number; walks: number };

type Row = SeedRow;

/** The same request `requests` times, sequentially then with `concurrency` in flight. */
async function repeat(label: string, options: PeopleListOptions, url: (i: number) => string, check: (body: any) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const concurrency of [1, options.concurrency]) {
    const samples: number[] = [];
    const wall = await pool(options.requests, concurrency, async (i) => {
      const reply = expectStatus(await call(url(i)), 200, label);
      check(reply.body);
      samples.push(reply.ms);
    });
    rows.push({ operation: label, mode: concurrency === 1 ? 'seq' : `c=${concurrency}`, requests: options.requests, perSecond: (options.requests / wall) * 1000, latency: latency(samples) });
  }
  return rows;
}

/** Follows Link rel="next" verbatim from the first page to the last; checks nobody is missed or repeated. */
async function walk(base: string, expected: { total: number; callers: number; runId: string }) {
  const pageMs: number[] = [];
  const seen = new Set<string>();
  let callers = 0; // seeded people listed with their calling data
  let url: string | undefined = `${base}/v1/people?callingData=true&max=100`;
  const t0 = performance.now();
  while (url) {
    const reply = expectStatus(await call(url), 200, `walk page ${pageMs.length + 1}`);
    for (const person of reply.body.items) {
      if (seen.has(person.id)) throw new Error(`walk: ${person.id} appears twice (page ${pageMs.length + 1})`);
      seen.add(person.id);
      if (person.emails[0].includes(expected.runId) && person.extension && person.locationId && person.phoneNumbers?.length) callers++;
    }
    pageMs.push(reply.ms);
    url = nextLink(reply.headers);
  }
  const wallMs = performance.now() - t0;
  if (seen.size !== expected.total) throw new Error(`walk: ${seen.size} people over ${pageMs.length} pages, expected ${expected.total}`);
  if (callers !== expected.callers) throw new Error(`walk: ${callers} seeded callers listed with calling data, expected ${expected.callers}`);
  return { pageMs, wallMs, pages: pageMs.length };
}

export async function runPeopleList(options: PeopleListOptions): Promise<object> {
  process.stdout.write(`\n== people-list: ${options.people} people, ${options.requests} requests per measure, concurrency ${options.concurrency} ==\n`);
  const load = loadAverage();
  const stores = [];
  for (const target of storeTargets()) {
    const store = await target.fresh();
    const server = await startServer(store.url);
    try {
      const runId = Math.random().toString(36).slice(2, 8);
      const seeded = await seedPeople(server.base, { people: options.people, concurrency: options.concurrency, runId });
      const { seconds, throughput } = seeded;
      process.stdout.write(
        `  ${target.name}: seeded ${seeded.callers.length} numbers in ${seconds.numbers.toFixed(2)} s (${throughput.numbersPerSecond.toFixed(0)}/s), ` +
          `${options.people} people in ${seconds.people.toFixed(1)} s (${throughput.peoplePerSecond.toFixed(0)}/s)\n`,
      );
      const rows = [...seeded.rows];
      const analyzed = await analyzeLikeAutovacuum(store.url);

      const firstPage = `${server.base}/v1/people?callingData=true&max=100`;
      rows.push(...(await repeat('GET /v1/people?callingData=true&max=100', options, () => firstPage, (body) => {
        if (body.items.length !== 100) throw new Error(`first page has ${body.items.length} people`);
      })));

      const walks = [];
      for (let w = 0; w < options.walks; w++) walks.push(await walk(server.base, { total: seeded.expectedTotal, callers: seeded.callers.length, runId }));
      const pageMs = walks.flatMap((w) => w.pageMs);
      const wallMs = walks.reduce((a, w) => a + w.wallMs, 0);
      rows.push({ operation: `walk all pages (${walks[0]!.pages} pages) x${walks.length}`, mode: 'seq', requests: pageMs.length, perSecond: (pageMs.length / wallMs) * 1000, latency: latency(pageMs) });

      // Random seeded people (callers and plain), the same sequence for both modes.
      const picks = Array.from({ length: options.requests }, (_, i) => seeded.ids[(i * 7919) % seeded.ids.length]!);
      rows.push(...(await repeat('GET /v1/people/{id}?callingData=true', options, (i) => `${server.base}/v1/people/${picks[i]}?callingData=true`, (body) => {
        if (typeof body.id !== 'string') throw new Error(`person answer without id: ${JSON.stringify(body)}`);
      })));

      printTable(
        `people-list on ${target.name}: ${options.people} seeded people (latency in ms)`,
        ['operation', 'mode', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max'],
        rows.map((r) => [r.operation, r.mode, String(r.requests), r.perSecond, r.latency.p50, r.latency.p90, r.latency.p99, r.latency.max]),
      );
      process.stdout.write(`  full walk: ${walks.map((w) => `${(w.wallMs / 1000).toFixed(2)} s`).join(', ')}\n`);
      if (analyzed) process.stdout.write('  note: autovacuum is off on this PostgreSQL: the benchmark ran ANALYZE after seeding, as autovacuum would have\n');
      stores.push({ store: target.name, analyzed, seedSeconds: seconds, seedThroughput: throughput, walkSeconds: walks.map((w) => w.wallMs / 1000), rows });
    } finally {
      await server.stop().catch((error) => process.stderr.write(`${error}\n`));
      await store.drop();
    }
  }
  const data = { options, loadAverage: load, stores };
  writeResults('people-list', data);
  return data;
}

if (import.meta.main) {
  const quick = quickFlag();
  await runPeopleList({ people: quick ? 1000 : 10_000, requests: quick ? 100 : 500, concurrency: 16, walks: quick ? 1 : 3 });
}
