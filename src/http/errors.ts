import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';
import { WebexError } from '../domain/errors.ts';
import type { Server } from './types.ts';

// The one error renderer. Every failure leaves as Webex's error body
// { message, errors: [{ description, errorCode? }], trackingId } with a TrackingID header;
// bad input of any kind is a 4xx, only our own faults are a 500.

export function errorBody(request: FastifyRequest, message: string, errorCode?: number) {
  return {
    message,
    errors: [{ description: message, ...(errorCode !== undefined ? { errorCode } : {}) }],
    trackingId: request.id,
  };
}

function sendWebexError(request: FastifyRequest, reply: FastifyReply, error: WebexError) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  reply.code(error.status).type('application/json').send(error.body ?? errorBody(request, error.message, error.errorCode));
}

/** Fastify's own client errors, in words a Webex client understands. */
function fromFastify(error: FastifyError, bodyLimit: number): WebexError | undefined {
  if (error.validation) {
    // Fastify words it as "body/emails must be array" or "querystring/max must be number".
    return new WebexError(400, `Invalid request: ${error.message}.`);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new WebexError(415, 'Unsupported media type: the request body must be JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new WebexError(400, 'The Content-Length header does not match the body.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new WebexError(413, `The request body is larger than the ${bodyLimit} bytes allowed.`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new WebexError(400, 'The request body is empty but its Content-Type is JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new WebexError(400, `The request body is not valid JSON: ${error.message}`);
  }
  if (error instanceof SyntaxError) return new WebexError(400, `The request body is not valid JSON: ${error.message}`);
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new WebexError(error.statusCode, error.message);
  }
  return undefined;
}

/** The longest path parameter the router takes (license IDs exceed Fastify's default of 100). */
export const MAX_PARAM_LENGTH = 1024;

export const pathParameterTooLong = () => new WebexError(414, 'A path parameter of the request URL is too long.');

/** Errors Fastify meets before routing (a malformed URL, an over-long path parameter). */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('TrackingID', request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendWebexError(request, reply, pathParameterTooLong());
  sendWebexError(request, reply, new WebexError(400, 'The request URL is malformed.'));
}

/** The 404/405 handler's routers of every served route (see installErrorHandling). */
function knownRoutes(seen: { method: string; url: string }[]) {
  const routes = FindMyWay({ ignoreTrailingSlash: true });
  const actions = FindMyWay({ ignoreTrailingSlash: true });
  const methods = new Set<string>();
  for (const { method, url } of seen) {
    const last = url.replace(/\/$/, '').split('/').at(-1)!;
    const parent = `${url.replace(/\/$/, '').split('/').slice(0, -1).join('/')}/:action`;
    methods.add(method);
    if (!routes.hasRoute(method as any, url)) routes.on(method as any, url, () => {}, { fixedLast: !last.includes(':') && !last.includes('*') });
    if (last !== '' && !last.includes(':') && !last.includes('*') && !actions.hasRoute(method as any, parent)) actions.on(method as any, parent, () => {});
  }
  return { routes, actions, methods };
}

/**
 * `translate` turns errors of the layers below (a store's unique-constraint race) into the Webex
 * error they mean; the composition root supplies it, so this plumbing knows no store.
 */
export function installErrorHandling(server: Server, bodyLimit: number, translate: (error: unknown) => WebexError | undefined = () => undefined): void {
  server.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof WebexError) return sendWebexError(request, reply, error);
    const translated = translate(error);
    if (translated) return sendWebexError(request, reply, translated);
    const client = fromFastify(error, bodyLimit);
    if (client) return sendWebexError(request, reply, client);
    request.log.error({ err: error }, 'request failed');
    return sendWebexError(request, reply, new WebexError(500, 'Something went wrong on the server. If the issue persists, quote the trackingId.'));
  });

  // Remember every route so that a known path with another method answers 405, not 404.
  // Per method, the parents of routes ending in a fixed word (POST /v1/telephony/calls/answer):
  // there a word this method does not know is a misspelt action, a 404, even though another
  // method's route takes any word there (GET /v1/telephony/calls/{callId}).
  // The two routers are built on the first unknown route, not at start-up: inserting some 2,000
  // routes into them took a tenth of the server's start (docs/performance.md, issue 17).
  const seen: { method: string; url: string }[] = [];
  let built: ReturnType<typeof knownRoutes> | undefined;
  server.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/') || route.config?.catalogue) return;
    for (const method of [route.method].flat()) seen.push({ method, url: route.url });
  });

  server.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const { routes, actions, methods } = (built ??= knownRoutes(seen));
    // Reached through a catch-all route, where the router did not measure the parameters.
    if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) return sendWebexError(request, reply, pathParameterTooLong());
    // A route of this very method that found nothing (a wildcard route's missing file) is a 404.
    const served = routes.find(request.method as any, path) !== null;
    const matches = [...methods].filter((m) => m !== request.method && m !== 'HEAD').map((m) => [m, routes.find(m as any, path)] as const);
    const allowed = matches.filter(([, found]) => found).map(([m]) => m);
    // The path is known as written (its last word is fixed) for another method: 405. Only a word
    // that fills another method's ID where this method has fixed actions is a misspelt action.
    const knownPath = matches.some(([, found]) => (found?.store as { fixedLast?: boolean } | undefined)?.fixedLast);
    const misspeltAction = !knownPath && actions.find(request.method as any, path) !== null;
    if (!served && !misspeltAction && allowed.length > 0) {
      reply.header('Allow', allowed.join(', '));
      return sendWebexError(request, reply, new WebexError(405, `The ${request.method} method is not supported for ${path}.`));
    }
    return sendWebexError(request, reply, new WebexError(404, 'The requested resource could not be found.'));
  });
}
