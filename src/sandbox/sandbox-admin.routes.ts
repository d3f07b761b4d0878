import { Type } from 'typebox';
import type { Config } from '../config.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import { OPERATOR_ONLY } from '../http/auth.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';
import type { SandboxSeeder } from './seed.ts';
import type { SandboxState } from './sandbox-state.ts';

// The operator's sandbox API: reset the whole server, remove an organization, export and import
// the state, load a seed. The operator is whoever presents the configured admin token
// (CALLPLANE_ADMIN_TOKEN, --admin-token): these act on every organization, so no organization's
// administrator may call them.

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };


const StateDocument = Type.Object({
  callplane: Type.String({ description: 'The version that exported it.' }),
  format: Type.Integer(),
  scope: Type.Union([Type.Literal('store'), Type.Literal('organization')]),
  orgId: Type.Optional(Type.String()),
  exported: Type.String(),
  tables: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown())), {
    description: 'Rows of each table, as the store holds them; bytes as {"$bytes": base64}.',
  }),
});

const Reset = {
  summary: 'Reset the sandbox',
  description:
    'Operator only. Returns the whole server to the state it started with (the demo organization and the seed given at start): every later change, call, webhook delivery, fault and clock move is gone.',
  tags: ['Sandbox'],
  response: { 204: Type.Null(), ...errors },
};

const DeleteOrganization = {
  summary: 'Delete an organization',
  description: 'Operator only. Removes the organization and everything in it: people, locations, numbers, tokens, calls, webhooks.',
  tags: ['Sandbox'],
  params: Type.Object({ orgId: Type.String({ maxLength: 512 }) }),
  response: { 204: Type.Null(), ...errors },
};

const ExportState = {
  summary: 'Export the state',
  description: 'Operator only. The whole store, or one organization with `orgId`, as one JSON document that PUT /sandbox/v1/state restores on either store kind.',
  tags: ['Sandbox'],
  querystring: Type.Object({ orgId: Type.Optional(Type.String({ maxLength: 512 })) }),
  response: { 200: StateDocument, ...errors },
};

const ImportState = {
  summary: 'Import a state document',
  description: "Operator only. A store document replaces everything; an organization's document replaces that organization or adds it.",
  tags: ['Sandbox'],
  body: Type.Unknown(),
  response: {
    200: Type.Object({ scope: Type.String(), orgId: Type.Optional(Type.String()), rows: Type.Integer() }),
    ...errors,
  },
};

const LoadSeed = {
  summary: 'Load a seed',
  description:
    'Operator only. Creates the organizations, locations, numbers, people, webhooks and phone behaviour of a seed document (JSON, or YAML with Content-Type application/yaml); see docs/testing.md.',
  tags: ['Sandbox'],
  body: Type.Unknown(),
  response: {
    201: Type.Object({
      organizations: Type.Array(
        Type.Object({
          displayName: Type.String(),
          orgId: Type.String(),
          adminToken: Type.String(),
          people: Type.Record(Type.String(), Type.Object({ personId: Type.String(), token: Type.Optional(Type.String()) })),
          locations: Type.Record(Type.String(), Type.String()),
        }),
      ),
    }),
    ...errors,
  },
};

/** Whole-state documents are far larger than API requests; only the operator may send one. */
const STATE_BODY_LIMIT = 512 * 1024 * 1024;

export function sandboxAdminRoutes(server: Server, deps: { config: Config; tokens: TokenService; state: SandboxState; seeder: SandboxSeeder }): void {
  const operator = { config: OPERATOR_ONLY };

  server.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, { yaml: body as string }),
  );

  server.post('/sandbox/v1/reset', { schema: Reset, ...operator }, async (_request, reply) => {
    await deps.state.reset();
    return reply.code(204).send(null);
  });

  server.delete('/sandbox/v1/orgs/:orgId', { schema: DeleteOrganization, ...operator }, async (request, reply) => {
    await deps.state.deleteOrganization(request.params.orgId);
    return reply.code(204).send(null);
  });

  server.get('/sandbox/v1/state', { schema: ExportState, ...operator }, async (request) => deps.state.export(request.query.orgId));

  server.put('/sandbox/v1/state', { schema: ImportState, bodyLimit: STATE_BODY_LIMIT, ...operator }, async (request) => deps.state.import(request.body));

  server.post('/sandbox/v1/seed', { schema: LoadSeed, ...operator }, async (request, reply) => {
    const body = request.body as { yaml?: string } | undefined;
    const result = await deps.seeder.load(body && typeof body === 'object' && typeof body.yaml === 'string' ? body.yaml : body);
    reply.code(201);
    return result;
  });
}
