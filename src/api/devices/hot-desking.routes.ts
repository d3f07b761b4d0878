import type { HotDeskingService } from '../../domain/devices/hot-desking.ts';
import { operations } from '../../generated/webex/features-hot-desking-sign-in-via-voice-portal.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';

// Features: Hot Desking Sign-in via Voice Portal — the location's and the person's switch, one
// pair of routes per owner kind.
export function hotDeskingRoutes(server: Server, deps: { hotDesking: HotDeskingService }): void {
  const pairs = [
    { kind: 'location' as const, get: operations.voicePortalHotDeskingSignInDetailsForALocation, put: operations.updateVoicePortalHotDeskingSignInDetailsForALocation, id: (p: Record<string, string>) => p.locationId! },
    { kind: 'person' as const, get: operations.voicePortalHotDeskingSignInDetailsForAUser, put: operations.updateVoicePortalHotDeskingSignInDetailsForAUser, id: (p: Record<string, string>) => p.personId! },
  ];
  for (const { kind, get, put, id } of pairs) {
    webexRoute(server, get, {
      auth: telephonyConfig.read.auth,
      handler: async (request) => deps.hotDesking.get(request.orgId, kind, id(request.params as Record<string, string>)),
    });
    webexRoute(server, put, {
      auth: telephonyConfig.write.auth,
      handler: async (request, reply) => {
        await deps.hotDesking.set(request.orgId, kind, id(request.params as Record<string, string>), request.body ?? {});
        sendEmpty(reply, 204);
      },
    });
  }
}
