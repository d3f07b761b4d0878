import type { ForwardParty, HuntGroupParty, HuntPlan, PersonParty, SelectiveRule } from '../../engine/types.ts';
import { looseE164 } from '../phone-numbers.ts';
import { isInSchedule } from '../schedules/schedule-time.ts';
import type { StoredAgent, StoredHuntGroup } from '../../store/hunt-groups-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { personParty } from '../calls/parties.ts';
import type { HuntGroupForwarding } from './hunt-group-types.ts';

// What the engine needs to hunt a call: the group as a party, and its plan, with the agents in
// the order the policy offers them. The ordering is pure (huntOrder); loading reads who is busy,
// when each agent last took a call and whom a CIRCULAR group offered last.

/** How long one ring lasts: Webex counts hunt group timings in rings. */
export const RING_MS = 6000;

export const huntGroupParty = (g: StoredHuntGroup, location: Pick<Location, 'routingPrefix'>): HuntGroupParty => ({
  kind: 'huntGroup',
  huntGroupId: g.id,
  orgId: g.orgId,
  locationId: g.locationId,
  name: g.name,
  number: g.phoneNumber,
  extension: g.extension,
  routingPrefix: location.routingPrefix,
});

export type OrderInput = {
  policy: HuntPlan['policy'];
  agents: readonly (StoredAgent & { lastCall?: string | null })[];
  /** CIRCULAR: the agent offered last. */
  lastAgentId?: string | null;
  /** WEIGHTED: a number in [0, 1). */
  random?: () => number;
};

/**
 * The agents in the order to offer them: REGULAR and SIMULTANEOUS as listed; CIRCULAR from the
 * one after the agent offered last; UNIFORM the one idle longest first (never called first);
 * WEIGHTED drawn one by one in proportion to their weights (weight 0 last).
 */
export function huntOrder({ policy, agents, lastAgentId, random = Math.random }: OrderInput): string[] {
  const ids = agents.map((a) => a.personId);
  switch (policy) {
    case 'CIRCULAR': {
      const at = lastAgentId ? ids.indexOf(lastAgentId) : -1;
      return [...ids.slice(at + 1), ...ids.slice(0, at + 1)];
    }
    case 'UNIFORM':
      return [...agents].sort((a, b) => (a.lastCall ?? '').localeCompare(b.lastCall ?? '')).map((a) => a.personId);
    case 'WEIGHTED': {
      const left = [...agents];
      const out: string[] = [];
      while (left.length > 0) {
        const total = left.reduce((sum, a) => sum + (a.weight ?? 0), 0);
        let pick = 0;
        if (total > 0) {
          let r = random() * total;
          pick = left.findIndex((a) => (r -= a.weight ?? 0) < 0);
          if (pick < 0) pick = left.length - 1;
        }
        out.push(left.splice(pick, 1)[0]!.personId);
      }
      return out;
    }
    default:
      return ids;
  }
}

/** The agents as parties in the order the policy offers them, with who is on a call now. */
export async function orderedAgents(store: Store, orgId: string, order: OrderInput): Promise<HuntPlan['agents']> {
  const people = new Map((await store.people.getMany(orgId, order.agents.map((a) => a.personId))).map((p) => [p.id, p]));
  const withHistory = await Promise.all(
    order.agents.map(async (a) => ({ ...a, lastCall: order.policy === 'UNIFORM' ? ((await store.calls.history(a.personId, 'received', 1))[0]?.time ?? null) : null })),
  );
  const agents: HuntPlan['agents'] = [];
  for (const personId of huntOrder({ ...order, agents: withHistory })) {
    const person = people.get(personId);
    if (!person || person.locationId === null) continue;
    const busy = (await store.calls.activeLegsOf(personId)).length > 0;
    agents.push({ party: (await personParty(store, person)) as PersonParty, busy });
  }
  return agents;
}

