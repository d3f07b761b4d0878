import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { encodeId, decodeId } from '../webex-ids.ts';

// Call Settings For Me: the call queues the token's person is an agent of, whether they have
// joined each (the same membership an administrator sets with joinEnabled), and their ACD state.
// Both decide whether a queue's calls reach them (queue-plan.ts offers only joined agents who
// are ready).

export type AcdState = 'SIGN_IN' | 'SIGN_OUT' | 'AVAILABLE' | 'UNAVAILABLE' | 'WRAP_UP';

/** Where the agent's ACD state is kept: the person's owner settings, under this key. */
const ACD_KEY = 'callCenterAgent';
/** An agent never set is available, as Webex shows a new agent. */
const DEFAULT_ACD: AcdState = 'AVAILABLE';
/** States in which an agent takes no queue calls. */
const NOT_READY: ReadonlySet<AcdState> = new Set(['SIGN_OUT', 'UNAVAILABLE', 'WRAP_UP']);

export type MyQueue = { id: string; hasCxEssentials: boolean; available: boolean; skillLevel: number; phoneNumber?: string; extension?: string; allowLogOffEnabled: boolean };

export async function acdStateOf(store: Store, orgId: string, personId: string): Promise<AcdState> {
  const stored = await store.ownerSettings.get({ orgId, kind: 'person', id: personId }, ACD_KEY);
  return stored ? (JSON.parse(stored) as { agentACDState: AcdState }).agentACDState : DEFAULT_ACD;
}

/** Whether an agent's ACD state lets a queue offer them calls. */
export const readyForQueueCalls = async (store: Store, orgId: string, personId: string) => !NOT_READY.has(await acdStateOf(store, orgId, personId));

export async function myQueues(store: Store, orgId: string, personId: string): Promise<{ agentACDState: AcdState; queues: MyQueue[] }> {
  const memberships = await store.callQueues.queuesOf(personId);
  const queues = await store.callQueues.all(orgId, memberships.map((m) => m.queueId));
  const agents = new Map<string, { joinEnabled: boolean; skillLevel: number }>();
  for (const q of queues) {
    const agent = (await store.callQueues.agents(q.id)).find((a) => a.personId === personId);
    if (agent) agents.set(q.id, agent);
  }
  return {
    agentACDState: await acdStateOf(store, orgId, personId),
    queues: queues.flatMap((q) => {
      const agent = agents.get(q.id);
      if (!agent) return [];
      return [
        {
          id: encodeId('CALL_QUEUE', q.id),
          hasCxEssentials: q.settings.hasCxEssentials,
          available: agent.joinEnabled,
          skillLevel: agent.skillLevel,
          ...(q.phoneNumber ? { phoneNumber: q.phoneNumber } : {}),
          ...(q.extension ? { extension: q.extension } : {}),
          // Callplane lets every agent join and leave the queues they belong to.
          allowLogOffEnabled: true,
        },
      ];
    }),
  };
}

/**
 * Joins or leaves queues and sets the ACD state, in one transaction: every queue named must be one
 * the person is an agent of (400 otherwise, nothing changed).
 */
export async function updateMyQueues(
  store: Store,
  clock: Clock,
  orgId: string,
  personId: string,
  update: { agentACDState?: AcdState; queues?: readonly { id: string; available?: boolean }[] },
): Promise<void> {
  await store.transaction(async (tx) => {
    const memberships = new Set((await tx.callQueues.queuesOf(personId)).map((m) => m.queueId));
    const changes: [string, boolean][] = [];
    for (const q of update.queues ?? []) {
      const queueId = decodeId(q.id, 'CALL_QUEUE');
      if (queueId === undefined || !memberships.has(queueId) || !(await tx.callQueues.get(orgId, queueId))) throw badRequest(`queues: ${q.id} is not a call queue you are an agent of.`);
      if (q.available !== undefined) changes.push([queueId, q.available]);
    }
    for (const [queueId, joined] of changes) await tx.callQueues.setJoined(queueId, personId, joined);
    if (update.agentACDState !== undefined) {
      await tx.ownerSettings.put({ orgId, kind: 'person', id: personId }, ACD_KEY, JSON.stringify({ agentACDState: update.agentACDState }), timestamp(clock));
    }
  });
}
