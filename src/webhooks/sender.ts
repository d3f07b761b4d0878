import { createHmac } from 'node:crypto';
import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import type * as Http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressKind, allows, hostKind, type EgressPolicy } from '../domain/webhooks/egress-policy.ts';

// node:http as CommonJS: an ES import of it makes Node copy every export, and reading its lazy
// ones (WebSocket, …) loads undici, a tenth of the server's start (issue 17).
const http = process.getBuiltinModule('node:http');

// One POST of a delivery over real HTTP. Redirects are not followed; a response is read to its
// end (keeping its first bytes for the log) within the timeout, which covers the whole exchange.
// Every connection goes through the egress policy: a literal address is checked before
// connecting, a host name on every address it resolves to, and the connection is made to the
// address that was checked (the lookup hands it to the socket), so DNS rebinding cannot pass.
// What the log records of a failure is a fixed phrase, never a system message, so the delivery
// log cannot serve to probe what the server can reach.

/** How much of a response the delivery log keeps. */
export const EXCERPT_BYTES = 200;

export type SendResult = {
  /** Null when no response came (timeout, connection error). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  excerpt: string | null;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
  /** The request headers sent; null when no request went out (blocked, not a URL). */
  requestHeaders: Record<string, string> | null;
  /** The worker stopped it: not an attempt at all. */
  aborted: boolean;
  /** The egress policy refused the target: nothing was sent, and sending again will not help. */
  blocked?: boolean;
};

export const BLOCKED = 'blocked: the target is not an address this server delivers to';

/** Lower-case hex HMAC-SHA1 of the exact body bytes: Webex's X-Spark-Signature. */
export const signature = (secret: string, body: Buffer): string => createHmac('sha1', secret).update(body).digest('hex');

export type Agents = { http: Http.Agent; https: https.Agent; lookup: LookupFunction; egress: EgressPolicy };

const blockedError = () => Object.assign(new Error(BLOCKED), { code: 'EBLOCKED' });

/** A resolver that fails unless every address of the name is allowed; the socket connects to one of those. */
export function guardedLookup(egress: EgressPolicy, resolve: LookupFunction = systemLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    if (isLoopbackNameBlocked(egress, hostname)) return callback(blockedError(), '', 4);
    resolve(hostname, { ...options, all: true }, (error, result) => {
      if (error) return callback(error, '', 4);
      const addresses = (Array.isArray(result) ? result : [{ address: result, family: 4 }]) as LookupAddress[];
      if (addresses.length === 0 || addresses.some((a) => !allows(egress, addressKind(a.address)))) return callback(blockedError(), '', 4);
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** `localhost` and `*.localhost` are loopback whatever a resolver answers. */
function isLoopbackNameBlocked(egress: EgressPolicy, hostname: string): boolean {
  const kind = hostKind(hostname);
  return kind !== undefined && !allows(egress, kind);
}

export const newAgents = (egress: EgressPolicy, resolve?: LookupFunction): Agents => ({
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
  lookup: guardedLookup(egress, resolve),
  egress,
});

/** What the log says of a failed connection: a fixed phrase per kind of failure. */
export function connectionError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'EBLOCKED') return BLOCKED;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'host not found';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return 'host unreachable';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SIGNATURE|SELF_SIGNED/.test(code)) return 'TLS handshake failed';
  return 'network error';
}

export function post(target: string, body: string, secret: string | null, timeoutMs: number, signal: AbortSignal, agents: Agents): Promise<SendResult> {
  const bytes = Buffer.from(body, 'utf8');
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let statusCode: number | null = null;
    let retryAfter: string | null = null;
    const chunks: Buffer[] = [];
    let kept = 0;
    const excerpt = () => (kept > 0 ? Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8') : null);
    let timer: NodeJS.Timeout | undefined;
    let sent: Record<string, string> | null = null;
    const finish = (error: string | null, aborted = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve({ statusCode, latencyMs: elapsed(), error, excerpt: excerpt(), retryAfter, requestHeaders: sent, aborted, ...(error === BLOCKED ? { blocked: true } : {}) });
    };
    const onAbort = () => {
      finish('the server stopped before the delivery completed', true);
      request?.destroy();
    };
    let request: Http.ClientRequest | undefined;

    let url: URL;
    try {
      url = new URL(target);
    } catch {
      finish('targetUrl is not a URL');
      return;
    }
    // A literal address never goes through the lookup: check it here.
    const kind = hostKind(url.hostname);
    if (kind !== undefined && !allows(agents.egress, kind)) return finish(BLOCKED);
    const secure = url.protocol === 'https:';
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': bytes.length,
      'user-agent': 'Callplane-Webhooks',
    };
    if (secret) headers['x-spark-signature'] = signature(secret, bytes);
    // What the delivery log shows (Host as the request line carries it).
    sent = { host: url.host, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])) };
    request = (secure ? https : http).request(url, { method: 'POST', headers, agent: secure ? agents.https : agents.http, lookup: agents.lookup });

    timer = setTimeout(() => {
      finish(`timed out after ${timeoutMs} ms${statusCode === null ? ' waiting for a response' : ' reading the response'}`);
      request?.destroy();
    }, timeoutMs);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);

    request.on('response', (response) => {
      statusCode = response.statusCode ?? null;
      const header = response.headers['retry-after'];
      retryAfter = typeof header === 'string' ? header : null;
      response.on('data', (chunk: Buffer) => {
        if (kept < EXCERPT_BYTES) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      response.on('end', () => finish(null));
      response.on('error', () => finish('the response broke off'));
      response.on('aborted', () => finish('the response broke off'));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish(connectionError(error)));
    request.end(bytes);
  });
}
