import type { FastifyRequest } from 'fastify';
import { missingScopes, ROLE_FULL_ADMIN, type Principal, type Role } from '../domain/auth/scopes.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import { forbidden, unauthorized } from '../domain/errors.ts';
import { otherOrganization } from '../domain/organizations/organization-errors.ts';
import { decodeId } from '../domain/webex-ids.ts';
import type { ChangeMark, Store } from '../store/store.ts';
import type { RouteAuth, Server } from './types.ts';

// Authentication runs before the body is read: a request without a valid token, without the
// route's scopes or without its role is refused without parsing anything it sent. The refusal is
// decided in onRequest and thrown in preParsing, so that the rate limiter (a route-level onRequest
// hook, after this one) counts it first: against the token when it resolved, else against the
// client's address (src/http/server.ts).

/** Route config of a route only the operator may call (the configured CALLPLANE_ADMIN_TOKEN). */
export const OPERATOR_ONLY = { auth: 'operator' } as const;

/** Route config of a route for a full administrator of the organization whose token holds `rule`. */
export const fullAdmin = (rule: Exclude<RouteAuth, 'token' | 'operator'>) => ({ auth: rule, role: ROLE_FULL_ADMIN }) as const;

const ROLE_NAMES: Record<Role, string> = { id_full_admin: 'a full administrator', id_readonly_admin: 'an administrator' };

/** The bearer token of the request, however the scheme is spelt (`bearer  X` is `Bearer X`). */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header && /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

/** Who may call: the principal, or the refusal (401 or a 403 naming what is missing). */
function authorize(principal: Principal, auth: RouteAuth, role: Role | undefined): Error | undefined {
  if (auth === 'operator') {
    return principal.operator ? undefined : forbidden('Only the operator of this Callplane server (the token set with CALLPLANE_ADMIN_TOKEN) may do this.');
  }
  if (auth !== 'token') {
    const missing = missingScopes(principal, auth);
    if (missing.length > 0) {
      const which = 'anyOf' in auth && auth.anyOf.length > 1 ? `one of ${missing.join(', ')}` : missing.join(', ');
      const who = role === undefined ? '' : ` (it is for ${ROLE_NAMES[role]} of the organization)`;
      return forbidden(`The access token is missing the scopes this request needs: ${which}${who}.`);
    }
  }
  if (role !== undefined && !principal.roles.includes(role)) return forbidden(`This request needs ${ROLE_NAMES[role]} of the organization.`);
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The store's change mark as authentication read it (Store.changeMark), once for the token and read caches. */
    storeMark?: ChangeMark;
  }
}

/**
 * Authentication, given the store's change mark: read for every request where it costs nothing
 * (SQLite), and only for routes whose answers may be kept where it costs a round trip (PostgreSQL).
 */
export function installAuthentication(server: Server, tokens: TokenService, marks: Pick<Store, 'changeMark' | 'changeMarkCostsRoundTrip'>): void {
  server.addHook('onRequest', async (request) => {
    const { auth, role } = request.routeOptions.config;
    if (auth === undefined) return;
    const token = bearerToken(request);
    if (!token) {
      request.authFailure = unauthorized();
      return;
    }
    let principal: Principal;
    try {
      if (!marks.changeMarkCostsRoundTrip || request.routeOptions.config.readCache) request.storeMark = await marks.changeMark();
      principal = await tokens.resolve(token, request.storeMark);
    } catch (error) {
      request.authFailure = error as Error;
      return;
    }
    request.principal = principal;
    request.authFailure = authorize(principal, auth, role);
  });
  server.addHook('preParsing', async (request) => {
    if (request.authFailure) throw request.authFailure;
  });
}

/** The authenticated principal of a request that passed its route's auth. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal || request.authFailure) throw new Error(`route ${request.routeOptions.url} has no auth config`);
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
