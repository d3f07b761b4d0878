import { performance } from 'node:perf_hooks';
import { call, expectStatus, latency, nextLink, pool, postgresSetting, printTable, quickFlag, startServer, storeTargets, writeResults, type Latency } from './support.ts';

// People at scale: seed N people through the public API as a provisioning script would, then
// time the reads an administrator's tooling makes most: the first page of
// /v1/people?callingData=true, a walk over every page, and one person by ID.

export type PeopleListOptions = { people: number; requests: number; concurrency: number; walks: number };

type Row = { operation: string; mode: string; requests: number; perSecond: number; latency: Latency };

const NUMBER_BATCH = 1000; // the most numbers one POST may add, in Webex
// Every fourth person is a plain (non-calling) person: both kinds go through the list's calling-data join.
const isCaller = (i: number) => i % 4 !== 3;
// +1 571 666-0000 onwards, spilling into 667 past 10,000 numbers; the demo uses 555-01xx.
const nationalNumber = (c: number) => `571${666 + Math.floor(c / 10_000)}${String(c % 10_000).padStart(4, '0')}`;

export async function seed(base: string, options: PeopleListOptions, runId: string) {
  const rows: Row[] = [];
  const [locations, licenses, before] = await Promise.all([
    call(`${base}/v1/locations?max=1`),
    call(`${base}/v1/licenses`),
    call(`${base}/v1/people?max=1000`),
  ]);
  const locationId: string = expectStatus(locations, 200, 'list locations').body.items[0].id;
  const professional = expectStatus(licenses, 200, 'list licenses').body.items.find((l: { name: string }) => l.name === 'Webex Calling - Professional');
  const existing: number = expectStatus(before, 200, 'list people').body.items.length;
  const callers = Array.from({ length: options.people }, (_, i) => i).filter(isCaller).length;

  // The demo subscription has 100 units: make room for every caller.
  const resize = await call(`${base}/sandbox/v1/licenses/${encodeURIComponent(professional.id)}`, {
    method: 'PUT',
    body: { totalUnits: professional.consumedUnits + callers + 10 },
  });
  expectStatus(resize, 200, 'resize the Professional license');

  // Numbers first, in batches, sequentially: one location's inventory is one writer anyway.
  const numberMs: number[] = [];
  const batches = Math.ceil(callers / NUMBER_BATCH);
  const numbersWall = await pool(batches, 1, async (b) => {
    const phoneNumbers = [];
    for (let c = b * NUMBER_BATCH; c < Math.min(callers, (b + 1) * NUMBER_BATCH); c++) phoneNumbers.push(`+1${nationalNumber(c)}`);
    const reply = await call(`${base}/v1/telephony/config/locations/${locationId}/numbers`, { method: 'POST', body: { phoneNumbers } });
    expectStatus(reply, 201, `add numbers batch ${b}`);
    numberMs.push(reply.ms);
  });
  rows.push({ operation: `POST numbers (${NUMBER_BATCH}/batch)`, mode: 'seq', requests: batches, perSecond: (batches / numbersWall) * 1000, latency: latency(numberMs) });

  // People, with bounded concurrency, as a provisioning script would.
  const ids: string[] = new Array(options.people);
  const createMs: number[] = [];
  let caller = 0;
  const peopleWall = await pool(options.people, options.concurrency, async (i) => {
    const name = `p${i}-${runId}`;
    const body: Record<string, unknown> = { emails: [`${name}@bench.example`], displayName: `Bench ${name}`, firstName: 'Bench', lastName: name };
    const number = isCaller(i) ? nationalNumber(caller++) : undefined;
    if (number) Object.assign(body, { phoneNumbers: [{ type: 'work', value: number }], extension: String(200_000 + i), licenses: [professional.id] });
    const reply = expectStatus(await call(`${base}/v1/people?callingData=true`, { method: 'POST', body }), 200, `create person ${i}`);
    if (number && (reply.body.extension !== String(200_000 + i) || !reply.body.phoneNumbers?.some((p: { value: string }) => p.value.endsWith(number)))) {
      throw new Error(`create person ${i}: calling data missing from the answer: ${JSON.stringify(reply.body)}`);
    }
    ids[i] = reply.body.id;
    createMs.push(reply.ms);
  });
  rows.push({ operation: 'POST /v1/people (calling 3 of 4)', mode: `c=${options.concurrency}`, requests: options.people, perSecond: (options.people / peopleWall) * 1000, latency: latency(createMs) });
  const throughput = { numbersPerSecond: (callers / numbersWall) * 1000, peoplePerSecond: (options.people / peopleWall) * 1000 };
  return { ids, rows, expectedTotal: existing + options.people, callers, throughput, seconds: { numbers: numbersWall / 1000, people: peopleWall / 1000 } };
}

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
  const stores = [];
  for (const target of storeTargets()) {
    const store = await target.fresh();
    const server = await startServer(store.url);
    try {
      const runId = Math.random().toString(36).slice(2, 8);
      const seeded = await seed(server.base, options, runId);
      const { seconds, throughput } = seeded;
      process.stdout.write(
        `  ${target.name}: seeded ${seeded.callers} numbers in ${seconds.numbers.toFixed(2)} s (${throughput.numbersPerSecond.toFixed(0)}/s), ` +
          `${options.people} people in ${seconds.people.toFixed(1)} s (${throughput.peoplePerSecond.toFixed(0)}/s)\n`,
      );
      const rows = [...seeded.rows];

      const firstPage = `${server.base}/v1/people?callingData=true&max=100`;
      rows.push(...(await repeat('GET /v1/people?callingData=true&max=100', options, () => firstPage, (body) => {
        if (body.items.length !== 100) throw new Error(`first page has ${body.items.length} people`);
      })));

      const walks = [];
      for (let w = 0; w < options.walks; w++) walks.push(await walk(server.base, { total: seeded.expectedTotal, callers: seeded.callers, runId }));
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
      // Without autovacuum nothing ANALYZEs the fresh tables, and PostgreSQL plans without statistics.
      const autovacuum = target.name === 'postgres' ? await postgresSetting('autovacuum') : undefined;
      if (autovacuum === 'off') process.stdout.write('  note: autovacuum is off on this PostgreSQL: the tables were never analyzed\n');
      stores.push({ store: target.name, autovacuum, seedSeconds: seconds, seedThroughput: throughput, walkSeconds: walks.map((w) => w.wallMs / 1000), rows });
    } finally {
      await server.stop().catch((error) => process.stderr.write(`${error}\n`));
      await store.drop();
    }
  }
  const data = { options, stores };
  writeResults('people-list', data);
  return data;
}

if (import.meta.main) {
  const quick = quickFlag();
  await runPeopleList({ people: quick ? 1000 : 10_000, requests: quick ? 100 : 500, concurrency: 16, walks: quick ? 1 : 3 });
}
