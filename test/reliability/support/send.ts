import { request as httpRequest } from 'node:http';
import type { Reply } from '../../support/client.ts';
import { fillPath } from './operations.ts';

// Sends a request exactly as described: raw body text, any content type (or none), repeated
// query parameters. The test client would serialise and fix things up; these requests must not be.

export type RawRequest = {
  method: string;
  /** A path of the OpenAPI document and the values of its parameters. */
  path: string;
  pathValues: Record<string, string>;
  query?: [string, string][];
  /** The body as text, or as bytes when `bytes` is given (a multipart upload). */
  body?: { text: string; bytes?: Uint8Array; contentType: string | undefined } | undefined;
  token?: string | undefined;
  /** Give up after this long (default 15 s): an answer that takes longer is a fault of its own. */
  timeoutMs?: number;
};

export function urlOf(baseUrl: string, request: RawRequest): string {
  const url = new URL(fillPath(request.path, request.pathValues), baseUrl);
  for (const [name, value] of request.query ?? []) url.searchParams.append(name, value);
  return url.toString();
}

export async function sendRaw(baseUrl: string, request: RawRequest): Promise<Reply & { url: string }> {
  const url = urlOf(baseUrl, request);
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  let body: Uint8Array | undefined;
  if (request.body) {
    // Bytes, so that fetch adds no content type of its own when the request has none.
    body = request.body.bytes ?? new TextEncoder().encode(request.body.text);
    if (request.body.contentType !== undefined) headers['content-type'] = request.body.contentType;
  }
  const response = await fetch(url, {
    method: request.method,
    headers,
    body: body as Uint8Array<ArrayBuffer> | undefined,
    signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
  });
  // A stream of server-sent events never ends: its status and headers are the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, body: undefined, text: '', url };
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed, text, url };
}

/** What is wrong with an error answer, measured against Webex's error body; undefined when nothing. */
export function webexErrorProblem(reply: Reply): string | undefined {
  const body = reply.body as { message?: unknown; errors?: { description?: unknown }[]; trackingId?: unknown } | undefined;
  if (typeof body !== 'object' || body === null) return `the body is not JSON: ${reply.text.slice(0, 120)}`;
  if (typeof body.message !== 'string' || body.message === '') return 'no message';
  if (!Array.isArray(body.errors) || typeof body.errors[0]?.description !== 'string') return 'no errors[0].description';
  if (typeof body.trackingId !== 'string' || body.trackingId === '') return 'no trackingId';
  if (reply.headers.get('trackingid') !== body.trackingId) return `TrackingID header ${reply.headers.get('trackingid')} ≠ trackingId ${body.trackingId}`;
  return undefined;
}

/** A multipart/form-data upload of an announcement: a "name" field and a WAV "file" part. */
export async function multipartBody(name: string, content: Uint8Array): Promise<{ text: string; bytes: Uint8Array; contentType: string }> {
  const form = new FormData();
  form.append('name', name);
  form.append('file', new Blob([content as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }), 'greeting.wav');
  const encoded = new Response(form);
  return { text: '(multipart upload)', bytes: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}

/** A GET with a Host header of our choosing (fetch sets its own): status and body text. */
export function getWithHost(baseUrl: string, request: RawRequest, host: string): Promise<{ status: number; text: string; link: string | undefined }> {
  const url = new URL(urlOf(baseUrl, request));
  const headers: Record<string, string> = { host };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'GET', headers, timeout: 15_000 }, (res) => {
      let text = '';
      // A stream of server-sent events never ends: its status is the answer.
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.destroy();
        return resolve({ status: res.statusCode!, text: '', link: undefined });
      }
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text, link: res.headers.link as string | undefined }));
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 15 s')));
    req.on('error', reject);
    req.end();
  });
}
