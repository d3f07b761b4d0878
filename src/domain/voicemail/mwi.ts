import { randomUUID } from 'node:crypto';
import { encodeId } from '../webex-ids.ts';
import type { Store } from '../../store/store.ts';
import type { MessageCounts, VoicemailBox } from '../../store/voicemail-store.ts';

// The message waiting indicator: when the number of messages waiting (unread) in a person's box
// changes, a telephony_mwi event is written to the webhook outbox in the same transaction as the
// change (webhooks/fan-out.ts sends it to telephony_mwi and firehose webhooks). Cisco publishes no
// schema for its data; Callplane's carries the box's counts as the message summary gives them.

/** The outbox event type of an MWI change (call events have the engine's types). */
export const MWI_EVENT_TYPE = 'messageWaitingIndicator';

export async function recordMwi(tx: Store, box: VoicemailBox, counts: MessageCounts, at: string): Promise<void> {
  // Only a person's own box lights a phone's lamp; a voicemail group's members read it elsewhere.
  if (box.kind !== 'person') return;
  const data = {
    eventType: MWI_EVENT_TYPE,
    eventTimestamp: at,
    personId: encodeId('PEOPLE', box.id),
    messageWaiting: counts.newMessages > 0,
    ...counts,
  };
  const stream = `mwi:${box.id}`;
  const seq = (await tx.calls.lastEventSeq(stream)) + 1;
  await tx.calls.addEvents([
    {
      id: randomUUID(),
      orgId: box.orgId,
      // One ordered stream per box (deliveries of one "call" go in order).
      sessionId: stream,
      seq,
      personId: box.id,
      callId: stream,
      eventType: MWI_EVENT_TYPE,
      data: JSON.stringify(data),
      created: at,
      webhookEvent: 'updated',
      personality: '',
      state: '',
      callType: null,
    },
  ]);
}
