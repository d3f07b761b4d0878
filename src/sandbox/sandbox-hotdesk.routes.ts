import { Type } from 'typebox';
import { presentHotdeskSession } from '../api/devices/hotdesk-sessions.routes.ts';
import { anyOf, ROLE_FULL_ADMIN } from '../domain/auth/scopes.ts';
import type { HotdeskSessionService } from '../domain/devices/hotdesk-sessions.ts';
import { forbidden } from '../domain/errors.ts';
import { decodeId } from '../domain/webex-ids.ts';
import { principalOf } from '../http/auth.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';

// Hot desk sign-in, as a guest does it through the voice portal on a hot desking phone: the
// person signs in to the workspace and a hot desk session starts (listed and ended with the Hot
// Desk API). Who may: a full administrator of the organization (workspaces_write) for anyone of
// it, or the person themselves with their user token (spark:calls_write).

const Session = Type.Object({
  sessionId: Type.String(),
  workspaceId: Type.String(),
  personId: Type.String(),
  bookingStartTime: Type.String(),
  bookingEndTime: Type.String(),
});

export const SignIn = {
  summary: 'Sign a person in to a hot desking workspace',
  description:
    "What the voice portal's hot desking sign-in does: starts a hot desk session of the person (a Webex Calling user) at the workspace (with calling and hotdeskingStatus on), ending any other session of either. The booking lasts the workspace's hoteling guest limit, else 8 hours. Refused (400) while voicePortalHotDeskSignInEnabled is off for the workspace's location or the person.",
  tags: ['Sandbox'],
  body: Type.Object({ personId: Type.String({ minLength: 1, maxLength: 512 }), workspaceId: Type.String({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false }),
  response: { 201: Session, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody },
};

export function sandboxHotdeskRoutes(server: Server, deps: { hotdeskSessions: HotdeskSessionService }): void {
  const config = { auth: anyOf('spark-admin:workspaces_write', 'spark:calls_write') };
  server.post('/sandbox/v1/hotdesk/sessions', { schema: SignIn, config }, async (request, reply) => {
    const principal = principalOf(request);
    const self = decodeId(request.body.personId, 'PEOPLE') === principal.personId;
    if (!self && !(principal.roles.includes(ROLE_FULL_ADMIN) && principal.scopes.has('spark-admin:workspaces_write'))) {
      throw forbidden('Only a full administrator of the organization, or the person themselves, may sign a person in to a hot desk.');
    }
    reply.code(201);
    return presentHotdeskSession(await deps.hotdeskSessions.signIn(principal.orgId, request.body.personId, request.body.workspaceId));
  });
}
