import { join } from 'node:path';
import { defaultLocationId, seedPeople } from './seed.ts';
import { residentMemory, startService, storeBytes, type Service } from './processes.ts';
import {
  analyzeLikeAutovacuum,
  call,
  expectStatus,
  fmt,
  freePort,
  latency,
  loadAverage,
  pool,
  printTable,
  quickFlag,
  ROOT,
  sleep,
  startServer,
  storeTargets,
  writeResults,
  type Latency,
} from './support.ts';

// Calls: full call lifecycles per second (a PSTN caller calls a person, the person's phone
// answers, then hangs up: three requests of the simulator), first without webhooks, then through
// a hunt group (the caller calls the group, its first agent answers), then through a call queue
// (the queue answers the caller and offers the call to its one agent, who answers), then with an
// organization-wide telephony_calls webhook delivering to a local receiver (event delivery
// latency = arrival - data.eventTimestamp); then how many connected calls the server holds and
// the memory they take (RSS from /proc while N calls stay up, N ramped).

export type CallsOptions = { lifecycles: number; concurrency: number; ramp: number[] };

export type Caller = { id: string; number: string };
type LifecycleRun = { lifecycles: number; seconds: number; perSecond: number; steps: Record<'place' | 'answer' | 'hangup', Latency> };

// Callers +1 415 000-1000 onwards. The last four digits stay at 1000 or more: numbers ending in
// 0186-0189 behave on purpose in the simulator (0189 hangs up 10 s after the answer).
let pstnSerial = 0;
const pstnNumber = () => {
  const s = pstnSerial++;
  return `+1415${String(Math.floor(s / 9000) % 1000).padStart(3, '0')}${1000 + (s % 9000)}`;
};

/** A PSTN call to the person, answered by their phone; returns the person's call ID. */
export async function connect(base: string, person: Caller, ms?: { place: number[]; answer: number[] }): Promise<string> {
  const placed = expectStatus(await call(`${base}/sandbox/v1/calls`, { method: 'POST', body: { from: pstnNumber(), to: person.number } }), 201, 'place a PSTN call');
  const leg = placed.body.legs.find((l: { party: { kind: string } }) => l.party.kind === 'person');
  if (!leg || leg.state !== 'alerting') throw new Error(`the called person's leg is not alerting: ${JSON.stringify(placed.body)}`);
  const answered = expectStatus(await call(`${base}/sandbox/v1/people/${person.id}/calls/answer`, { method: 'POST', body: { callId: leg.callId } }), 204, 'answer');
  ms?.place.push(placed.ms);
  ms?.answer.push(answered.ms);
  return leg.callId;
}

async function hangup(base: string, person: Caller, callId: string): Promise<number> {
  return expectStatus(await call(`${base}/sandbox/v1/people/${person.id}/calls/hangup`, { method: 'POST', body: { callId } }), 204, 'hang up').ms;
}

export type HeldCall = { person: Caller; callId: string };
type Session = { callSessionId: string; legs: { callId: string; state: string; party: { kind: string } }[] };

/** The calls the server has up (`GET /sandbox/v1/calls`), and how many of them are two connected legs. */
export async function activeCalls(base: string): Promise<{ sessions: Session[]; connected: number; ms: number }> {
  const active = expectStatus(await call(`${base}/sandbox/v1/calls`), 200, 'list active calls');
  const sessions: Session[] = active.body.items;
  return { sessions, connected: sessions.filter(isConnected).length, ms: active.ms };
}

const isConnected = (s: Session) => s.legs.length === 2 && s.legs.every((l) => l.state === 'connected');

/** Hangs up every held call, 16 at a time; a call already gone is counted as refused, not thrown. */
export async function hangUpAll(base: string, held: readonly HeldCall[]): Promise<{ seconds: number; refused: number }> {
  let refused = 0;
  const t0 = performance.now();
  await pool(held.length, 16, async (i) => {
    const { person, callId } = held[i]!;
    const reply = await call(`${base}/sandbox/v1/people/${person.id}/calls/hangup`, { method: 'POST', body: { callId } });
    if (reply.status !== 204) refused++;
  });
  return { seconds: (performance.now() - t0) / 1000, refused };
}

/** `count` lifecycles, `concurrency` at a time, each worker calling its own person. */
export async function lifecycles(base: string, callers: Caller[], count: number, concurrency: number): Promise<LifecycleRun> {
  const ms = { place: [] as number[], answer: [] as number[], hangup: [] as number[] };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < count) {
        next++;
        const person = callers[w % callers.length]!;
        ms.hangup.push(await hangup(base, person, await connect(base, person, ms)));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { lifecycles: count, seconds, perSecond: count / seconds, steps: { place: latency(ms.place), answer: latency(ms.answer), hangup: latency(ms.hangup) } };
}

