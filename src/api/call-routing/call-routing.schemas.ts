import { Type, type Static } from 'typebox';
import { IdAndName, IdParam, NoContent, OrgIdQuery, OrgQuery, responses, StartQuery } from '../../http/schemas.ts';

// The premises PSTN operations of Webex's Call Routing API, and Read the List of Routing Choices.

const Trunks = ['Call Routing: Trunks'];
const RouteGroups = ['Call Routing: Route Groups'];
const DialPlans = ['Call Routing: Dial Plans'];

const Created = Type.Object({ id: Type.String() });
const TrunkType = Type.Union([Type.Literal('REGISTERING'), Type.Literal('CERTIFICATE_BASED')], {
  description: 'REGISTERING for a Cisco local gateway; CERTIFICATE_BASED for a session border controller.',
});
const RouteType = Type.Union([Type.Literal('TRUNK'), Type.Literal('ROUTE_GROUP')]);
const PChargeInfoSupportPolicy = Type.Union([Type.Literal('DISABLED'), Type.Literal('ASSERTED_IDENTITY'), Type.Literal('CONFIGURABLE_CHARGE_NUMBER')], {
  description: 'Which number outbound PSTN calls carry in P-Charge-Info (DISABLED by default). Stored and presented; Callplane places no PSTN calls.',
});

const paging = {
  max: Type.Optional(Type.Number({ description: 'Items per page (default and limit 2000).' })),
  start: StartQuery,
};
const order = (fields: string) =>
  Type.Optional(Type.String({ maxLength: 64, description: `Sort by ${fields}, optionally followed by -asc or -desc (ascending by default).` }));
const nameFilter = (description: string) => Type.Optional(Type.String({ maxLength: 256, description }));
const query = <P extends Record<string, any>>(props: P) => Type.Object({ ...OrgIdQuery, ...props, ...paging });
const name = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });
const password = Type.String({ minLength: 8, maxLength: 64, description: 'The SIP password of the trunk (8 to 64 characters); never returned.' });

// Trunks

export const TrunkItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  location: IdAndName,
  inUse: Type.Boolean({ description: 'A route group, a dial plan or a location’s PSTN connection uses the trunk.' }),
  trunkType: Type.String(),
  isRestrictedToDedicatedInstance: Type.Boolean(),
});
export type TrunkItem = Static<typeof TrunkItem>;

export const ListTrunks = {
  summary: 'Read the List of Trunks',
  tags: Trunks,
  querystring: query({
    name: nameFilter('Trunks whose name contains this (several names: comma-separated).'),
    locationName: nameFilter('Trunks in a location whose name contains this (several: comma-separated).'),
    trunkType: Type.Optional(TrunkType),
    order: order('name or locationName'),
  }),
  response: responses({ 200: Type.Object({ trunks: Type.Array(TrunkItem) }) }),
};

export const CreateTrunk = {
  summary: 'Create a Trunk',
  description: 'REGISTERING trunks need a password; CERTIFICATE_BASED trunks need address, domain, port and maxConcurrentCalls.',
  tags: Trunks,
  querystring: OrgQuery,
  body: Type.Object({
    name: name(24, 'Unique in the organization, up to 24 characters.'),
    locationId: Type.String({ maxLength: 512, description: 'A location of the organization enabled for Webex Calling.' }),
    password: Type.Optional(password),
    dualIdentitySupportEnabled: Type.Optional(Type.Boolean()),
    trunkType: TrunkType,
    deviceType: Type.Optional(Type.String({ maxLength: 128, description: 'Cisco Unified Border Element by default.' })),
    address: Type.Optional(Type.String({ maxLength: 253, description: 'FQDN or SRV address (certificate-based trunks).' })),
    domain: Type.Optional(Type.String({ maxLength: 253, description: 'Domain name (certificate-based trunks).' })),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, description: 'FQDN port (certificate-based trunks).' })),
    maxConcurrentCalls: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pChargeInfoSupportPolicy: Type.Optional(PChargeInfoSupportPolicy),
  }),
  response: responses({ 201: Created }),
};

const TrunkParams = IdParam('trunkId', 'The trunk.');

export const TrunkDetails = Type.Object({
  id: Type.String(),
  name: Type.String(),
  customer: IdAndName,
  organization: IdAndName,
  location: IdAndName,
  otgDtgId: Type.String({ description: 'Outgoing and destination trunk group.' }),
  linePort: Type.String(),
  locationsUsingTrunk: Type.Array(IdAndName, { description: 'Locations whose PSTN connection is the trunk or a route group holding it.' }),
  pilotUserId: Type.Optional(Type.String({ description: 'Registering trunks: the identity the local gateway registers with.' })),
  outboundProxy: Type.Null({ description: 'Always null: Callplane has no SIP outbound proxy for a gateway to reach.' }),
  sipAuthenticationUserName: Type.Optional(Type.String()),
  status: Type.String({ description: 'OFFLINE: no gateway ever registers with Callplane.' }),
  errorCodes: Type.Array(Type.String()),
  responseStatus: Type.Array(
    Type.Object({ code: Type.Number(), type: Type.String(), summaryEnglish: Type.String(), detail: Type.Array(Type.String()), trackingId: Type.String() }),
    { description: 'Partial failures reading the gateway state; always empty.' },
  ),
  dualIdentitySupportEnabled: Type.Boolean(),
  trunkType: Type.String(),
  deviceType: Type.String(),
  address: Type.Optional(Type.String()),
  domain: Type.Optional(Type.String()),
  port: Type.Integer({ description: 'Registering trunks: 5061 (SIP TLS).' }),
  maxConcurrentCalls: Type.Integer({ description: 'Without a value of its own, the device type’s maximum.' }),
  isRestrictedToDedicatedInstance: Type.Boolean(),
  pChargeInfoSupportPolicy: PChargeInfoSupportPolicy,
});
export type TrunkDetails = Static<typeof TrunkDetails>;

