import v8 from 'node:v8';

// How far the server's old generation may grow past what the last full collection kept before
// the next one starts: 50%, where V8 lets it grow up to 4 times on a machine with plenty of memory
// (its factor follows the collector's speed against the allocation rate). At 100,000 people the
// server keeps ~100 MiB, and the garbage waiting for a full collection took RSS past 400 MB
// (issue 17: RSS <= 300 MB). `--heap-growing-percent` is read each time V8 sets the next limit
// (after each full collection), so setting it here, before the server's code loads, serves the
// whole run; no flag is needed on the command line. A `--heap-growing-percent` given on node's
// command line wins (NODE_OPTIONS does not take it). Plain JavaScript, run by bin/callplane.js.

export const HEAP_GROWING_PERCENT = 50;

export function limitOldGenerationGrowth() {
  if (process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
