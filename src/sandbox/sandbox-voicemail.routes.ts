import { Type } from 'typebox';
import { anyOf, ROLE_FULL_ADMIN } from '../domain/auth/scopes.ts';
import { forbidden } from '../domain/errors.ts';
import { MAX_MESSAGE_SECONDS, type VoicemailCalls } from '../domain/voicemail/voicemail-calls.ts';
import { fullAdmin, principalOf } from '../http/auth.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';
import type { VoicemailGroupService } from '../domain/voicemail/voicemail-group-service.ts';
import { presentVoiceMessage } from '../api/voicemail/voicemail.routes.ts';

// The simulator's caller at a voicemail box: whoever called (a PSTN caller or a person's phone)
// leaves a message of a given length, optionally with audio, and hangs up. A full administrator
// of the organization drives it, as the rest of the simulator.

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

const LeaveMessage = {
  summary: 'Leave a voicemail message',
  description:
    "The caller of a call answered by a voicemail box leaves a message of durationSeconds (optionally with audio: a base64 .wav file) and hangs up. The message appears in the box owner's Voice Messages and the waiting count's telephony_mwi event fires. Who may call it: a full administrator of the call's organization (spark-admin:calls_write).",
  tags: ['Sandbox'],
  params: Type.Object({ callSessionId: Type.String() }),
  body: Type.Object(
    {
      durationSeconds: Type.Integer({ minimum: 1, maximum: MAX_MESSAGE_SECONDS }),
      audio: Type.Optional(Type.String({ contentEncoding: 'base64', maxLength: 7_000_000, description: 'A .wav file, base64.' })),
      urgent: Type.Optional(Type.Boolean()),
      confidential: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: { 201: Type.Object({ messageId: Type.String() }), ...errors },
};

const VoiceMessage = Type.Object({
  id: Type.String(),
  duration: Type.Number(),
  callingParty: Type.Object({ name: Type.Optional(Type.String()), number: Type.Optional(Type.String()), personId: Type.Optional(Type.String()), privacyEnabled: Type.Boolean() }),
  urgent: Type.Boolean(),
  confidential: Type.Boolean(),
  read: Type.Boolean(),
  created: Type.String(),
});

const GroupMessages = {
  summary: "List a voicemail group's messages",
  description:
    'The messages callers left in a voicemail group\'s shared box, newest first, shaped as the Voice Messages API shows a person\'s (Webex has no API for a group\'s box). Who may call it: a full administrator of the organization (spark-admin:telephony_config_read).',
  tags: ['Sandbox'],
  params: Type.Object({ voicemailGroupId: Type.String() }),
  response: { 200: Type.Object({ items: Type.Array(VoiceMessage) }), ...errors },
};

export function sandboxVoicemailRoutes(server: Server, deps: { voicemailCalls: VoicemailCalls; voicemailGroups: VoicemailGroupService }): void {
  const admin = fullAdmin(anyOf('spark-admin:calls_write'));
  const reader = fullAdmin(anyOf('spark-admin:telephony_config_read'));
  server.get('/sandbox/v1/voicemailGroups/:voicemailGroupId/messages', { schema: GroupMessages, config: reader }, async (request) => {
    const principal = principalOf(request);
    if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden('The simulator needs a full administrator of the organization.');
    return { items: (await deps.voicemailGroups.messages(principal.orgId, request.params.voicemailGroupId)).map(presentVoiceMessage) };
  });
  server.post('/sandbox/v1/calls/:callSessionId/voicemail/message', { schema: LeaveMessage, config: admin }, async (request, reply) => {
    const principal = principalOf(request);
    if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden('The simulator needs a full administrator of the organization.');
    const { durationSeconds, audio, urgent, confidential } = request.body;
    const messageId = await deps.voicemailCalls.leaveMessage(principal.orgId, request.params.callSessionId, {
      durationSeconds,
      ...(audio ? { audio: Buffer.from(audio, 'base64') } : {}),
      ...(urgent !== undefined ? { urgent } : {}),
      ...(confidential !== undefined ? { confidential } : {}),
    });
    reply.code(201);
    return { messageId };
  });
}
