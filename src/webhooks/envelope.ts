import { encodeId } from '../domain/webex-ids.ts';
import type { CallEventRecord } from '../store/calls-store.ts';
import type { Webhook } from '../store/webhooks-store.ts';

// The body Webex POSTs for a telephony_calls event (reference §5.2, from captured deliveries):
// the webhook's own fields, `actorId` (whose call it is) and `data` (the call's snapshot with
// eventType and eventTimestamp). `created` is the webhook's creation time, not the event's;
// `resource` and `event` are the event's own even for a firehose (`all`) webhook; the filter
// and the secret are never sent. Fixed when the event is queued, so every retry is identical.

/** `data` is the event's own data, parsed once by the caller for all its webhooks. */
export function envelope(webhook: Webhook, event: CallEventRecord, webhookEvent: string, data: unknown): string {
  return JSON.stringify({
    id: encodeId('WEBHOOK', webhook.id),
    name: webhook.name,
    targetUrl: webhook.targetUrl,
    resource: 'telephony_calls',
    event: webhookEvent,
    orgId: encodeId('ORGANIZATION', webhook.orgId),
    createdBy: encodeId('PEOPLE', webhook.createdBy),
    appId: encodeId('APPLICATION', webhook.appId),
    ownedBy: webhook.ownedBy,
    // Only an active webhook is sent anything.
    status: 'active',
    created: webhook.created,
    actorId: encodeId('PEOPLE', event.personId),
    data,
  });
}
