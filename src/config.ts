import type { LookupFunction } from 'node:net';
import { isLoopbackHost, type EgressPolicy } from './domain/webhooks/egress-policy.ts';

// Configuration is read once, here, from the environment and passed down from src/app.ts.
// Nothing else reads process.env.

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string } // path is ':memory:' or a file path
  | { kind: 'postgres'; url: string; schema?: string };

export type RateLimitConfig = { max: number; windowMs: number };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type Config = {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The demo organization's full-administrator token; generated on first start when absent. */
  adminToken: string | undefined;
  logLevel: LogLevel;
  /** Per-token request budget (per client address without a valid token); undefined means no rate limiting. */
  rateLimit: RateLimitConfig | undefined;
  /**
   * Organization sign-up (POST /sandbox/v1/orgs): `open` to anyone, or `operator` only. Either way
   * at most `rateLimit` sign-ups per client address, even when the general rate limit is off.
   */
  signup: { mode: 'open' | 'operator'; rateLimit: RateLimitConfig };
  /** The URL clients reach this server by (CALLPLANE_PUBLIC_URL): links (Link headers) are built from it. */
  publicUrl: URL | undefined;
  /** Serve our own /sandbox/v1 API (organizations, tokens, simulation). */
  sandbox: boolean;
  /** Create the demo organization on first start with an empty store. */
  demo: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Request lines: `pretty` for people, `json` (pino) for machines; json when absent. */
  logFormat?: 'pretty' | 'json';
  /** Serve the web console at /console; on when absent. */
  console?: boolean;
  /** `real`: the clock follows wall time; `manual`: time stands still until moved (sandbox API). */
  clock: 'real' | 'manual';
  calls: {
    /** An alerting call nobody answers ends after this long (missed). */
    ringTimeoutMs: number;
    /** A parked call rings back the person who parked it after this long. */
    parkRecallMs: number;
    /** A simulated PSTN party answers after this long. */
    pstnAnswerDelayMs: number;
    /** A voicemail box listens this long, then hangs up. */
    voicemailMs: number;
  };
  webhooks: {
    /** Consecutive failed deliveries after which a webhook turns inactive. */
    maxFailures: number;
    /** First retry delay; each retry doubles it (with jitter) up to retryMaxMs. */
    retryBaseMs: number;
    retryMaxMs: number;
    /** A delivery that has not answered after this long has failed. */
    timeoutMs: number;
    /** Which targets deliveries may reach (docs/webhooks.md#security). */
    egress: EgressPolicy;
    /** Tests only: resolves target host names in place of the system resolver. */
    lookup?: LookupFunction;
    /** Tests only: real time between the delivery worker's looks for new work (default 100 ms). */
    watchMs?: number;
  };
  /** How long finished records are kept, in days; undefined keeps them for ever (docs/webhooks.md#retention). */
  retention: RetentionConfig;
  /**
   * Signs media links (announcement uploads and downloads; docs/announcements.md). Undefined: a
   * random secret per process, so links do not outlive a restart or work on another process.
   */
  mediaSecret?: string;
};

export type RetentionConfig = {
  /** Settled webhook deliveries and their attempts, counted from when they settled. */
  deliveriesDays: number | undefined;
  /** Call events the webhook fan-out has seen, counted from when they happened. */
  callEventsDays: number | undefined;
  /** Call sessions whose every leg has ended, counted from their last change. */
  callSessionsDays: number | undefined;
};

export class ConfigError extends Error {}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEFAULT_DATABASE_URL = 'sqlite:./data/callplane.sqlite';

/** Whether only this machine can reach a server listening on `host`. */
export { isLoopbackHost };

