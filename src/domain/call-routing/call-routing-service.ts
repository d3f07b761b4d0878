import type { RouteChoice, RouteType } from '../../store/call-routing-store.ts';
import type { Page, Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { DialPlanService, lookupRoute } from './dial-plan-service.ts';
import { parseOrder } from './list-order.ts';
import { RouteGroupService } from './route-group-service.ts';
import { TrunkService } from './trunk-service.ts';

// The Call Routing area's premises PSTN: trunks, route groups and dial plans (each its own
// service), and the route choices they make for dial plans and locations' PSTN connections.

export type RouteChoiceQuery = { routeGroupName?: string; trunkName?: string; order?: string; start: number; max: number };

export class CallRoutingService {
  readonly trunks: TrunkService;
  readonly routeGroups: RouteGroupService;
  readonly dialPlans: DialPlanService;
  private readonly store: Store;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.trunks = new TrunkService(store, clock);
    this.routeGroups = new RouteGroupService(store, clock);
    this.dialPlans = new DialPlanService(store, clock);
  }

  /**
   * Trunks and route groups a call can be routed to. routeGroupName keeps only route groups
   * whose name contains it, trunkName only trunks; given both, either kind.
   */
  async listRouteChoices(orgId: string, query: RouteChoiceQuery): Promise<Page<RouteChoice, number>> {
    const filter = {
      routeGroupName: query.routeGroupName || undefined,
      trunkName: query.trunkName || undefined,
      order: parseOrder(query.order, ['routeName', 'routeType']),
    };
    return this.store.callRouting.searchRouteChoices(orgId, filter, { start: query.start, limit: query.max });
  }

  /**
   * A trunk or route group of the organization by its public ID (for a location's PSTN
   * connection): its raw uuid, name and type, or undefined when the ID is not one of the
   * organization's routes of that type. Never throws for a bad ID. A caller inside a store
   * transaction passes it as `tx`: on SQLite the one connection is the transaction's until it
   * ends, so a read outside it would wait for ever.
   */
  async findRoute(orgId: string, type: RouteType, publicId: string, tx: Store = this.store): Promise<RouteChoice | undefined> {
    return lookupRoute(tx, orgId, type, publicId);
  }
}
