import type { AttemptOutcome } from '../store/webhooks-store.ts';
import type { SendResult } from './sender.ts';

// What an attempt's result means. 2xx: delivered. No response (timeout, connection error), 429
// and 5xx: retried after an exponential backoff with jitter, or after the receiver's Retry-After.
// Anything else (1xx, 3xx, other 4xx): the receiver refused this event; it is not retried; nor is
// a target the egress policy refuses.
// Retry-After is honoured on 429 and 503, up to an hour.

export type RetryConfig = { retryBaseMs: number; retryMaxMs: number };

export type Verdict = { outcome: AttemptOutcome; delayMs: number };

/** The longest Retry-After honoured. */
export const MAX_RETRY_AFTER_MS = 3600_000;

/**
 * The wait before retry number `attempt` (1 for the first retry): the base doubled per attempt,
 * capped, then "equal jitter": half of it fixed and half random, so receivers are not hit in
 * lockstep yet never retried sooner than half the backoff.
 */
export function backoffMs(attempt: number, config: RetryConfig, random: () => number = Math.random): number {
  const capped = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** Retry-After in seconds or as an HTTP date (against `now`, wall time); undefined if unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** `attempt` counts this one (1 for the first). */
export function judge(result: SendResult, attempt: number, config: RetryConfig, random: () => number = Math.random, now = Date.now()): Verdict {
  const status = result.statusCode;
  // A 2xx is delivered even if the rest of the response broke off: the receiver took the event.
  if (status !== null && status >= 200 && status < 300) return { outcome: 'delivered', delayMs: 0 };
  // The egress policy refused the target: trying again changes nothing.
  if (result.blocked) return { outcome: 'failed', delayMs: 0 };
  const retryable = status === null || status === 429 || status >= 500;
  if (!retryable) return { outcome: 'failed', delayMs: 0 };
  const asked = status === 429 || status === 503 ? retryAfterMs(result.retryAfter, now) : undefined;
  return { outcome: 'retry', delayMs: asked ?? backoffMs(attempt, config, random) };
}