export function loadConfig(env: Record<string, string | undefined>): Config {
  const host = nonEmpty('HOST', env.HOST ?? '127.0.0.1');
  return {
    port: parsePort(env.PORT ?? '8080'),
    host,
    database: parseDatabaseUrl(env.DATABASE_URL ?? DEFAULT_DATABASE_URL),
    adminToken: parseAdminToken(env.CALLPLANE_ADMIN_TOKEN),
    logLevel: parseLogLevel(env.LOG_LEVEL ?? 'info'),
    rateLimit: parseRateLimit(env.CALLPLANE_RATE_LIMIT ?? 'off'),
    signup: {
      mode: parseSignup(env.CALLPLANE_SIGNUP ?? 'auto', host),
      rateLimit: parseRateLimit(env.CALLPLANE_SIGNUP_RATE_LIMIT ?? '10/1m', 'CALLPLANE_SIGNUP_RATE_LIMIT', false)!,
    },
    publicUrl: parsePublicUrl(env.CALLPLANE_PUBLIC_URL),
    sandbox: parseSwitch('CALLPLANE_SANDBOX', env.CALLPLANE_SANDBOX ?? 'on'),
    demo: parseSwitch('CALLPLANE_DEMO', env.CALLPLANE_DEMO ?? 'on'),
    bodyLimit: parseBodyLimit(env.CALLPLANE_BODY_LIMIT ?? '1048576'),
    clock: parseClock(env.CALLPLANE_CLOCK ?? 'real'),
    calls: {
      ringTimeoutMs: parseSeconds('CALLPLANE_RING_TIMEOUT', env.CALLPLANE_RING_TIMEOUT ?? '30') * 1000,
      parkRecallMs: parseSeconds('CALLPLANE_PARK_RECALL', env.CALLPLANE_PARK_RECALL ?? '45') * 1000,
      pstnAnswerDelayMs: parseSeconds('CALLPLANE_PSTN_ANSWER_DELAY', env.CALLPLANE_PSTN_ANSWER_DELAY ?? '2') * 1000,
      voicemailMs: 20_000,
    },
    webhooks: {
      maxFailures: parseCount('CALLPLANE_WEBHOOK_MAX_FAILURES', env.CALLPLANE_WEBHOOK_MAX_FAILURES ?? '10'),
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
      timeoutMs: parseSeconds('CALLPLANE_WEBHOOK_TIMEOUT', env.CALLPLANE_WEBHOOK_TIMEOUT ?? '10') * 1000,
      egress: parseEgress(env.CALLPLANE_WEBHOOK_ALLOW_PRIVATE ?? 'auto', env.HOST ?? '127.0.0.1'),
    },
    retention: {
      deliveriesDays: parseDays('CALLPLANE_RETAIN_DELIVERIES', env.CALLPLANE_RETAIN_DELIVERIES ?? '7'),
      callEventsDays: parseDays('CALLPLANE_RETAIN_CALL_EVENTS', env.CALLPLANE_RETAIN_CALL_EVENTS ?? '7'),
      callSessionsDays: parseDays('CALLPLANE_RETAIN_CALL_SESSIONS', env.CALLPLANE_RETAIN_CALL_SESSIONS ?? '7'),
    },
    mediaSecret: parseMediaSecret(env.CALLPLANE_MEDIA_SECRET),
  };
}

function parseMediaSecret(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 32) throw new ConfigError('CALLPLANE_MEDIA_SECRET must be at least 32 characters');
  return value;
}

/**
 * `auto`: loopback targets only when the server listens on loopback, never private ones; `on`:
 * loopback and private networks too; `off`: public addresses only. Metadata endpoints never.
 */
export function parseEgress(value: string, host: string): EgressPolicy {
  if (value === 'auto') return { allowLoopback: isLoopbackHost(host), allowPrivate: false };
  if (['on', 'true', '1'].includes(value)) return { allowLoopback: true, allowPrivate: true };
  if (['off', 'false', '0'].includes(value)) return { allowLoopback: false, allowPrivate: false };
  throw new ConfigError(`CALLPLANE_WEBHOOK_ALLOW_PRIVATE must be "auto", "on" or "off", got "${value}"`);
}

