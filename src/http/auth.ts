import type { FastifyRequest } from 'fastify';
import { satisfies, type Principal } from '../domain/auth/scopes.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import { forbidden, unauthorized } from '../domain/errors.ts';
import { otherOrganization } from '../domain/organizations/organization-errors.ts';
import { decodeId } from '../domain/webex-ids.ts';
import type { Server } from './types.ts';

// Authentication runs before the body is read: a request without a valid token or without the
// route's scopes is refused without parsing anything it sent.

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header && /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

export function installAuthentication(server: Server, tokens: TokenService): void {
  server.addHook('onRequest', async (request) => {
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return;
    const token = bearerToken(request);
    if (!token) throw unauthorized();
    const principal = await tokens.resolve(token);
    if (auth !== 'token' && !satisfies(principal, auth)) throw forbidden();
    request.principal = principal;
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`route ${request.routeOptions.url} has no auth config`);
  return request.principal;
}

/**
 * The organization a request acts on: the token's, unless an orgId names another, which only a
 * partner administrator could use (Callplane has none), so that is a 403.
 */
export function targetOrgId(request: FastifyRequest, orgId: string | undefined): string {
  const principal = principalOf(request);
  if (orgId === undefined || orgId === '') return principal.orgId;
  if (decodeId(orgId, 'ORGANIZATION') !== principal.orgId) throw otherOrganization();
  return principal.orgId;
}
