import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

// One POST of a delivery over real HTTP. Redirects are not followed; a response is read to its
// end (keeping its first bytes for the log) within the timeout, which covers the whole exchange.

/** How much of a response the delivery log keeps. */
export const EXCERPT_BYTES = 500;

export type SendResult = {
  /** Null when no response came (timeout, connection error). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  excerpt: string | null;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
  /** The worker stopped it: not an attempt at all. */
  aborted: boolean;
};

/** Lower-case hex HMAC-SHA1 of the exact body bytes: Webex's X-Spark-Signature. */
export const signature = (secret: string, body: Buffer): string => createHmac('sha1', secret).update(body).digest('hex');

export type Agents = { http: http.Agent; https: https.Agent };

export const newAgents = (): Agents => ({ http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) });

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
    const finish = (error: string | null, aborted = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve({ statusCode, latencyMs: elapsed(), error, excerpt: excerpt(), retryAfter, aborted });
    };

    let url: URL;
    try {
      url = new URL(target);
    } catch {
      finish(`targetUrl "${target}" is not a URL`);
      return;
    }
    const secure = url.protocol === 'https:';
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': bytes.length,
      'user-agent': 'Callplane-Webhooks',
    };
    if (secret) headers['x-spark-signature'] = signature(secret, bytes);
    const request = (secure ? https : http).request(url, { method: 'POST', headers, agent: secure ? agents.https : agents.http });

    const timer = setTimeout(() => {
      finish(`timed out after ${timeoutMs} ms${statusCode === null ? ' waiting for a response' : ' reading the response'}`);
      request.destroy();
    }, timeoutMs);
    const onAbort = () => {
      finish('the server stopped before the delivery completed', true);
      request.destroy();
    };
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
      response.on('error', (error) => finish(`the response broke off: ${error.message}`));
      response.on('aborted', () => finish('the response broke off'));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish(error.code ? `${error.code}: ${error.message}` : error.message));
    request.end(bytes);
  });
}
