import type { DialPlanDetails as DialPlanView } from '../../domain/call-routing/dial-plan-service.ts';
import type { RouteGroupDetails as RouteGroupView } from '../../domain/call-routing/route-group-service.ts';
import type { TrunkDetails as TrunkView } from '../../domain/call-routing/trunk-service.ts';
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

/** Gateway registration state and outbound proxy are not presented: no gateway ever connects. */
export function presentTrunkDetails({ trunk, usage, orgName }: TrunkView): TrunkDetails {
  const using = new Map([...usage.locations, ...usage.locationsThroughRouteGroups].map((l) => [l.id, l]));
  return {
    id: encodeId('TRUNK', trunk.id),
    name: trunk.name,
    organization: organization(trunk.orgId, orgName),
    location: location({ id: trunk.locationId, name: trunk.locationName }),
    otgDtgId: trunk.otgDtgId,
    linePort: trunk.linePort,
    locationsUsingTrunk: [...using.values()].map(location),
    ...(trunk.pilotUserId !== null ? { pilotUserId: trunk.pilotUserId } : {}),
    ...(trunk.sipAuthenticationUserName !== null ? { sipAuthenticationUserName: trunk.sipAuthenticationUserName } : {}),
    status: 'OFFLINE',
    dualIdentitySupportEnabled: trunk.dualIdentitySupportEnabled,
    trunkType: trunk.trunkType,
    deviceType: trunk.deviceType,
    ...(trunk.address !== null ? { address: trunk.address } : {}),
    ...(trunk.domain !== null ? { domain: trunk.domain } : {}),
    ...(trunk.port !== null ? { port: trunk.port } : {}),
    ...(trunk.maxConcurrentCalls !== null ? { maxConcurrentCalls: trunk.maxConcurrentCalls } : {}),
    isRestrictedToDedicatedInstance: false,
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