export const GetTrunk = {
  summary: 'Get a Trunk',
  tags: Trunks,
  params: TrunkParams,
  querystring: OrgQuery,
  response: responses({ 200: TrunkDetails }),
};

export const ModifyTrunk = {
  summary: 'Modify a Trunk',
  description: 'The type, location and addresses of a trunk do not change. Without password, the password stays.',
  tags: Trunks,
  params: TrunkParams,
  querystring: OrgQuery,
  body: Type.Object({
    name: name(24, 'Unique in the organization, up to 24 characters.'),
    password: Type.Optional(password),
    dualIdentitySupportEnabled: Type.Optional(Type.Boolean()),
    maxConcurrentCalls: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pChargeInfoSupportPolicy: Type.Optional(PChargeInfoSupportPolicy),
  }),
  response: responses({ 204: NoContent }),
};

export const ListTrunkTypes = {
  summary: 'Read the List of Trunk Types',
  tags: Trunks,
  querystring: OrgQuery,
  response: responses({
    200: Type.Object({
      trunkTypes: Type.Array(
        Type.Object({
          trunkType: Type.String(),
          deviceTypes: Type.Array(Type.Object({ deviceType: Type.String(), minConcurrentCalls: Type.Integer(), maxConcurrentCalls: Type.Integer() })),
        }),
      ),
    }),
  }),
};

export const DeleteTrunk = {
  summary: 'Delete a Trunk',
  description: 'Refused (409) while a route group, a dial plan or a location’s PSTN connection uses the trunk.',
  tags: Trunks,
  params: TrunkParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};

// Route groups

export const RouteGroupItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  inUse: Type.Boolean({ description: 'A dial plan or a location’s PSTN connection uses the route group.' }),
});
export type RouteGroupItem = Static<typeof RouteGroupItem>;

export const ListRouteGroups = {
  summary: 'Read the List of Routing Groups',
  tags: RouteGroups,
  querystring: query({ name: nameFilter('Route groups whose name contains this.'), order: order('name') }),
  response: responses({ 200: Type.Object({ routeGroups: Type.Array(RouteGroupItem) }) }),
};

const LocalGatewaysInput = Type.Array(
  Type.Object({
    id: Type.String({ maxLength: 512, description: 'A trunk of the organization.' }),
    priority: Type.Integer({ minimum: 1, maximum: 1000, description: 'The lowest number is tried first; each trunk has its own.' }),
  }),
  { minItems: 1, maxItems: 10, description: '1 to 10 trunks, possibly of different locations.' },
);
const routeGroupName = name(256, 'Unique in the organization.');

export const CreateRouteGroup = {
  summary: 'Create Route Group for a Organization',
  tags: RouteGroups,
  querystring: OrgQuery,
  body: Type.Object({ name: routeGroupName, localGateways: LocalGatewaysInput }),
  response: responses({ 201: Created }),
};

const RouteGroupParams = IdParam('routeGroupId', 'The route group.');

export const RouteGroupDetails = Type.Object({
  name: Type.String(),
  organization: IdAndName,
  localGateways: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), locationId: Type.String(), priority: Type.Integer() })),
});
export type RouteGroupDetails = Static<typeof RouteGroupDetails>;

export const GetRouteGroup = {
  summary: 'Read a Route Group for a Organization',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: OrgQuery,
  response: responses({ 200: RouteGroupDetails }),
};

export const ModifyRouteGroup = {
  summary: 'Modify a Route Group for a Organization',
  description: 'localGateways replaces the trunks of the route group; without it they stay.',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: OrgQuery,
  body: Type.Object({ name: routeGroupName, localGateways: Type.Optional(LocalGatewaysInput) }),
  response: responses({ 204: NoContent }),
};

export const DeleteRouteGroup = {
  summary: 'Remove a Route Group from an Organization',
  description: 'Refused (409) while a dial plan or a location’s PSTN connection uses the route group.',
  tags: RouteGroups,
  params: RouteGroupParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};

// Dial plans and dial patterns

export const DialPlanItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  routeId: Type.String(),
  routeName: Type.String(),
  routeType: Type.String(),
});
export type DialPlanItem = Static<typeof DialPlanItem>;