/** Whole days from 1 to 3650, or `off` (kept for ever). */
function parseDays(name: string, value: string): number | undefined {
  if (value === 'off') return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 3650) throw new ConfigError(`${name} must be a whole number of days from 1 to 3650, or "off", got "${value}"`);
  return days;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`PORT must be a number from 0 to 65535, got "${value}"`);
  return port;
}

function nonEmpty(name: string, value: string): string {
  if (value.trim() === '') throw new ConfigError(`${name} must not be empty`);
  return value;
}

/** `sqlite:PATH`, `sqlite::memory:` or `postgres://…` (an optional `schema` query parameter selects the schema). */
export function parseDatabaseUrl(value: string): DatabaseConfig {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path === '') throw new ConfigError('DATABASE_URL "sqlite:" needs a path, for example sqlite:./data/callplane.sqlite or sqlite::memory:');
    return { kind: 'sqlite', path };
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid PostgreSQL URL: "${redact(value)}"`);
    }
    const schema = url.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new ConfigError(`DATABASE_URL schema must be a lower-case SQL identifier, got "${schema}"`);
    }
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), ...(schema ? { schema } : {}) };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${redact(value)}"`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function parseAdminToken(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[A-Za-z0-9._~+\/=-]{16,512}$/.test(value)) {
    throw new ConfigError('CALLPLANE_ADMIN_TOKEN must be 16 to 512 characters of letters, digits and ._~+/=-');
  }
  return value;
}

function parseLogLevel(value: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

/** `off`, or `<requests>/<window>` where the window is a number with s or m, for example `100/10s`. */
export function parseRateLimit(value: string, name = 'CALLPLANE_RATE_LIMIT', mayBeOff = true): RateLimitConfig | undefined {
  if (mayBeOff && (value === 'off' || value === '')) return undefined;
  const match = /^(\d+)\/(\d+)(s|m)$/.exec(value);
  if (!match) throw new ConfigError(`${name} must be ${mayBeOff ? '"off" or ' : ''}like "100/10s" or "600/1m", got "${value}"`);
  const max = Number(match[1]);
  const windowMs = Number(match[2]) * (match[3] === 'm' ? 60_000 : 1000);
  if (max < 1 || windowMs < 1000) throw new ConfigError(`${name} needs at least 1 request per window of at least 1s`);
  return { max, windowMs };
}

/** `auto` (the default): open on a server listening on loopback only, the operator's beyond it. */
function parseSignup(value: string, host: string): 'open' | 'operator' {
  if (value === 'open' || value === 'operator') return value;
  if (value === 'auto') return isLoopbackHost(host) ? 'open' : 'operator';
  throw new ConfigError(`CALLPLANE_SIGNUP must be "auto", "open" or "operator", got "${value}"`);
}

/** An http(s) origin, optionally with a path prefix; no credentials, query or fragment. */
function parsePublicUrl(value: string | undefined): URL | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`CALLPLANE_PUBLIC_URL must be a URL like https://callplane.example.com, got "${value}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`CALLPLANE_PUBLIC_URL must be an http or https URL without credentials, query or fragment, got "${value}"`);
  }
  return url;
}

function parseSwitch(name: string, value: string): boolean {
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
}

function parseBodyLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1024) throw new ConfigError(`CALLPLANE_BODY_LIMIT must be a number of bytes of at least 1024, got "${value}"`);
  return limit;
}

function parseClock(value: string): 'real' | 'manual' {
  if (value === 'real' || value === 'manual') return value;
  throw new ConfigError(`CALLPLANE_CLOCK must be "real" or "manual", got "${value}"`);
}

function parseSeconds(name: string, value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds > 86_400) throw new ConfigError(`${name} must be a number of seconds from 0 to 86400, got "${value}"`);
  return seconds;
}

function parseCount(name: string, value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > 1000) throw new ConfigError(`${name} must be a whole number from 1 to 1000, got "${value}"`);
  return count;
}
