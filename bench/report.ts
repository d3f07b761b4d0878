import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, ROOT } from './support.ts';

// `npm run bench:report`: the latest result of each benchmark (bench/results/*.json) as Markdown
// tables, the form docs/performance.md quotes them in. Scale: the latest run of the largest size.

const dir = join(ROOT, 'bench', 'results');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const latest = (prefix: RegExp) => {
  const name = files.filter((f) => prefix.test(f)).at(-1);
  return name ? { name, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) } : undefined;
};
const out: string[] = [];
const table = (header: string[], rows: (string | number)[][]) => {
  const cell = (c: string | number) => (typeof c === 'number' ? fmt(c) : c);
  out.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  out.push('');
};
const source = (r: { name: string; data: { date: string; loadAverage?: number[] } }) =>
  out.push(`<sub>${r.name}, load average at start ${r.data.loadAverage?.join(' / ') ?? 'not recorded'}</sub>`, '');

const startup = latest(/^startup-/);
if (startup) {
  out.push('### Start-up (ms from spawn to the first 200 on /healthz)', '');
  const s = startup.data;
  const rows: (string | number)[][] = [['node -e 0 (baseline)', String(s.nodeBaseline.runs), s.nodeBaseline.min, s.nodeBaseline.median, s.nodeBaseline.max]];
  // Runs before 2026-12-05 did not measure the floor.
  const floor = s.fastifyFloor;
  if (floor) rows.push([`bare Fastify, the same ${floor.routes.toLocaleString('en')} routes (floor)`, String(floor.runs), floor.min, floor.median, floor.max]);
  for (const st of s.stores) {
    const row = (label: string, x: { runs: number; min: number; median: number; max: number }) => [`${st.store}: ${label}`, String(x.runs), x.min, x.median, x.max];
    rows.push(row('empty store (+ demo org)', st.emptyStore), row('warm store', st.warmStore));
    if (st.noCompileCache) rows.push(row('empty store, no compile cache (first start after install)', st.noCompileCache));
    if (st.scaledStore) rows.push(row(`${st.scaledStore.people.toLocaleString('en')} people (RSS after start ${fmt(st.scaledStore.rssMiB.median, 0)} MiB)`, st.scaledStore));
  }
  table(['case', 'runs', 'min', 'median', 'max'], rows);
  source(startup);
}

const api = latest(/^api-/);
if (api) {
  out.push(`### API under load (autocannon, ${api.data.options.connections} connections, ${api.data.options.seconds} s per measure, ${api.data.options.people.toLocaleString('en')} people)`, '');
  const rows: (string | number)[][] = [];
  for (const st of api.data.stores) {
    for (const r of st.rows) {
      for (const m of r.measures) {
        const l = m.result.latency;
        rows.push([r.endpoint, m.target, fmt(m.result.perSecond, 0), l.p50, l.p99, fmt(m.result.bytesPerResponse, 0), fmt(m.ratio, 3), fmt(m.own, 3)]);
      }
    }
  }
  table(['endpoint', 'server', 'req/s', 'p50 ms', 'p99 ms', 'bytes', '÷ ceiling (Callplane body)', '÷ ceiling (own body)'], rows);
  source(api);
}

const calls = latest(/^calls-/);
if (calls) {
  out.push(`### Calls (${calls.data.options.lifecycles} lifecycles, ${calls.data.options.concurrency} at a time)`, '');
  const rows: (string | number)[][] = [];
  for (const st of calls.data.stores) {
    const run = (label: string, r: { perSecond: number; steps: Record<string, { p50: number; p99: number }> }) =>
      rows.push([`${st.store}: ${label}`, r.perSecond, `${fmt(r.steps.place!.p50)} / ${fmt(r.steps.place!.p99)}`, `${fmt(r.steps.answer!.p50)} / ${fmt(r.steps.answer!.p99)}`, `${fmt(r.steps.hangup!.p50)} / ${fmt(r.steps.hangup!.p99)}`]);
    run('no webhooks', st.lifecycles.withoutWebhooks);
    if (st.lifecycles.webhooks.served) run('org-wide webhook', st.lifecycles.webhooks.run);
  }
  table(['store, run', 'lifecycles/s', 'place p50 / p99 ms', 'answer p50 / p99 ms', 'hang up p50 / p99 ms'], rows);
  const hooks = calls.data.stores.filter((st: any) => st.lifecycles.webhooks.served);
  if (hooks.length) {
    table(
      ['store', 'events delivered', 'per lifecycle', 'duplicates', 'deliveries/s', 'latency p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      hooks.map((st: any) => {
        const d = st.lifecycles.webhooks.deliveries;
        return [st.store, String(d.received), d.received / calls.data.options.lifecycles, String(d.duplicates), st.lifecycles.webhooks.deliveredPerSecond, d.latency.p50, d.latency.p90, d.latency.p99, d.latency.max];
      }),
    );
  } else out.push('POST /v1/webhooks answered 501: no webhook figures.', '');
  const held: (string | number)[][] = [];
  for (const st of calls.data.stores) {
    held.push([st.store, 'none', '-', '-', st.held.idle.rssMiB, '-', st.held.idleStoreMiB ?? '-']);
    for (const r of st.held.ramp) held.push([st.store, String(r.calls), String(r.connected ?? r.calls), r.setupPerSecond, r.rssMiB, r.perThousandMiB, r.storeMiB ?? '-']);
    held.push([st.store, 'all hung up', '-', st.held.teardownPerSecond, st.held.afterHangup.rssMiB, '-', '-']);
  }
  table(['store', 'calls held', 'connected', 'set up (or torn down) per s', 'server RSS MiB', 'RSS MiB per 1000 calls', 'store MiB'], held);
  source(calls);
}

