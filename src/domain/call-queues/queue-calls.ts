import { isActive } from '../../engine/legs.ts';
import type { Session } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { encodeCallId, encodeSessionId } from '../calls/call-ids.ts';
import { partyInformation, type PartyInformation } from '../calls/parties.ts';
import { decodeSession } from '../calls/session-codec.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { callQueueNotFound } from './call-queue-rules.ts';

// The calls waiting in a call queue now (List Call Queue Calls): the queue's line as the engine
// keeps it (rememberQueues in queue-plan.ts), first come first, each seen from the queue.

export type QueueCall = {
  callId: string;
  callSessionId: string;
  remoteParty: PartyInformation;
  addTime: string;
  queueNumber?: string;
  queueName: string;
  /** The agent whose phone is ringing for the call now, if one is. */
  answeringAgentId?: string;
  answeringAgentType?: 'PEOPLE' | 'PLACE' | 'VIRTUAL_LINE';
  answeringCallId?: string;
};

const agentTypes = { workspace: 'PLACE', virtualLine: 'VIRTUAL_LINE' } as const;

/** The calls waiting in the queue (its public ID); another organization's queue is a 404. */
export async function queueCalls(store: Store, orgId: string, queuePublicId: string): Promise<QueueCall[]> {
  const id = decodeId(queuePublicId, 'CALL_QUEUE');
  const queue = id !== undefined ? await store.callQueues.get(orgId, id) : undefined;
  if (!queue) throw callQueueNotFound();
  const calls: QueueCall[] = [];
  for (const sessionId of await store.callQueues.waiting(queue.id)) {
    const stored = await store.calls.get(sessionId);
    const call = stored && waitingCall(decodeSession(stored.data));
    if (call) calls.push(call);
  }
  return calls;
}

/** The caller's side of a session waiting in a queue; undefined once it no longer waits. */
function waitingCall(session: Session): QueueCall | undefined {
  const hunt = session.hunt;
  if (!hunt || hunt.over || hunt.queuedAt === undefined) return undefined;
  const caller = session.legs.find((l) => l.id === hunt.originatorLegId);
  if (!caller || !isActive(caller)) return undefined;
  const group = hunt.group;
  const ringing = session.legs.find((l) => l.id !== caller.id && l.state === 'alerting' && l.party.kind === 'person');
  const agent = ringing?.party.kind === 'person' ? ringing.party : undefined;
  return {
    callId: encodeCallId(caller.id),
    callSessionId: encodeSessionId(session.id),
    remoteParty: partyInformation(group, caller.party),
    addTime: hunt.queuedAt,
    ...(group.number ?? group.extension ? { queueNumber: (group.number ?? group.extension)! } : {}),
    queueName: group.name,
    ...(agent && ringing
      ? {
          answeringAgentId: encodeId(agent.line ? agentTypes[agent.line] : 'PEOPLE', agent.personId),
          answeringAgentType: agent.line ? agentTypes[agent.line] : 'PEOPLE',
          answeringCallId: encodeCallId(ringing.id),
        }
      : {}),
  };
}
