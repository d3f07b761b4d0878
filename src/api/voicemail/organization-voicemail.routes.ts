import type { OrganizationVoicemailService } from '../../domain/voicemail/organization-voicemail-service.ts';
import { operations } from '../../generated/webex/calling-service-settings.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { knownFields } from '../person-settings/setting-routes.ts';

/** Only the fields the operation's schema names are kept (Webex ignores others). */
const known = (body: unknown, schema: unknown) => knownFields(body ?? {}, schema as never) as Record<string, unknown>;

// The organization's voicemail rules and settings (Calling Service Settings).

export function organizationVoicemailRoutes(server: Server, deps: { organizationVoicemail: OrganizationVoicemailService }): void {
  const service = deps.organizationVoicemail;
  webexRoute(server, operations.getVoicemailRules, { ...telephonyConfig.read, handler: async (request) => (await service.rules(request.orgId)) as never });
  webexRoute(server, operations.updateVoicemailRules, {
    ...telephonyConfig.write,
    handler: async (request, reply) => {
      await service.updateRules(request.orgId, known(request.body, operations.updateVoicemailRules.body));
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.getVoicemailSettings, { ...telephonyConfig.read, handler: async (request) => (await service.settings(request.orgId)) as never });
  webexRoute(server, operations.updateVoicemailSettings, {
    ...telephonyConfig.write,
    handler: async (request, reply) => {
      await service.updateSettings(request.orgId, known(request.body, operations.updateVoicemailSettings.body));
      sendEmpty(reply, 204);
    },
  });
}
