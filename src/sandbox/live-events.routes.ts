import type { IncomingMessage } from 'node:http';
import { Type } from 'typebox';
import { anyOf } from '../domain/auth/scopes.ts';
import { fullAdmin, principalOf } from '../http/auth.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';
import type { Store } from '../store/store.ts';
import { cursorAt, decodeStreamCursor, DEFAULT_TIMING, LiveEventStream, newestCursor, type StreamTiming } from './console-event-stream.ts';

// The live stream of an organization's call events, for the web console and anyone who wants to
// watch calls without a webhook receiver: server-sent events over the call-event outbox.

const PATH = '/sandbox/v1/events';

const LiveEvents = {
  summary: "Stream the organization's call events (server-sent events)",
  description: [
    'A text/event-stream of the telephony_calls events of the token\'s organization, in the order they happened. Each is an `event: call` whose `data` is',
    '`{"resource": "telephony_calls", "actorId": <the person whose call it is>, "created", "data": <the event data a webhook carries>}` and whose `id` resumes the stream (Last-Event-ID).',
    'Without Last-Event-ID or `since` the stream starts with the next event. `event: ready` marks the end of the backlog (events before it happened before the request).',
    'Needs a full administrator whose token holds spark-admin:calls_read. EventSource cannot send headers: pass the token as `access_token` in the query instead (it is taken out of the URL before anything logs it).',
  ].join(' '),
  tags: ['Sandbox'],
  querystring: Type.Object({
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Start with the events created at or after this time (server clock).' })),
    access_token: Type.Optional(Type.String({ description: 'The bearer token, for clients that cannot set the Authorization header (EventSource).' })),
  }),
  headers: Type.Object({
    'last-event-id': Type.Optional(Type.String({ maxLength: 512, description: 'Resume after this event (sent by EventSource when it reconnects).' })),
  }),
  response: {
    200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: Type.String() } } },
    400: ErrorBody,
    401: ErrorBody,
    403: ErrorBody,
    429: ErrorBody,
  },
};

/**
 * EventSource cannot send an Authorization header, so its token comes as `access_token` in the
 * query. Before Fastify sees the request the token moves into the header and out of the URL (so
 * no log line shows it), and the usual authentication runs. Only this path is touched.
 */
function acceptTokenInQuery(server: Server): void {
  server.server.prependListener('request', (request: IncomingMessage) => {
    if (!request.url?.startsWith(`${PATH}?`)) return;
    const url = new URL(request.url, 'http://localhost');
    const token = url.searchParams.get('access_token');
    if (url.pathname !== PATH || token === null) return;
    url.searchParams.delete('access_token');
    request.url = `${url.pathname}${url.search}`;
    if (request.headers.authorization === undefined && token !== '') request.headers.authorization = `Bearer ${token}`;
  });
}

/** The live stream of an organization's call events for the console (server-sent events). */
export function liveEventRoutes(server: Server, deps: { store: Store; timing?: StreamTiming }): void {
  const { store } = deps;
  const timing = deps.timing ?? DEFAULT_TIMING;
  const open = new Set<LiveEventStream>();

  acceptTokenInQuery(server);
  // Open streams never end by themselves: end them before the server waits for its connections.
  server.addHook('preClose', async () => {
    const closing = [...open];
    for (const stream of closing) stream.close();
    await Promise.all(closing.map((s) => s.done));
  });

  server.get(PATH, { schema: LiveEvents, config: fullAdmin(anyOf('spark-admin:calls_read')) }, async (request, reply) => {
    const principal = principalOf(request);
    const lastEventId = request.headers['last-event-id'];
    const { since } = request.query;
    const from = lastEventId ? decodeStreamCursor(lastEventId) : since ? cursorAt(new Date(since)) : await newestCursor(store, principal.orgId);

    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise hold events back in a buffer.
      'x-accel-buffering': 'no',
    });
    const stream = new LiveEventStream({
      store,
      orgId: principal.orgId,
      from,
      response: reply.raw,
      timing,
      onError: (error) => request.log.error({ err: error }, 'live event stream stopped: the store failed'),
    });
    open.add(stream);
    void stream.done.then(() => open.delete(stream));
  });
}
