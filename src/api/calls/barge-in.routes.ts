import { anyOf } from '../../domain/auth/scopes.ts';
import type { BargeInService } from '../../domain/calls/barge-in.ts';
import type { CallControlService } from '../../domain/calls/call-control-service.ts';
import { lineOwnerNotSupported } from '../../domain/calls/call-errors.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/call-controls.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';

// The bargeIn call control (kept apart from the other Call Controls): the token's person joins a
// colleague's answered call; the new call alerts on their phone first, as a dial does.
export function bargeInRoutes(server: Server, deps: { calls: CallControlService; bargeIn: BargeInService }): void {
  webexRoute(server, operations.bargein, {
    auth: anyOf('spark:calls_write'),
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { target, lineOwnerId } = request.body;
      if (lineOwnerId !== undefined && decodeId(lineOwnerId, 'PEOPLE') !== principal.personId) throw lineOwnerNotSupported();
      const call = await deps.bargeIn.bargeIn(await deps.calls.actor(principal.orgId, principal.personId), target);
      reply.code(201);
      return call;
    },
  });
}
