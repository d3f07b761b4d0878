import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Principal, Role, ScopeRule } from '../domain/auth/scopes.ts';

/** The Fastify instance every route module registers on. */
export type Server = FastifyInstance<HttpServer, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * `token`: any valid token will do; a ScopeRule: the token must also hold these scopes;
 * `operator`: only the operator's token (CALLPLANE_ADMIN_TOKEN, see docs/security.md).
 */
export type RouteAuth = 'token' | 'operator' | ScopeRule;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes without auth are public (health, OpenAPI, reference, sandbox organization creation). */
    auth?: RouteAuth;
    /** The role the token's person must hold as well, checked with the scopes, before the body is read. */
    role?: Role;
    /** The catch-all of Cisco's catalogue (501 by name): not a path of its own for 404/405. */
    catalogue?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Why authentication failed: thrown once the rate limiter has counted the request (src/http/auth.ts). */
    authFailure?: Error;
  }
}
