import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeMark, Store } from '../store/store.ts';
import { bearerToken } from './auth.ts';
import type { Server } from './types.ts';

// Answers of the hottest reads (a person, the people list, a location), kept while the store has
// not changed. The store's change mark (Store.changeMark) moves with every change, anywhere: on
// SQLite the count of statements that may write (and another process's commits, by data_version),
// on PostgreSQL the write-ahead log's insert position. A new mark empties the cache, so nothing
// is answered from it past a change that should be visible. An answer is the token's own (the
// key is the token and the URL): what a token may see is decided by its person, roles and scopes,
// which only a change can alter. Authentication (which reads the mark), the rate limit,
// validation and the organization check all run before the cache is asked (it is a preHandler),
// and each answer keeps its own TrackingID. The key is the token, the host (a page's Link header
// names it) and the URL.

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
  }
}

export function installReadCache(server: Server, store: Pick<Store, 'changeMark'>): void {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let mark: ChangeMark | undefined;
  const clear = () => {
    entries.clear();
    bytes = 0;
  };

  // Callback hooks: no promise per request on the hottest path (issue 17).
  server.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    // The mark authentication read: the token it resolved was current then.
    const now = request.storeMark;
    // Any request that saw a new mark lets the old answers go, not only a cacheable one: after a
    // write (a call placed, a person created) they are dead, and held up to MAX_BYTES until the
    // next cacheable read came (issue 17: 30 MB kept through 10,000 calls set up).
    if (now !== undefined && now !== mark) {
      clear();
      mark = now;
    }
    const token = bearerToken(request);
    if (!request.routeOptions.config.readCache || token === undefined || now === undefined) return done();
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
    done();
  });

  server.addHook('onSend', (request, reply, payload, done) => {
    const key = request.readCacheKey;
    if (key === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return done(null, payload);
    const keep = (after: ChangeMark | undefined) => {
      // Changed meanwhile (by this request or another): the answer may already be stale.
      if (after === undefined || after !== request.storeMark || mark !== request.storeMark) return;
      if (entries.size >= MAX_ENTRIES || bytes + payload.length > MAX_BYTES) clear();
      const link = reply.getHeader('link');
      entries.set(key, { payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), ...(typeof link === 'string' ? { link } : {}) });
      bytes += payload.length;
    };
    const after = store.changeMark();
    if (!(after instanceof Promise)) {
      keep(after);
      return done(null, payload);
    }
    // A failed reading keeps nothing; the answer goes out either way.
    after.then(keep, () => {}).finally(() => done(null, payload));
  });
}
