import { encodeId } from '../domain/webex-ids.ts';
import { withoutCredentials } from '../domain/webhooks/egress-policy.ts';
import type { CallEventRecord } from '../store/calls-store.ts';
import type { Webhook } from '../store/webhooks-store.ts';
import { MWI_EVENT_TYPE } from '../domain/voicemail/mwi.ts';

/** The webhook resource an outbox event belongs to. */
export const resourceOf = (event: CallEventRecord) => (event.eventType === MWI_EVENT_TYPE ? 'telephony_mwi' : 'telephony_calls');

// The body Webex POSTs for a telephony_calls event (reference §5.2, from captured deliveries):
// the webhook's own fields, `actorId` (whose call it is) and `data` (the call's snapshot with
// eventType and eventTimestamp). `created` is the webhook's creation time, not the event's;
// `resource` and `event` are the event's own even for a firehose (`all`) webhook; the filter
// and the secret are never sent. Fixed when the event is queued, so every retry is identical.

/** `data` goes in as the outbox stored it (JSON text): it is never parsed here. */
export function envelope(webhook: Webhook, event: CallEventRecord): string {
  const head = JSON.stringify({
    id: encodeId('WEBHOOK', webhook.id),
    name: webhook.name,
    // Credentials in a URL (refused on create and update now, possible in older rows) are never echoed.
    targetUrl: withoutCredentials(webhook.targetUrl),
    resource: resourceOf(event),
    event: event.webhookEvent,
    orgId: encodeId('ORGANIZATION', webhook.orgId),
    createdBy: encodeId('PEOPLE', webhook.createdBy),
    appId: encodeId('APPLICATION', webhook.appId),
    ownedBy: webhook.ownedBy,
    // Only an active webhook is sent anything.
    status: 'active',
    created: webhook.created,
    actorId: encodeId('PEOPLE', event.personId),
  });
  return `${head.slice(0, -1)},"data":${event.data}}`;
}
