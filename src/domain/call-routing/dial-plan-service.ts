import { randomUUID } from 'node:crypto';
import type { DialPlan, DialPlanListing, RouteChoice, RouteType } from '../../store/call-routing-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { decodeId } from '../webex-ids.ts';
import {
  dialPatternNotInPlan,
  dialPatternRepeated,
  dialPatternTaken,
  dialPlanNameInUse,
  dialPlanNotFound,
  invalidDialPattern,
  invalidRouteReference,
  noDialPatternChange,
  tooManyDialPatterns,
} from './call-routing-errors.ts';
import { checkDialPatterns, dialPatternProblem, type DialPatternProblem } from './dial-pattern.ts';
import { parseOrder } from './list-order.ts';
import { checkedName } from './call-routing-rules.ts';

// Dial plans route calls to premises destinations: the calls that match one of a plan's dial
// patterns go to its route, a trunk or a route group. Plans apply to the whole organization, so a
// dial pattern belongs to at most one plan of it.

export const MAX_DIAL_PATTERNS_PER_REQUEST = 1000;

export type DialPlanListQuery = { dialPlanName?: string; routeGroupName?: string; trunkName?: string; order?: string; start: number; max: number };
export type DialPlanInput = { name: string; routeId: string; routeType: RouteType };
export type CreateDialPlanInput = DialPlanInput & { dialPatterns?: string[] };
export type DialPlanDetails = { dialPlan: DialPlanListing; orgName: string };

export type DialPatternListQuery = { dialPattern?: string; order?: string; start: number; max: number };
export type DialPatternChange = { dialPattern: string; action: 'ADD' | 'DELETE' };
export type ModifyDialPatternsInput = { dialPatterns?: DialPatternChange[]; deleteAllDialPatterns?: boolean };

export type DialPatternValidation = { status: 'OK' | 'ERRORS'; dialPatternStatus: DialPatternProblem[] };

/** A trunk or route group of the organization by its public ID and type, or undefined. */
export async function lookupRoute(store: Store, orgId: string, type: RouteType, publicId: string): Promise<RouteChoice | undefined> {
  const id = decodeId(publicId, type);
  if (!id) return undefined;
  const route = type === 'TRUNK' ? await store.callRouting.getTrunk(orgId, id) : await store.callRouting.getRouteGroup(orgId, id);
  return route && { id: route.id, name: route.name, type };
}