export const ListDialPlans = {
  summary: 'Read the List of Dial Plans',
  tags: DialPlans,
  querystring: query({
    dialPlanName: nameFilter('Dial plans whose name contains this.'),
    routeGroupName: nameFilter('Dial plans routed to a route group whose name contains this.'),
    trunkName: nameFilter('Dial plans routed to a trunk whose name contains this.'),
    order: order('name, routeName or routeType'),
  }),
  response: responses({ 200: Type.Object({ dialPlans: Type.Array(DialPlanItem) }) }),
};

const DialPattern = Type.String({ maxLength: 64, description: 'Digits then the wildcards X (one digit) and, in an E.164 pattern, a final ! (any digits).' });
const dialPlanBody = {
  name: name(256, 'Unique in the organization.'),
  routeId: Type.String({ maxLength: 512, description: 'The trunk or route group calls are routed to.' }),
  routeType: RouteType,
};

export const CreateDialPlan = {
  summary: 'Create a Dial Plan',
  tags: DialPlans,
  querystring: OrgQuery,
  body: Type.Object({ ...dialPlanBody, dialPatterns: Type.Optional(Type.Array(DialPattern)) }),
  response: responses({
    201: Type.Object({
      id: Type.String(),
      dialPatternErrors: Type.Array(Type.Object({ dialPattern: Type.String(), patternStatus: Type.String(), message: Type.String() }), {
        description: 'Always empty: Callplane creates no dial plan with a bad pattern (400) rather than leaving the pattern out.',
      }),
    }),
  }),
};

const DialPlanParams = IdParam('dialPlanId', 'The dial plan.');

export const DialPlanDetails = Type.Object({ ...DialPlanItem.properties, customer: IdAndName });
export type DialPlanDetails = Static<typeof DialPlanDetails>;

export const GetDialPlan = {
  summary: 'Get a Dial Plan',
  tags: DialPlans,
  params: DialPlanParams,
  querystring: OrgQuery,
  response: responses({ 200: DialPlanDetails }),
};

export const ModifyDialPlan = {
  summary: 'Modify a Dial Plan',
  tags: DialPlans,
  params: DialPlanParams,
  querystring: OrgQuery,
  body: Type.Object(dialPlanBody),
  response: responses({ 204: NoContent }),
};

export const DeleteDialPlan = {
  summary: 'Delete a Dial Plan',
  description: 'Its dial patterns go with it.',
  tags: DialPlans,
  params: DialPlanParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};

export const ListDialPatterns = {
  summary: 'Read the List of Dial Patterns',
  tags: DialPlans,
  params: DialPlanParams,
  querystring: query({ dialPattern: Type.Optional(Type.String({ maxLength: 64, description: 'Patterns containing this.' })), order: order('dialPattern') }),
  response: responses({ 200: Type.Object({ dialPatterns: Type.Array(Type.String()) }) }),
};

export const ModifyDialPatterns = {
  summary: 'Modify Dial Patterns',
  description: 'Adds and deletes the patterns named; others stay. deleteAllDialPatterns: true deletes every pattern and ignores dialPatterns.',
  tags: DialPlans,
  params: DialPlanParams,
  querystring: OrgQuery,
  body: Type.Object({
    dialPatterns: Type.Optional(Type.Array(Type.Object({ dialPattern: DialPattern, action: Type.Union([Type.Literal('ADD'), Type.Literal('DELETE')]) }))),
    deleteAllDialPatterns: Type.Optional(Type.Boolean()),
  }),
  response: responses({ 204: NoContent }),
};

export const ValidateDialPatterns = {
  summary: 'Validate a Dial Pattern',
  description: 'Lists the patterns that could not be added: INVALID, DUPLICATE (in a dial plan already) or DUPLICATE_IN_LIST.',
  tags: DialPlans,
  querystring: OrgQuery,
  body: Type.Object({ dialPatterns: Type.Array(DialPattern, { minItems: 1 }) }),
  response: responses({
    200: Type.Object({
      status: Type.Union([Type.Literal('OK'), Type.Literal('ERRORS')]),
      dialPatternStatus: Type.Array(
        Type.Object({ dialPattern: Type.String(), patternStatus: Type.Union([Type.Literal('INVALID'), Type.Literal('DUPLICATE'), Type.Literal('DUPLICATE_IN_LIST')]), message: Type.String() }),
      ),
    }),
  }),
};

// Route choices

export const ListRouteChoices = {
  summary: 'Read the List of Routing Choices',
  description: 'The trunks and route groups a dial plan or a location’s PSTN connection can route to.',
  tags: ['Call Routing'],
  querystring: query({
    routeGroupName: nameFilter('Only route groups whose name contains this (with trunkName: those trunks too).'),
    trunkName: nameFilter('Only trunks whose name contains this (with routeGroupName: those route groups too).'),
    order: order('routeName or routeType'),
  }),
  response: responses({ 200: Type.Object({ routeIdentities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), type: Type.String() })) }) }),
};
