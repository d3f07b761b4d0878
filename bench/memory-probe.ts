// Preloaded into a benchmark's server (NODE_OPTIONS=--import, see memoryDetail in support.ts): on
// SIGWINCH the server writes where its memory is (process.memoryUsage and V8's heap spaces) to
// the file CALLPLANE_MEMORY_PROBE names. RSS from /proc says how much; this says whether it is
// the JS heap, buffers outside it, or neither (SQLite's page cache, the allocator, code).
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';

const out = process.env.CALLPLANE_MEMORY_PROBE;
const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

if (out) {
  process.on('SIGWINCH', () => {
    const m = process.memoryUsage();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: MiB(s.space_size), used: MiB(s.space_used_size) }]));
    writeFileSync(out, JSON.stringify({ rssMiB: MiB(m.rss), heapTotalMiB: MiB(m.heapTotal), heapUsedMiB: MiB(m.heapUsed), externalMiB: MiB(m.external), arrayBuffersMiB: MiB(m.arrayBuffers), spaces }));
  });
}
