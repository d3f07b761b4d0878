import { call, expectStatus, latency, pool, type Latency } from './support.ts';

// Seeding through the public API, as a provisioning script would: numbers in batches of 1000
// (the most one POST may add, in Webex), then people with bounded concurrency. Used by the
// people-list, API and calls benchmarks (one location) and by the scale benchmark (scale.ts).

export type SeedRow = { operation: string; mode: string; requests: number; perSecond: number; latency: Latency };

export const NUMBER_BATCH = 1000;
/** +1 571 666-0000 onwards (10-digit US national numbers, as the People API takes them); the demo uses 555-01xx. */
export const FIRST_NUMBER = 5716660000;
export const e164 = (national: number) => `+1${national}`;

export type Licenses = { professionalId: string; consumedUnits: number; totalUnits: number };

export async function professionalLicense(base: string): Promise<Licenses> {
  const licenses = expectStatus(await call(`${base}/v1/licenses`), 200, 'list licenses').body.items;
  const professional = licenses.find((l: { name: string }) => l.name === 'Webex Calling - Professional');
  return { professionalId: professional.id, consumedUnits: professional.consumedUnits, totalUnits: professional.totalUnits };
}

/** Makes room for `more` calling users (the demo subscription has 100 units). */
export async function growLicense(base: string, more: number): Promise<Licenses> {
  const license = await professionalLicense(base);
  const totalUnits = license.consumedUnits + more + 10;
  if (totalUnits > license.totalUnits) {
    const reply = await call(`${base}/sandbox/v1/licenses/${encodeURIComponent(license.professionalId)}`, { method: 'PUT', body: { totalUnits } });
    expectStatus(reply, 200, 'resize the Professional license');
  }
  return { ...license, totalUnits: Math.max(totalUnits, license.totalUnits) };
}

export async function defaultLocationId(base: string): Promise<string> {
  return expectStatus(await call(`${base}/v1/locations?max=1`), 200, 'list locations').body.items[0].id;
}

/** Adds national numbers first..first+count-1 to a location's inventory, 1000 per request; returns each request's latency. */
export async function addNumbers(base: string, locationId: string, first: number, count: number): Promise<number[]> {
  const ms: number[] = [];
  for (let start = 0; start < count; start += NUMBER_BATCH) {
    const phoneNumbers = [];
    for (let n = start; n < Math.min(count, start + NUMBER_BATCH); n++) phoneNumbers.push(e164(first + n));
    const reply = await call(`${base}/v1/telephony/config/locations/${locationId}/numbers`, { method: 'POST', body: { phoneNumbers } });
    expectStatus(reply, 201, `add ${phoneNumbers.length} numbers from ${phoneNumbers[0]} to a location`);
    ms.push(reply.ms);
  }
  return ms;
}

/** A new Webex Calling user (national number, extension, location, license) or a plain person. */
export async function createPerson(
  base: string,
  name: string,
  calling?: { national: number; extension: string; locationId?: string; licenseId: string },
): Promise<{ id: string; ms: number }> {
  const body: Record<string, unknown> = { emails: [`${name}@bench.example`], displayName: `Bench ${name}`, firstName: 'Bench', lastName: name };
  if (calling) {
    Object.assign(body, { phoneNumbers: [{ type: 'work', value: String(calling.national) }], extension: calling.extension, licenses: [calling.licenseId] });
    if (calling.locationId) body.locationId = calling.locationId;
  }
  let reply = await call(`${base}/v1/people?callingData=true`, { method: 'POST', body });
  if (reply.status === 409 && reply.retried) {
    // Sent again after a connection reset, and the first attempt had created the person.
    const found = expectStatus(await call(`${base}/v1/people?callingData=true&email=${encodeURIComponent(`${name}@bench.example`)}`), 200, `find person ${name}`);
    if (found.body.items.length === 1) reply = { ...reply, status: 200, body: found.body.items[0] };
  }
  expectStatus(reply, 200, `create person ${name}`);
  if (calling && (reply.body.extension !== calling.extension || !reply.body.phoneNumbers?.some((p: { value: string }) => p.value.replace(/\D/g, '').endsWith(String(calling.national))))) {
    throw new Error(`create person ${name}: calling data missing from the answer: ${JSON.stringify(reply.body)}`);
  }
  return { id: reply.body.id, ms: reply.ms };
}

export type SeedOptions = { people: number; concurrency: number; runId: string; firstNumber?: number; allCallers?: boolean };

export type Seeded = {
  ids: string[];
  /** The calling users, with their numbers (E.164). */
  callers: { id: string; number: string }[];
  locationId: string;
  licenseId: string;
  rows: SeedRow[];
  expectedTotal: number;
  seconds: { numbers: number; people: number };
  throughput: { numbersPerSecond: number; peoplePerSecond: number };
};

/**
 * N people in the default location. Unless allCallers, every fourth is a plain (non-calling)
 * person: both kinds go through the list's calling-data join.
 */
export async function seedPeople(base: string, options: SeedOptions): Promise<Seeded> {
  const isCaller = (i: number) => options.allCallers || i % 4 !== 3;
  const first = options.firstNumber ?? FIRST_NUMBER;
  const [locationId, before] = await Promise.all([defaultLocationId(base), call(`${base}/v1/people?max=1000`)]);
  const existing: number = expectStatus(before, 200, 'list people').body.items.length;
  const callerCount = Array.from({ length: options.people }, (_, i) => i).filter(isCaller).length;
  const license = await growLicense(base, callerCount);

  const t0 = performance.now();
  const numberMs = await addNumbers(base, locationId, first, callerCount);
  const numbersWall = performance.now() - t0;

  const ids: string[] = new Array(options.people);
  const numbers: (number | undefined)[] = new Array(options.people);
  const createMs: number[] = [];
  let caller = 0;
  const peopleWall = await pool(options.people, options.concurrency, async (i) => {
    const national = isCaller(i) ? first + caller++ : undefined;
    numbers[i] = national;
    const calling = national === undefined ? undefined : { national, extension: String(200_000 + i), licenseId: license.professionalId };
    const created = await createPerson(base, `p${i}-${options.runId}`, calling);
    ids[i] = created.id;
    createMs.push(created.ms);
  });
  const rows: SeedRow[] = [
    { operation: `POST numbers (${NUMBER_BATCH}/batch)`, mode: 'seq', requests: numberMs.length, perSecond: (numberMs.length / numbersWall) * 1000, latency: latency(numberMs) },
    {
      operation: `POST /v1/people (${options.allCallers ? 'all calling' : 'calling 3 of 4'})`,
      mode: `c=${options.concurrency}`,
      requests: options.people,
      perSecond: (options.people / peopleWall) * 1000,
      latency: latency(createMs),
    },
  ];
  return {
    ids,
    callers: ids.flatMap((id, i) => (numbers[i] === undefined ? [] : [{ id, number: e164(numbers[i]!) }])),
    locationId,
    licenseId: license.professionalId,
    rows,
    expectedTotal: existing + options.people,
    seconds: { numbers: numbersWall / 1000, people: peopleWall / 1000 },
    throughput: { numbersPerSecond: (callerCount / numbersWall) * 1000, peoplePerSecond: (options.people / peopleWall) * 1000 },
  };
}
