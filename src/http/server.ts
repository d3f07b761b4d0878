import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyRequest } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import type { Config } from '../config.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import type { Store } from '../store/store.ts';
import { badRequest, WebexError } from '../domain/errors.ts';
import { bearerToken, installAuthentication } from './auth.ts';
import { consoleRoutes } from './console.ts';
import { frameworkError, installErrorHandling, MAX_PARAM_LENGTH } from './errors.ts';
import { installPublicUrl } from './host.ts';
import { serializerCompiler, validatorCompiler } from './lazy-compilers.ts';
import { registerOpenApi } from './openapi.ts';
import { trackingId } from './tracking.ts';
import type { Metrics } from './metrics.ts';
import { installRequestLog, logStream } from './request-log.ts';
import type { Server } from './types.ts';

/**
 * What the server is built from. The server itself knows no API area: the composition root
 * (src/app.ts) passes the token service for authentication, plugins that wrap every request
 * (fault injection) and the function that registers each area's routes.
 */
export type ServerDeps = {
  config: Config;
  tokens: TokenService;
  /** The store's change mark (Store.changeMark), for the token and read caches. */
  marks: Pick<Store, 'changeMark' | 'changeMarkCostsRoundTrip'>;
  /** Hooks installed after authentication and before any route (the sandbox's fault injector). */
  beforeRoutes?: (server: Server) => void;
  /** Counts every request for GET /metrics. */
  metrics?: Metrics;
  /** Registers every area's routes; listed once, in the composition root. */
  routes: (server: Server) => void | Promise<void>;
  /** The Webex error that an error of a lower layer means (a store's unique-constraint race: 409). */
  translateError?: (error: unknown) => WebexError | undefined;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The body is JSON whose text holds no \u0000 escape, so no NUL (see the JSON parser below). */
    jsonBodyWithoutNul?: boolean;
  }
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  for (const [key, item] of Object.entries(value)) if (key.includes('\u0000') || hasNul(item, depth + 1)) return true;
  return false;
}

/**
 * Whose budget a request spends: its token's when the token resolved (however the header spells
 * the scheme), else its client address's (no token, an unknown one, a public route).
 */
function rateLimitKey(request: FastifyRequest): string {
  const token = request.principal ? bearerToken(request) : undefined;
  return token ? `token:${createHash('sha256').update(token).digest('base64url')}` : `address:${request.ip}`;
}

function bodyIsOptional(schema: unknown): boolean {
  const body = schema as { type?: string; required?: string[] } | undefined;
  return body?.type === 'object' && (body.required ?? []).length === 0;
}

/** The HTTP server, set up in this order: every request meets these steps top to bottom. */
export async function buildServer(deps: ServerDeps): Promise<Server> {
  const { config } = deps;

  // 1. Fastify: the request id is Webex's TrackingID; bodies are capped; logs are JSON or pretty.
  const stream = logStream(config.logFormat);
  const validate = validatorCompiler();
  const serialize = serializerCompiler();
  const server: Server = Fastify({
    logger: { level: config.logLevel, ...(stream ? { stream } : {}) },
    // Request lines only when debugging: at info level they would cost more than the requests.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
      requestIdLogLabel: 'trackingId',
    }),
    genReqId: trackingId,
    bodyLimit: config.bodyLimit,
    // License IDs are longer than Fastify's default limit of 100 characters for a path parameter.
    // Cisco's own collections call collection paths with a trailing slash: /x/ is /x (never /x/:id
    // with an empty ID).
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true },
    frameworkErrors: frameworkError,
    // No HEAD twin per GET route: they doubled the routes registered at every start (issue 17).
    // One catch-all HEAD route below answers as the GET would, without the body.
    exposeHeadRoutes: false,
    // Our compilers as the factories too: Fastify then never loads its default ones (its own Ajv
    // and Ajv's JTD build, only to be replaced below). Fastify types the factories after its own.
    schemaController: { compilersFactory: { buildValidator: (() => validate) as never, buildSerializer: (() => serialize) as never } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  server.setValidatorCompiler(validate);
  server.setSerializerCompiler(serialize);
  // Clients often send Content-Type: application/json on requests without a body; an empty body
  // is then no body (a route that needs one still answers 400), not a parse error.
  const parseJson = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    // JSON text can only carry a NUL escaped, as \u0000: without one, the body need not be walked.
    if (!(body as string).includes('\\u0000')) request.jsonBodyWithoutNul = true;
    return parseJson(request, body as string, done);
  });

  // 2. Every answer carries the TrackingID header; text with NUL characters is refused (no Webex
  //    field holds one, and PostgreSQL text cannot store it). An operation whose body fields are
  //    all optional takes no body at all as an empty one, as Webex does (a transfer with neither
  //    callId names no call: Webex picks them). Hooks that never wait take a callback: an async
  //    hook costs every request a promise and a turn of the microtask queue (issue 17).
  server.addHook('onRequest', (request, reply, done) => {
    reply.header('TrackingID', request.id);
    done();
  });
  server.addHook('preValidation', (request, _reply, done) => {
    if (hasNul(request.query) || hasNul(request.params) || (!request.jsonBodyWithoutNul && hasNul(request.body))) {
      return done(badRequest('Invalid request: text must not contain NUL (\\u0000) characters.'));
    }
    if (request.body === undefined && bodyIsOptional(request.routeOptions.schema?.body)) request.body = {};
    done();
  });
  // One line per request at info level (request-log.ts), and the request metrics.
  installRequestLog(server);
  deps.metrics?.install(server);

  // 3. One error renderer for every failure, and 404/405 for unknown routes.
  installErrorHandling(server, config.bodyLimit, deps.translateError);

  // 4. Rate limits: per resolved token, and per client address for requests without a valid token
  //    (off unless CALLPLANE_RATE_LIMIT is set). The limiter runs as each route's own onRequest
  //    hook, after authentication has resolved the token (src/http/auth.ts). Routes may set their
  //    own limit (config.rateLimit): organization sign-up always has one.
  installPublicUrl(server, config.publicUrl);
  await server.register(rateLimit, {
    global: config.rateLimit !== undefined,
    max: config.rateLimit?.max ?? 1,
    timeWindow: config.rateLimit?.windowMs ?? 1000,
    keyGenerator: rateLimitKey,
    allowList: (request) => request.url === '/healthz',
    errorResponseBuilder: (_request, context) =>
      new WebexError(429, `Too many requests: at most ${context.max} per ${context.after}. Retry after the time in the Retry-After header.`),
  });

  // 5. The OpenAPI document and reference page, fed by the route schemas registered below.
  await registerOpenApi(server, packageJson.version);

  // 6. Bearer token → principal, and the route's scopes, before any body is read.
  installAuthentication(server, deps.tokens, deps.marks);

  // 7. Plugins of the composition root that wrap every route (the sandbox's faults).
  deps.beforeRoutes?.(server);

  // 8. Routes: each area registers its own.
  await deps.routes(server);
  if (config.console !== false) await consoleRoutes(server);
  // HEAD of any path is its GET without the body: the GET runs as a request of its own (its own
  // authentication, scopes and errors), and its status and headers are the answer.
  server.head('/*', { schema: { hide: true }, config: { catalogue: true, rateLimit: false } }, async (request, reply) => {
    const answer = await server.inject({ method: 'GET', url: request.url, headers: request.headers });
    // The HEAD keeps its own TrackingID (the one its log line names).
    const { 'transfer-encoding': _chunked, trackingid: _inner, ...headers } = answer.headers;
    return reply.code(answer.statusCode).headers(headers).send();
  });

  await server.ready();
  return server;
}
