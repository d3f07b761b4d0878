import type { CallRoutingService } from '../../domain/call-routing/call-routing-service.ts';
import { usagePage, type UsageListQuery } from '../../domain/call-routing/usage-lists.ts';
import { encodeId, type WebexIdType } from '../../domain/webex-ids.ts';
import { offsetPageItems, offsetPaging } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import type { IdAndName } from '../../store/call-routing-store.ts';
import { telephonyConfig } from '../telephony-config.ts';
import {
  RouteGroupUsageCallToExtension,
  RouteGroupUsageCounts,
  RouteGroupUsageDialPlan,
  RouteGroupUsagePstnConnection,
  RouteGroupUsageRouteList,
  TrunkUsageCallToExtension,
  TrunkUsageCounts,
  TrunkUsageDialPlan,
  TrunkUsagePstnConnection,
  TrunkUsageRouteGroup,
} from './call-routing-usage.schemas.ts';

const { read } = telephonyConfig;
const MAX_ITEMS = 2000;

const TRUNK = '/v1/telephony/config/premisePstn/trunks/:trunkId';
const ROUTE_GROUP = '/v1/telephony/config/premisePstn/routeGroups/:routeGroupId';

const idAndName = (type: WebexIdType) => (item: IdAndName) => ({ id: encodeId(type, item.id), name: item.name });

type ListQuery = { name?: string; locationName?: string; order?: string; max?: number; start?: number };

/** The filter, order and page a usage list was asked for. */
const listQuery = (query: ListQuery): UsageListQuery => ({ name: query.name ?? query.locationName, order: query.order, ...offsetPaging(query, MAX_ITEMS) });

/**
 * Every usage operation reads the trunk's or route group's usage first, so an unknown one is a
 * 404 even where the answer is always empty (call to extension, route lists).
 */
export function callRoutingUsageRoutes(server: Server, deps: { callRouting: CallRoutingService }): void {
  const { trunks, routeGroups } = deps.callRouting;

  server.get(`${TRUNK}/usage`, { schema: TrunkUsageCounts, config: read }, async (request) => {
    const usage = await trunks.usage(request.orgId, request.params.trunkId);
    return {
      pstnConnectionCount: usage.locations.length,
      callToExtensionCount: 0,
      dialPlanCount: usage.dialPlans.length,
      routeGroupCount: usage.routeGroups.length,
    };
  });

  server.get(`${TRUNK}/usageCallToExtension`, { schema: TrunkUsageCallToExtension, config: read }, async (request) => {
    await trunks.usage(request.orgId, request.params.trunkId);
    return { locations: [] };
  });

  server.get(`${TRUNK}/usageDialPlan`, { schema: TrunkUsageDialPlan, config: read }, async (request, reply) => {
    const usage = await trunks.usage(request.orgId, request.params.trunkId);
    const query = listQuery(request.query);
    const page = usagePage(usage.dialPlans, query);
    return { dialPlans: offsetPageItems(request, reply, page, query.max).map(idAndName('DIAL_PLAN')) };
  });

  server.get(`${TRUNK}/usagePstnConnection`, { schema: TrunkUsagePstnConnection, config: read }, async (request) => {
    const usage = await trunks.usage(request.orgId, request.params.trunkId);
    return { locations: usage.locations.map(idAndName('LOCATION')) };
  });

  server.get(`${TRUNK}/usageRouteGroup`, { schema: TrunkUsageRouteGroup, config: read }, async (request) => {
    const usage = await trunks.usage(request.orgId, request.params.trunkId);
    return { routeGroup: usage.routeGroups.map((g) => ({ ...idAndName('ROUTE_GROUP')(g), inUse: g.inUse })) };
  });

  server.get(`${ROUTE_GROUP}/usage`, { schema: RouteGroupUsageCounts, config: read }, async (request) => {
    const usage = await routeGroups.usage(request.orgId, request.params.routeGroupId);
    return {
      pstnConnectionCount: String(usage.locations.length),
      callToExtensionCount: '0',
      dialPlanCount: String(usage.dialPlans.length),
      routeListCount: String(usage.routeLists.length),
    };
  });

  server.get(`${ROUTE_GROUP}/usageCallToExtension`, { schema: RouteGroupUsageCallToExtension, config: read }, async (request) => {
    await routeGroups.usage(request.orgId, request.params.routeGroupId);
    return { locations: [] };
  });

  server.get(`${ROUTE_GROUP}/usageDialPlan`, { schema: RouteGroupUsageDialPlan, config: read }, async (request, reply) => {
    const usage = await routeGroups.usage(request.orgId, request.params.routeGroupId);
    const query = listQuery(request.query);
    const page = usagePage(usage.dialPlans, query);
    return { locations: offsetPageItems(request, reply, page, query.max).map(idAndName('DIAL_PLAN')) };
  });

  server.get(`${ROUTE_GROUP}/usagePstnConnection`, { schema: RouteGroupUsagePstnConnection, config: read }, async (request, reply) => {
    const usage = await routeGroups.usage(request.orgId, request.params.routeGroupId);
    const query = listQuery(request.query);
    const page = usagePage(usage.locations, query);
    return { locations: offsetPageItems(request, reply, page, query.max).map(idAndName('LOCATION')) };
  });

  server.get(`${ROUTE_GROUP}/usageRouteList`, { schema: RouteGroupUsageRouteList, config: read }, async (request) => {
    const usage = await routeGroups.usage(request.orgId, request.params.routeGroupId);
    const lists = usage.routeLists.map((r) => ({ id: encodeId('ROUTE_LIST', r.id), name: r.name, locationId: encodeId('LOCATION', r.locationId), locationName: r.locationName }));
    return { routeGroupUsageRouteListGet: lists.length > 0 ? [{ routeLists: lists }] : [] };
  });
}
