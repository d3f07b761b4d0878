import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from './auth.ts';
import type { Server } from './types.ts';

// Answers of the hottest reads (a person, the people list, a location), kept while the store has
// not changed. The store counts every statement that may write, and on SQLite another process's
// commits too (Store.writeCount): any write, anywhere, empties the cache, so nothing is answered
// from it past a change that should be visible. On PostgreSQL there is no such count and nothing
// is cached. An answer is the token's own (the key is the token and the URL): what a token may
// see is decided by its person, roles and scopes, which only a write can change. Authentication,
// the rate limit, validation and the organization check all run before the cache is asked (it
// is a preHandler), and each answer keeps its own TrackingID. The key is the token, the host (a
// page's Link header names it) and the URL.

/** At most this many answers, or this many bytes, before the cache starts over. */
const MAX_ENTRIES = 2000;
const MAX_BYTES = 32 * 1024 * 1024;

type Entry = { payload: string; contentType: string; link?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's 200 answers may be kept while the store has not changed (http/read-cache.ts). */
    readCache?: boolean;
  }
  interface FastifyRequest {
    readCacheKey?: string;
    readCacheWrites?: number;
  }
}

export function installReadCache(server: Server, writeCount: () => number | undefined): void {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let writes: number | undefined;
  const clear = () => {
    entries.clear();
    bytes = 0;
  };

  // Callback hooks: no promise per request on the hottest path (issue 17).
  server.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!request.routeOptions.config.readCache) return done();
    const token = bearerToken(request);
    // The reading authentication took: the token it resolved was current then.
    const now = request.storeWrites ?? writeCount();
    if (token === undefined || now === undefined) return done();
    if (now !== writes) {
      clear();
      writes = now;
    }
    const key = `${token}\u0000${request.headers.host ?? ''}\u0000${request.url}`;
    const hit = entries.get(key);
    if (hit) {
      reply.header('content-type', hit.contentType);
      if (hit.link) reply.header('link', hit.link);
      // Answered here: done() is not called, so the handler does not run.
      reply.send(hit.payload);
      return;
    }
    request.readCacheKey = key;
    request.readCacheWrites = now;
    done();
  });

  server.addHook('onSend', (request, reply, payload, done) => {
    const key = request.readCacheKey;
    // Written meanwhile (by this request or another): the answer may already be stale.
    if (
      key !== undefined &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      writeCount() === request.readCacheWrites &&
      writes === request.readCacheWrites
    ) {
      if (entries.size >= MAX_ENTRIES || bytes + payload.length > MAX_BYTES) clear();
      const link = reply.getHeader('link');
      entries.set(key, { payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), ...(typeof link === 'string' ? { link } : {}) });
      bytes += payload.length;
    }
    done(null, payload);
  });
}
