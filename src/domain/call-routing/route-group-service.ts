import { randomUUID } from 'node:crypto';
import type { RouteListListing } from '../../store/route-lists-store.ts';
import type { RouteGroup, RouteGroupListing, RouteGroupMember, RouteGroupMemberListing, RouteGroupUsage } from '../../store/call-routing-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { decodeId } from '../webex-ids.ts';
import { inUse, invalidTrunkReference, priorityListedTwice, routeGroupNameInUse, routeGroupNotFound, trunkListedTwice } from './call-routing-errors.ts';
import { parseOrder } from './list-order.ts';
import { checkedName, describeUsers } from './call-routing-rules.ts';

// Route groups: up to 10 trunks, possibly of different locations, tried by priority (the
// lowest number first), for scale and redundancy of the connection to the premises.

export type RouteGroupListQuery = { name?: string; order?: string; start: number; max: number };

/** A trunk of the route group by its public ID, with its priority. */
export type LocalGatewayInput = { id: string; priority: number };

export type CreateRouteGroupInput = { name: string; localGateways: LocalGatewayInput[] };
export type UpdateRouteGroupInput = { name: string; localGateways?: LocalGatewayInput[] };

export type RouteGroupDetails = { routeGroup: RouteGroup; members: RouteGroupMemberListing[]; orgName: string };

export class RouteGroupService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: RouteGroupListQuery): Promise<Page<RouteGroupListing, number>> {
    const filter = { name: query.name || undefined, order: parseOrder(query.order, ['name']) };
    return this.store.callRouting.searchRouteGroups(orgId, filter, { start: query.start, limit: query.max });
  }

  async create(orgId: string, input: CreateRouteGroupInput): Promise<string> {
    const name = checkedName(input.name);
    return this.store.transaction(async (tx) => {
      const members = await this.members(tx, orgId, input.localGateways);
      if (await tx.callRouting.findRouteGroupByName(orgId, name)) throw routeGroupNameInUse(name);
      const routeGroup: RouteGroup = { id: randomUUID(), orgId, name, created: timestamp(this.clock) };
      await tx.callRouting.insertRouteGroup(routeGroup, members);
      return routeGroup.id;
    });
  }

  async details(orgId: string, publicId: string): Promise<RouteGroupDetails> {
    const routeGroup = await this.routeGroup(this.store, orgId, publicId);
    const [members, org] = await Promise.all([this.store.callRouting.routeGroupMembers(routeGroup.id), this.store.organizations.get(orgId)]);
    return { routeGroup, members, orgName: org?.displayName ?? '' };
  }

  /** Renames the route group and, when localGateways is given, replaces its trunks. */
  async update(orgId: string, publicId: string, input: UpdateRouteGroupInput): Promise<void> {
    const name = checkedName(input.name);
    await this.store.transaction(async (tx) => {
      const routeGroup = await this.routeGroup(tx, orgId, publicId);
      const members = input.localGateways === undefined ? undefined : await this.members(tx, orgId, input.localGateways);
      const sameName = await tx.callRouting.findRouteGroupByName(orgId, name);
      if (sameName && sameName.id !== routeGroup.id) throw routeGroupNameInUse(name);
      await tx.callRouting.updateRouteGroup({ ...routeGroup, name }, members);
    });
  }

  /** The dial plans and locations' PSTN connections that use a route group; 404 for one not of the organization. */
  async usage(orgId: string, publicId: string): Promise<RouteGroupUsage & { routeLists: RouteListListing[] }> {
    const routeGroup = await this.routeGroup(this.store, orgId, publicId);
    const usage = await this.store.callRouting.routeGroupUsage(orgId, routeGroup.id);
    return { ...usage, routeLists: await this.store.routeLists.byRouteGroup(orgId, routeGroup.id) };
  }

  /** Deletes a route group no dial plan, route list or location's PSTN connection uses (409 otherwise). */
  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const routeGroup = await this.routeGroup(tx, orgId, publicId);
      const users = [
        ...describeUsers(await tx.callRouting.routeGroupUsage(orgId, routeGroup.id)),
        ...(await tx.routeLists.byRouteGroup(orgId, routeGroup.id)).map((r) => `route list "${r.name}"`),
      ];
      if (users.length > 0) throw inUse('route group', routeGroup.name, users);
      await tx.callRouting.deleteRouteGroup(orgId, routeGroup.id);
    });
  }

  private async routeGroup(tx: Store, orgId: string, publicId: string): Promise<RouteGroup> {
    const id = decodeId(publicId, 'ROUTE_GROUP');
    const routeGroup = id && (await tx.callRouting.getRouteGroup(orgId, id));
    if (!routeGroup) throw routeGroupNotFound();
    return routeGroup;
  }

  /** 1 to 10 trunks of this organization (the schema counts them), each once, each with its own priority. */
  private async members(tx: Store, orgId: string, gateways: readonly LocalGatewayInput[]): Promise<RouteGroupMember[]> {
    const members = gateways.map((gateway, i): RouteGroupMember => {
      const trunkId = decodeId(gateway.id, 'TRUNK');
      if (!trunkId) throw invalidTrunkReference(`localGateways[${i}].id`);
      return { trunkId, priority: gateway.priority };
    });
    const trunks = new Set<string>();
    const priorities = new Set<number>();
    members.forEach((member, i) => {
      if (trunks.has(member.trunkId)) throw trunkListedTwice(gateways[i]!.id);
      if (priorities.has(member.priority)) throw priorityListedTwice(member.priority);
      trunks.add(member.trunkId);
      priorities.add(member.priority);
    });
    const found = new Set((await tx.callRouting.getTrunks(orgId, [...trunks])).map((t) => t.id));
    members.forEach((member, i) => {
      if (!found.has(member.trunkId)) throw invalidTrunkReference(`localGateways[${i}].id`);
    });
    return members;
  }
}
