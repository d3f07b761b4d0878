import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { CallRecordService, CallRecordWindow } from '../../domain/call-records/call-record-service.ts';
import { operations } from '../../generated/webex/reports-detailed-call-history.ts';
import { decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';

// Reports: Detailed Call History. Both operations read the records the engine wrote as calls
// ended; the next page is a Link carrying an opaque `after` position, as Callplane's other
// keyset lists do.

type Query = { startTime: string; endTime: string; locations?: string; max?: number; after?: string };

export function callRecordRoutes(server: Server, deps: { callRecords: CallRecordService }): void {
  const serve = (kind: CallRecordWindow) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Query;
    const cursor = decodeCursor(query.after);
    const page = await deps.callRecords.list(request.orgId, kind, { ...query, after: cursor && { reportTime: cursor.created, id: cursor.id } });
    if (page.next) linkNext(request, reply, { after: encodeCursor({ created: page.next.reportTime, id: page.next.id }) });
    return { items: page.items.map((r) => r.data) };
  };
  const auth = anyOf('spark-admin:calling_cdr_read');
  webexRoute(server, operations.getDetailedCallHistory, { auth, handler: serve('feed') as never });
  webexRoute(server, operations.getLiveStreamDetailedCallHistory, { auth, handler: serve('stream') as never });
}
