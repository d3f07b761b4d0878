import type { FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { Actor, CallControlService } from '../../domain/calls/call-control-service.ts';
import { lineOwnerNotSupported } from '../../domain/calls/call-errors.ts';
import { notFound } from '../../domain/errors.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/call-controls.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { RouteAuth, Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import * as S from './calls.schemas.ts';

// The Call Controls of a member: /telephony/calls/members/{memberId}/… lets an administrator (or a
// service app) act on the calls of any person, workspace or virtual line of the organization;
// /telephony/calls/members/me/… is the token's own person, as /telephony/calls/… is. Both run the
// same CallControlService actions as every other Call Control: only who acts differs.

const memberKinds = [
  ['PEOPLE', (calls: CallControlService, orgId: string, id: string) => calls.actor(orgId, id)],
  ['PLACE', (calls: CallControlService, orgId: string, id: string) => calls.workspaceActor(orgId, id)],
  ['VIRTUAL_LINE', (calls: CallControlService, orgId: string, id: string) => calls.virtualLineActor(orgId, id)],
] as const;

export const memberNotFound = () => notFound('Member not found: memberId must be a person, workspace or virtual line of the organization.');

/** The member in the path, of whichever kind its ID says; a malformed ID or another organization's member is a 404. */
async function memberActor(calls: CallControlService, orgId: string, memberId: string): Promise<Actor> {
  for (const [type, actorOf] of memberKinds) {
    const id = decodeId(memberId, type);
    if (id !== undefined) return actorOf(calls, orgId, id);
  }
  throw memberNotFound();
}

/** The token's person; a lineOwnerId other than themselves names a secondary line, which Callplane people have not got. */
async function meActor(calls: CallControlService, request: FastifyRequest, lineOwnerId: string | undefined): Promise<Actor> {
  const principal = principalOf(request);
  if (lineOwnerId !== undefined && decodeId(lineOwnerId, 'PEOPLE') !== principal.personId) throw lineOwnerNotSupported();
  return calls.actor(principal.orgId, principal.personId);
}

type MemberOps = {
  dial: typeof operations.dialByMemberId | typeof operations.dialMembersMe;
  answer: typeof operations.answerByMemberId | typeof operations.answerMembersMe;
  hangup: typeof operations.hangupByMemberId | typeof operations.hangupMembersMe;
  list: typeof operations.listCallsByMemberId | typeof operations.listcallsMembersMe;
  get: typeof operations.getCallDetailsByMemberId | typeof operations.getcalldetailsMembersMe;
};

type Request = FastifyRequest<{ Params: { memberId?: string; callId?: string }; Querystring: { lineOwnerId?: string }; Body: { lineOwnerId?: string } }>;

/** One family of member routes: its operations, its scopes, and who acts. */
type MemberSet = { ops: MemberOps; read: RouteAuth; write: RouteAuth; actorOf(request: Request, lineOwnerId: string | undefined): Promise<Actor> };

export function memberCallRoutes(server: Server, deps: { calls: CallControlService }): void {
  const { calls } = deps;
  const sets: MemberSet[] = [
    {
      ops: {
        dial: operations.dialByMemberId,
        answer: operations.answerByMemberId,
        hangup: operations.hangupByMemberId,
        list: operations.listCallsByMemberId,
        get: operations.getCallDetailsByMemberId,
      },
      // Webex's admin Call Controls: an administrator's or service app's calls scopes.
      read: anyOf('spark-admin:calls_read'),
      write: anyOf('spark-admin:calls_write'),
      actorOf: (request) => memberActor(calls, request.orgId, request.params.memberId!),
    },
    {
      ops: {
        dial: operations.dialMembersMe,
        answer: operations.answerMembersMe,
        hangup: operations.hangupMembersMe,
        list: operations.listcallsMembersMe,
        get: operations.getcalldetailsMembersMe,
      },
      read: anyOf('spark:calls_read'),
      write: anyOf('spark:calls_write'),
      actorOf: (request, lineOwnerId) => meActor(calls, request, lineOwnerId),
    },
  ];

  for (const { ops, read, write, actorOf } of sets) {
    // The same stricter bodies as /telephony/calls/… (lengths), which accept everything Webex documents.
    webexRoute(server, ops.dial as typeof operations.dialMembersMe, {
      auth: write,
      schema: { body: S.Dial.body },
      handler: async (request, reply) => {
        const call = await calls.dial(await actorOf(request as Request, request.body.lineOwnerId), request.body.destination, request.body.endpointId);
        reply.code(201);
        return call;
      },
    });
    for (const [op, run] of [
      [ops.answer, calls.answer],
      [ops.hangup, calls.hangup],
    ] as const) {
      webexRoute(server, op as typeof operations.answerMembersMe, {
        auth: write,
        schema: { body: S.Answer.body },
        handler: async (request, reply) => {
          await run(await actorOf(request as Request, request.body.lineOwnerId), request.body.callId);
          sendEmpty(reply, 204);
        },
      });
    }
    webexRoute(server, ops.list as typeof operations.listcallsMembersMe, {
      auth: read,
      handler: async (request) => ({ items: await calls.list(await actorOf(request as Request, request.query.lineOwnerId)) }),
    });
    webexRoute(server, ops.get as typeof operations.getcalldetailsMembersMe, {
      auth: read,
      handler: async (request) => calls.get(await actorOf(request as Request, request.query.lineOwnerId), request.params.callId),
    });
  }
}
