import { randomUUID } from 'node:crypto';
import { timestamp, type Clock } from '../domain/clock.ts';
import type { Principal } from '../domain/auth/scopes.ts';
import { encodeCallId, encodeSessionId } from '../domain/calls/call-ids.ts';
import type { CallEventData } from '../domain/calls/call-views.ts';
import { badRequest, conflict, notFound } from '../domain/errors.ts';
import type { WebhookService } from '../domain/webhooks/webhook-service.ts';
import { CALL_RESOURCES } from '../domain/webhooks/webhook-rules.ts';
import type { CallEventType } from '../engine/types.ts';
import type { Store } from '../store/store.ts';
import type { DeliveryLogEntry, Webhook, WebhookHealth } from '../store/webhooks-store.ts';
import { envelope } from './envelope.ts';

// Tools for a developer building a receiver (docs/webhooks.md#developer-tools), as the Stripe
// CLI has them: send a test event now, send a logged delivery again, and see how the webhook is
// doing. Both sends are ordinary deliveries: queued, signed, retried and logged like any other,
// so what the receiver gets is exactly what a call would have sent.

/** The eventType a test event has: one the webhook's event subscribes to. */
const TEST_EVENT_TYPE: Record<string, CallEventType> = { all: 'received', created: 'received', updated: 'answered', deleted: 'disconnected' };
const TEST_CALLER = { name: 'Callplane test event', number: '+15555550100' };

export const testEventNeedsCallResource = (resource: string) =>
  badRequest(`Test events are telephony_calls events: a webhook on ${resource} receives none; use one on telephony_calls or all.`);
export const deliveryNotFound = () => notFound('The requested delivery could not be found.');
export const deliveryStillPending = () => conflict('The delivery is still pending: it will be sent (again) by itself; redeliver it once it is delivered or failed.');

export class WebhookTools {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly webhooks: WebhookService;

  constructor(store: Store, clock: Clock, webhooks: WebhookService) {
    this.store = store;
    this.clock = clock;
    this.webhooks = webhooks;
  }

  /**
   * Queues a made-up call event for the webhook, as its creator's incoming call from a test
   * number: a call of its own, so that it waits behind nothing. An inactive webhook keeps it
   * pending until re-activated, like any delivery.
   */
  async sendTestEvent(principal: Principal, publicId: string): Promise<DeliveryLogEntry> {
    const webhook = await this.webhooks.actionable(principal, publicId);
    if (!CALL_RESOURCES.includes(webhook.resource)) throw testEventNeedsCallResource(webhook.resource);
    const now = timestamp(this.clock);
    const eventType = TEST_EVENT_TYPE[webhook.event] ?? 'received';
    const callId = randomUUID();
    const data: CallEventData = {
      eventType,
      eventTimestamp: now,
      callId: encodeCallId(callId),
      callSessionId: encodeSessionId(randomUUID()),
      personality: 'terminator',
      state: eventType === 'received' ? 'alerting' : eventType === 'answered' ? 'connected' : 'disconnected',
      remoteParty: { ...TEST_CALLER, privacyEnabled: false, callType: 'external' },
      created: now,
      muteCapable: eventType === 'answered',
      muted: false,
      ...(eventType === 'answered' ? { answered: now } : {}),
      ...(eventType === 'disconnected' ? { disconnected: now } : {}),
      completedElsewhere: false,
    };
    const event = {
      id: `test:${randomUUID()}`,
      orgId: webhook.orgId,
      sessionId: callId,
      seq: 0,
      personId: webhook.createdBy,
      callId,
      eventType,
      data: JSON.stringify(data),
      created: now,
      webhookEvent: eventType === 'received' ? 'created' : eventType === 'answered' ? 'updated' : 'deleted',
      personality: data.personality,
      state: data.state,
      callType: 'external',
    } as const;
    return this.queue(webhook, { eventId: event.id, callId, eventType, event: event.webhookEvent, body: envelope(webhook, event), origin: 'test', redeliveryOf: null }, now);
  }

  /**
   * Sends a delivered or failed delivery again: a new delivery with the same bytes (so the same
   * signature, unless the secret changed since), behind what is pending for its call.
   */
  async redeliver(principal: Principal, publicId: string, deliveryId: string): Promise<DeliveryLogEntry> {
    const webhook = await this.webhooks.actionable(principal, publicId);
    const original = await this.store.webhooks.delivery(webhook.id, deliveryId);
    if (!original) throw deliveryNotFound();
    if (original.status === 'pending') throw deliveryStillPending();
    const now = timestamp(this.clock);
    return this.queue(
      webhook,
      { eventId: `redelivery:${randomUUID()}`, callId: original.callId, eventType: original.eventType, event: original.event, body: original.body, origin: 'redelivery', redeliveryOf: original.id },
      now,
    );
  }

  /** Status, failures in a row and the last attempt, for whoever can read the webhook. */
  async health(principal: Principal, publicId: string): Promise<WebhookHealth> {
    const webhook = await this.webhooks.get(principal, publicId);
    const health = await this.store.webhooks.health(webhook.id);
    // Deleted between the two reads.
    if (!health) throw notFound('The requested webhook could not be found.');
    return health;
  }

  private async queue(
    webhook: Webhook,
    d: { eventId: string; callId: string; eventType: string; event: string; body: string; origin: 'test' | 'redelivery'; redeliveryOf: string | null },
    now: string,
  ): Promise<DeliveryLogEntry> {
    const id = randomUUID();
    return this.store.transaction(async (tx) => {
      await tx.webhooks.enqueue({ id, webhookId: webhook.id, orgId: webhook.orgId, ...d }, now);
      return (await tx.webhooks.delivery(webhook.id, id))!;
    });
  }
}
