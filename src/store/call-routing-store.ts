import type { Page } from './store.ts';

// What the domain may ask of persistence for the call-routing area: premises PSTN trunks, route
// groups, dial plans with their dial patterns, and the route choices made of the first two.
// Records carry raw uuids; every read is scoped to an organization.

export type TrunkType = 'REGISTERING' | 'CERTIFICATE_BASED';
export type RouteType = 'TRUNK' | 'ROUTE_GROUP';
/** Which number a trunk's outbound PSTN calls carry in P-Charge-Info, if any. */
export type PChargeInfoSupportPolicy = 'DISABLED' | 'ASSERTED_IDENTITY' | 'CONFIGURABLE_CHARGE_NUMBER';
export type SortDirection = 'asc' | 'desc';
export type ListOrder<F extends string> = { field: F; direction: SortDirection };

/** Which rows of a list: a zero-based offset and a page size. */
export type Paging = { start: number; limit: number };

export type IdAndName = { id: string; name: string };

export type Trunk = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  trunkType: TrunkType;
  deviceType: string;
  passwordHash: string | null;
  dualIdentitySupportEnabled: boolean;
  address: string | null;
  domain: string | null;
  port: number | null;
  maxConcurrentCalls: number | null;
  pChargeInfoSupportPolicy: PChargeInfoSupportPolicy;
  otgDtgId: string;
  linePort: string;
  pilotUserId: string | null;
  sipAuthenticationUserName: string | null;
  created: string;
};

export type TrunkWithLocation = Trunk & { locationName: string };

export type TrunkListing = {
  id: string;
  name: string;
  locationId: string;
  locationName: string;
  trunkType: TrunkType;
  /** In a route group, the route of a dial plan, or a location's PSTN connection. */
  inUse: boolean;
};

export type TrunkFilter = {
  /** Any of these (each matched as contained in the name, regardless of case). */
  names?: string[];
  locationNames?: string[];
  trunkType?: TrunkType;
  order: ListOrder<'name' | 'locationName'>;
};

/** Everything that routes through a trunk. */
export type TrunkUsage = {
  /** Each with whether a dial plan or a location's PSTN connection uses it. */
  routeGroups: (IdAndName & { inUse: boolean })[];
  dialPlans: IdAndName[];
  /** Locations whose PSTN connection is the trunk itself. */
  locations: IdAndName[];
  /** Locations whose PSTN connection is a route group holding the trunk. */
  locationsThroughRouteGroups: IdAndName[];
};

export type RouteGroup = { id: string; orgId: string; name: string; created: string };

export type RouteGroupMember = { trunkId: string; priority: number };

export type RouteGroupMemberListing = RouteGroupMember & { trunkName: string; locationId: string };

export type RouteGroupListing = { id: string; name: string; inUse: boolean };

export type RouteGroupFilter = { name?: string; order: ListOrder<'name'> };

export type RouteGroupUsage = { dialPlans: IdAndName[]; locations: IdAndName[] };

export type DialPlan = { id: string; orgId: string; name: string; routeType: RouteType; routeId: string; created: string };

export type DialPlanListing = DialPlan & { routeName: string };

export type DialPlanFilter = {
  name?: string;
  /** Either given: only dial plans routed to a matching route group or a matching trunk. */
  routeGroupName?: string;
  trunkName?: string;
  order: ListOrder<'name' | 'routeName' | 'routeType'>;
};

export type DialPatternFilter = { dialPattern?: string; order: ListOrder<'dialPattern'> };

/** Where a stored dial pattern is. */
export type DialPatternOwner = { dialPattern: string; dialPlanId: string; dialPlanName: string };

export type RouteChoice = { id: string; name: string; type: RouteType };

export type RouteChoiceFilter = {
  /** Either given: only route groups or trunks with a matching name (both: either kind). */
  routeGroupName?: string;
  trunkName?: string;
  order: ListOrder<'routeName' | 'routeType'>;
};

export interface CallRoutingRepository {
  insertTrunk(trunk: Trunk): Promise<void>;
  getTrunk(orgId: string, id: string): Promise<TrunkWithLocation | undefined>;
  getTrunks(orgId: string, ids: readonly string[]): Promise<TrunkWithLocation[]>;
  /** A trunk of the organization with this name regardless of case. */
  findTrunkByName(orgId: string, name: string): Promise<Trunk | undefined>;
  updateTrunk(trunk: Trunk): Promise<void>;
  deleteTrunk(orgId: string, id: string): Promise<void>;
  searchTrunks(orgId: string, filter: TrunkFilter, paging: Paging): Promise<Page<TrunkListing, number>>;
  trunkUsage(orgId: string, id: string): Promise<TrunkUsage>;

  insertRouteGroup(routeGroup: RouteGroup, members: readonly RouteGroupMember[]): Promise<void>;
  getRouteGroup(orgId: string, id: string): Promise<RouteGroup | undefined>;
  findRouteGroupByName(orgId: string, name: string): Promise<RouteGroup | undefined>;
  /** The trunks of a route group by priority. */
  routeGroupMembers(routeGroupId: string): Promise<RouteGroupMemberListing[]>;
  /** Renames a route group and, when members are given, replaces its trunks. */
  updateRouteGroup(routeGroup: RouteGroup, members: readonly RouteGroupMember[] | undefined): Promise<void>;
  deleteRouteGroup(orgId: string, id: string): Promise<void>;
  searchRouteGroups(orgId: string, filter: RouteGroupFilter, paging: Paging): Promise<Page<RouteGroupListing, number>>;
  routeGroupUsage(orgId: string, id: string): Promise<RouteGroupUsage>;

  insertDialPlan(dialPlan: DialPlan, dialPatterns: readonly string[]): Promise<void>;
  getDialPlan(orgId: string, id: string): Promise<DialPlanListing | undefined>;
  findDialPlanByName(orgId: string, name: string): Promise<DialPlan | undefined>;
  updateDialPlan(dialPlan: DialPlan): Promise<void>;
  deleteDialPlan(orgId: string, id: string): Promise<void>;
  searchDialPlans(orgId: string, filter: DialPlanFilter, paging: Paging): Promise<Page<DialPlanListing, number>>;

  searchDialPatterns(dialPlanId: string, filter: DialPatternFilter, paging: Paging): Promise<Page<string, number>>;
  /** Which of these patterns the organization's dial plans already hold, and where. */
  findDialPatterns(orgId: string, dialPatterns: readonly string[]): Promise<DialPatternOwner[]>;
  addDialPatterns(orgId: string, dialPlanId: string, dialPatterns: readonly string[]): Promise<void>;
  deleteDialPatterns(dialPlanId: string, dialPatterns: readonly string[]): Promise<void>;
  deleteAllDialPatterns(dialPlanId: string): Promise<void>;

  searchRouteChoices(orgId: string, filter: RouteChoiceFilter, paging: Paging): Promise<Page<RouteChoice, number>>;
}
