import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// bin/young-generation.js: the server's new space stops at 32 MiB where V8 would let it reach
// 128 MiB (issue 17's memory target), it does not grow while the server loads, and a flag given to
// node wins.

const module = fileURLToPath(new URL('../../bin/young-generation.js', import.meta.url));

/**
 * The new space's size (MiB) after a load whose objects survive a scavenge, in a fresh node: with
 * the cap, the load runs after the server has `started()`, or (`started: false`) before.
 */
function newSpaceAfterLoad(cap: boolean, flags: string[] = [], started = true): number {
  const script = `
    const v8 = await import('node:v8');
    ${cap ? `const started = (await import(${JSON.stringify(module)})).capYoungGeneration();` : ''}
    ${cap && started ? 'started();' : ''}
    const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20;
    let keep = [];
    // Turns of the event loop, so that the collections are reported as they would be to a server.
    for (let turn = 0; turn < 40; turn++) {
      for (let i = 0; i < 150000; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 100000) keep = []; }
      await new Promise((ok) => setImmediate(ok));
    }
    console.log(newSpace());`;
  const result = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return Number(result.stdout.trim());
}

describe('young generation cap', () => {
  it('keeps the new space at 32 MiB under a load that grows it further without the cap', () => {
    assert.ok(newSpaceAfterLoad(false) > 32, 'the load must grow an uncapped new space past the cap');
    const capped = newSpaceAfterLoad(true);
    assert.ok(capped <= 32, `new space ${capped} MiB`);
    assert.ok(capped >= 16, `new space ${capped} MiB: it still grows up to the cap`);
  });

  it('holds the new space where it is until the server has started', () => {
    // Loading the server's code is one synchronous stretch, where the observer cannot act.
    const held = newSpaceAfterLoad(true, [], false);
    assert.ok(held < 16, `new space ${held} MiB before the start`);
  });

  it('leaves the young generation alone when node was given --max-semi-space-size', () => {
    assert.ok(newSpaceAfterLoad(true, ['--max-semi-space-size=64']) > 32);
  });
});
