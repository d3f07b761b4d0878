import type { HuntPlan, Party, Session } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { resolveDestination } from '../calls/destinations.ts';
import { loadHuntPlan } from './hunt-plan.ts';
import { loadQueuePlan } from '../call-queues/queue-plan.ts';

// The call runtime's two touch points with hunt groups: plans for the hunt groups a step may
// call, and, after a step, the agent a CIRCULAR group offered last (where its next call starts).

export async function loadHuntPlans(tx: Store, parties: readonly Party[], now: Date): Promise<Map<string, HuntPlan>> {
  const plans = new Map<string, HuntPlan>();
  for (const party of parties) {
    if (party.kind !== 'huntGroup' || plans.has(party.huntGroupId)) continue;
    const resolve = async (destination: string) => {
      const to = await resolveDestination(tx, { orgId: party.orgId, locationId: party.locationId }, destination);
      // A hunt group (or queue) does not forward into another one's hunt, a park extension or a page.
      return to && to.kind !== 'huntGroup' && to.kind !== 'parkExtension' && to.kind !== 'pagingGroup' ? to : undefined;
    };
    if (party.feature === 'callQueue') {
      const queue = await tx.callQueues.get(party.orgId, party.huntGroupId);
      if (queue) plans.set(party.huntGroupId, await loadQueuePlan(tx, queue, { now, resolve }));
      continue;
    }
    const group = await tx.huntGroups.get(party.orgId, party.huntGroupId);
    if (!group) continue;
    plans.set(party.huntGroupId, await loadHuntPlan(tx, group, { now, resolve }));
  }
  return plans;
}

/** Only steps that offered someone new write (a late step of an older call must not rewind it). */
export async function rememberHunts(tx: Store, sessions: readonly Session[], offeredBefore: (sessionId: string) => number): Promise<void> {
  for (const s of sessions) {
    if (s.hunt?.plan.policy !== 'CIRCULAR' || s.hunt.group.feature === 'callQueue' || s.hunt.offered.length <= offeredBefore(s.id)) continue;
    await tx.huntGroups.setLastAgent(s.hunt.group.huntGroupId, s.hunt.offered.at(-1)!);
  }
}
