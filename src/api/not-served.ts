import type { FastifyRequest } from 'fastify';
import type { TokenService } from '../domain/auth/token-service.ts';
import { notServed, unauthorized } from '../domain/errors.ts';
import { catalogue, type CatalogueRow } from '../generated/webex/catalogue.ts';
import type { Server } from '../http/types.ts';
import { routeUrl } from '../http/webex-route.ts';

// Every operation of Cisco's documents is routed: an area that serves it has registered its
// route before this runs (it is called last), every other one answers 501 with the Webex error
// body after authentication, naming the operation and its Cisco tag. Nothing of Cisco's answers
// a bare 404. The catalogue is generated (src/generated/webex/catalogue.ts); docs/coverage.md
// and test/api/catalogue.test.ts read the same rows.
//
// One wildcard route under /v1 answers them all: any served route, static or parametric, wins
// over it, and it costs the server's start nothing (a route per operation, over a thousand,
// tripled its start-up). A /v1 path of no Cisco operation still gets the usual 404 or 405.

export const PRODUCTS: Record<CatalogueRow[4], string> = {
  calling: 'Webex Calling',
  admin: 'Webex Admin',
  device: 'Webex Device',
  messaging: 'Webex Messaging',
};

type Candidate = { segments: string[]; statics: number; row: CatalogueRow };

/** Matches a request path to the most specific of the given operations (fixed words beat IDs). */
function matcher(rows: readonly CatalogueRow[]) {
  const byShape = new Map<string, Candidate[]>();
  for (const row of rows) {
    const segments = row[1].replace(/\/+$/, '').split('/');
    const key = `${row[0]} ${segments.length}`;
    const statics = segments.filter((s) => !s.startsWith('{')).length;
    const shape = byShape.get(key);
    if (shape) shape.push({ segments, statics, row });
    else byShape.set(key, [{ segments, statics, row }]);
  }
  return (method: string, path: string): CatalogueRow | undefined => {
    const parts = path.replace(/\/+$/, '').split('/');
    let best: Candidate | undefined;
    for (const candidate of byShape.get(`${method} ${parts.length}`) ?? []) {
      const fits = candidate.segments.every((s, i) => (s.startsWith('{') ? parts[i] !== '' : s === parts[i]));
      if (fits && (!best || candidate.statics > best.statics)) best = candidate;
    }
    return best?.row;
  };
}

/**
 * Answers 501 for every catalogue operation no area serves, and returns those. Registered last:
 * whether an operation is served is read from the routes registered before.
 */
export function notServedRoutes(server: Server, deps: { tokens: TokenService }): CatalogueRow[] {
  // Routes ignore a trailing slash (the router stores every path without one), and Cisco's
  // document writes a few paths with one (POST …/operatingModes/): asked without it. One look-up
  // per operation: over a thousand of them run at every start.
  const served: CatalogueRow[] = [];
  const unserved: CatalogueRow[] = [];
  for (const row of catalogue) {
    const [method, path] = row;
    (server.hasRoute({ method, url: routeUrl(path).replace(/(.)\/$/, '$1') }) ? served : unserved).push(row);
  }
  const find = matcher(unserved);
  const answer = async (request: FastifyRequest, row: CatalogueRow) => {
    // After authentication, as the operation itself would be: a token of this server first.
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw unauthorized();
    await deps.tokens.resolve(token);
    const [, , operationId, tag, document] = row;
    throw notServed(operationId, tag, PRODUCTS[document]);
  };

  // A fixed word where a served route takes an ID (trunks/trunkTypes beside trunks/{trunkId})
  // would reach that route, not the catch-all: those operations get a route of their own.
  const servedMatch = matcher(served);
  for (const row of unserved) {
    const [method, path, operationId] = row;
    if (!servedMatch(method, path.replace(/\{\w+\}/g, '_'))) continue;
    server.route({ method, url: routeUrl(path), schema: { hide: true, operationId }, config: { auth: 'token' }, handler: (request) => answer(request, row) });
  }

  server.route({
    method: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'],
    url: '/v1/*',
    exposeHeadRoute: false,
    // Not in /openapi.json: that document describes what Callplane serves; docs/coverage.md
    // lists the rest.
    schema: { hide: true },
    config: { catalogue: true },
    handler: async (request, reply) => {
      const row = find(request.method, request.url.split('?')[0]!);
      if (!row) return reply.callNotFound();
      return answer(request, row);
    },
  });
  return unserved;
}
