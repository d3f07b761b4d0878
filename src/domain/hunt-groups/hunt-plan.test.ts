import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { huntOrder } from './hunt-plan.ts';

describe('huntOrder', () => {
  const agents = [{ personId: 'a', weight: 10 }, { personId: 'b', weight: 30 }, { personId: 'c', weight: 60 }];
  it('keeps REGULAR order, rotates CIRCULAR after the last agent, puts the longest idle first for UNIFORM', () => {
    assert.deepEqual(huntOrder({ policy: 'REGULAR', agents }), ['a', 'b', 'c']);
    assert.deepEqual(huntOrder({ policy: 'CIRCULAR', agents, lastAgentId: 'b' }), ['c', 'a', 'b']);
    assert.deepEqual(huntOrder({ policy: 'CIRCULAR', agents, lastAgentId: 'gone' }), ['a', 'b', 'c']);
    const idle = agents.map((a, i) => ({ ...a, lastCall: ['2026-01-02', null, '2026-01-01'][i] }));
    assert.deepEqual(huntOrder({ policy: 'UNIFORM', agents: idle }), ['b', 'c', 'a']);
  });

  it('draws WEIGHTED agents in proportion to their weights, deterministically for a seeded random', () => {
    // A small linear congruential generator: the same seed, the same draws.
    const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    assert.deepEqual(huntOrder({ policy: 'WEIGHTED', agents, random: seeded(7) }), huntOrder({ policy: 'WEIGHTED', agents, random: seeded(7) }));
    const random = seeded(42);
    const firsts = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 3000; i++) firsts[huntOrder({ policy: 'WEIGHTED', agents, random })[0]!]!++;
    assert.ok(Math.abs(firsts.a! / 3000 - 0.1) < 0.03 && Math.abs(firsts.b! / 3000 - 0.3) < 0.03 && Math.abs(firsts.c! / 3000 - 0.6) < 0.03, JSON.stringify(firsts));
    assert.deepEqual(huntOrder({ policy: 'WEIGHTED', agents: [{ personId: 'z', weight: 0 }, { personId: 'y', weight: 100 }], random }), ['y', 'z']);
  });
});
