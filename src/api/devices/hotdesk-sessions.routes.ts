import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { HotdeskSessionService, SessionFilter } from '../../domain/devices/hotdesk-sessions.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as ops } from '../../generated/webex/hot-desk.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredHotdeskSession } from '../../store/hotdesk-sessions-store.ts';

// Hot Desk (/v1/hotdesk/sessions): the guests signed in to hot desking workspaces. Cisco's document
// names no scopes for these operations; a session is a booking of a workspace, so they take the
// Workspaces API's admin scopes (reading with workspaces_read, ending one with workspaces_write).

export const presentHotdeskSession = (s: StoredHotdeskSession) => ({
  sessionId: encodeId('HOTDESK_SESSION', s.id),
  workspaceId: encodeId('PLACE', s.workspaceId),
  personId: encodeId('PEOPLE', s.personId),
  bookingStartTime: s.bookingStartTime,
  bookingEndTime: s.bookingEndTime,
});

export function hotdeskSessionRoutes(server: Server, deps: { hotdeskSessions: HotdeskSessionService }): void {
  webexRoute(server, ops.listSessions, {
    auth: anyOf('spark-admin:workspaces_read'),
    handler: (async (request: FastifyRequest) => {
      const { personId, workspaceId } = request.query as SessionFilter;
      const filter = { ...(personId !== undefined ? { personId } : {}), ...(workspaceId !== undefined ? { workspaceId } : {}) };
      return { items: (await deps.hotdeskSessions.list(request.orgId, filter)).map(presentHotdeskSession) };
    }) as never,
  });
  webexRoute(server, ops.deleteSession, {
    auth: anyOf('spark-admin:workspaces_write'),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await deps.hotdeskSessions.delete(request.orgId, (request.params as { sessionId: string }).sessionId);
      sendEmpty(reply, 204);
    }) as never,
  });
}
