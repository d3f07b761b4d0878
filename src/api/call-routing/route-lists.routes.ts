import { isHostName } from '../../domain/call-routing/trunk-rules.ts';
import type { RouteListService } from '../../domain/call-routing/route-list-service.ts';
import { badRequest } from '../../domain/errors.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/call-routing.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { RouteListListing } from '../../store/route-lists-store.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

const item = (r: RouteListListing) => ({
  id: encodeId('ROUTE_LIST', r.id),
  name: r.name,
  locationId: encodeId('LOCATION', r.locationId),
  locationName: r.locationName,
  routeGroupId: encodeId('ROUTE_GROUP', r.routeGroupId),
  routeGroupName: r.routeGroupName,
});

// Call Routing's route lists and their numbers, and the trunk FQDN validation.
export function routeListRoutes(server: Server, deps: { routeLists: RouteListService }): void {
  const service = deps.routeLists;

  webexRoute(server, operations.readTheListOfRouteLists, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const asList = (v: unknown) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String));
      const page = await service.list(request.orgId, { name: asList(request.query.name), locationId: asList(request.query.locationId), order: request.query.order, max, start });
      return { routeLists: offsetPageItems(request, reply, page, max).map(item) };
    },
  });
  webexRoute(server, operations.createARouteList, {
    auth: write,
    handler: async (request, reply) => {
      const id = await service.create(request.orgId, request.body ?? {});
      reply.code(201);
      return { id: encodeId('ROUTE_LIST', id) };
    },
  });
  webexRoute(server, operations.getARouteList, {
    auth: read,
    handler: async (request) => {
      const r = await service.get(request.orgId, request.params.routeListId);
      return {
        name: r.name,
        location: { id: encodeId('LOCATION', r.locationId), name: r.locationName },
        // The group routes the list's numbers: it is in use.
        routeGroup: { id: encodeId('ROUTE_GROUP', r.routeGroupId), name: r.routeGroupName, inUse: true },
      };
    },
  });
  webexRoute(server, operations.modifyARouteList, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.routeListId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });
  webexRoute(server, operations.deleteARouteList, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.routeListId);
      sendEmpty(reply, 204);
    },
  });
  // Webex documents reading a route list's numbers with the write scope.
  webexRoute(server, operations.getNumbersAssignedToARouteList, {
    auth: write,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await service.numbers(request.orgId, request.params.routeListId, { number: request.query.number, order: request.query.order, max, start });
      return { numbers: offsetPageItems(request, reply, page, max) };
    },
  });
  webexRoute(server, operations.modifyNumbersForRouteList, {
    auth: write,
    handler: async (request) => ({ numberStatus: await service.modifyNumbers(request.orgId, request.params.routeListId, request.body ?? {}) }),
  });

  // A trunk's address and domain must be host names (as a certificate-based trunk's are) and the
  // port a TCP port; 204 when they are, 400 naming the first that is not.
  webexRoute(server, operations.validateLocalGatewayFQDNAndDomainForATrunk, {
    auth: write,
    handler: async (request, reply) => {
      const { address, domain, port } = request.body ?? {};
      if (address === undefined && domain === undefined) throw badRequest('Give address and domain to validate.');
      for (const [field, value] of [['address', address], ['domain', domain]] as const) {
        if (value !== undefined && !isHostName(value)) throw badRequest(`${field} "${value}" is not a fully qualified domain name such as sbc.example.com.`);
      }
      if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) throw badRequest('port must be a whole number from 1 to 65535.');
      sendEmpty(reply, 204);
    },
  });
}
