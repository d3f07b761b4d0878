import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

// The server's young generation, held at 16 MiB per semi-space (32 MiB of new space) once it has
// got there. Node 24's V8 lets it grow to 64 MiB per semi-space (128 MiB, resident once used) when
// much of what a request allocates survives a scavenge, as under load at 100,000 people: it was
// then about a third of the server's memory (issue 17: RSS <= 300 MB). 16 MiB was Node's limit up
// to Node 18. `--max-semi-space-size` is read only when the heap is set up, so it would need a flag
// on every `node` command line (or a second start); instead the new space's growth factor, which
// V8 reads at each scavenge, is 1 while the new space is at or past the cap and V8's own 2 below it
// (after V8 shrank it, say). Collections are reported to an observer only after the work that ran
// them, so the new space could pass the cap in a long synchronous stretch: loading the server's
// code took it to 64 MiB, where it stayed under load. So it does not grow at all until the server
// has started (`started()`, once it listens), and from there up to the cap; once V8 shrinks it
// (when allocation slows) it stays at the cap. Plain JavaScript, run by bin/callplane.js before
// the server's code. A `--max-semi-space-size` given to node (on its command line or in
// NODE_OPTIONS) wins.

const NEW_SPACE_CAP = 32 * 2 ** 20;

/** Holds the new space where it is; the function returned lets it grow up to the cap from then on. */
export function capYoungGeneration() {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((flag) => /^--(max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor)\b/.test(flag))) return () => {};
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  let atCap = true;
  const check = () => {
    const size = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
    if (size >= NEW_SPACE_CAP === atCap) return;
    atCap = size >= NEW_SPACE_CAP;
    v8.setFlagsFromString(`--semi-space-growth-factor=${atCap ? 1 : 2}`);
  };
  let observer;
  return function started() {
    if (observer) return;
    check();
    // The new space changes size only at a collection: looked at after each (a few a second under load).
    observer = new PerformanceObserver(check);
    observer.observe({ entryTypes: ['gc'] });
  };
}
