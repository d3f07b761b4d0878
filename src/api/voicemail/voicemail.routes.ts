import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest } from '../../domain/errors.ts';
import type { BoxKind, VoicemailService } from '../../domain/voicemail/voicemail-service.ts';
import type { PasscodeRules } from '../../domain/voicemail/passcode-rules.ts';
import { decodeId, encodeId } from '../../domain/webex-ids.ts';
import type { VoiceMessage } from '../../store/voicemail-store.ts';
import { operations as phase4 } from '../../generated/webex/call-settings-for-me-phase-4.ts';
import { operations as phase5 } from '../../generated/webex/call-settings-for-me-phase-5.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { operations as vl } from '../../generated/webex/virtual-line-call-settings.ts';
import { operations as external } from '../../generated/webex/external-voicemail.ts';
import { operations as workspace } from '../../generated/webex/workspace-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { documentScopes, personOnAdminPath } from '../person-settings/setting-routes.ts';
import { readGreetingUpload } from './voicemail-upload.ts';

// A person's voicemail box beyond its settings document (which the settings mechanism serves):
// PIN reset and passcode (admin), the person's own PIN and rules (For Me), greeting uploads, and
// the Voice Messages API (the token's own box). A workspace's box takes a passcode and greetings
// on its own paths, by the same rules.

const me = (request: FastifyRequest) => {
  const principal = principalOf(request);
  return { orgId: principal.orgId, personId: principal.personId };
};

/** The For Me rules: the location's passcode rules without what only an administrator sees. */
const myRules = (rules: PasscodeRules) => ({
  blockRepeatedPatternsEnabled: rules.blockRepeatedPatternsEnabled,
  blockUserNumberEnabled: rules.blockUserNumberEnabled,
  blockReversedUserNumberEnabled: rules.blockReversedUserNumberEnabled,
  blockPreviousPasscodes: rules.blockPreviousPasscodes,
  blockReversedOldPasscodeEnabled: rules.blockReversedOldPasscodeEnabled,
  blockRepeatedDigits: rules.blockRepeatedDigits,
  blockContiguousSequences: rules.blockContiguousSequences,
  length: rules.length,
});

export const presentVoiceMessage = (m: VoiceMessage) => ({
  id: encodeId('MESSAGE', m.id),
  duration: m.durationSeconds,
  callingParty: {
    ...(m.caller.name ? { name: m.caller.name } : {}),
    ...(m.caller.number ? { number: m.caller.number } : {}),
    ...(m.caller.personId ? { personId: encodeId('PEOPLE', m.caller.personId) } : {}),
    privacyEnabled: m.caller.privacyEnabled,
  },
  urgent: m.urgent,
  confidential: m.confidential,
  read: m.read,
  created: m.created,
});

/** Callplane has no secondary lines: a lineOwnerId can only name the token's own person. */
function checkLineOwner(request: FastifyRequest, lineOwnerId: string | undefined): void {
  if (lineOwnerId === undefined || lineOwnerId === '') return;
  if (decodeId(lineOwnerId, 'PEOPLE') !== principalOf(request).personId) throw badRequest(`lineOwnerId ${lineOwnerId} is not a line on your devices.`);
}

/** The person (or, with a user scope, oneself), the workspace or the virtual line an admin path names. */
function lineOnAdminPath(request: FastifyRequest, kind: BoxKind, scopes: readonly string[]): string {
  if (kind === 'person') return personOnAdminPath(request, scopes);
  const params = request.params as { virtualLineId?: string; workspaceId?: string; placeId?: string };
  // Cisco names the workspace {placeId} on its passcode path alone.
  return (kind === 'workspace' ? (params.workspaceId ?? params.placeId) : params.virtualLineId)!;
}

