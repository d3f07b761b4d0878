import type { FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { ForMeService } from '../../domain/for-me/for-me-service.ts';
import { announcementLanguages } from '../../domain/location-calling/announcement-languages.ts';
import { encodeEventId, encodeScheduleId } from '../../domain/schedules/schedule-ids.ts';
import { operations as phase1 } from '../../generated/webex/beta-call-settings-for-me-with-userhub-phase1.ts';
import { operations } from '../../generated/webex/call-settings-for-me.ts';
import { operations as phase2 } from '../../generated/webex/call-settings-for-me-with-userhub-phase2.ts';
import { operations as phase5 } from '../../generated/webex/call-settings-for-me-phase-5.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { documentScopes } from '../person-settings/setting-routes.ts';
import { telephonyPaging } from '../telephony-config.ts';

// Call Settings For Me beyond the settings documents: the token's own person's memberships and
// lists. The document names spark:telephony_config_* scopes; a person's calling token
// (spark:calls_read / spark:calls_write) is accepted as well, as on the For Me documents.

const me = (request: FastifyRequest) => principalOf(request);
export const myRead = (operationId: string) => anyOf(...documentScopes(operationId), 'spark:calls_read');
export const myWrite = (operationId: string) => anyOf(...documentScopes(operationId), 'spark:calls_write');

/** The most items one page of a For Me list holds (max is clamped to it). */
const LIST_LIMIT = 1000;

export function forMeRoutes(server: Server, deps: { forMe: ForMeService }): void {
  const { forMe } = deps;

  webexRoute(server, operations.getMyOrganizationLocations, {
    auth: myRead(operations.getMyOrganizationLocations.operationId),
    handler: async (request) => ({ locations: await forMe.locations(me(request).orgId, me(request).personId, { ...request.query, ...telephonyPaging(request.query, LIST_LIMIT) }) }),
  });

  webexRoute(server, operations.getSpeedDialAvailableMembers, {
    auth: myRead(operations.getSpeedDialAvailableMembers.operationId),
    handler: async (request) => ({ members: await forMe.speedDialMembers(me(request).orgId, me(request).personId, { ...request.query, ...telephonyPaging(request.query, LIST_LIMIT) }) }),
  });

  webexRoute(server, operations.getMyExecutiveAvailableAssistants, {
    auth: myRead(operations.getMyExecutiveAvailableAssistants.operationId),
    handler: async (request) => ({ assistants: await forMe.availableAssistants(me(request).orgId, me(request).personId) }),
  });

  webexRoute(server, phase2.getMyLocationSchedule, {
    auth: myRead(phase2.getMyLocationSchedule.operationId),
    handler: async (request) => {
      const s = await forMe.locationSchedule(me(request).orgId, me(request).personId, request.params.scheduleType, request.params.scheduleId);
      // Stored events passed the schedule rules (weekdays all present, months named): they fit the document's type.
      return { id: encodeScheduleId(s.name), name: s.name, type: s.type, events: s.events.map((e) => ({ id: encodeEventId(e.name), ...e })) } as never;
    },
  });

  // The languages of the person's announcements: the same list as the organization's.
  webexRoute(server, phase1.getAnnouncementLanguagesForMe, {
    auth: myRead(phase1.getAnnouncementLanguagesForMe.operationId),
    handler: async () => ({ languages: announcementLanguages(undefined).map(({ name, code }) => ({ name, code })) }),
  });

  // Hosts: 100 a page unless max says otherwise (the document's default).
  webexRoute(server, phase5.getAvailableHotelingHosts, {
    auth: myRead(phase5.getAvailableHotelingHosts.operationId),
    handler: async (request) => ({ hosts: await forMe.hotelingHosts(me(request).orgId, me(request).personId, { ...request.query, ...telephonyPaging({ max: 100, ...request.query }, LIST_LIMIT) }) }),
  });

  // The person's endpoints (their simulated phone); which of them answers a line: my-line.routes.ts.
  webexRoute(server, operations.getMyEndpointsList, {
    auth: myRead(operations.getMyEndpointsList.operationId),
    handler: async (request) => ({ endpoints: await forMe.endpoints(me(request).orgId, me(request).personId) }),
  });
  webexRoute(server, operations.getMyEndpointDetails, {
    auth: myRead(operations.getMyEndpointDetails.operationId),
    handler: async (request) => forMe.endpoint(me(request).orgId, me(request).personId, request.params.endpointId),
  });
  webexRoute(server, operations.modifyMyEndpointDetails, {
    auth: myWrite(operations.modifyMyEndpointDetails.operationId),
    handler: async (request) => forMe.modifyEndpoint(me(request).orgId, me(request).personId, request.params.endpointId),
  });
  webexRoute(server, phase2.getAvailableNumbersForMyLocation, {
    auth: myRead(phase2.getAvailableNumbersForMyLocation.operationId),
    handler: async (request) => ({ phoneNumbers: await forMe.locationNumbers(me(request).orgId, me(request).personId, { ...request.query, ...telephonyPaging(request.query, LIST_LIMIT) }) }),
  });

  webexRoute(server, operations.getMyOrganizationLargeOrgStatus, {
    auth: myRead(operations.getMyOrganizationLargeOrgStatus.operationId),
    handler: async (request) => forMe.largeOrgStatus(me(request).orgId, me(request).personId),
  });
}
