import { randomUUID } from 'node:crypto';
import { matchesCallFilter, parseCallFilter, type CallFilter } from '../domain/webhooks/webhook-filter.ts';
import { WEBHOOK_EVENT_OF, type CallEventType } from '../engine/types.ts';
import type { CallEventRecord } from '../store/calls-store.ts';
import type { NewDelivery, Webhook } from '../store/webhooks-store.ts';
import { envelope } from './envelope.ts';

// Who receives an outbox event: every webhook of the event's organization watching call events
// (telephony_calls or all) that existed when the event happened, and
// - if owned by its creator, only for the creator's own calls;
// - if owned by the organization (created by an administrator), for everyone's calls;
// whose event is the event's mapping (created/updated/deleted) or `all`, and whose filter holds.
// Inactive webhooks are included: their deliveries wait for re-activation.

type EventData = { personality?: string; state?: string; remoteParty?: { callType?: string } };

/** Parses each webhook's filter once; a filter that no longer parses matches nothing. */
export class FilterCache {
  private readonly parsed = new Map<string, CallFilter | null>();

  of(webhook: Webhook): CallFilter | null {
    if (webhook.filter === null) return {};
    let filter = this.parsed.get(webhook.filter);
    if (filter === undefined) {
      try {
        filter = parseCallFilter(webhook.filter);
      } catch {
        filter = null;
      }
      this.parsed.set(webhook.filter, filter);
    }
    return filter;
  }
}

export const webhookEventOf = (eventType: string): 'created' | 'updated' | 'deleted' => WEBHOOK_EVENT_OF[eventType as CallEventType] ?? 'updated';

/** The deliveries of a batch of events (in the order given: the order they happened). */
export function planDeliveries(subscribers: readonly Webhook[], events: readonly CallEventRecord[], filters: FilterCache): NewDelivery[] {
  const byOrg = new Map<string, Webhook[]>();
  for (const webhook of subscribers) {
    const list = byOrg.get(webhook.orgId);
    if (list) list.push(webhook);
    else byOrg.set(webhook.orgId, [webhook]);
  }
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const candidates = byOrg.get(event.orgId);
    if (!candidates) continue;
    const data = JSON.parse(event.data) as EventData;
    const mapped = webhookEventOf(event.eventType);
    const facts = { personId: event.personId, personality: data.personality ?? '', state: data.state ?? '', callType: data.remoteParty?.callType };
    for (const webhook of candidates) {
      if (event.created < webhook.created) continue;
      if (webhook.ownedBy === 'creator' && webhook.createdBy !== event.personId) continue;
      if (webhook.event !== 'all' && webhook.event !== mapped) continue;
      const filter = filters.of(webhook);
      if (filter === null || !matchesCallFilter(filter, facts)) continue;
      deliveries.push({
        id: randomUUID(),
        webhookId: webhook.id,
        orgId: event.orgId,
        eventId: event.id,
        callId: event.callId,
        eventType: event.eventType,
        event: mapped,
        body: envelope(webhook, event, mapped, data),
      });
    }
  }
  return deliveries;
}
