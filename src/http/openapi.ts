import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Server } from './types.ts';

// The OpenAPI document is generated from the route schemas (served at /openapi.json), with a
// browsable reference page at /reference.
export async function registerOpenApi(server: Server, version: string): Promise<void> {
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Callplane: the Webex Calling API, self-hosted',
        version,
        description:
          'Paths, fields, IDs, errors and scopes follow the Webex Calling REST API; point a Webex client at this server instead of https://webexapis.com. Operations under /sandbox/v1 are Callplane\'s own.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await server.register(swaggerUi, { routePrefix: '/reference', staticCSP: true, uiConfig: { deepLinking: true, docExpansion: 'none' } });
  server.get('/openapi.json', { schema: { hide: true } }, async () => server.swagger());
}
