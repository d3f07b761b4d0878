import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Principal, ScopeRule } from '../domain/auth/scopes.ts';

/** The Fastify instance every route module registers on. */
export type Server = FastifyInstance<HttpServer, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** `token`: any valid token will do; a ScopeRule: the token must also hold these scopes. */
export type RouteAuth = 'token' | ScopeRule;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes without auth are public (health, OpenAPI, reference, sandbox organization creation). */
    auth?: RouteAuth;
    /** The catch-all of Cisco's catalogue (501 by name): not a path of its own for 404/405. */
    catalogue?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}
