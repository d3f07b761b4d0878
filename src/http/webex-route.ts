import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ContextConfigDefault, FastifyRequest, RouteGenericInterface, RouteHandlerMethod } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { responses } from './schemas.ts';
import type { RouteAuth, Server } from './types.ts';

// Registers a Webex operation from its generated schemas (src/generated/webex): the route's path,
// method, operationId, tag and request/response schemas all come from Cisco's document, so
// serving an operation is its handler and its tests. Where a hand-written schema is stricter than
// Webex (it must still accept everything the document allows), pass it in `schema`.

/** One operation of a generated module. */
export type WebexOperation = {
  readonly operationId: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  readonly path: string;
  readonly tag: string;
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  readonly response: { readonly [status: number]: TSchema };
};

type Part<Op, K extends string> = Op extends { readonly [P in K]: infer S } ? S : undefined;

/** The Fastify schema of an operation, with any stricter parts replacing the generated ones. */
type SchemaOf<Op extends WebexOperation, Own> = Omit<
  { params: Part<Op, 'params'>; querystring: Part<Op, 'querystring'>; body: Part<Op, 'body'>; response: Op['response'] & ReturnType<typeof responses<{}>> },
  keyof Own
> &
  Own;

export type WebexHandler<Op extends WebexOperation, Own = {}> = RouteHandlerMethod<
  HttpServer,
  IncomingMessage,
  ServerResponse,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<Op, Own>,
  TypeBoxTypeProvider
>;

/** The request body of an operation, as a handler or a client builds it. */
export type WebexBody<Op extends WebexOperation> = Op extends { readonly body: infer S extends TSchema } ? Static<S> : undefined;

/** An operation's success answer of one status (200 unless said). */
export type WebexResponse<Op extends WebexOperation, Status extends number = 200> = Op['response'][Status] extends infer S extends TSchema ? Static<S> : never;

/** Stricter hand-written parts: request schemas, or a response map. */
type OwnSchema = { params?: TSchema; querystring?: TSchema; body?: TSchema; response?: Record<number, TSchema> };

/** The Fastify URL of a document path: /v1/people/{personId} → /v1/people/:personId. */
export const routeUrl = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function webexRoute<const Op extends WebexOperation, const Own extends OwnSchema = {}>(
  server: Server,
  operation: Op,
  options: { auth: RouteAuth; schema?: Own; handler: WebexHandler<Op, Own>; optionalBody?: boolean },
): void {
  const { operationId, method, path, tag, params, querystring, body } = operation;
  const schema = {
    operationId,
    tags: [tag],
    ...(params ? { params } : {}),
    ...(querystring ? { querystring } : {}),
    ...(body ? { body } : {}),
    response: responses(operation.response),
    ...options.schema,
  };
  server.route({
    method,
    url: routeUrl(path),
    schema,
    config: { auth: options.auth },
    // Operations whose body Webex lets the caller leave out: no body reads as {}.
    ...(options.optionalBody ? { preValidation: noBodyIsEmpty } : {}),
    handler: options.handler as RouteHandlerMethod,
  });
}

/** No body at all (an empty one included, see server.ts) reads as {}; a JSON `null` is a body, and refused. */
async function noBodyIsEmpty(request: FastifyRequest): Promise<void> {
  if (request.body === undefined) request.body = {};
}