export class DialPlanService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: DialPlanListQuery): Promise<Page<DialPlanListing, number>> {
    const filter = {
      name: query.dialPlanName || undefined,
      routeGroupName: query.routeGroupName || undefined,
      trunkName: query.trunkName || undefined,
      order: parseOrder(query.order, ['name', 'routeName', 'routeType']),
    };
    return this.store.callRouting.searchDialPlans(orgId, filter, { start: query.start, limit: query.max });
  }

  /** Creates a dial plan with its dial patterns, all checked first: any bad pattern and nothing is created. */
  async create(orgId: string, input: CreateDialPlanInput): Promise<string> {
    const name = checkedName(input.name);
    const dialPatterns = input.dialPatterns ?? [];
    if (dialPatterns.length > MAX_DIAL_PATTERNS_PER_REQUEST) throw tooManyDialPatterns(MAX_DIAL_PATTERNS_PER_REQUEST);
    return this.store.transaction(async (tx) => {
      const route = await this.route(tx, orgId, input);
      if (await tx.callRouting.findDialPlanByName(orgId, name)) throw dialPlanNameInUse(name);
      await this.checkAdditions(tx, orgId, dialPatterns);
      const dialPlan: DialPlan = { id: randomUUID(), orgId, name, routeType: route.type, routeId: route.id, created: timestamp(this.clock) };
      await tx.callRouting.insertDialPlan(dialPlan, dialPatterns);
      return dialPlan.id;
    });
  }

  async details(orgId: string, publicId: string): Promise<DialPlanDetails> {
    const dialPlan = await this.dialPlan(this.store, orgId, publicId);
    const org = await this.store.organizations.get(orgId);
    return { dialPlan, orgName: org?.displayName ?? '' };
  }

  /** Renames the dial plan and sets its route; its dial patterns stay. */
  async update(orgId: string, publicId: string, input: DialPlanInput): Promise<void> {
    const name = checkedName(input.name);
    await this.store.transaction(async (tx) => {
      const dialPlan = await this.dialPlan(tx, orgId, publicId);
      const route = await this.route(tx, orgId, input);
      const sameName = await tx.callRouting.findDialPlanByName(orgId, name);
      if (sameName && sameName.id !== dialPlan.id) throw dialPlanNameInUse(name);
      await tx.callRouting.updateDialPlan({ ...dialPlan, name, routeType: route.type, routeId: route.id });
    });
  }

  /** Deletes a dial plan with its dial patterns. */
  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const dialPlan = await this.dialPlan(tx, orgId, publicId);
      await tx.callRouting.deleteDialPlan(orgId, dialPlan.id);
    });
  }

  async listDialPatterns(orgId: string, publicId: string, query: DialPatternListQuery): Promise<Page<string, number>> {
    const dialPlan = await this.dialPlan(this.store, orgId, publicId);
    const filter = { dialPattern: query.dialPattern || undefined, order: parseOrder(query.order, ['dialPattern']) };
    return this.store.callRouting.searchDialPatterns(dialPlan.id, filter, { start: query.start, limit: query.max });
  }

  /**
   * Adds and deletes dial patterns; patterns not named stay. With deleteAllDialPatterns: true
   * every pattern of the plan is deleted and dialPatterns is ignored, as Webex documents for the
   * same flag of route lists. All changes are checked first: any bad one and nothing changes.
   */
  async modifyDialPatterns(orgId: string, publicId: string, input: ModifyDialPatternsInput): Promise<void> {
    const changes = input.dialPatterns;
    if (input.deleteAllDialPatterns !== true && changes === undefined) throw noDialPatternChange();
    if (changes && changes.length > MAX_DIAL_PATTERNS_PER_REQUEST) throw tooManyDialPatterns(MAX_DIAL_PATTERNS_PER_REQUEST);
    await this.store.transaction(async (tx) => {
      const dialPlan = await this.dialPlan(tx, orgId, publicId);
      if (input.deleteAllDialPatterns === true) {
        await tx.callRouting.deleteAllDialPatterns(dialPlan.id);
        return;
      }
      const seen = new Set<string>();
      for (const change of changes!) {
        if (seen.has(change.dialPattern)) throw dialPatternRepeated(change.dialPattern);
        seen.add(change.dialPattern);
      }
      const additions = changes!.filter((c) => c.action === 'ADD').map((c) => c.dialPattern);
      const deletions = changes!.filter((c) => c.action === 'DELETE').map((c) => c.dialPattern);
      await this.checkAdditions(tx, orgId, additions);
      const held = new Map((await tx.callRouting.findDialPatterns(orgId, deletions)).map((p) => [p.dialPattern, p.dialPlanId]));
      for (const pattern of deletions) if (held.get(pattern) !== dialPlan.id) throw dialPatternNotInPlan(pattern);
      await tx.callRouting.deleteDialPatterns(dialPlan.id, deletions);
      await tx.callRouting.addDialPatterns(orgId, dialPlan.id, additions);
    });
  }

  /** Checks patterns as an addition would, without adding them: the problems, or OK. */
  async validateDialPatterns(orgId: string, dialPatterns: string[]): Promise<DialPatternValidation> {
    if (dialPatterns.length > MAX_DIAL_PATTERNS_PER_REQUEST) throw tooManyDialPatterns(MAX_DIAL_PATTERNS_PER_REQUEST);
    const held = await this.heldBy(this.store, orgId, dialPatterns);
    const problems = checkDialPatterns(dialPatterns, (p) => held.get(p));
    return { status: problems.length === 0 ? 'OK' : 'ERRORS', dialPatternStatus: problems };
  }

  private async heldBy(tx: Store, orgId: string, dialPatterns: readonly string[]): Promise<Map<string, string>> {
    const valid = dialPatterns.filter((p) => dialPatternProblem(p) === undefined);
    return new Map((await tx.callRouting.findDialPatterns(orgId, valid)).map((p) => [p.dialPattern, p.dialPlanName]));
  }

  /** Patterns to add: valid (400), once in the request (400), in no dial plan of the organization yet (409). */
  private async checkAdditions(tx: Store, orgId: string, dialPatterns: readonly string[]): Promise<void> {
    if (dialPatterns.length === 0) return;
    const held = await this.heldBy(tx, orgId, dialPatterns);
    const problems = checkDialPatterns(dialPatterns, (p) => held.get(p));
    const first = problems.find((p) => p.patternStatus === 'INVALID') ?? problems.find((p) => p.patternStatus === 'DUPLICATE_IN_LIST') ?? problems[0];
    if (!first) return;
    if (first.patternStatus === 'INVALID') throw invalidDialPattern(first.message);
    if (first.patternStatus === 'DUPLICATE_IN_LIST') throw dialPatternRepeated(first.dialPattern);
    throw dialPatternTaken(first.dialPattern, held.get(first.dialPattern)!);
  }

  private async dialPlan(tx: Store, orgId: string, publicId: string): Promise<DialPlanListing> {
    const id = decodeId(publicId, 'DIAL_PLAN');
    const dialPlan = id && (await tx.callRouting.getDialPlan(orgId, id));
    if (!dialPlan) throw dialPlanNotFound();
    return dialPlan;
  }

  private async route(tx: Store, orgId: string, input: DialPlanInput): Promise<RouteChoice> {
    const route = await lookupRoute(tx, orgId, input.routeType, input.routeId);
    if (!route) throw invalidRouteReference(input.routeType);
    return route;
  }
}
