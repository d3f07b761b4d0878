import type { FastifyRequest } from 'fastify';
import { otherOrganization } from '../domain/organizations/organization-errors.ts';
import { decodeId } from '../domain/webex-ids.ts';
import type { Server } from './types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The organization the request acts on, resolved once before the handler runs: the token's,
     * unless the request names another in `orgId`, which is refused. Empty on public routes.
     */
    orgId: string;
  }
}

type Schema = { properties?: Record<string, unknown> } | undefined;

function declaresOrgId(schema: unknown): boolean {
  const properties = (schema as Schema)?.properties;
  return properties !== undefined && Object.hasOwn(properties, 'orgId');
}

/**
 * Where a route lets the caller name an organization: the `orgId` query parameter on most Webex
 * operations, the body's `orgId` on the few that carry it there (create and update a person, assign
 * licenses). A route that declares neither acts on the token's organization and ignores any orgId.
 */
function namedOrgId(request: FastifyRequest): string | undefined {
  const schema = request.routeOptions.schema;
  const fromQuery = declaresOrgId(schema?.querystring) ? (request.query as { orgId?: unknown }).orgId : undefined;
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  const body = request.body;
  const fromBody = declaresOrgId(schema?.body) && body && typeof body === 'object' ? (body as { orgId?: unknown }).orgId : undefined;
  return typeof fromBody === 'string' && fromBody !== '' ? fromBody : undefined;
}

/**
 * Resolves request.orgId once per request, after authentication and validation (so bad input still
 * answers 400 first, as it did when each handler resolved it) and before the handler. Naming
 * another organization is something only a partner administrator could do (Callplane has none): 403.
 */
export function installTargetOrg(server: Server): void {
  server.decorateRequest('orgId', '');
  server.addHook('preHandler', (request, _reply, done) => {
    const principal = request.principal;
    // The operator's routes act on any organization: they read their own orgId.
    if (!principal || request.routeOptions.config.auth === 'operator') return done();
    const named = namedOrgId(request);
    if (named !== undefined && decodeId(named, 'ORGANIZATION') !== principal.orgId) return done(otherOrganization());
    request.orgId = principal.orgId;
    done();
  });
}
