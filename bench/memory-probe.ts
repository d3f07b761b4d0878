// Preloaded into a benchmark's server (NODE_OPTIONS=--import, see memoryDetail in support.ts): on
// SIGWINCH the server writes where its memory is (process.memoryUsage and V8's heap spaces) to
// the file CALLPLANE_MEMORY_PROBE names. RSS from /proc says how much; this says whether it is
// the JS heap, buffers outside it, or neither (SQLite's page cache, the allocator, code).
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';

const out = process.env.CALLPLANE_MEMORY_PROBE;
const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * RSS by kind of mapping (/proc/self/smaps): files (node's code, SQLite's), the brk heap (malloc),
 * anonymous mappings (V8's pages, malloc's other arenas and large blocks), and the largest of these.
 */
function mappings() {
  const rss = { file: 0, brk: 0, anonymous: 0, other: 0 };
  const largest: { sizeKiB: number; rssKiB: number }[] = [];
  let kind: keyof typeof rss = 'other';
  let sizeKiB = 0;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[1]!;
      kind = name.startsWith('/') ? 'file' : name === '[heap]' ? 'brk' : name === '' ? 'anonymous' : 'other';
    } else if (line.startsWith('Size:')) sizeKiB = Number(line.split(/\s+/)[1]);
    else if (line.startsWith('Rss:')) {
      const kib = Number(line.split(/\s+/)[1]);
      rss[kind] += kib;
      if (kind === 'anonymous') largest.push({ sizeKiB, rssKiB: kib });
    }
  }
  largest.sort((a, b) => b.rssKiB - a.rssKiB);
  return { ...Object.fromEntries(Object.entries(rss).map(([k, v]) => [`${k}MiB`, MiB(v * 1024)])), largestAnonymous: largest.slice(0, 6) };
}

if (out) {
  process.on('SIGWINCH', () => {
    const m = process.memoryUsage();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: MiB(s.space_size), used: MiB(s.space_used_size) }]));
    writeFileSync(out, JSON.stringify({ rssMiB: MiB(m.rss), heapTotalMiB: MiB(m.heapTotal), heapUsedMiB: MiB(m.heapUsed), externalMiB: MiB(m.external), arrayBuffersMiB: MiB(m.arrayBuffers), spaces, mappings: mappings() }));
  });
}
