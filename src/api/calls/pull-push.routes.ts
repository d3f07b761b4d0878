import { anyOf } from '../../domain/auth/scopes.ts';
import type { CallControlService } from '../../domain/calls/call-control-service.ts';
import { lineOwnerNotSupported } from '../../domain/calls/call-errors.ts';
import type { CallPullService } from '../../domain/calls/call-pull.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/call-controls.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';

// Pull and Push of the Call Controls (domain/calls/call-pull.ts), for the token's person.
export function pullPushRoutes(server: Server, deps: { calls: CallControlService; callPull: CallPullService }): void {
  const actorOf = async (request: Parameters<typeof principalOf>[0], lineOwnerId: string | undefined) => {
    const principal = principalOf(request);
    if (lineOwnerId !== undefined && decodeId(lineOwnerId, 'PEOPLE') !== principal.personId) throw lineOwnerNotSupported();
    return deps.calls.actor(principal.orgId, principal.personId);
  };

  webexRoute(server, operations.pull, {
    auth: anyOf('spark:calls_write'),
    optionalBody: true,
    handler: async (request, reply) => {
      const { endpointId, lineOwnerId } = request.body ?? {};
      const call = await deps.callPull.pull(await actorOf(request, lineOwnerId), endpointId);
      reply.code(201);
      return call;
    },
  });

  webexRoute(server, operations.push, {
    auth: anyOf('spark:calls_write'),
    optionalBody: true,
    handler: async (request, reply) => {
      const { callId, lineOwnerId } = request.body ?? {};
      await deps.callPull.push(await actorOf(request, lineOwnerId), callId);
      sendEmpty(reply, 204);
    },
  });
}
