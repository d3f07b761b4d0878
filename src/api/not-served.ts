import { Type } from 'typebox';
import { notServed } from '../domain/errors.ts';
import { responses } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';

// Webex operations Callplane does not serve yet. Each answers 501 with the Webex error body
// (loudly, never a silent 200); test/api/catalogue.test.ts checks that every operation of the
// reference catalogue is either served or listed here. Remove an entry when its route lands.
export const NOT_SERVED: ReadonlyArray<readonly [method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string]> = [
  ['GET', '/v1/telephony/config/locations'],
  ['POST', '/v1/telephony/config/locations'],
  ['GET', '/v1/telephony/config/locations/{locationId}'],
  ['PUT', '/v1/telephony/config/locations/{locationId}'],
  ['GET', '/v1/telephony/config/jobs/updateRoutingPrefix'],
  ['GET', '/v1/telephony/config/jobs/updateRoutingPrefix/{jobId}'],
  ['GET', '/v1/telephony/config/jobs/updateRoutingPrefix/{jobId}/errors'],
  ['POST', '/v1/telephony/config/locations/{locationId}/actions/modifyAnnouncementLanguage/invoke'],
  ['GET', '/v1/telephony/config/premisePstn/dialPlans/{dialPlanId}/dialPatterns'],
  ['GET', '/v1/telephony/config/locations/{locationId}/features/emergencyCallbackNumber'],
  ['PUT', '/v1/telephony/config/locations/{locationId}/features/emergencyCallbackNumber'],
  ['POST', '/v1/telephony/config/actions/validateExtensions/invoke'],
  ['POST', '/v1/telephony/config/locations/{locationId}/actions/validateExtensions/invoke'],
  ['GET', '/v1/telephony/config/locations/{locationId}/musicOnHold'],
  ['PUT', '/v1/telephony/config/locations/{locationId}/musicOnHold'],
  ['GET', '/v1/telephony/config/locations/{locationId}/privateNetworkConnect'],
  ['PUT', '/v1/telephony/config/locations/{locationId}/privateNetworkConnect'],
  ['GET', '/v1/telephony/config/routeChoices'],
  ['GET', '/v1/telephony/config/locations/{locationId}/externalCallerId/availableNumbers'],
  ['GET', '/v1/telephony/config/locations/{locationId}/availableNumbers'],
  ['GET', '/v1/telephony/config/locations/{locationId}/webexGo/availableNumbers'],
  ['GET', '/v1/telephony/config/locations/{locationId}/emergencyCallbackNumber/availableNumbers'],
  ['GET', '/v1/telephony/config/locations/{locationId}/callIntercept/availableNumbers'],
  ['GET', '/v1/telephony/config/locations/{locationId}/chargeNumber/availableNumbers'],
  ['POST', '/v1/telephony/config/locations/{locationId}/receptionistContacts/directories'],
  ['GET', '/v1/telephony/config/locations/{locationId}/receptionistContacts/directories'],
  ['GET', '/v1/telephony/config/locations/{locationId}/receptionistContacts/directories/{directoryId}'],
  ['PUT', '/v1/telephony/config/locations/{locationId}/receptionistContacts/directories/{directoryId}'],
  ['DELETE', '/v1/telephony/config/locations/{locationId}/receptionistContacts/directories/{directoryId}'],
  ['POST', '/v1/telephony/calls/dial'],
  ['POST', '/v1/telephony/calls/answer'],
  ['POST', '/v1/telephony/calls/reject'],
  ['POST', '/v1/telephony/calls/hangup'],
  ['POST', '/v1/telephony/calls/hold'],
  ['POST', '/v1/telephony/calls/resume'],
  ['POST', '/v1/telephony/calls/divert'],
  ['POST', '/v1/telephony/calls/transfer'],
  ['POST', '/v1/telephony/calls/park'],
  ['POST', '/v1/telephony/calls/retrieve'],
  ['POST', '/v1/telephony/calls/startRecording'],
  ['POST', '/v1/telephony/calls/stopRecording'],
  ['POST', '/v1/telephony/calls/pauseRecording'],
  ['POST', '/v1/telephony/calls/resumeRecording'],
  ['POST', '/v1/telephony/calls/transmitDtmf'],
  ['POST', '/v1/telephony/calls/push'],
  ['POST', '/v1/telephony/calls/pickup'],
  ['POST', '/v1/telephony/calls/bargeIn'],
  ['POST', '/v1/telephony/calls/pull'],
  ['POST', '/v1/telephony/calls/mute'],
  ['POST', '/v1/telephony/calls/unmute'],
  ['GET', '/v1/telephony/calls'],
  ['GET', '/v1/telephony/calls/{callId}'],
  ['GET', '/v1/telephony/calls/history'],
  ['POST', '/v1/telephony/externalVoicemail/mwi'],
  ['GET', '/v1/webhooks'],
  ['POST', '/v1/webhooks'],
  ['GET', '/v1/webhooks/{webhookId}'],
  ['PUT', '/v1/webhooks/{webhookId}'],
  ['DELETE', '/v1/webhooks/{webhookId}'],
];

export function notServedRoutes(server: Server): void {
  for (const [method, path] of NOT_SERVED) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    // An area that has landed serves the operation itself.
    if (server.hasRoute({ method, url })) continue;
    server.route({
      method,
      url,
      schema: { summary: `${method} ${path} (not served yet: 501)`, tags: ['Not served yet'], response: responses({ 501: Type.Any() }) },
      config: { auth: 'token' },
      handler: async () => {
        throw notServed(method, path);
      },
    });
  }
}
