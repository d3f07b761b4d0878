import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import type { LocationVoicemailService } from '../../domain/voicemail/location-voicemail-service.ts';
import type { VoicemailGroupService } from '../../domain/voicemail/voicemail-group-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/location-call-settings-voicemail.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { knownFields } from '../person-settings/setting-routes.ts';

/** Only the fields the operation's schema names are kept (Webex ignores others). */
const known = (body: unknown, schema: unknown) => knownFields(body ?? {}, schema as never) as Record<string, unknown>;
import { presentVoicemailGroup, presentVoicemailGroupItem } from './voicemail-groups.presenters.ts';

// Location Call Settings: Voicemail — a location's voicemail, voice portal and passcode rules,
// and its voicemail groups.

const { read, write } = telephonyConfig;
const MAX_GROUPS = 1000;
const MAX_NUMBERS = 2000;

const numberQuery = (q: { phoneNumber?: unknown[] }) => (q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {});

export function locationVoicemailRoutes(
  server: Server,
  deps: { locationVoicemail: LocationVoicemailService; voicemailGroups: VoicemailGroupService; locationNumbers: LocationNumberService },
): void {
  const { locationVoicemail: service, voicemailGroups: groups } = deps;

  webexRoute(server, operations.getLocationVoicemail, { ...read, handler: async (request) => (await service.voicemail(request.orgId, request.params.locationId)) as never });
  webexRoute(server, operations.updateLocationVoicemail, {
    ...write,
    handler: async (request, reply) => {
      await service.updateVoicemail(request.orgId, request.params.locationId, known(request.body, operations.updateLocationVoicemail.body));
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getVoicePortal, { ...read, handler: async (request) => (await service.voicePortal(request.orgId, request.params.locationId)) as never });
  webexRoute(server, operations.updateVoicePortal, {
    ...write,
    handler: async (request, reply) => {
      await service.updateVoicePortal(request.orgId, request.params.locationId, known(request.body, operations.updateVoicePortal.body));
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.getVoicePortalPasscodeRule, {
    ...read,
    handler: async (request) => service.passcodeRules(request.orgId, request.params.locationId),
  });

  // The number lists: numbers of the location nobody holds (as for a hunt group's number).
  for (const operation of [operations.getVoicePortalAvailablePhoneNumbers, operations.getVoicemailGroupAvailablePhoneNumbers, operations.getVoicemailGroupFaxMessageAvailablePhoneNumbers]) {
    webexRoute(server, operation, {
      ...read,
      handler: async (request, reply) => {
        const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
        const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroup', { ...numberQuery(request.query), start, max });
        return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroup', n)) } as never;
      },
    });
  }

  webexRoute(server, operations.createANewVoicemailGroupForALocation, {
    ...write,
    handler: async (request, reply) => {
      const group = await groups.create(request.orgId, request.params.locationId, known(request.body, operations.createANewVoicemailGroupForALocation.body) as never);
      reply.code(201);
      return { id: encodeId('VOICEMAIL_GROUP', group.id) };
    },
  });
  webexRoute(server, operations.getLocationVoicemailGroup, {
    ...read,
    handler: async (request) => {
      const { group, location } = await groups.get(request.orgId, request.params.locationId, request.params.voicemailGroupId);
      return presentVoicemailGroup(group, location) as never;
    },
  });
  webexRoute(server, operations.modifyLocationVoicemailGroup, {
    ...write,
    handler: async (request, reply) => {
      await groups.update(request.orgId, request.params.locationId, request.params.voicemailGroupId, known(request.body, operations.modifyLocationVoicemailGroup.body) as never);
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.deleteAVoicemailGroupForALocation, {
    ...write,
    handler: async (request, reply) => {
      await groups.delete(request.orgId, request.params.locationId, request.params.voicemailGroupId);
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.listVoicemailGroup, {
    ...read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX_GROUPS);
      const { locationId, name, phoneNumber } = request.query;
      const page = await groups.list(request.orgId, { ...(locationId ? { locationId } : {}), ...(name ? { name } : {}), ...(phoneNumber ? { phoneNumber } : {}), start, max });
      const next = start + page.items.length < page.total ? start + max : undefined;
      const items = offsetPageItems(request, reply, { items: page.items, ...(next !== undefined ? { next } : {}) }, max);
      return { voicemailGroups: items.map((g) => presentVoicemailGroupItem(g, page.locations.get(g.locationId))) };
    },
  });
}
