import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { addNumbers, createPerson, growLicense, type SeedRow } from './seed.ts';
import { cacheDir } from './processes.ts';
import { call, expectStatus, latency, pool, startServer, withPostgres, type StoreTarget } from './support.ts';

// An organization at scale, provisioned through the API: L locations enabled for Webex Calling,
// each with its numbers, and N calling users spread evenly over them. The store it leaves is
// cached (SQLite: a file under cacheDir(); PostgreSQL: a schema) so that the start-up benchmark
// can open "a store with 100,000 people" without provisioning it again.

export type ScaleOptions = { people: number; locations: number; concurrency: number };

export type ScaleSeeded = {
  locationIds: string[];
  personIds: string[];
  rows: SeedRow[];
  seconds: { licenses: number; locations: number; numbers: number; people: number; total: number };
  /** People created so far and the seconds it took, every tenth: the rate as the organization grows. */
  checkpoints: { people: number; seconds: number }[];
};

export const SCALE_FIRST_NUMBER = 5716660000;
const US_ADDRESS = { address1: '1 Bench Way', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' };

const progress = (what: string, done: number, total: number, t0: number, checkpoints?: { people: number; seconds: number }[]) => {
  if (done % Math.max(1, Math.floor(total / 10)) === 0 || done === total) {
    const s = (performance.now() - t0) / 1000;
    checkpoints?.push({ people: done, seconds: s });
    process.stdout.write(`    ${what}: ${done}/${total} in ${s.toFixed(1)} s (${(done / s).toFixed(0)}/s)\n`);
  }
};

export async function seedScale(base: string, options: ScaleOptions, runId: string): Promise<ScaleSeeded> {
  const { people, locations, concurrency } = options;
  const perLocation = Math.ceil(people / locations);
  const rows: SeedRow[] = [];
  const row = (operation: string, mode: string, samples: number[], wallMs: number) =>
    rows.push({ operation, mode, requests: samples.length, perSecond: (samples.length / wallMs) * 1000, latency: latency(samples) });
  const tStart = performance.now();

  let t0 = performance.now();
  const license = await growLicense(base, people);
  const licensesMs = performance.now() - t0;

  // Locations: create, then enable for Webex Calling with the location object GET answers.
  const locationIds: string[] = new Array(locations);
  const createMs: number[] = [];
  const enableMs: number[] = [];
  let done = 0;
  t0 = performance.now();
  const locationsWall = await pool(locations, Math.min(concurrency, 8), async (l) => {
    const body = { name: `Scale ${l} ${runId}`, timeZone: 'America/Chicago', preferredLanguage: 'en_us', announcementLanguage: 'en_us', address: US_ADDRESS };
    const created = expectStatus(await call(`${base}/v1/locations`, { method: 'POST', body }), 201, `create location ${l}`);
    createMs.push(created.ms);
    const location = expectStatus(await call(`${base}/v1/locations/${created.body.id}`), 200, `get location ${l}`).body;
    const enabled = await call(`${base}/v1/telephony/config/locations`, { method: 'POST', body: location });
    enableMs.push(expectStatus(enabled, 201, `enable location ${l} for calling`).ms);
    locationIds[l] = created.body.id;
    progress('locations', ++done, locations, t0);
  });
  row('POST /v1/locations', `c=${Math.min(concurrency, 8)}`, createMs, locationsWall);
  row('POST /v1/telephony/config/locations (enable)', `c=${Math.min(concurrency, 8)}`, enableMs, locationsWall);

  // Numbers: location l owns first + l*perLocation … + perLocation-1, in batches of 1000.
  const numberMs: number[] = [];
  done = 0;
  t0 = performance.now();
  const numbersWall = await pool(locations, 4, async (l) => {
    numberMs.push(...(await addNumbers(base, locationIds[l]!, SCALE_FIRST_NUMBER + l * perLocation, perLocation)));
    progress('number batches', ++done, locations, t0);
  });
  row(`POST numbers (${Math.min(perLocation, 1000)}/request)`, 'c=4', numberMs, numbersWall);

  // People: person i in location i % L (consecutive requests go to different locations).
  const personIds: string[] = new Array(people);
  const peopleMs: number[] = [];
  const checkpoints: { people: number; seconds: number }[] = [];
  done = 0;
  t0 = performance.now();
  const peopleWall = await pool(people, concurrency, async (i) => {
    const l = i % locations;
    const k = Math.floor(i / locations);
    const calling = { national: SCALE_FIRST_NUMBER + l * perLocation + k, extension: String(2000 + k), locationId: locationIds[l]!, licenseId: license.professionalId };
    const created = await createPerson(base, `s${i}-${runId}`, calling);
    personIds[i] = created.id;
    peopleMs.push(created.ms);
    progress('people', ++done, people, t0, checkpoints);
  });
  row('POST /v1/people (calling user)', `c=${concurrency}`, peopleMs, peopleWall);

  const seconds = {
    licenses: licensesMs / 1000,
    locations: locationsWall / 1000,
    numbers: numbersWall / 1000,
    people: peopleWall / 1000,
    total: (performance.now() - tStart) / 1000,
  };
  return { locationIds, personIds, rows, seconds, checkpoints };
}

// ---------------------------------------------------------------- the cache

const cacheKey = (o: ScaleOptions) => `scale-${o.people}p-${o.locations}l`;
type Manifest = { people: number; locations: number; created: string; seconds: ScaleSeeded['seconds'] };

/** Keeps the store a finished scale seed left behind (the server must have stopped). */
export async function saveScaleCache(target: StoreTarget, url: string, options: ScaleOptions, seconds: ScaleSeeded['seconds']): Promise<void> {
  const manifest: Manifest = { people: options.people, locations: options.locations, created: new Date().toISOString(), seconds };
  if (target.name === 'sqlite') {
    const file = join(cacheDir(), `${cacheKey(options)}.sqlite`);
    const from = url.slice('sqlite:'.length);
    for (const suffix of ['', '-wal']) {
      rmSync(file + suffix, { force: true });
      if (existsSync(from + suffix)) copyFileSync(from + suffix, file + suffix);
    }
    writeFileSync(`${file}.json`, JSON.stringify(manifest));
    return;
  }
  const schema = new URL(url).searchParams.get('schema')!;
  await withPostgres(process.env.BENCH_DATABASE_URL!, async (client) => {
    const name = `callplane_${cacheKey(options).replace(/-/g, '_')}`;
    await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await client.query(`ALTER SCHEMA "${schema}" RENAME TO "${name}"`);
    await client.query(`COMMENT ON SCHEMA "${name}" IS '${JSON.stringify(manifest)}'`);
  });
}

/**
 * A store holding the scale seed: a copy of the cached one, or (when there is none) one
 * provisioned now through the API and cached. PostgreSQL's cached schema is used in place.
 */
export async function scaleStore(target: StoreTarget, options: ScaleOptions): Promise<{ url: string; drop(): Promise<void>; manifest: Manifest }> {
  const cached = await readCache(target, options);
  if (cached) return cached;
  process.stdout.write(`  no cached ${target.name} store with ${options.people} people: provisioning one through the API (once)\n`);
  const store = await target.fresh();
  const server = await startServer(store.url);
  let seeded: ScaleSeeded;
  try {
    seeded = await seedScale(server.base, options, Math.random().toString(36).slice(2, 8));
  } finally {
    await server.stop();
  }
  await saveScaleCache(target, store.url, options, seeded.seconds);
  if (target.name === 'sqlite') await store.drop();
  return (await readCache(target, options))!;
}

async function readCache(target: StoreTarget, options: ScaleOptions) {
  if (target.name === 'sqlite') {
    const file = join(cacheDir(), `${cacheKey(options)}.sqlite`);
    if (!existsSync(`${file}.json`) || !existsSync(file)) return undefined;
    const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Manifest;
    const dir = mkdtempSync(join(os.tmpdir(), 'callplane-bench-'));
    for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(dir, `callplane.sqlite${suffix}`));
    return { url: `sqlite:${join(dir, 'callplane.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }), manifest };
  }
  const name = `callplane_${cacheKey(options).replace(/-/g, '_')}`;
  const comment = await withPostgres(process.env.BENCH_DATABASE_URL!, async (client) => (await client.query(`SELECT obj_description(oid, 'pg_namespace') AS c FROM pg_namespace WHERE nspname = $1`, [name])).rows[0]?.c);
  if (!comment) return undefined;
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  url.searchParams.set('schema', name);
  return { url: url.toString(), drop: async () => {}, manifest: JSON.parse(comment) as Manifest };
}
