import type { CallRoutingService } from '../../domain/call-routing/call-routing-service.ts';
import { trunkTypes } from '../../domain/call-routing/trunk-rules.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { offsetPageItems, offsetPaging } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { callRoutingUsageRoutes } from './call-routing-usage.routes.ts';
import {
  presentDialPlanDetails,
  presentDialPlanItem,
  presentRouteChoice,
  presentRouteGroupDetails,
  presentRouteGroupItem,
  presentTrunkDetails,
  presentTrunkItem,
} from './call-routing.presenters.ts';
import {
  CreateDialPlan,
  CreateRouteGroup,
  CreateTrunk,
  DeleteDialPlan,
  DeleteRouteGroup,
  DeleteTrunk,
  GetDialPlan,
  GetRouteGroup,
  GetTrunk,
  ListDialPatterns,
  ListDialPlans,
  ListRouteChoices,
  ListRouteGroups,
  ListTrunks,
  ListTrunkTypes,
  ModifyDialPatterns,
  ModifyDialPlan,
  ModifyRouteGroup,
  ModifyTrunk,
  ValidateDialPatterns,
} from './call-routing.schemas.ts';

const { read, write } = telephonyConfig;
const MAX_ITEMS = 2000;

const PSTN = '/v1/telephony/config/premisePstn';
const TRUNKS = `${PSTN}/trunks`;
const ROUTE_GROUPS = `${PSTN}/routeGroups`;
const DIAL_PLANS = `${PSTN}/dialPlans`;

export function callRoutingRoutes(server: Server, deps: { callRouting: CallRoutingService }): void {
  const { trunks, routeGroups, dialPlans } = deps.callRouting;

  server.get(TRUNKS, { schema: ListTrunks, config: read }, async (request, reply) => {
    const { orgId: _orgId, max: _max, start: _start, ...filters } = request.query;
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_ITEMS);
    const page = await trunks.list(orgId, { ...filters, start, max });
    return { trunks: offsetPageItems(request, reply, page, max).map(presentTrunkItem) };
  });

  server.post(TRUNKS, { schema: CreateTrunk, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const id = await trunks.create(orgId, request.body);
    reply.code(201);
    return { id: encodeId('TRUNK', id) };
  });

  // Registered before `${TRUNKS}/:trunkId`, though the router prefers the static path anyway.
  server.get(`${TRUNKS}/trunkTypes`, { schema: ListTrunkTypes, config: read }, async () => ({ trunkTypes: trunkTypes() }));

  const trunk = `${TRUNKS}/:trunkId`;

  server.get(trunk, { schema: GetTrunk, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentTrunkDetails(await trunks.details(orgId, request.params.trunkId));
  });

  server.put(trunk, { schema: ModifyTrunk, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await trunks.update(orgId, request.params.trunkId, request.body);
    sendEmpty(reply, 204);
  });

  server.delete(trunk, { schema: DeleteTrunk, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await trunks.delete(orgId, request.params.trunkId);
    sendEmpty(reply, 204);
  });

  server.get(ROUTE_GROUPS, { schema: ListRouteGroups, config: read }, async (request, reply) => {
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_ITEMS);
    const page = await routeGroups.list(orgId, { name: request.query.name, order: request.query.order, start, max });
    return { routeGroups: offsetPageItems(request, reply, page, max).map(presentRouteGroupItem) };
  });

  server.post(ROUTE_GROUPS, { schema: CreateRouteGroup, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const id = await routeGroups.create(orgId, request.body);
    reply.code(201);
    return { id: encodeId('ROUTE_GROUP', id) };
  });

  const routeGroup = `${ROUTE_GROUPS}/:routeGroupId`;

  server.get(routeGroup, { schema: GetRouteGroup, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentRouteGroupDetails(await routeGroups.details(orgId, request.params.routeGroupId));
  });

  server.put(routeGroup, { schema: ModifyRouteGroup, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await routeGroups.update(orgId, request.params.routeGroupId, request.body);
    sendEmpty(reply, 204);
  });

  server.delete(routeGroup, { schema: DeleteRouteGroup, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await routeGroups.delete(orgId, request.params.routeGroupId);
    sendEmpty(reply, 204);
  });

  server.get(DIAL_PLANS, { schema: ListDialPlans, config: read }, async (request, reply) => {
    const { orgId: _orgId, max: _max, start: _start, ...filters } = request.query;
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_ITEMS);
    const page = await dialPlans.list(orgId, { ...filters, start, max });
    return { dialPlans: offsetPageItems(request, reply, page, max).map(presentDialPlanItem) };
  });

  server.post(DIAL_PLANS, { schema: CreateDialPlan, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const id = await dialPlans.create(orgId, request.body);
    reply.code(201);
    return { id: encodeId('DIAL_PLAN', id), dialPatternErrors: [] };
  });

  const dialPlan = `${DIAL_PLANS}/:dialPlanId`;

  server.get(dialPlan, { schema: GetDialPlan, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentDialPlanDetails(await dialPlans.details(orgId, request.params.dialPlanId));
  });

  server.put(dialPlan, { schema: ModifyDialPlan, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await dialPlans.update(orgId, request.params.dialPlanId, request.body);
    sendEmpty(reply, 204);
  });

  server.delete(dialPlan, { schema: DeleteDialPlan, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await dialPlans.delete(orgId, request.params.dialPlanId);
    sendEmpty(reply, 204);
  });

  server.get(`${dialPlan}/dialPatterns`, { schema: ListDialPatterns, config: read }, async (request, reply) => {
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_ITEMS);
    const page = await dialPlans.listDialPatterns(orgId, request.params.dialPlanId, {
      dialPattern: request.query.dialPattern,
      order: request.query.order,
      start,
      max,
    });
    return { dialPatterns: offsetPageItems(request, reply, page, max) };
  });

  server.put(`${dialPlan}/dialPatterns`, { schema: ModifyDialPatterns, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await dialPlans.modifyDialPatterns(orgId, request.params.dialPlanId, request.body);
    sendEmpty(reply, 204);
  });

  // Webex documents validation as needing the write scope, though it changes nothing.
  server.post(`${PSTN}/actions/validateDialPatterns/invoke`, { schema: ValidateDialPatterns, config: write }, async (request) => {
    const orgId = request.orgId;
    return dialPlans.validateDialPatterns(orgId, request.body.dialPatterns);
  });

  callRoutingUsageRoutes(server, deps);

  server.get('/v1/telephony/config/routeChoices', { schema: ListRouteChoices, config: read }, async (request, reply) => {
    const { orgId: _orgId, max: _max, start: _start, ...filters } = request.query;
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_ITEMS);
    const page = await deps.callRouting.listRouteChoices(orgId, { ...filters, start, max });
    return { routeIdentities: offsetPageItems(request, reply, page, max).map(presentRouteChoice) };
  });
}
