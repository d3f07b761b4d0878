// Lanes of deliveries in flight in one process, so that one organization's slow receiver can
// only hold up its own deliveries (docs/webhooks.md#security): at most PER_WEBHOOK deliveries of
// one webhook and PER_ORGANIZATION of one organization are under way at once, MAX_IN_FLIGHT in
// all. A receiver that never answers therefore holds at most its organization's share of the
// process until the timeout, and the other organizations' deliveries go on around it.

// Issue 17: one webhook's deliveries go at most PER_WEBHOOK per pass cycle (settle, claim,
// commit, POST), so its lane bounds its throughput; at 8 a busy organization-wide webhook fell
// seconds behind (SQLite p99 2.9-4.2 s, PostgreSQL 9.8 s), at 16 it kept up (105-212 ms and 610 ms,
// load 7-11). The shares stay a quarter of the process per organization.
export const MAX_IN_FLIGHT = 64;
export const PER_ORGANIZATION = 16;
export const PER_WEBHOOK = 16;

export type LaneKey = { webhookId: string; orgId: string };

export class DeliveryLanes {
  private readonly byWebhook = new Map<string, number>();
  private readonly byOrg = new Map<string, number>();
  private total = 0;

  get room(): number {
    return MAX_IN_FLIGHT - this.total;
  }

  /** Takes a place for the delivery if its lanes have room; false (nothing taken) if not. */
  admit(key: LaneKey): boolean {
    if (this.room <= 0 || (this.byWebhook.get(key.webhookId) ?? 0) >= PER_WEBHOOK || (this.byOrg.get(key.orgId) ?? 0) >= PER_ORGANIZATION) return false;
    this.byWebhook.set(key.webhookId, (this.byWebhook.get(key.webhookId) ?? 0) + 1);
    this.byOrg.set(key.orgId, (this.byOrg.get(key.orgId) ?? 0) + 1);
    this.total++;
    return true;
  }

  release(key: LaneKey): void {
    decrement(this.byWebhook, key.webhookId);
    decrement(this.byOrg, key.orgId);
    this.total--;
  }

  /** How many more deliveries of this webhook could go now (its organization's lanes shared with its other webhooks). */
  roomFor(key: LaneKey): number {
    return Math.max(0, Math.min(this.room, PER_WEBHOOK - (this.byWebhook.get(key.webhookId) ?? 0), PER_ORGANIZATION - (this.byOrg.get(key.orgId) ?? 0)));
  }

  /** The lanes that take nothing more now: a claim skips their deliveries. */
  full(): { webhookIds: string[]; orgIds: string[] } {
    return {
      webhookIds: [...this.byWebhook].filter(([, n]) => n >= PER_WEBHOOK).map(([id]) => id),
      orgIds: [...this.byOrg].filter(([, n]) => n >= PER_ORGANIZATION).map(([id]) => id),
    };
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const n = (counts.get(key) ?? 0) - 1;
  if (n <= 0) counts.delete(key);
  else counts.set(key, n);
}
