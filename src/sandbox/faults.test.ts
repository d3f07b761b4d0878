import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultInjector, PathPattern, seededRandom } from './faults.ts';

describe('seededRandom', () => {
  it('gives the same numbers in [0, 1) for the same seed, others for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 100 }, () => a());
    assert.deepEqual(Array.from({ length: 100 }, () => b()), first);
    assert.ok(first.every((x) => x >= 0 && x < 1));
    const c = seededRandom(43);
    assert.notDeepEqual(Array.from({ length: 100 }, () => c()), first);
  });

  it('never changes its sequence: users replay runs with a seed (mulberry32, seed 1)', () => {
    const draw = seededRandom(1);
    assert.deepEqual([draw(), draw(), draw()].map((x) => Math.round(x * 4294967296)), [2693262067, 11749833, 2265367787]);
  });
});

describe('PathPattern', () => {
  const route = '/v1/people/:personId';
  it('{name} matches a path parameter of the route, not a literal segment', () => {
    const pattern = new PathPattern('/v1/people/{personId}');
    assert.equal(pattern.matches(route, '/v1/people/Y2lz'), true);
    assert.equal(pattern.matches('/v1/people/me', '/v1/people/me'), false);
    assert.equal(pattern.matches('/v1/people', '/v1/people'), false);
  });

  it('a literal matches the same literal, or the concrete value of a parameter', () => {
    assert.equal(new PathPattern('/v1/people').matches('/v1/people', '/v1/people'), true);
    assert.equal(new PathPattern('/v1/people/Y2lz').matches(route, '/v1/people/Y2lz'), true);
    assert.equal(new PathPattern('/v1/people/Y2lz').matches(route, '/v1/people/other'), false);
  });

  it('a trailing * matches the rest', () => {
    const pattern = new PathPattern('/v1/telephony/*');
    assert.equal(pattern.matches('/v1/telephony/config/numbers', '/v1/telephony/config/numbers'), true);
    assert.equal(pattern.matches('/v1/people', '/v1/people'), false);
    assert.equal(new PathPattern('/v1/*').matches(route, '/v1/people/x'), true);
  });
});

describe('FaultInjector.decide', () => {
  const injector = () => {
    const faults = new FaultInjector();
    faults.knowRoute('GET', '/v1/licenses');
    faults.knowRoute('POST', '/v1/people');
    return faults;
  };

  it('draws once per matching request, so the sequence depends on the seed only', () => {
    const faults = injector();
    faults.add('org', { path: '/v1/licenses', status: 503, probability: 0.5, seed: 9 });
    const draw = seededRandom(9);
    for (let i = 0; i < 50; i++) {
      const expected = draw() < 0.5;
      // Requests the fault does not match do not draw.
      assert.equal(faults.decide('org', 'POST', '/v1/people', '/v1/people'), undefined);
      assert.equal(faults.decide('org', 'GET', '/v1/licenses', '/v1/licenses')?.fault?.status === 503, expected);
    }
  });

  it('adds the delays of the faults that fire; the oldest with a status answers', () => {
    const faults = injector();
    faults.add('org', { path: '/v1/*', latencyMs: 100 });
    const first = faults.add('org', { path: '/v1/licenses', status: 502, latencyMs: 50 });
    faults.add('org', { path: '/v1/licenses', status: 429 });
    const decision = faults.decide('org', 'GET', '/v1/licenses', '/v1/licenses');
    assert.deepEqual(decision, { latencyMs: 150, fault: { id: first.id, status: 502, retryAfter: undefined } });
    assert.equal(faults.list('org')[2]!.injected, 1, 'the third fired too, and counts');
  });

  it('keeps organizations apart', () => {
    const faults = injector();
    faults.add('one', { path: '/v1/licenses', status: 500 });
    assert.equal(faults.decide('two', 'GET', '/v1/licenses', '/v1/licenses'), undefined);
    assert.equal(faults.decide('one', 'GET', '/v1/licenses', '/v1/licenses')?.fault?.status, 500);
  });
});
