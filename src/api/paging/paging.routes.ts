import type { MemberView } from '../../domain/call-park/feature-lines.ts';
import type { PagingService } from '../../domain/paging/paging-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-paging-group.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { pageOf } from '../call-park/call-park.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;
const pagingId = (id: string) => encodeId('PAGING_GROUP', id);

const presentMember = (m: MemberView) => ({
  id: encodeId('PEOPLE', m.person.id),
  ...(m.person.firstName !== null ? { firstName: m.person.firstName } : {}),
  ...(m.person.lastName !== null ? { lastName: m.person.lastName } : {}),
  type: 'PEOPLE' as const,
  ...(m.phoneNumber !== undefined ? { phoneNumber: m.phoneNumber } : {}),
  ...(m.person.extension !== null ? { extension: m.person.extension } : {}),
  ...(m.person.extension !== null && m.person.routingPrefix !== null ? { routingPrefix: m.person.routingPrefix, esn: `${m.person.routingPrefix}${m.person.extension}` } : {}),
});

// Features: Paging Group — groups that page their targets one way (paging-calls.ts).
export function pagingRoutes(server: Server, deps: { paging: PagingService }): void {
  const service = deps.paging;

  webexRoute(server, operations.readTheListOfPagingGroups, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { locationId, name, phoneNumber } = request.query;
      const { groups, locations } = await service.list(request.orgId, { locationId, name, phoneNumber });
      return {
        locationPaging: offsetPageItems(request, reply, pageOf(groups, start, max), max).map((g) => {
          const location = locations.get(g.locationId);
          return {
            id: pagingId(g.id),
            name: g.name,
            ...(g.phoneNumber !== null ? { phoneNumber: g.phoneNumber } : {}),
            ...(g.extension !== null ? { extension: g.extension } : {}),
            ...(g.extension !== null && location?.routingPrefix ? { routingPrefix: location.routingPrefix, esn: `${location.routingPrefix}${g.extension}` } : {}),
            locationName: location?.name ?? '',
            locationId: encodeId('LOCATION', g.locationId),
            tollFreeNumber: false,
          };
        }),
      };
    },
  });

  webexRoute(server, operations.createANewPagingGroup, {
    auth: write,
    handler: async (request, reply) => {
      const group = await service.create(request.orgId, request.params.locationId, request.body);
      reply.code(201);
      return { id: pagingId(group.id) };
    },
  });

  webexRoute(server, operations.getPagingGroupPrimaryAvailablePhoneNumbers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const phoneNumber = request.query.phoneNumber?.map(String);
      const numbers = await service.availableNumbers(request.orgId, request.params.locationId, { phoneNumber });
      return {
        phoneNumbers: offsetPageItems(request, reply, pageOf(numbers, start, max), max).map((n) => ({
          phoneNumber: n.phoneNumber!,
          state: n.state,
          isMainNumber: n.isMainNumber,
          tollFreeNumber: n.numberType === 'TOLLFREE',
          telephonyType: 'PSTN_NUMBER' as const,
          isServiceNumber: n.isServiceNumber,
        })),
      };
    },
  });

  webexRoute(server, operations.getDetailsForAPagingGroup, {
    auth: read,
    handler: async (request) => {
      const { group: g, originators, targets } = await service.get(request.orgId, request.params.locationId, request.params.pagingId);
      const s = g.settings;
      return {
        id: pagingId(g.id),
        enabled: g.enabled,
        name: g.name,
        ...(g.phoneNumber !== null ? { phoneNumber: g.phoneNumber } : {}),
        ...(g.extension !== null ? { extension: g.extension } : {}),
        tollFreeNumber: false,
        language: s.languageCode,
        languageCode: s.languageCode,
        firstName: s.firstName,
        lastName: s.lastName,
        originatorCallerIdEnabled: s.originatorCallerIdEnabled,
        originators: originators.map(presentMember),
        targets: targets.map(presentMember),
        directLineCallerIdName: s.directLineCallerIdName,
        ...(s.dialByName !== undefined ? { dialByName: s.dialByName } : {}),
      };
    },
  });

  webexRoute(server, operations.updateAPagingGroup, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.locationId, request.params.pagingId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAPagingGroup, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.pagingId);
      sendEmpty(reply, 204);
    },
  });
}
