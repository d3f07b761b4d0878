import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { ClaimedDelivery } from '../store/webhooks-store.ts';
import { DeliveryLanes } from './delivery-lanes.ts';
import { FilterCache, planDeliveries } from './fan-out.ts';
import { judge } from './retry-policy.ts';
import { newAgents, post, type Agents } from './sender.ts';

// Delivers the call-event outbox to webhooks, in passes:
// 1. fan-out: outbox events not seen yet become one delivery row per (event, webhook) that wants
//    it, under a lock row so that one process at a time queues them, in the order they happened;
// 2. dispatch: due deliveries are claimed (first of their call's queue for their webhook, webhook
//    active, not leased; PostgreSQL skips rows another process is claiming) and POSTed, each on
//    its own, within lanes per webhook and per organization (delivery-lanes.ts), so one slow
//    receiver holds up only its own organization's share;
// 3. each result is logged and settles the delivery: delivered, failed, or retried later; a
//    webhook failing maxFailures times in a row turns inactive.
// A pass runs when a delivery finishes, when a retry falls due (on the clock), when this process
// commits call events of an organization with a webhook (nudge), and every WATCH_MS of real time,
// which is how new outbox rows (from another process, or of an organization whose first webhook is
// new) are noticed promptly whatever the clock does. Nothing else is scheduled on the clock:
// advancing a manual clock by a year must not run a year of periodic passes.

/** Real time between looks at the store for new work. */
const WATCH_MS = 100;
const FAN_OUT_BATCH = 200;
/** Deliveries read per claim round; a round that fills a lane reads again without it. */
const CLAIM_WINDOW = 64;
/** A claimed delivery stays leased this long (real time) past the timeout; a dead process's claims then expire. */
const LEASE_GRACE_MS = 5000;

const iso = (ms: number) => new Date(ms).toISOString();

export class WebhookDeliveryWorker {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly config: Config['webhooks'];
  private readonly onError: (error: unknown) => void;
  /** Leases carry it, so that a process only releases its own claims. */
  private readonly owner = randomUUID();
  private readonly filters = new FilterCache();
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly lanes = new DeliveryLanes();
  private agents: Agents | undefined;
  private stopped = true;
  private running: Promise<void> | undefined;
  private again = false;
  private watchTimer: NodeJS.Timeout | undefined;
  private wake: { at: string; cancel: () => void } | undefined;
  /** Organizations with a webhook for call events, as the last fan-out saw them. */
  private subscribed = new Set<string>();
  private nudged = false;

  constructor(store: Store, clock: Clock, config: Config['webhooks'], onError: (error: unknown) => void = () => {}) {
    this.store = store;
    this.clock = clock;
    this.config = config;
    this.onError = onError;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.agents = newAgents(this.config.egress, this.config.lookup);
    this.watchTimer = setTimeout(() => this.watch(), WATCH_MS);
    this.watchTimer.unref();
    void this.pump();
  }

  /** Stops polling, aborts deliveries under way (they stay pending and are sent again later) and waits for all of it. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.watchTimer);
    this.wake?.cancel();
    this.wake = undefined;
    await this.running;
    for (const { abort } of this.inFlight.values()) abort.abort();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
    this.agents?.http.destroy();
    this.agents?.https.destroy();
  }

  /**
   * This process committed call events of these organizations: a pass runs at once, rather than
   * at the next watch, when one of them has a webhook (delivery p50 from 15–38 ms to 3–7 ms).
   * Other organizations' events cost nothing more: only the watch looks at them.
   */
  nudge(orgIds: Iterable<string>): void {
    if (this.stopped || this.nudged) return;
    for (const orgId of orgIds) {
      if (!this.subscribed.has(orgId)) continue;
      // Once per turn of the event loop, however many commits ask.
      this.nudged = true;
      setImmediate(() => {
        this.nudged = false;
        void this.pump();
      });
      return;
    }
  }

  private watch(): void {
    void this.pump().finally(() => {
      if (this.stopped) return;
      this.watchTimer = setTimeout(() => this.watch(), WATCH_MS);
      this.watchTimer.unref();
    });
  }

