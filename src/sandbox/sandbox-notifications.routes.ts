import { Type } from 'typebox';
import { anyOf } from '../domain/auth/scopes.ts';
import { ownerIdOf, type CallNotifications } from '../domain/calls/call-notify.ts';
import { encodeSessionId } from '../domain/calls/call-ids.ts';
import { notFound } from '../domain/errors.ts';
import { decodeId } from '../domain/webex-ids.ts';
import { fullAdmin, principalOf } from '../http/auth.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';

// Call notify's outbox: the emails Webex would have sent about calls that matched a person's call
// notify criteria (domain/calls/call-notify.ts). Callplane sends no mail; this lists what it
// would have sent. Who may call it: a full administrator of the organization (calls_read), as
// for the rest of the simulator; each organization sees only its own.

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

const Notification = Type.Object({
  id: Type.String(),
  type: Type.Literal('callNotify'),
  to: Type.String({ description: "The call notify setting's emailAddress." }),
  subject: Type.String(),
  body: Type.String(),
  personId: Type.Optional(Type.String({ description: 'Whose call notify sent it (a workspace or virtual line shows workspaceId or virtualLineId).' })),
  workspaceId: Type.Optional(Type.String()),
  virtualLineId: Type.Optional(Type.String()),
  caller: Type.Object({ name: Type.Optional(Type.String()), number: Type.Optional(Type.String()) }, { description: 'The caller as the person sees them; empty when withheld.' }),
  callSessionId: Type.String(),
  created: Type.String({ description: 'When the call reached the person (server clock).' }),
});

export const ListNotifications = {
  summary: 'List call notify emails',
  description:
    "The emails Webex would send for calls matching people's call notify criteria, newest first. Who may call it: a full administrator of the organization (spark-admin:calls_read); another organization's emails are never listed.",
  tags: ['Sandbox'],
  querystring: Type.Object({
    personId: Type.Optional(Type.String({ description: "Only this person's." })),
    max: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  }),
  response: { 200: Type.Object({ items: Type.Array(Notification) }), ...errors },
};

export function sandboxNotificationRoutes(server: Server, deps: { notifications: CallNotifications }): void {
  const read = fullAdmin(anyOf('spark-admin:calls_read'));
  server.get('/sandbox/v1/notifications', { schema: ListNotifications, config: read }, async (request) => {
    const principal = principalOf(request);
    const { personId, max } = request.query;
    const ownerId = personId === undefined ? undefined : decodeId(personId, 'PEOPLE');
    if (personId !== undefined && !ownerId) throw notFound('Person not found.');
    const items = await deps.notifications.list(principal.orgId, { ...(ownerId ? { ownerId } : {}), max: max ?? 100 });
    return {
      items: items.map((n) => ({
        id: n.id,
        type: 'callNotify' as const,
        to: n.emailAddress,
        subject: n.subject,
        body: n.body,
        ...ownerIdOf(n),
        caller: { ...(n.callerName ? { name: n.callerName } : {}), ...(n.callerNumber ? { number: n.callerNumber } : {}) },
        callSessionId: encodeSessionId(n.sessionId),
        created: n.created,
      })),
    };
  });
}
