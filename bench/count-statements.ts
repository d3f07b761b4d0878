import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StatementSync } from 'node:sqlite';
import { performance } from 'node:perf_hooks';

// Loaded into a benchmarked server with `node --import` (bench/create-people.ts): counts the
// statements the server sends its store (each run of a node:sqlite statement, each pg query,
// BEGIN and COMMIT included) and, on SIGUSR2, writes the count to BENCH_STATEMENT_FILE. It patches
// the drivers, not our code, so that any checkout (an older one too) can be counted alike.

let statements = 0;
// With BENCH_STATEMENT_TEXTS set, each statement's text is counted too: written beside the count,
// those since the previous signal.
const texts = process.env.BENCH_STATEMENT_TEXTS ? new Map<string, { n: number; ms: number }>() : undefined;
const seen = (text: string, ms: number) => {
  if (!texts) return;
  const entry = texts.get(text) ?? { n: 0, ms: 0 };
  entry.n++;
  entry.ms += ms;
  texts.set(text, entry);
};

for (const method of ['all', 'get', 'run', 'iterate'] as const) {
  const original = StatementSync.prototype[method] as (...args: unknown[]) => unknown;
  (StatementSync.prototype as any)[method] = function (this: StatementSync, ...args: unknown[]) {
    statements++;
    if (!texts) return original.apply(this, args);
    // node:sqlite runs synchronously: the time of the call is the statement's.
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      seen(this.sourceSQL, performance.now() - t0);
    }
  };
}
// The server's own pg (resolved from the checkout it runs in).
const pg = createRequire(join(process.cwd(), 'package.json'))('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  seen(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: unknown }).text), 0);
  return query.apply(this, args);
};

const file = process.env.BENCH_STATEMENT_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    if (texts) {
      writeFileSync(`${file}.texts`, [...texts].map(([text, { n, ms }]) => `${n}\t${ms}\t${text}`).join('\n'));
      texts.clear();
    }
    writeFileSync(file, String(statements));
  });
}
