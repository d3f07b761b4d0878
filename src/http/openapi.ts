import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { catalogue } from '../generated/webex/catalogue.ts';
import type { Server } from './types.ts';

// The OpenAPI document is generated from the route schemas (served at /openapi.json), with a
// browsable reference page at /reference. It is made for code generators: every operation has an
// operationId (Cisco's for Webex operations), request and response bodies are named component
// schemas, and `servers` says where the paths live. Operations answering 501 are left out
// (docs/coverage.md lists them).

const shape = (url: string) => url.replace(/\/$/, '').replace(/[:{]\w+\}?/g, '{}');
const pascal = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());

type Json = Record<string, any>;

/** Moves every request and response body schema into components.schemas, under a stable name. */
export function withComponents(doc: Json): Json {
  const schemas: Json = { ...doc.components?.schemas };
  const names = new Map<string, string>();
  const name = (wanted: string, schema: unknown) => {
    const text = JSON.stringify(schema);
    const known = names.get(text);
    if (known) return known;
    let chosen = wanted;
    for (let i = 2; schemas[chosen] !== undefined; i++) chosen = `${wanted}${i}`;
    schemas[chosen] = schema;
    names.set(text, chosen);
    return chosen;
  };
  const hoist = (content: Json | undefined, wanted: string) => {
    for (const media of Object.values<Json>(content ?? {})) {
      if (media.schema && !media.schema.$ref) media.schema = { $ref: `#/components/schemas/${name(wanted, media.schema)}` };
    }
  };
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const operation of Object.values<Json>(item)) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      const base = pascal(operation.operationId ?? 'Operation');
      hoist(operation.requestBody?.content, `${base}Request`);
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        hoist(response.content, /^2/.test(status) ? `${base}Response${status === '200' ? '' : status}` : 'Error');
      }
    }
  }
  return { ...doc, components: { ...doc.components, schemas } };
}

export async function registerOpenApi(server: Server, version: string): Promise<void> {
  // Cisco's operationId and tag for a Webex operation; a name from method and path otherwise.
  // Runs before @fastify/swagger's own hook, which reads the schema later.
  const cisco = new Map(catalogue.map(([method, path, operationId, tag]) => [`${method} ${shape(path)}`, { operationId, tag }]));
  server.addHook('onRoute', (route) => {
    if (route.schema?.hide || route.method === 'HEAD' || Array.isArray(route.method)) return;
    if (route.schema?.operationId !== undefined) return;
    const known = cisco.get(`${route.method} ${shape(route.url)}`);
    const operationId = known?.operationId ?? `${route.method.toLowerCase()}${pascal(route.url.replace(/:(\w+)/g, 'by $1'))}`;
    route.schema = { ...route.schema, operationId };
  });
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Callplane: the Webex Calling API, self-hosted',
        version,
        description:
          'Paths, fields, IDs, errors and scopes follow the Webex Calling REST API; point a Webex client at this server instead of https://webexapis.com. Operations under /sandbox/v1 are Callplane\'s own.',
      },
      // Paths carry their /v1 prefix: the server is the host this document came from.
      servers: [{ url: '/', description: 'This Callplane server' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transformObject: (documentObject) => withComponents((documentObject as { openapiObject: Json }).openapiObject) as never,
  });
  await server.register(swaggerUi, { routePrefix: '/reference', staticCSP: true, uiConfig: { deepLinking: true, docExpansion: 'none' } });
  server.get('/openapi.json', { schema: { hide: true } }, async () => server.swagger());
}
