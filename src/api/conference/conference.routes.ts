import type { FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { Actor, CallControlService } from '../../domain/calls/call-control-service.ts';
import { lineOwnerNotSupported } from '../../domain/calls/call-errors.ts';
import type { ConferenceService } from '../../domain/calls/conference-service.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/conference-controls.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';

const read = anyOf('spark:calls_read');
const write = anyOf('spark:calls_write');

// Conference Controls: the token's person joins their calls into a conference and controls it
// (domain/calls/conference-service.ts). Every action answers 204; Get Conference Details answers
// {} when the person has no conference, as Webex does.
export function conferenceRoutes(server: Server, deps: { calls: CallControlService; conference: ConferenceService }): void {
  const service = deps.conference;
  const actorOf = async (request: FastifyRequest, lineOwnerId: string | undefined): Promise<Actor> => {
    const principal = principalOf(request);
    if (lineOwnerId !== undefined && decodeId(lineOwnerId, 'PEOPLE') !== principal.personId) throw lineOwnerNotSupported();
    return deps.calls.actor(principal.orgId, principal.personId);
  };

  webexRoute(server, operations.startConference, {
    auth: write,
    handler: async (request, reply) => {
      await service.start(await actorOf(request, request.body.lineOwnerId), request.body.callIds);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getConferenceDetails, {
    auth: read,
    handler: async (request) => (await service.details(await actorOf(request, request.query.lineOwnerId))) ?? {},
  });

  webexRoute(server, operations.releaseConference, {
    auth: write,
    handler: async (request, reply) => {
      await service.release(await actorOf(request, request.query.lineOwnerId));
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.addParticipant, {
    auth: write,
    handler: async (request, reply) => {
      await service.add(await actorOf(request, request.body.lineOwnerId), request.body.callId);
      sendEmpty(reply, 204);
    },
  });

  for (const [operation, run] of [
    [operations.holdConference, service.hold],
    [operations.resumeConference, service.resume],
  ] as const) {
    webexRoute(server, operation, {
      auth: write,
      handler: async (request, reply) => {
        await run(await actorOf(request, request.query.lineOwnerId));
        sendEmpty(reply, 204);
      },
    });
  }

  for (const [operation, muted] of [
    [operations.muteConference, true],
    [operations.unmuteConference, false],
  ] as const) {
    webexRoute(server, operation, {
      auth: write,
      optionalBody: true,
      handler: async (request, reply) => {
        await service.mute(await actorOf(request, undefined), request.body.callId, muted);
        sendEmpty(reply, 204);
      },
    });
  }

  for (const [operation, deafened] of [
    [operations.deafenParticipant, true],
    [operations.undeafenParticipant, false],
  ] as const) {
    webexRoute(server, operation, {
      auth: write,
      handler: async (request, reply) => {
        await service.deafen(await actorOf(request, undefined), request.body.callId, deafened);
        sendEmpty(reply, 204);
      },
    });
  }
}
