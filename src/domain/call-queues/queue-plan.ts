import type { ForwardParty, HuntGroupParty, HuntPlan, QueuePlan, Session } from '../../engine/types.ts';
import type { StoredCallQueue, StoredQueueAgent } from '../../store/call-queues-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { orderedAgents, RING_MS, selectiveRules } from '../hunt-groups/hunt-plan.ts';
import { isInSchedule } from '../schedules/schedule-time.ts';
import { queueParts } from './queue-parts.ts';
import { readyForQueueCalls } from './my-queues.ts';

// What the engine needs to take a call into a queue (see engine/hunt.ts): the queue as a party
// and its plan, read when the call arrives. Only joined agents are offered, in the policy's order
// (SKILL_BASED: the highest skill, level 1, first, the policy within a level). The services that
// take a call before the line does are decided here, on the location's clock: forced forward,
// then holiday service (in the named holiday schedule), then night service (forced, or outside
// the named business hours), then stranded calls (no agent has joined).

/** A waiting call is offered again to whoever is free this often (server clock). */
export const QUEUE_RETRY_MS = 5000;
/** How long the welcome message plays (the default greeting's length). */
export const WELCOME_MS = 5000;

export const callQueueParty = (q: StoredCallQueue, location: Pick<Location, 'routingPrefix'>): HuntGroupParty => ({
  kind: 'huntGroup',
  feature: 'callQueue',
  huntGroupId: q.id,
  orgId: q.orgId,
  locationId: q.locationId,
  name: q.name,
  number: q.phoneNumber,
  extension: q.extension,
  routingPrefix: location.routingPrefix,
});

/** The queue as a callable party, when it takes calls (enabled, of the organization). */
export async function callableCallQueue(store: Store, orgId: string, queue: StoredCallQueue | undefined): Promise<HuntGroupParty | undefined> {
  if (!queue || !queue.enabled || queue.orgId !== orgId) return undefined;
  const location = await store.locations.get(orgId, queue.locationId);
  return location ? callQueueParty(queue, location) : undefined;
}

type Resolve = (destination: string) => Promise<ForwardParty | undefined>;

async function joinedInOrder(store: Store, queue: StoredCallQueue, random?: () => number): Promise<HuntPlan['agents']> {
  const { policy, routingType } = queue.settings.callPolicies;
  // Offered: agents who joined the queue and whose ACD state is ready (my-queues.ts).
  const joined: StoredQueueAgent[] = [];
  for (const a of await store.callQueues.agents(queue.id)) if (a.joinEnabled && (await readyForQueueCalls(store, queue.orgId, a.personId))) joined.push(a);
  const lastAgentId = policy === 'CIRCULAR' ? await store.callQueues.lastAgent(queue.id) : null;
  const levels: StoredQueueAgent[][] = routingType === 'SKILL_BASED' ? [...new Set(joined.map((a) => a.skillLevel))].sort((a, b) => a - b).map((l) => joined.filter((a) => a.skillLevel === l)) : [joined];
  const out: HuntPlan['agents'] = [];
  for (const agents of levels) out.push(...(await orderedAgents(store, queue.orgId, { policy, agents, lastAgentId, random })));
  return out;
}

async function inNamedSchedule(store: Store, queue: StoredCallQueue, type: 'holidays' | 'businessHours', name: string | undefined, now: Date, timeZone: string): Promise<boolean | undefined> {
  if (!name) return undefined;
  const schedule = await store.schedules.findByName(queue.orgId, queue.locationId, type, name);
  return schedule ? isInSchedule(schedule, now, timeZone) : undefined;
}

