import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { anyOf, type Role } from '../../domain/auth/scopes.ts';
import type { Actor, CallControlService } from '../../domain/calls/call-control-service.ts';
import { lineOwnerNotSupported } from '../../domain/calls/call-errors.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { RouteAuth, Server } from '../../http/types.ts';
import * as S from './calls.schemas.ts';

/** Where a set of call routes lives and who acts through them. */
export type CallRouteSet = {
  base: string;
  read: RouteAuth;
  write: RouteAuth;
  /** A role the token's person needs as well (checked with the scopes, before the body is read). */
  role?: Role;
  /** The acting person of a request. */
  actorOf(request: FastifyRequest, lineOwnerId: string | undefined): Promise<Actor>;
  /** Changes to each endpoint's documentation (the simulated phone's tags and path parameter). */
  document?: (schema: Record<string, unknown>) => Record<string, unknown>;
};

/** The Call Controls: for the token's person under /v1/telephony/calls. */
export function callRoutes(server: Server, deps: { calls: CallControlService }): void {
  callActionRoutes(server, deps.calls, {
    base: '/v1/telephony/calls',
    read: anyOf('spark:calls_read'),
    write: anyOf('spark:calls_write'),
    async actorOf(request, lineOwnerId) {
      const principal = principalOf(request);
      // A lineOwnerId other than the person is a secondary line, which Callplane people have not got.
      if (lineOwnerId !== undefined && decodeId(lineOwnerId, 'PEOPLE') !== principal.personId) throw lineOwnerNotSupported();
      return deps.calls.actor(principal.orgId, principal.personId);
    },
  });
}

/**
 * Operations whose body fields are all optional (transfer, retrieve, the recordings, DTMF) take
 * no body at all, as Webex's do: a missing or empty body reads as {}.
 */
async function noBodyIsEmpty(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}

export function callActionRoutes(server: Server, calls: CallControlService, set: CallRouteSet): void {
  const { base, actorOf } = set;
  const doc = <T extends Record<string, unknown>>(schema: T): T => (set.document ? (set.document(schema) as T) : schema);
  const read = { auth: set.read, ...(set.role ? { role: set.role } : {}) };
  const write = { auth: set.write, ...(set.role ? { role: set.role } : {}) };
  const optionalBody = { preValidation: noBodyIsEmpty };

  server.post(`${base}/dial`, { schema: doc(S.Dial), config: write }, async (request, reply) => {
    const call = await calls.dial(await actorOf(request, request.body.lineOwnerId), request.body.destination, request.body.endpointId);
    reply.code(201);
    return call;
  });

  const simple = [
    ['answer', S.Answer, calls.answer],
    ['hangup', S.Hangup, calls.hangup],
    ['hold', S.Hold, calls.hold],
    ['resume', S.Resume, calls.resume],
    ['mute', S.Mute, calls.mute],
    ['unmute', S.Unmute, calls.unmute],
  ] as const;
  for (const [name, schema, run] of simple) {
    server.post(`${base}/${name}`, { schema: doc(schema), config: write }, async (request, reply) => {
      await run(await actorOf(request, request.body.lineOwnerId), request.body.callId);
      sendEmpty(reply, 204);
    });
  }

  server.post(`${base}/reject`, { schema: doc(S.Reject), config: write }, async (request, reply) => {
    await calls.reject(await actorOf(request, request.body.lineOwnerId), request.body.callId, request.body.action);
    sendEmpty(reply, 204);
  });

  server.post(`${base}/divert`, { schema: doc(S.Divert), config: write }, async (request, reply) => {
    const { callId, destination, toVoicemail, lineOwnerId } = request.body;
    await calls.divert(await actorOf(request, lineOwnerId), callId, destination, toVoicemail === true);
    sendEmpty(reply, 204);
  });

  server.post(`${base}/transfer`, { schema: doc(S.Transfer), config: write, ...optionalBody }, async (request, reply) => {
    const { lineOwnerId, ...input } = request.body;
    const consultation = await calls.transfer(await actorOf(request, lineOwnerId), input);
    if (consultation) {
      reply.code(201);
      return consultation;
    }
    sendEmpty(reply, 204);
  });

  server.post(`${base}/park`, { schema: doc(S.Park), config: write }, async (request) => {
    const { callId, destination, isGroupPark, lineOwnerId } = request.body;
    const parkedAgainst = await calls.park(await actorOf(request, lineOwnerId), callId, destination, isGroupPark === true);
    return { parkedAgainst };
  });

  server.post(`${base}/retrieve`, { schema: doc(S.Retrieve), config: write, ...optionalBody }, async (request, reply) => {
    const call = await calls.retrieve(await actorOf(request, request.body.lineOwnerId), request.body.destination);
    reply.code(201);
    return call;
  });

  server.post(`${base}/pickup`, { schema: doc(S.Pickup), config: write, ...optionalBody }, async (request, reply) => {
    const call = await calls.pickup(await actorOf(request, request.body.lineOwnerId), request.body.target);
    reply.code(201);
    return call;
  });

  const recordings = [
    ['startRecording', S.StartRecording],
    ['stopRecording', S.StopRecording],
    ['pauseRecording', S.PauseRecording],
    ['resumeRecording', S.ResumeRecording],
  ] as const;
  for (const [name, schema] of recordings) {
    server.post(`${base}/${name}`, { schema: doc(schema), config: write, ...optionalBody }, async (request, reply) => {
      await calls.recording(await actorOf(request, request.body.lineOwnerId), request.body.callId, name);
      sendEmpty(reply, 204);
    });
  }

  server.post(`${base}/transmitDtmf`, { schema: doc(S.TransmitDtmf), config: write, ...optionalBody }, async (request, reply) => {
    await calls.transmitDtmf(await actorOf(request, request.body.lineOwnerId), request.body.callId, request.body.dtmf);
    sendEmpty(reply, 204);
  });

  server.get(base, { schema: doc(S.ListCalls), config: read }, async (request) => {
    return { items: await calls.list(await actorOf(request, request.query.lineOwnerId)) };
  });

  server.get(`${base}/history`, { schema: doc(S.CallHistory), config: read }, async (request) => {
    const records = await calls.history(await actorOf(request, undefined), request.query.type);
    return {
      items: records.map((r) => ({
        type: r.type,
        ...(r.name !== null ? { name: r.name } : {}),
        ...(r.number !== null ? { number: r.number } : {}),
        privacyEnabled: r.privacyEnabled,
        time: r.time,
      })),
    };
  });

  server.get(`${base}/:callId`, { schema: doc({ ...S.GetCall, params: Type.Object({ ...S.GetCall.params.properties }) }), config: read }, async (request) => {
    return calls.get(await actorOf(request, request.query.lineOwnerId), request.params.callId);
  });
}