const people = latest(/^people-list-/);
if (people) {
  out.push(`### People list (${people.data.options.people.toLocaleString('en')} people, concurrency ${people.data.options.concurrency})`, '');
  const rows: (string | number)[][] = [];
  for (const st of people.data.stores) for (const r of st.rows) rows.push([st.store, r.operation, r.mode, fmt(r.perSecond, 0), r.latency.p50, r.latency.p99]);
  table(['store', 'operation', 'mode', 'req/s', 'p50 ms', 'p99 ms'], rows);
  source(people);
}

const scaleFiles = files.filter((f) => /^scale-\d+-/.test(f));
const largest = Math.max(...scaleFiles.map((f) => Number(/^scale-(\d+)-/.exec(f)![1])));
const scale = Number.isFinite(largest) ? latest(new RegExp(`^scale-${largest}-`)) : undefined;
if (scale) {
  const o = scale.data.options;
  const how = o.cached ? 'on the store an earlier run provisioned through the API' : `through the API at concurrency ${o.concurrency}`;
  out.push(`### Scale (${o.people.toLocaleString('en')} people over ${o.locations.toLocaleString('en')} locations, ${how})`, '');
  // A run with --cached provisioned nothing: it has no provisioning figures.
  const provisioned = scale.data.stores.filter((st: any) => st.seconds);
  if (provisioned.length) {
    table(
      ['store', 'provisioning s', 'people/s', 'store on disk MiB', 'RSS after provisioning MiB', 'peak RSS MiB'],
      provisioned.map((st: any) => [st.store, st.seconds.total, st.rate.peoplePerSecond, st.storeBytes / 2 ** 20, st.memory.afterSeed.rssMiB, st.memory.afterReads.peakMiB]),
    );
    const rows: (string | number)[][] = [];
    for (const st of provisioned) {
      for (const r of st.provisioning) rows.push([st.store, r.operation, r.mode, String(r.requests), fmt(r.perSecond, 0), r.latency.p50, r.latency.p99]);
    }
    table(['store', 'provisioning step', 'mode', 'requests', 'req/s', 'p50 ms', 'p99 ms'], rows);
  }
  // The server's memory at each phase (runs since the live calls were added to the benchmark).
  const phases: (string | number)[][] = [];
  for (const st of scale.data.stores) {
    for (const m of st.memory.phases ?? []) phases.push([st.store, m.phase, m.rssMiB, m.peakMiB, m.detail?.heapUsedMiB ?? '', m.detail?.heapTotalMiB ?? '']);
  }
  if (phases.length) table(['store', 'phase', 'RSS MiB', 'peak RSS MiB', 'JS heap used MiB', 'JS heap total MiB'], phases);
  const calls = scale.data.stores.filter((st: any) => st.calls);
  if (calls.length) {
    table(
      ['store', 'live calls held', 'connected', 'set up/s', 'hung up/s'],
      calls.map((st: any) => [st.store, String(st.calls.held), String(st.calls.connected), st.calls.setupPerSecond, st.calls.hangupPerSecond]),
    );
  }
  const growth: (string | number)[][] = [];
  for (const st of scale.data.stores) {
    (st.checkpoints ?? []).forEach((c: { people: number; seconds: number }, i: number, all: { people: number; seconds: number }[]) => {
      const prev = all[i - 1] ?? { people: 0, seconds: 0 };
      growth.push([st.store, c.people.toLocaleString('en'), c.seconds, (c.people - prev.people) / (c.seconds - prev.seconds)]);
    });
  }
  if (growth.length) table(['store', 'people so far', 'seconds so far', 'people/s in this tenth'], growth);
  const reads: (string | number)[][] = [];
  for (const st of scale.data.stores) {
    for (const r of st.reads) reads.push([st.store, r.operation, fmt(r.result.perSecond, 0), r.result.latency.p50, r.result.latency.p99]);
    const w = st.walk;
    reads.push([st.store, `walk: first ${Math.max(1, Math.floor(w.pages / 10))} pages (sequential)`, fmt(1000 / w.firstTenth.mean, 0), w.firstTenth.p50, w.firstTenth.p99]);
    reads.push([st.store, `walk: last ${Math.max(1, Math.floor(w.pages / 10))} pages (sequential)`, fmt(1000 / w.lastTenth.mean, 0), w.lastTenth.p50, w.lastTenth.p99]);
    reads.push([st.store, `walk of all ${w.pages} pages`, `${fmt(w.seconds)} s`, '', '']);
  }
  table(['store', 'read at this size', 'req/s', 'p50 ms', 'p99 ms'], reads);
  source(scale);
}

process.stdout.write(`${out.join('\n')}\n`);
