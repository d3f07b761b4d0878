import { randomUUID } from 'node:crypto';
import { matchesCallFilter, parseCallFilter, type CallFilter } from '../domain/webhooks/webhook-filter.ts';
import type { CallEventRecord } from '../store/calls-store.ts';
import type { CallSubscriber, NewDelivery, Webhook } from '../store/webhooks-store.ts';
import { envelope, resourceOf } from './envelope.ts';

// Who receives an outbox event: every webhook of the event's organization watching its resource
// (telephony_calls, or telephony_mwi for a voicemail box's indicator, or all) that existed when the event happened, and
// - if owned by its creator, only for the creator's own calls;
// - if owned by the organization, for everyone's calls while its creator is an administrator;
//   once the creator is no longer one (demoted), only for the creator's own calls, as if it
//   were theirs (docs/webhooks.md#security);
// whose event is the event's mapping (created/updated/deleted) or `all`, and whose filter holds.
// Inactive webhooks are included: their deliveries wait for re-activation.
// Everything compared is a typed column of the event (the spine written with it): no JSON is
// parsed and the engine is not consulted.

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

function seesEveryone(webhook: CallSubscriber): boolean {
  return webhook.ownedBy === 'org' && webhook.creatorIsAdmin;
}

/** The deliveries of a batch of events (in the order given: the order they happened). */
export function planDeliveries(subscribers: readonly CallSubscriber[], events: readonly CallEventRecord[], filters: FilterCache): NewDelivery[] {
  const byOrg = new Map<string, CallSubscriber[]>();
  for (const webhook of subscribers) {
    const list = byOrg.get(webhook.orgId);
    if (list) list.push(webhook);
    else byOrg.set(webhook.orgId, [webhook]);
  }
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const candidates = byOrg.get(event.orgId);
    if (!candidates) continue;
    const facts = { personId: event.personId, personality: event.personality, state: event.state, callType: event.callType ?? undefined };
    // A voicemail box's message waiting indicator goes to telephony_mwi webhooks, a call's events to telephony_calls ones.
    const resource = resourceOf(event);
    for (const webhook of candidates) {
      if (webhook.resource !== 'all' && webhook.resource !== resource) continue;
      if (event.created < webhook.created) continue;
      if (!seesEveryone(webhook) && webhook.createdBy !== event.personId) continue;
      if (webhook.event !== 'all' && webhook.event !== event.webhookEvent) continue;
      const filter = filters.of(webhook);
      if (filter === null || !matchesCallFilter(filter, facts)) continue;
      deliveries.push({
        id: randomUUID(),
        webhookId: webhook.id,
        orgId: event.orgId,
        eventId: event.id,
        callId: event.callId,
        eventType: event.eventType,
        event: event.webhookEvent,
        body: envelope(webhook, event),
      });
    }
  }
  return deliveries;
}
