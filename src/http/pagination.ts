import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from '../domain/errors.ts';

/** Keyset position in a list ordered by (created, id): the store's cursor, by shape. */
type Cursor = { created: string; id: string };
/** A page of items and where the next one starts (absent on the last). */
type Page<T, C> = { items: T[]; next?: C };
import { publicBase } from './host.ts';

// Webex paging: `max` is clamped to the endpoint's limit, never refused; the next page is a
// complete URL in `Link: <…>; rel="next"`, absent on the last page. Generic lists carry an
// opaque cursor in it, telephony lists a `start` offset.

export function clampMax(max: number | undefined, fallback: number, limit: number): number {
  if (max === undefined || !Number.isFinite(max)) return fallback;
  return Math.min(limit, Math.max(1, Math.floor(max)));
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.created, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) {
      return { created: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest('The paging cursor is not valid; follow the Link header of the previous page.');
}

/**
 * Sets the Link header to this request's URL with the given query parameters replaced, on the
 * configured public URL (its path prefix included) or else the request's valid Host (400 if none).
 */
export function linkNext(request: FastifyRequest, reply: FastifyReply, replace: Record<string, string>): void {
  const url = publicBase(request);
  const at = request.url.indexOf('?');
  // Set part by part: a request path of //other.example must not become another host.
  url.pathname = url.pathname.replace(/\/$/, '') + (at < 0 ? request.url : request.url.slice(0, at));
  url.search = at < 0 ? '' : request.url.slice(at);
  for (const [name, value] of Object.entries(replace)) url.searchParams.set(name, value);
  reply.header('Link', `<${url.toString()}>; rel="next"`);
}

/** A telephony list's page request: `max` clamped to the list's limit (also its default), `start` 0 by default. */
export function offsetPaging(query: { max?: number; start?: number }, limit: number): { max: number; start: number } {
  return { max: clampMax(query.max, limit, limit), start: query.start ?? 0 };
}

/** Sets Link to a telephony list's next page (`start` and `max`), if any, and answers the page's items. */
export function offsetPageItems<T>(request: FastifyRequest, reply: FastifyReply, page: Page<T, number>, max: number): T[] {
  if (page.next !== undefined) linkNext(request, reply, { start: String(page.next), max: String(max) });
  return page.items;
}
