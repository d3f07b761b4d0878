// What the retention pruner may ask of persistence (docs/webhooks.md#retention): delete what has
// aged out, never what is still in use. Each answers how many rows it deleted.

export interface RetentionRepository {
  /** Settled deliveries (delivered or failed) completed before `before`, with their attempts. Pending ones are kept. */
  pruneDeliveries(before: string): Promise<number>;
  /** Call events before `before` the webhook fan-out has seen (never one still queued for it). */
  pruneCallEvents(before: string): Promise<number>;
  /** Sessions with no active leg, last changed before `before`, with their leg index. */
  pruneCallSessions(before: string): Promise<number>;
  /** Call history beyond the newest `perType` records of each person and type (what Webex keeps). */
  pruneCallHistory(perType: number): Promise<number>;
}
