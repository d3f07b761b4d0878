import type { CallParkService } from '../../domain/call-park/call-park-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-call-park.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { callParkId, pageOf, parkExtensionId, presentCallPark, presentExtensionItem, presentMember } from './call-park.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

// Features: Call Park — call park groups, call park extensions, the location's call park
// settings, and the people and hunt groups a call park may use.
export function callParkRoutes(server: Server, deps: { callParks: CallParkService }): void {
  const service = deps.callParks;

  webexRoute(server, operations.readTheListOfCallParks, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { parks, location } = await service.list(request.orgId, request.params.locationId, { name: request.query.name });
      const page = pageOf(parks, start, max);
      return {
        callParks: offsetPageItems(request, reply, page, max).map((p) => ({ id: callParkId(p.id), name: p.name, locationName: location.name, locationId: encodeId('LOCATION', location.id) })),
      };
    },
  });

  webexRoute(server, operations.createACallPark, {
    auth: write,
    handler: async (request, reply) => {
      const park = await service.create(request.orgId, request.params.locationId, request.body);
      reply.code(201);
      return { id: callParkId(park.id) };
    },
  });

  webexRoute(server, operations.getAvailableAgentsFromCallParks, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { name, phoneNumber, callParkName } = request.query;
      const people = await service.availableAgents(request.orgId, request.params.locationId, { name, phoneNumber, callParkName });
      return { agents: offsetPageItems(request, reply, pageOf(people, start, max), max).map((m) => presentMember(m)) };
    },
  });

  webexRoute(server, operations.getAvailableRecallHuntGroupsFromCallParks, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const groups = await service.availableRecallHuntGroups(request.orgId, request.params.locationId, { name: request.query.name });
      return { huntGroups: offsetPageItems(request, reply, pageOf(groups, start, max), max).map((g) => ({ id: encodeId('HUNT_GROUP', g.id), name: g.name })) };
    },
  });

  webexRoute(server, operations.getCallParkSettings, {
    auth: read,
    handler: async (request) => {
      const { settings, huntGroup } = await service.settings(request.orgId, request.params.locationId);
      return {
        callParkRecall: {
          ...(huntGroup ? { huntGroupId: encodeId('HUNT_GROUP', huntGroup.id), huntGroupName: huntGroup.name } : {}),
          option: settings.callParkRecall.option,
        },
        callParkSettings: settings.callParkSettings,
      };
    },
  });

  webexRoute(server, operations.updateCallParkSettings, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateSettings(request.orgId, request.params.locationId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getDetailsForACallPark, {
    auth: read,
    handler: async (request) => presentCallPark(await service.get(request.orgId, request.params.locationId, request.params.callParkId)),
  });

  webexRoute(server, operations.updateACallPark, {
    auth: write,
    handler: async (request) => {
      const park = await service.update(request.orgId, request.params.locationId, request.params.callParkId, request.body);
      return { id: callParkId(park.id) };
    },
  });

  webexRoute(server, operations.deleteACallPark, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.callParkId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.readTheListOfCallParkExtensions, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { locationId, extension, name, locationName } = request.query;
      const { extensions, locations } = await service.listExtensions(request.orgId, { locationId, extension, name, locationName });
      return { callParkExtensions: offsetPageItems(request, reply, pageOf(extensions, start, max), max).map((e) => presentExtensionItem(e, locations.get(e.locationId))) };
    },
  });

  webexRoute(server, operations.createACallParkExtension, {
    auth: write,
    handler: async (request, reply) => {
      const extension = await service.createExtension(request.orgId, request.params.locationId, request.body);
      reply.code(201);
      return { id: parkExtensionId(extension.id) };
    },
  });

  webexRoute(server, operations.getDetailsForACallParkExtension, {
    auth: read,
    handler: async (request) => {
      const { extension, location } = await service.getExtension(request.orgId, request.params.locationId, request.params.callParkExtensionId);
      const { id: _id, locationId: _l, locationName: _n, ...details } = presentExtensionItem(extension, location);
      return details;
    },
  });

  webexRoute(server, operations.updateACallParkExtension, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateExtension(request.orgId, request.params.locationId, request.params.callParkExtensionId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteACallParkExtension, {
    auth: write,
    handler: async (request, reply) => {
      await service.deleteExtension(request.orgId, request.params.locationId, request.params.callParkExtensionId);
      sendEmpty(reply, 204);
    },
  });
}