/** A group of the location that a PSTN caller reaches by extension and whose `agent` answers. */
type FeatureLine = { extension: string; agent: Caller };

/**
 * Lifecycles through a location feature: each worker calls its own feature's extension, the
 * agent's alerting leg is answered by their phone, then hung up. Placing the call also resolves
 * the feature and loads its plan (the hunt group's or queue's), which is what this measures.
 */
async function featureLifecycles(base: string, lines: FeatureLine[], count: number, what: string): Promise<LifecycleRun> {
  const ms = { place: [] as number[], answer: [] as number[], hangup: [] as number[] };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    lines.map(async ({ extension, agent }) => {
      while (next < count) {
        next++;
        const placed = expectStatus(await call(`${base}/sandbox/v1/calls`, { method: 'POST', body: { from: pstnNumber(), to: extension } }), 201, `call a ${what}`);
        const leg = placed.body.legs.find((l: { party: { kind: string }; state: string }) => l.party.kind === 'person' && l.state === 'alerting');
        if (!leg) throw new Error(`no agent of the ${what} is alerting: ${JSON.stringify(placed.body)}`);
        ms.place.push(placed.ms);
        ms.answer.push(expectStatus(await call(`${base}/sandbox/v1/people/${agent.id}/calls/answer`, { method: 'POST', body: { callId: leg.callId } }), 204, 'answer').ms);
        ms.hangup.push(await hangup(base, agent, leg.callId));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { lifecycles: count, seconds, perSecond: count / seconds, steps: { place: latency(ms.place), answer: latency(ms.answer), hangup: latency(ms.hangup) } };
}

/** The hunt-group variant: each worker has its own REGULAR hunt group (extension 9000 + worker) of two agents; the first answers. */
async function huntLifecycles(base: string, callers: Caller[], count: number, concurrency: number): Promise<LifecycleRun> {
  const locationId = await defaultLocationId(base);
  const groups: FeatureLine[] = [];
  for (let w = 0; w < concurrency; w++) {
    const agents = [callers[w % callers.length]!, callers[(w + concurrency) % callers.length]!];
    const extension = String(9000 + w);
    const noAnswer = { nextAgentEnabled: true, nextAgentRings: 2, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };
    const body = { name: `Bench ${w}`, extension, enabled: true, callPolicies: { policy: 'REGULAR', noAnswer }, agents: agents.map((a) => ({ id: a.id })) };
    expectStatus(await call(`${base}/v1/telephony/config/locations/${locationId}/huntGroups`, { method: 'POST', body }), 200, 'create a hunt group');
    groups.push({ extension, agent: agents[0]! });
  }
  return featureLifecycles(base, groups, count, 'hunt group');
}

/**
 * The call-queue variant: each worker has its own REGULAR queue (extension 9100 + worker) with one
 * joined agent; the queue answers the caller (welcome message), offers the call to the agent, whose
 * phone answers, then hangs up.
 */
async function queueLifecycles(base: string, callers: Caller[], count: number, concurrency: number): Promise<LifecycleRun> {
  const locationId = await defaultLocationId(base);
  const queues: FeatureLine[] = [];
  for (let w = 0; w < concurrency; w++) {
    const agent = callers[w % callers.length]!;
    const extension = String(9100 + w);
    const body = {
      name: `Bench queue ${w}`,
      extension,
      callPolicies: { routingType: 'PRIORITY_BASED', policy: 'REGULAR', callBounce: { callBounceEnabled: false }, distinctiveRing: { enabled: false } },
      queueSettings: { queueSize: 10, overflow: { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT' }, welcomeMessage: { enabled: true, greeting: 'DEFAULT' } },
      agents: [{ id: agent.id }],
    };
    expectStatus(await call(`${base}/v1/telephony/config/locations/${locationId}/queues`, { method: 'POST', body }), 200, 'create a call queue');
    queues.push({ extension, agent });
  }
  return featureLifecycles(base, queues, count, 'call queue');
}

type ReceiverStats = { received: number; duplicates: number; withoutTimestamp: number; byEvent: Record<string, number>; latency: Latency; firstAt?: number; lastAt?: number };

/** Waits until the receiver has heard nothing new for `quietMs` (or `maxMs` passed). */
export async function settle(receiver: Service, quietMs: number, maxMs: number): Promise<ReceiverStats> {
  const t0 = performance.now();
  let last = -1;
  let since = performance.now();
  for (;;) {
    const stats = (await (await fetch(`${receiver.base}/stats`)).json()) as ReceiverStats;
    if (stats.received !== last) {
      last = stats.received;
      since = performance.now();
    }
    if (performance.now() - since >= quietMs || performance.now() - t0 >= maxMs) return stats;
    await sleep(250);
  }
}

async function withWebhooks(base: string, callers: Caller[], options: CallsOptions) {
  const port = await freePort();
  const receiver = await startService('webhook receiver', process.execPath, [join(ROOT, 'bench', 'webhook-receiver.ts'), String(port)], port, '/stats');
  try {
    const body = { name: 'bench calls', targetUrl: `${receiver.base}/hook`, resource: 'telephony_calls', event: 'all', ownedBy: 'org' };
    const created = await call(`${base}/v1/webhooks`, { method: 'POST', body });
    if (created.status === 501) return { served: false as const, status: 501 };
    expectStatus(created, 200, 'create the webhook');
    const run = await lifecycles(base, callers, options.lifecycles, options.concurrency);
    const stats = await settle(receiver, 5000, 120_000);
    expectStatus(await call(`${base}/v1/webhooks/${created.body.id}`, { method: 'DELETE' }), 204, 'delete the webhook');
    const deliverySeconds = stats.lastAt && stats.firstAt ? (stats.lastAt - stats.firstAt) / 1000 : NaN;
    return { served: true as const, run, deliveries: stats, deliveredPerSecond: stats.received / deliverySeconds };
  } finally {
    await receiver.stop();
  }
}

export async function runCalls(options: CallsOptions): Promise<object> {
  const maxCalls = Math.max(...options.ramp);
  process.stdout.write(`\n== calls: ${options.lifecycles} lifecycles at concurrency ${options.concurrency}, then ${options.ramp.join(', ')} calls held ==\n`);
  const load = loadAverage();
  const stores = [];
  for (const target of storeTargets()) {
    const store = await target.fresh();
    const server = await startServer(store.url);
    const pid = server.child.pid!;
    try {
      const seeded = await seedPeople(server.base, { people: Math.max(maxCalls, options.concurrency), concurrency: 16, runId: Math.random().toString(36).slice(2, 8), allCallers: true });
      const callers = seeded.callers;
      const analyzed = await analyzeLikeAutovacuum(store.url);
      process.stdout.write(`  ${target.name}: ${callers.length} calling users seeded in ${fmt(seeded.seconds.people + seeded.seconds.numbers)} s\n`);

      const plain = await lifecycles(server.base, callers, options.lifecycles, options.concurrency);
      process.stdout.write(`  ${target.name}: ${fmt(plain.perSecond)} lifecycles/s without webhooks\n`);
      const hunt = await huntLifecycles(server.base, callers, options.lifecycles, options.concurrency);
      process.stdout.write(`  ${target.name}: ${fmt(hunt.perSecond)} hunt-group lifecycles/s without webhooks\n`);
      const queue = await queueLifecycles(server.base, callers, options.lifecycles, options.concurrency);
      process.stdout.write(`  ${target.name}: ${fmt(queue.perSecond)} call-queue lifecycles/s without webhooks\n`);
      const hooked = await withWebhooks(server.base, callers, options);
      if (hooked.served) process.stdout.write(`  ${target.name}: ${fmt(hooked.run.perSecond)} lifecycles/s with webhooks, ${hooked.deliveries.received} events delivered\n`);
      else process.stdout.write(`  ${target.name}: POST /v1/webhooks answers 501: measured without webhooks only\n`);

      // Calls held: ramp N, each call a different person's, connected and left up.
      const held: HeldCall[] = [];
      await sleep(2000);
      const idle = residentMemory(pid);
      const idleStoreMiB = (await storeBytes(store.url)) / 2 ** 20;
      const ramp = [];
      for (const n of options.ramp) {
        const adding = n - held.length;
        const t0 = performance.now();
        const start = held.length;
        await pool(adding, 16, async (i) => {
          const person = callers[start + i]!;
          held[start + i] = { person, callId: await connect(server.base, person) };
        });
        const setupSeconds = (performance.now() - t0) / 1000;
        await sleep(3000);
        const memory = residentMemory(pid);
        // Every call answered must still be up; any that is not is reported (a server bug).
        const active = await activeCalls(server.base);
        const { sessions, connected } = active;
        const up = new Set(sessions.flatMap((s) => s.legs.map((l) => l.callId)));
        const lost = held.filter((h) => !up.has(h.callId)).map((h) => h.callId);
        const odd = sessions.filter((s) => !isConnected(s)).slice(0, 5);
        if (connected !== n) {
          process.stdout.write(`  WARNING: ${n} calls placed and answered, ${sessions.length} sessions active, ${connected} fully connected; calls gone: ${lost.slice(0, 5).join(', ')}; odd sessions: ${JSON.stringify(odd)}\n`);
        }
        const storeMiB = (await storeBytes(store.url)) / 2 ** 20;
        ramp.push({ calls: n, connected, lost: lost.length, setupPerSecond: adding / setupSeconds, rssMiB: memory.rssMiB, perThousandMiB: ((memory.rssMiB - idle.rssMiB) / n) * 1000, storeMiB, listActiveMs: active.ms });
        process.stdout.write(`  ${target.name}: ${n} calls up, RSS ${fmt(memory.rssMiB)} MiB\n`);
      }
      // Calls already gone (see the warning above) cannot be hung up: counted as refused.
      const teardown = await hangUpAll(server.base, held);
      const teardownRefused = teardown.refused;
      const teardownPerSecond = held.length / teardown.seconds;
      await sleep(3000);
      const after = residentMemory(pid);

      const step = (l: Latency) => [l.p50, l.p90, l.p99, l.max];
      const runRows = (label: string, r: LifecycleRun) => [
        [`${label}: place (POST /sandbox/v1/calls)`, r.perSecond, ...step(r.steps.place)],
        [`${label}: answer (phone)`, '', ...step(r.steps.answer)],
        [`${label}: hang up (phone)`, '', ...step(r.steps.hangup)],
      ];
      printTable(
        `calls on ${target.name}: ${options.lifecycles} lifecycles, ${options.concurrency} at a time (latency of each request in ms)`,
        ['run', 'lifecycles/s', 'p50', 'p90', 'p99', 'max'],
        [...runRows('no webhooks', plain), ...runRows('hunt group', hunt), ...runRows('call queue', queue), ...(hooked.served ? runRows('org webhook', hooked.run) : [])],
      );
      if (hooked.served) {
        const d = hooked.deliveries;
        printTable(`calls on ${target.name}: webhook deliveries (ms from data.eventTimestamp to arrival)`, ['events', 'per lifecycle', 'duplicates', 'deliveries/s', 'p50', 'p90', 'p99', 'max'], [
          [String(d.received), d.received / options.lifecycles, String(d.duplicates), hooked.deliveredPerSecond, d.latency.p50, d.latency.p90, d.latency.p99, d.latency.max],
        ]);
      }
      printTable(
        `calls on ${target.name}: connected calls held (server RSS; idle ${fmt(idle.rssMiB)} MiB with ${callers.length} people)`,
        ['calls', 'connected', 'set up/s', 'RSS MiB', 'RSS MiB per 1000 calls', 'store MiB', 'GET /sandbox/v1/calls ms'],
        [
          ['none', '-', '-', idle.rssMiB, '-', idleStoreMiB, '-'],
          ...ramp.map((r) => [String(r.calls), String(r.connected), r.setupPerSecond, r.rssMiB, r.perThousandMiB, r.storeMiB, r.listActiveMs]),
          ['all hung up', '-', teardownPerSecond, after.rssMiB, '-', '-', '-'],
        ],
      );
      stores.push({ store: target.name, people: callers.length, analyzed, lifecycles: { withoutWebhooks: plain, huntGroup: hunt, callQueue: queue, webhooks: hooked }, held: { idle, idleStoreMiB, ramp, teardownPerSecond, teardownRefused, afterHangup: after } });
    } finally {
      await server.stop().catch((error) => process.stderr.write(`${error}\n`));
      await store.drop();
    }
  }
  const data = { options, loadAverage: load, stores };
  writeResults('calls', data);
  return data;
}

/** --lifecycles=N and --ramp=1000,2000 override the defaults. */
export function callsOptions(quick: boolean): CallsOptions {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const defaults = quick ? { lifecycles: 200, concurrency: 16, ramp: [100, 300] } : { lifecycles: 3000, concurrency: 16, ramp: [1000, 2000, 5000, 10_000] };
  return { ...defaults, lifecycles: Number(arg('lifecycles') ?? defaults.lifecycles), ramp: arg('ramp')?.split(',').map(Number) ?? defaults.ramp };
}

if (import.meta.main) await runCalls(callsOptions(quickFlag()));
