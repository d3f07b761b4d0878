import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { callActionRoutes } from '../api/calls/calls.routes.ts';
import { anyOf, ROLE_FULL_ADMIN } from '../domain/auth/scopes.ts';
import type { CallControlService } from '../domain/calls/call-control-service.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { decodeId } from '../domain/webex-ids.ts';
import { fullAdmin, principalOf } from '../http/auth.ts';
import type { Server } from '../http/types.ts';
import { GetPhone, GetSession, ListSessions, PlaceCall, PstnAction, PstnDtmf, SetPhone } from './sandbox-calls.schemas.ts';
import type { Simulator } from './simulator.ts';

// The simulator's API: PSTN callers, simulated phones, and every active call of the organization.
// A full administrator of the organization drives it (the console uses the demo admin token).

function orgOfAdmin(request: FastifyRequest): string {
  const principal = principalOf(request);
  if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden('The simulator needs a full administrator of the organization.');
  return principal.orgId;
}

const phoneView = (s: { autoAnswer: boolean; autoAnswerDelayMs: number; busy: boolean; offline: boolean }) => ({
  autoAnswer: s.autoAnswer,
  autoAnswerDelayMs: s.autoAnswerDelayMs,
  busy: s.busy,
  offline: s.offline,
});

export function sandboxCallRoutes(server: Server, deps: { simulator: Simulator; calls: CallControlService }): void {
  const { simulator, calls } = deps;
  // A full administrator's token, checked before the body is read: reading with calls_read, acting with calls_write.
  const read = fullAdmin(anyOf('spark-admin:calls_read'));
  const admin = fullAdmin(anyOf('spark-admin:calls_write'));

  server.post('/sandbox/v1/calls', { schema: PlaceCall, config: admin }, async (request, reply) => {
    const session = await simulator.placeCall(orgOfAdmin(request), request.body.from, request.body.to, {
      privacy: request.body.privacyEnabled === true,
      ...(request.body.reputationScore !== undefined ? { reputationScore: request.body.reputationScore } : {}),
    });
    reply.code(201);
    return session;
  });

  server.get('/sandbox/v1/calls', { schema: ListSessions, config: read }, async (request) => ({ items: await simulator.active(orgOfAdmin(request)) }));

  server.get('/sandbox/v1/calls/:callSessionId', { schema: GetSession, config: read }, async (request) => {
    return simulator.session(orgOfAdmin(request), request.params.callSessionId);
  });

  server.post('/sandbox/v1/calls/:callSessionId/pstn/:action', { schema: PstnAction, config: admin }, async (request, reply) => {
    await simulator.pstn(orgOfAdmin(request), request.params.callSessionId, request.params.action);
    reply.code(204);
    return null;
  });

  // Who may: a full administrator with calls_write, as for every other act of a PSTN party.
  server.post('/sandbox/v1/calls/:callSessionId/pstn/dtmf', { schema: PstnDtmf, config: admin }, async (request, reply) => {
    await simulator.pstnDtmf(orgOfAdmin(request), request.params.callSessionId, request.body.dtmf);
    reply.code(204);
    return null;
  });

  server.get('/sandbox/v1/people/:personId/phone', { schema: GetPhone, config: read }, async (request) => {
    return phoneView(await simulator.phone(orgOfAdmin(request), request.params.personId));
  });

  server.put('/sandbox/v1/people/:personId/phone', { schema: SetPhone, config: admin }, async (request) => {
    return phoneView(await simulator.setPhone(orgOfAdmin(request), request.params.personId, request.body));
  });

  // Acting as a person's simulated phone: the Call Controls, for the person in the path
  // (/sandbox/v1/people/{personId}/calls/answer mirrors /v1/telephony/calls/answer).
  callActionRoutes(server, calls, {
    base: '/sandbox/v1/people/:personId/calls',
    read: read.auth,
    write: admin.auth,
    role: ROLE_FULL_ADMIN,
    async actorOf(request) {
      const orgId = orgOfAdmin(request);
      const personId = decodeId((request.params as { personId: string }).personId, 'PEOPLE');
      if (!personId) throw notFound('Person not found.');
      return calls.actor(orgId, personId);
    },
    document: (schema) => ({
      ...schema,
      summary: `Simulated phone: ${String(schema.summary)}`,
      tags: ['Sandbox'],
      params: Type.Object({ personId: Type.String(), ...((schema.params as { properties?: object } | undefined)?.properties ?? {}) }),
    }),
  });

  // Acting as the simulated phone of a workspace or a virtual line: the same Call Controls, for the
  // line in the path.
  const lines = [
    { path: 'workspaces', param: 'workspaceId', type: 'PLACE', what: 'workspace', actor: (orgId: string, id: string) => calls.workspaceActor(orgId, id) },
    { path: 'virtualLines', param: 'virtualLineId', type: 'VIRTUAL_LINE', what: 'virtual line', actor: (orgId: string, id: string) => calls.virtualLineActor(orgId, id) },
  ] as const;
  for (const line of lines) {
    callActionRoutes(server, calls, {
      base: `/sandbox/v1/${line.path}/:${line.param}/calls`,
      read: read.auth,
      write: admin.auth,
      role: ROLE_FULL_ADMIN,
      async actorOf(request) {
        const orgId = orgOfAdmin(request);
        const id = decodeId((request.params as Record<string, string>)[line.param]!, line.type);
        if (!id) throw notFound(`The ${line.what} was not found.`);
        return line.actor(orgId, id);
      },
      document: (schema) => ({
        ...schema,
        summary: `Simulated ${line.what} phone: ${String(schema.summary)}`,
        tags: ['Sandbox'],
        params: Type.Object({ [line.param]: Type.String(), ...((schema.params as { properties?: object } | undefined)?.properties ?? {}) }),
      }),
    });
  }
}
