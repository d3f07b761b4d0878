import { Type } from 'typebox';
import { IdAndName, IdParam, OrgIdQuery, OrgQuery, responses, StartQuery } from '../../http/schemas.ts';

// The usage operations of Webex's Call Routing API: what uses a trunk or a route group.
// "Call to extension" routing and route lists do not exist in Callplane, so those lists are
// always empty and their counts 0.

const Trunks = ['Call Routing: Trunks'];
const RouteGroups = ['Call Routing: Route Groups'];

const TrunkParams = IdParam('trunkId', 'The trunk.');
const RouteGroupParams = IdParam('routeGroupId', 'The route group.');

const listQuery = (filter: 'name' | 'locationName') =>
  Type.Object({
    ...OrgIdQuery,
    [filter]: Type.Optional(Type.String({ maxLength: 256, description: 'Only entries whose name contains this.' })),
    order: Type.Optional(Type.String({ maxLength: 64, description: 'name, asc or desc (ascending by name by default).' })),
    max: Type.Optional(Type.Number({ description: 'Items per page (default and limit 2000).' })),
    start: StartQuery,
  });

const locations = Type.Object({ locations: Type.Array(IdAndName) });

export const TrunkUsageCounts = {
  summary: 'Get Local Gateway Usage Count',
  tags: Trunks,
  params: TrunkParams,
  querystring: OrgQuery,
  response: responses({
    200: Type.Object({ pstnConnectionCount: Type.Integer(), callToExtensionCount: Type.Integer(), dialPlanCount: Type.Integer(), routeGroupCount: Type.Integer() }),
  }),
};

export const TrunkUsageCallToExtension = {
  summary: 'Get Local Gateway Call to On-Premises Extension Usage for a Trunk',
  tags: Trunks,
  params: TrunkParams,
  querystring: listQuery('name'),
  response: responses({ 200: locations }),
};

export const TrunkUsageDialPlan = {
  summary: 'Get Local Gateway Dial Plan Usage for a Trunk',
  tags: Trunks,
  params: TrunkParams,
  querystring: listQuery('name'),
  response: responses({ 200: Type.Object({ dialPlans: Type.Array(IdAndName) }) }),
};

export const TrunkUsagePstnConnection = {
  summary: 'Get Locations Using the Local Gateway as PSTN Connection Routing',
  description: 'Locations whose PSTN connection is the trunk itself (not through a route group).',
  tags: Trunks,
  params: TrunkParams,
  querystring: OrgQuery,
  response: responses({ 200: locations }),
};

export const TrunkUsageRouteGroup = {
  summary: 'Get Route Groups Using the Local Gateway',
  tags: Trunks,
  params: TrunkParams,
  querystring: OrgQuery,
  response: responses({ 200: Type.Object({ routeGroup: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), inUse: Type.Boolean() })) }) }),
};

export const RouteGroupUsageCounts = {
  summary: 'Read the Usage of a Routing Group',
  description: 'Webex writes these counts as strings.',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: OrgQuery,
  response: responses({
    200: Type.Object({ pstnConnectionCount: Type.String(), callToExtensionCount: Type.String(), dialPlanCount: Type.String(), routeListCount: Type.String() }),
  }),
};

export const RouteGroupUsageCallToExtension = {
  summary: 'Read the Call to Extension Locations of a Routing Group',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: listQuery('locationName'),
  response: responses({ 200: locations }),
};

export const RouteGroupUsageDialPlan = {
  summary: 'Read the Dial Plan Locations of a Routing Group',
  description: 'The dial plans routed to the route group (Webex lists them under `locations`).',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: listQuery('locationName'),
  response: responses({ 200: locations }),
};

export const RouteGroupUsagePstnConnection = {
  summary: 'Read the PSTN Connection Locations of a Routing Group',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: listQuery('locationName'),
  response: responses({ 200: locations }),
};

export const RouteGroupUsageRouteList = {
  summary: 'Read the Route Lists of a Routing Group',
  description: 'The route lists routed through the group.',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: listQuery('name'),
  response: responses({
    200: Type.Object({
      routeGroupUsageRouteListGet: Type.Array(
        Type.Object({ routeLists: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), locationId: Type.String(), locationName: Type.String() })) }),
      ),
    }),
  }),
};