/** The plan for a call arriving now; forwarding destinations are resolved by the caller's rules. */
export async function loadHuntPlan(
  store: Store,
  group: StoredHuntGroup,
  options: { now: Date; resolve: (destination: string) => Promise<ForwardParty | undefined>; random?: () => number },
): Promise<HuntPlan> {
  const policies = group.settings.callPolicies;
  const stored = await store.huntGroups.agents(group.id);
  const lastAgentId = policies.policy === 'CIRCULAR' ? await store.huntGroups.lastAgent(group.id) : null;
  const agents = await orderedAgents(store, group.orgId, { policy: policies.policy, agents: stored, lastAgentId, random: options.random });
  const { noAnswer, busyRedirect } = policies;
  const forward = async (enabled: boolean, destination: string | undefined) =>
    enabled && destination ? ((await options.resolve(destination)) ?? null) : null;
  return {
    policy: policies.policy,
    agents,
    nextAgentEnabled: noAnswer.nextAgentEnabled,
    agentRingMs: noAnswer.nextAgentRings * RING_MS,
    // After numberOfRings the call is forwarded, or, without forwarding, ends unanswered.
    noAnswerMs: noAnswer.numberOfRings * RING_MS,
    noAnswerForward: await forward(noAnswer.forwardEnabled, noAnswer.destination),
    busyForward: await forward(busyRedirect.enabled, busyRedirect.destination),
    alwaysForward: await forward(group.settings.callForwarding.always.enabled, group.settings.callForwarding.always.destination),
    selective: await selectiveRules(store, group, options.now, (destination) => forward(true, destination)),
  };
}

/**
 * The selective rules in force at `now`: forwarding "selective" on, the rule enabled, and `now`
 * within its business-hours schedule and its holiday schedule when it names them (on the
 * location's clock; a schedule that no longer exists keeps the rule out).
 */
export async function selectiveRules(
  store: Store,
  group: Pick<StoredHuntGroup, 'orgId' | 'locationId'> & { settings: Pick<StoredHuntGroup['settings'], 'callForwarding'> },
  now: Date,
  resolve: (destination: string) => Promise<ForwardParty | null>,
): Promise<SelectiveRule[]> {
  const { selective, rules } = group.settings.callForwarding;
  if (!selective.enabled) return [];
  const location = await store.locations.get(group.orgId, group.locationId);
  if (!location) return [];
  const inForce: SelectiveRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    let scheduled = false;
    let outside = false;
    for (const [name, type] of [[rule.businessSchedule, 'businessHours'], [rule.holidaySchedule, 'holidays']] as const) {
      if (!name) continue;
      scheduled = true;
      const schedule = await store.schedules.findByName(group.orgId, group.locationId, type, name);
      if (!schedule || !isInSchedule(schedule, now, location.timeZone)) outside = true;
    }
    if (outside) continue;
    const to = rule.forwardTo;
    const destination = to.selection === 'FORWARD_TO_SPECIFIED_NUMBER' ? to.phoneNumber : to.selection === 'FORWARD_TO_DEFAULT_NUMBER' ? selective.destination : undefined;
    const from = rule.callsFrom;
    inForce.push({
      callsFrom:
        from.selection === 'ANY'
          ? 'ANY'
          : { numbers: (from.customNumbers?.numbers ?? []).map((n) => looseE164(n) ?? n), unavailableNumberEnabled: from.customNumbers?.unavailableNumberEnabled === true },
      forward: destination ? await resolve(destination) : null,
      reason: scheduled ? 'timeOfDay' : 'unconditional',
    });
  }
  return inForce;
}

/** The hunt group as a callable party, when it takes calls (enabled, of the organization). */
export async function callableHuntGroup(store: Store, orgId: string, group: StoredHuntGroup | undefined): Promise<HuntGroupParty | undefined> {
  if (!group || !group.enabled || group.orgId !== orgId) return undefined;
  const location = await store.locations.get(orgId, group.locationId);
  return location ? huntGroupParty(group, location) : undefined;
}