  /** Runs a pass, or one more after the pass under way; resolves when that pass is done. */
  private pump(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<void> {
    while (!this.stopped && !(await this.fanOut()));
    if (!this.stopped) await this.dispatch();
    if (!this.stopped) await this.scheduleWake();
  }

  /** Queues one batch of outbox events; true when there is nothing more to queue now. */
  private async fanOut(): Promise<boolean> {
    // Nothing waits (most passes of an idle server): no lock is taken. On PostgreSQL a row lock is
    // a write, which would move the store's change mark every pass and empty the read caches.
    // An event committed after this look is seen by the pass its commit's nudge or the watch runs.
    if (!(await this.store.webhooks.anyPendingEvent())) return true;
    const now = this.clock.now().toISOString();
    return this.store.transaction(async (tx) => {
      const position = await tx.webhooks.lockFanOut();
      // Another process is queueing: it will queue these too.
      if (position === undefined) return true;
      const events = await tx.webhooks.pendingEvents(FAN_OUT_BATCH);
      if (events.length === 0) return true;
      // Events no webhook wants (no subscriber in their organization, or before its creation) are
      // only marked seen.
      const subscribers = await tx.webhooks.callSubscribers();
      this.subscribed = new Set(subscribers.map((w) => w.orgId));
      const deliveries = planDeliveries(subscribers, events, this.filters);
      await tx.webhooks.queue(
        deliveries,
        events.map((e) => e.id),
        position,
        now,
      );
      return events.length < FAN_OUT_BATCH;
    });
  }

  private async dispatch(): Promise<void> {
    if (this.lanes.room <= 0) return;
    const wall = Date.now();
    const leaseUntil = iso(wall + this.config.timeoutMs + LEASE_GRACE_MS);
    const query = { due: this.clock.now().toISOString(), leaseNow: iso(wall) };
    const taken: ClaimedDelivery[] = [];
    try {
      await this.store.transaction(async (tx) => {
        // Rounds: each reads the oldest due deliveries outside the full lanes and admits what
        // fits; one that admits nothing, or reads less than a window, has seen all there is.
        for (let round = 0; round < 8 && this.lanes.room > 0; round++) {
          const window = await tx.webhooks.due({ ...query, limit: CLAIM_WINDOW, exclude: this.lanes.full() });
          const admitted = window.filter((d) => this.lanes.admit(d));
          await tx.webhooks.lease(
            admitted.map((d) => d.id),
            this.owner,
            leaseUntil,
          );
          taken.push(...admitted);
          if (admitted.length === 0 || window.length < CLAIM_WINDOW) break;
        }
      });
    } catch (error) {
      // Nothing was leased: give their places back.
      for (const delivery of taken) this.lanes.release(delivery);
      throw error;
    }
    for (const delivery of taken) this.send(delivery);
  }

  private send(delivery: ClaimedDelivery): void {
    const abort = new AbortController();
    const done = this.attempt(delivery, abort.signal)
      .catch(this.onError)
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.lanes.release(delivery);
        // The next event of this call may go now.
        if (!this.stopped) void this.pump();
      });
    this.inFlight.set(delivery.id, { abort, done });
  }

  private async attempt(delivery: ClaimedDelivery, signal: AbortSignal): Promise<void> {
    const time = this.clock.now().toISOString();
    const result = await post(delivery.targetUrl, delivery.body, delivery.secret, this.config.timeoutMs, signal, this.agents!);
    if (result.aborted) {
      await this.store.webhooks.release([delivery.id], this.owner);
      return;
    }
    const verdict = judge(result, delivery.attempts + 1, this.config);
    const nextAttemptAt = verdict.outcome === 'retry' ? iso(this.clock.now().getTime() + verdict.delayMs) : null;
    const attempt = {
      time,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error,
      responseExcerpt: result.excerpt,
      outcome: verdict.outcome,
      requestHeaders: result.requestHeaders,
    };
    await this.store.transaction(async (tx) => {
      // Deleted meanwhile, or taken over by another process: nothing to record.
      if (!(await tx.webhooks.recordAttempt(delivery.id, this.owner, attempt, nextAttemptAt))) return;
      if (verdict.outcome === 'delivered') {
        await tx.webhooks.resetFailures(delivery.webhookId);
      } else if ((await tx.webhooks.countFailure(delivery.webhookId)) >= this.config.maxFailures) {
        await tx.webhooks.deactivate(delivery.webhookId);
      }
    });
  }

  /** Wakes on the clock when the next retry falls due. */
  private async scheduleWake(): Promise<void> {
    const due = await this.store.webhooks.nextDue(this.clock.now().toISOString());
    if (due === this.wake?.at) return;
    this.wake?.cancel();
    this.wake = undefined;
    if (due === undefined || this.stopped) return;
    const cancel = this.clock.schedule(Date.parse(due) - this.clock.now().getTime(), () => {
      if (this.wake?.at === due) this.wake = undefined;
      return this.pump();
    });
    this.wake = { at: due, cancel };
  }
}
