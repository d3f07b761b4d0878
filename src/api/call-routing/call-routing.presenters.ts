import type { DialPlanDetails as DialPlanView } from '../../domain/call-routing/dial-plan-service.ts';
import type { RouteGroupDetails as RouteGroupView } from '../../domain/call-routing/route-group-service.ts';
import type { TrunkDetails as TrunkView } from '../../domain/call-routing/trunk-service.ts';
import { CONCURRENT_CALLS, REGISTERING_TRUNK_PORT } from '../../domain/call-routing/trunk-rules.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { DialPlanListing, IdAndName, RouteChoice, RouteGroupListing, TrunkListing } from '../../store/call-routing-store.ts';
import type { DialPlanDetails, DialPlanItem, RouteGroupDetails, RouteGroupItem, TrunkDetails, TrunkItem } from './call-routing.schemas.ts';

const location = (l: IdAndName) => ({ id: encodeId('LOCATION', l.id), name: l.name });
const organization = (orgId: string, name: string) => ({ id: encodeId('ORGANIZATION', orgId), name });

export function presentTrunkItem(t: TrunkListing): TrunkItem {
  return {
    id: encodeId('TRUNK', t.id),
    name: t.name,
    location: location({ id: t.locationId, name: t.locationName }),
    inUse: t.inUse,
    trunkType: t.trunkType,
    isRestrictedToDedicatedInstance: false,
  };
}

/**
 * No gateway ever connects to Callplane: the status is OFFLINE, there is no outbound proxy (null)
 * and reading the gateway state never fails (no error codes, no response status). Webex's
 * document names the organization `customer`; wxc_sdk reads `organization`: both are sent.
 */
export function presentTrunkDetails({ trunk, usage, orgName }: TrunkView): TrunkDetails {
  const using = new Map([...usage.locations, ...usage.locationsThroughRouteGroups].map((l) => [l.id, l]));
  return {
    id: encodeId('TRUNK', trunk.id),
    name: trunk.name,
    customer: organization(trunk.orgId, orgName),
    organization: organization(trunk.orgId, orgName),
    location: location({ id: trunk.locationId, name: trunk.locationName }),
    otgDtgId: trunk.otgDtgId,
    linePort: trunk.linePort,
    locationsUsingTrunk: [...using.values()].map(location),
    ...(trunk.pilotUserId !== null ? { pilotUserId: trunk.pilotUserId } : {}),
    outboundProxy: null,
    ...(trunk.sipAuthenticationUserName !== null ? { sipAuthenticationUserName: trunk.sipAuthenticationUserName } : {}),
    status: 'OFFLINE',
    errorCodes: [],
    responseStatus: [],
    dualIdentitySupportEnabled: trunk.dualIdentitySupportEnabled,
    trunkType: trunk.trunkType,
    deviceType: trunk.deviceType,
    ...(trunk.address !== null ? { address: trunk.address } : {}),
    ...(trunk.domain !== null ? { domain: trunk.domain } : {}),
    port: trunk.port ?? REGISTERING_TRUNK_PORT,
    maxConcurrentCalls: trunk.maxConcurrentCalls ?? CONCURRENT_CALLS.maxConcurrentCalls,
    isRestrictedToDedicatedInstance: false,
    pChargeInfoSupportPolicy: trunk.pChargeInfoSupportPolicy,
  };
}

export function presentRouteGroupItem(g: RouteGroupListing): RouteGroupItem {
  return { id: encodeId('ROUTE_GROUP', g.id), name: g.name, inUse: g.inUse };
}

export function presentRouteGroupDetails({ routeGroup, members, orgName }: RouteGroupView): RouteGroupDetails {
  return {
    name: routeGroup.name,
    organization: organization(routeGroup.orgId, orgName),
    localGateways: members.map((m) => ({
      id: encodeId('TRUNK', m.trunkId),
      name: m.trunkName,
      locationId: encodeId('LOCATION', m.locationId),
      priority: m.priority,
    })),
  };
}

export function presentDialPlanItem(d: DialPlanListing): DialPlanItem {
  return { id: encodeId('DIAL_PLAN', d.id), name: d.name, routeId: encodeId(d.routeType, d.routeId), routeName: d.routeName, routeType: d.routeType };
}

export function presentDialPlanDetails({ dialPlan, orgName }: DialPlanView): DialPlanDetails {
  return { ...presentDialPlanItem(dialPlan), customer: organization(dialPlan.orgId, orgName) };
}

export function presentRouteChoice(r: RouteChoice) {
  return { id: encodeId(r.type, r.id), name: r.name, type: r.type };
}