/** The service that takes the call instead of the line, if any. */
async function divertOf(store: Store, queue: StoredCallQueue, hasAgents: boolean, now: Date, resolve: Resolve): Promise<QueuePlan['divert']> {
  const parts = queueParts(queue.settings);
  const location = await store.locations.get(queue.orgId, queue.locationId);
  const timeZone = location?.timeZone ?? 'UTC';
  const to = async (action: unknown, number: unknown) => (action === 'TRANSFER' && typeof number === 'string' ? ((await resolve(number)) ?? null) : null);
  const forced = parts.forcedForward;
  if (forced.forcedForwardEnabled === true && typeof forced.transferPhoneNumber === 'string') {
    return { to: (await resolve(forced.transferPhoneNumber)) ?? null, reason: 'unconditional' };
  }
  const holiday = parts.holidayService;
  if (holiday.holidayServiceEnabled === true && (await inNamedSchedule(store, queue, 'holidays', holiday.holidayScheduleName as string | undefined, now, timeZone)) === true) {
    return { to: await to(holiday.action, holiday.transferPhoneNumber), reason: 'timeOfDay' };
  }
  const night = parts.nightService;
  const nightNow = async () =>
    night.forceNightServiceEnabled === true || (await inNamedSchedule(store, queue, 'businessHours', night.businessHoursName as string | undefined, now, timeZone)) === false;
  if (night.nightServiceEnabled === true && (await nightNow())) return { to: await to(night.action, night.transferPhoneNumber), reason: 'timeOfDay' };
  if (!hasAgents) {
    const stranded = parts.strandedCalls;
    if (stranded.action === 'BUSY') return { to: null, reason: 'busy' };
    if (stranded.action === 'TRANSFER') return { to: await to('TRANSFER', stranded.transferPhoneNumber), reason: 'busy' };
    if (stranded.action === 'NIGHT_SERVICE') return { to: await to(night.action, night.transferPhoneNumber), reason: 'busy' };
  }
  return undefined;
}

/** The plan for a call arriving now; destinations are resolved by the caller's rules. */
export async function loadQueuePlan(store: Store, queue: StoredCallQueue, options: { now: Date; resolve: Resolve; random?: () => number }): Promise<HuntPlan> {
  const { callPolicies, queueSettings, callForwarding } = queue.settings;
  const agents = await joinedInOrder(store, queue, options.random);
  const overflow = queueSettings.overflow;
  const after = overflow.overflowAfterWaitEnabled ? overflow.overflowAfterWaitTime * 1000 : null;
  const forward = async (enabled: boolean, destination: string | undefined) => (enabled && destination ? ((await options.resolve(destination)) ?? null) : null);
  const divert = await divertOf(store, queue, agents.length > 0, options.now, options.resolve);
  return {
    policy: callPolicies.policy,
    agents,
    nextAgentEnabled: callPolicies.callBounce.callBounceEnabled,
    agentRingMs: callPolicies.callBounce.callBounceMaxRings * RING_MS,
    noAnswerMs: after ?? 0,
    noAnswerForward: null,
    busyForward: null,
    alwaysForward: await forward(callForwarding.always.enabled, callForwarding.always.destination),
    selective: await selectiveRules(store, queue, options.now, (destination) => forward(true, destination)),
    queue: {
      waiting: (await store.callQueues.waiting(queue.id)).length,
      size: queueSettings.queueSize,
      overflow: {
        to: overflow.action === 'TRANSFER_TO_PHONE_NUMBER' ? await forward(true, overflow.transferNumber) : null,
        ringing: overflow.action === 'PLAY_RINGING_UNTIL_CALLER_HANGS_UP',
      },
      overflowAfterMs: after,
      retryMs: QUEUE_RETRY_MS,
      welcome: queueSettings.welcomeMessage.enabled,
      ...(divert ? { divert } : {}),
    },
  };
}

/**
 * After a step: the line of each queue (a call waits while its queue's hunt is live and its
 * caller is on), and the agent a CIRCULAR queue offered last. Runs after the sessions are stored.
 */
export async function rememberQueues(tx: Store, sessions: readonly Session[], offeredBefore: (sessionId: string) => number): Promise<void> {
  for (const s of sessions) {
    const hunt = s.hunt;
    if (hunt?.group.feature !== 'callQueue') continue;
    const caller = s.legs.find((l) => l.id === hunt.originatorLegId);
    const waiting = !hunt.over && hunt.queuedAt !== undefined && caller !== undefined && caller.state !== 'disconnected';
    await tx.callQueues.setWaiting(s.id, waiting ? hunt.group.huntGroupId : null, hunt.queuedAt ?? s.created);
    if (hunt.plan.policy === 'CIRCULAR' && hunt.offered.length > offeredBefore(s.id)) await tx.callQueues.setLastAgent(hunt.group.huntGroupId, hunt.offered.at(-1)!);
  }
}

/** What a waiting caller hears now: the welcome message first, then music on hold (with comfort messages). */
export function queueAnnouncement(hunt: NonNullable<Session['hunt']>, now: Date): 'welcome' | 'musicOnHold' {
  const since = Date.parse(hunt.queuedAt ?? '');
  return hunt.plan.queue?.welcome && now.getTime() - since < WELCOME_MS ? 'welcome' : 'musicOnHold';
}
