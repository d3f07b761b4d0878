import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, judge, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry-policy.ts';
import type { SendResult } from './sender.ts';

const config = { retryBaseMs: 1000, retryMaxMs: 60_000 };
const result = (overrides: Partial<SendResult>): SendResult => ({
  statusCode: 200,
  latencyMs: 5,
  error: null,
  excerpt: null,
  retryAfter: null,
  requestHeaders: null,
  aborted: false,
  ...overrides,
});

describe('retry policy', () => {
  it('doubles the backoff per attempt up to the maximum, with half of it random', () => {
    assert.deepEqual(
      [1, 2, 3, 7, 8, 40].map((n) => backoffMs(n, config, () => 0)),
      [500, 1000, 2000, 30_000, 30_000, 30_000],
    );
    assert.deepEqual(
      [1, 2, 3, 7, 8, 40].map((n) => backoffMs(n, config, () => 1)),
      [1000, 2000, 4000, 60_000, 60_000, 60_000],
    );
  });

  it('calls a 2xx delivered, even if the rest of the response broke off', () => {
    assert.equal(judge(result({ statusCode: 204 }), 1, config).outcome, 'delivered');
    assert.equal(judge(result({ statusCode: 200, error: 'the response broke off' }), 1, config).outcome, 'delivered');
  });

  it('retries timeouts, connection errors, 5xx and 429 after the backoff', () => {
    for (const failure of [
      result({ statusCode: null, error: 'timed out' }),
      result({ statusCode: null, error: 'ECONNREFUSED' }),
      result({ statusCode: 500 }),
      result({ statusCode: 503 }),
      result({ statusCode: 429 }),
    ]) {
      assert.deepEqual(judge(failure, 3, config, () => 0), { outcome: 'retry', delayMs: 2000 });
    }
  });

  it('does not retry other answers', () => {
    for (const status of [301, 400, 401, 404, 410]) assert.deepEqual(judge(result({ statusCode: status }), 1, config), { outcome: 'failed', delayMs: 0 });
  });

  it('waits as long as Retry-After asks on 429 and 503, in seconds or as a date, up to an hour', () => {
    assert.deepEqual(judge(result({ statusCode: 429, retryAfter: '120' }), 1, config), { outcome: 'retry', delayMs: 120_000 });
    assert.deepEqual(judge(result({ statusCode: 503, retryAfter: '7' }), 1, config), { outcome: 'retry', delayMs: 7000 });
    assert.equal(judge(result({ statusCode: 500, retryAfter: '120' }), 1, config, () => 0).delayMs, 500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('999999', now), MAX_RETRY_AFTER_MS);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(judge(result({ statusCode: 429, retryAfter: 'soon' }), 2, config, () => 0).delayMs, 1000);
  });
});