export function voicemailRoutes(server: Server, deps: { voicemail: VoicemailService }): void {
  const { voicemail } = deps;
  // A virtual line's operations the document gives no scopes take the telephony config ones.
  const admin = (op: WebexOperation) => {
    const named = documentScopes(op.operationId);
    const scopes = named.length > 0 ? named : ['spark-admin:telephony_config_write'];
    return { scopes, auth: anyOf(...scopes) };
  };

  // PIN reset and passcode, on the admin paths of a person, a virtual line and a workspace (which has no reset).
  const pins: [BoxKind, WebexOperation | undefined, WebexOperation][] = [
    ['person', user.resetVoicemailPIN, user.modifyPersonVoicemailPasscode],
    ['virtualLine', vl.resetVoicemailPINForAVirtualLine, vl.modifyAVirtualLinesVoicemailPasscode],
    ['workspace', undefined, workspace.modifyVoicemailPasscodeForAWorkspace],
  ];
  for (const [kind, resetOp, passcodeOp] of pins) {
    if (resetOp) {
      const reset = admin(resetOp);
      webexRoute(server, resetOp, {
        auth: reset.auth,
        handler: (async (request: FastifyRequest, reply: FastifyReply) => {
          await voicemail.resetPin(request.orgId, lineOnAdminPath(request, kind, reset.scopes), kind);
          sendEmpty(reply, 204);
        }) as never,
      });
    }
    const passcode = admin(passcodeOp);
    webexRoute(server, passcodeOp, {
      auth: passcode.auth,
      handler: (async (request: FastifyRequest<{ Body: { passcode: string } }>, reply: FastifyReply) => {
        const value = request.body?.passcode;
        if (typeof value !== 'string') throw badRequest('passcode is required.');
        await voicemail.setPasscode(request.orgId, lineOnAdminPath(request, kind, passcode.scopes), value, kind);
        sendEmpty(reply, 204);
      }) as never,
    });
  }

  webexRoute(server, phase5.updateVoicemailPin, {
    auth: anyOf(...documentScopes(phase5.updateVoicemailPin.operationId), 'spark:calls_write'),
    handler: async (request, reply) => {
      const { orgId, personId } = me(request);
      await voicemail.setPasscode(orgId, encodeId('PEOPLE', personId), request.body!.passcode);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, phase5.getUserVoicemailRules, {
    auth: anyOf(...documentScopes(phase5.getUserVoicemailRules.operationId), 'spark:calls_read'),
    handler: async (request) => myRules(await voicemail.rules(me(request).orgId)),
  });

  // Greetings: the admin paths for any person, virtual line or workspace of the organization, the For Me paths for oneself.
  for (const [op, kind, boxKind] of [
    [user.configureBusyVoicemailGreetingForAPerson, 'busy', 'person'],
    [user.configureNoAnswerVoicemailGreetingForAPerson, 'noAnswer', 'person'],
    [vl.configureBusyVoicemailGreetingForAVirtualLine, 'busy', 'virtualLine'],
    [vl.configureNoAnswerVoicemailGreetingForAVirtualLine, 'noAnswer', 'virtualLine'],
    [workspace.configureBusyVoicemailGreetingForAPlace, 'busy', 'workspace'],
    [workspace.configureNoAnswerVoicemailGreetingForAPlace, 'noAnswer', 'workspace'],
  ] as const) {
    const rule = admin(op);
    webexRoute(server, op, {
      auth: rule.auth,
      handler: (async (request: FastifyRequest, reply: FastifyReply) => {
        const ownerId = lineOnAdminPath(request, boxKind, rule.scopes);
        await voicemail.checkPerson(request.orgId, ownerId, boxKind);
        await voicemail.uploadGreeting(request.orgId, ownerId, kind, await readGreetingUpload(request), boxKind);
        sendEmpty(reply, 201);
      }) as never,
    });
  }
  for (const [op, kind] of [
    [phase4.uploadVoicemailBusyGreeting, 'busy'],
    [phase4.uploadVoicemailNoAnswerGreeting, 'noAnswer'],
  ] as const) {
    webexRoute(server, op, {
      auth: anyOf(...documentScopes(op.operationId), 'spark:calls_write'),
      handler: (async (request: FastifyRequest, reply: FastifyReply) => {
        const { orgId, personId } = me(request);
        await voicemail.uploadGreeting(orgId, encodeId('PEOPLE', personId), kind, await readGreetingUpload(request));
        sendEmpty(reply, 201);
      }) as never,
    });
  }

  // An external voicemail system (a service app of the organization) lights or clears a person's lamp.
  webexRoute(server, external.postExternalVoicemailMwi, {
    auth: anyOf('spark-admin:calls_write'),
    handler: async (request, reply) => {
      await voicemail.setExternalMwi(request.orgId, request.query.id, request.body!.action === 'SET');
      sendEmpty(reply, 204);
    },
  });

  // Voice Messages: the token's own box (a calling user's token).
  const read = anyOf('spark:calls_read');
  const write = anyOf('spark:calls_write');
  webexRoute(server, user.listMessages, {
    auth: read,
    handler: async (request) => {
      checkLineOwner(request, request.query.lineOwnerId);
      const { orgId, personId } = me(request);
      return { items: (await voicemail.messages(orgId, personId)).map(presentVoiceMessage) };
    },
  });
  webexRoute(server, user.getMessageSummary, {
    auth: read,
    handler: async (request) => {
      const { orgId, personId } = me(request);
      return voicemail.summary(orgId, personId);
    },
  });
  for (const [op, isRead] of [
    [user.markAsRead, true],
    [user.markAsUnread, false],
  ] as const) {
    webexRoute(server, op, {
      auth: write,
      handler: (async (request: FastifyRequest<{ Body: { messageId?: string; lineOwnerId?: string } | undefined }>, reply: FastifyReply) => {
        const body = request.body ?? {};
        checkLineOwner(request, body.lineOwnerId);
        const { orgId, personId } = me(request);
        await voicemail.markRead(orgId, personId, body.messageId === '' ? undefined : body.messageId, isRead);
        sendEmpty(reply, 204);
      }) as never,
    });
  }
  webexRoute(server, user.deleteMessage, {
    auth: write,
    handler: async (request, reply) => {
      const { orgId, personId } = me(request);
      await voicemail.deleteMessage(orgId, personId, request.params.messageId);
      sendEmpty(reply, 204);
    },
  });
}
