import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Clock } from '../domain/clock.ts';
import type { OutboxListener, Store } from '../store/store.ts';
import type { AttemptToRecord, ClaimedDelivery } from '../store/webhooks-store.ts';
import { DeliveryLanes } from './delivery-lanes.ts';
import { FilterCache, planDeliveries } from './fan-out.ts';
import { judge } from './retry-policy.ts';
import { newAgents, post, type Agents } from './sender.ts';

// Delivers the call-event outbox to webhooks, in passes, each one transaction that:
// 1. settles the deliveries whose POST ended since the last pass: each result is logged and
//    settles its delivery (delivered, failed, or retried later); a webhook failing maxFailures
//    times in a row turns inactive;
// 2. fans out: outbox events not seen yet become one delivery row per (event, webhook) that wants
//    it, under a lock row so that one process at a time queues them, in the order they happened
//    (only when there may be new events: a nudge, the watch);
// 3. claims due deliveries (first of their call's queue for their webhook, webhook active, not
//    leased; PostgreSQL skips rows another process is claiming), within lanes per webhook and per
//    organization (delivery-lanes.ts), so one slow receiver holds up only its own organization's
//    share; after the commit each is POSTed on its own.
// A pass runs when deliveries finish (after that turn of the event loop, so that they settle
// together), when a retry falls due (on the clock), when this process commits call events of an
// organization with a webhook (nudge), and every WATCH_MS of real time, which is how new outbox
// rows (from another process, or of an organization whose first webhook is new) are noticed
// promptly whatever the clock does. On PostgreSQL another process's commit of such events wakes it
// too (its NOTIFY, heard on a connection of this worker's own): the watch is then the fallback.
// Nothing else is scheduled on the clock: advancing a manual clock by a year must not run a year
// of periodic passes.
// A crash loses the results not settled yet: their leases run out and they are sent again, as a
// crash during a POST always did (at least once).

/** Real time between looks at the store for new work. */
const WATCH_MS = 100;
/** After the listening connection fails, a watch tries again no sooner than this. */
const LISTEN_RETRY_MS = 5000;
const FAN_OUT_BATCH = 200;
/** At most this many deliveries read per claim round; a round that fills a lane reads again without it. */
const CLAIM_WINDOW = 64;
/** A claimed delivery stays leased this long (real time) past the timeout; a dead process's claims then expire. */
const LEASE_GRACE_MS = 5000;

const iso = (ms: number) => new Date(ms).toISOString();

type Finished = { delivery: ClaimedDelivery; record?: AttemptToRecord };

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
  private soonScheduled = false;
  /** Deliveries whose POST ended, to settle in the next pass (record undefined: aborted, to give back). */
  private readonly finished: Finished[] = [];
  /** Whether the next pass looks for new outbox events (a nudge, the watch) and sets the retry wake (the watch, a retry). */
  private fanOutWanted = true;
  private wakeWanted = true;
  private readonly onWarn: (error: unknown) => void;
  private readonly watchMs: number;
  /** Hears other processes' outbox signals (PostgreSQL); undefined while not listening. */
  private listener: OutboxListener | undefined;
  private listening: Promise<void> | undefined;
  private listenUnsupported = false;
  private listenRetryAt = 0;

  constructor(
    store: Store,
    clock: Clock,
    config: Config['webhooks'],
    onError: (error: unknown) => void = () => {},
    onWarn: (error: unknown) => void = () => {},
  ) {
    this.store = store;
    this.clock = clock;
    this.config = config;
    this.onError = onError;
    this.onWarn = onWarn;
    this.watchMs = config.watchMs ?? WATCH_MS;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.fanOutWanted = this.wakeWanted = true;
    this.agents = newAgents(this.config.egress, this.config.lookup);
    this.watchTimer = setTimeout(() => this.watch(), this.watchMs);
    this.watchTimer.unref();
    this.listen();
    void this.pump();
  }

  /** Stops polling, aborts deliveries under way (they stay pending and are sent again later) and waits for all of it. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.watchTimer);
    this.wake?.cancel();
    this.wake = undefined;
    // A connection still opening closes itself once open (listen()).
    const listener = this.listener;
    this.listener = undefined;
    await Promise.all([listener?.close(), this.running]);
    for (const { abort } of this.inFlight.values()) abort.abort();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
    // What finished is recorded, what was aborted given back, before the store closes.
    const finished = this.finished.splice(0);
    if (finished.length > 0) await this.store.transaction((tx) => this.settle(tx, finished)).catch(this.onError);
    this.agents?.http.destroy();
    this.agents?.https.destroy();
  }

  /**
   * This process committed call events of these organizations: a pass runs at once, rather than
   * at the next watch, when one of them has a webhook (delivery p50 from 15–38 ms to 3–7 ms).
   * Other organizations' events cost nothing more: only the watch looks at them.
   */
  nudge(orgIds: Iterable<string>): void {
    if (this.stopped || !this.wants(orgIds)) return;
    this.fanOutWanted = true;
    this.soon();
  }

  /** Whether one of these organizations has a webhook for call events, as the last fan-out saw them. */
  wants(orgIds: Iterable<string>): boolean {
    for (const orgId of orgIds) if (this.subscribed.has(orgId)) return true;
    return false;
  }

  /** Another process committed outbox events (its NOTIFY): as its nudge would, had it been ours. */
  private signalled(): void {
    if (this.stopped) return;
    this.fanOutWanted = true;
    this.soon();
  }

  /**
   * Listens for other processes' outbox signals, on a connection of its own. When it fails: a
   * warning, the watch meanwhile, and a later watch tries again. Never in the way of a pass or of
   * stop().
   */
  private listen(): void {
    if (this.stopped || this.listener || this.listening || this.listenUnsupported || Date.now() < this.listenRetryAt) return;
    let opened: OutboxListener | undefined;
    let lost = false;
    const onLost = (error: unknown) => {
      lost = true;
      this.onWarn(error);
      this.listenRetryAt = Date.now() + LISTEN_RETRY_MS;
      if (opened && this.listener === opened) this.listener = undefined;
      void opened?.close();
    };
    this.listening = this.store
      .listenOutbox(() => this.signalled(), onLost)
      .then(
        (listener) => {
          opened = listener;
          if (listener === undefined) this.listenUnsupported = true;
          else if (this.stopped || lost) void listener.close();
          else this.listener = listener;
        },
        (error: unknown) => {
          this.onWarn(error);
          this.listenRetryAt = Date.now() + LISTEN_RETRY_MS;
        },
      )
      .finally(() => {
        this.listening = undefined;
      });
  }

  /**
   * A pass after this turn of the event loop, once however many ask: the deliveries whose
   * responses this turn read settle together. (Run at once, a pass on SQLite, whose statements
   * do not yield, ran between two responses and settled them one at a time.)
   */
  private soon(): void {
    if (this.stopped || this.soonScheduled) return;
    this.soonScheduled = true;
    setImmediate(() => {
      this.soonScheduled = false;
      void this.pump();
    });
  }

  private watch(): void {
    this.fanOutWanted = this.wakeWanted = true;
    this.listen();
    void this.pump().finally(() => {
      if (this.stopped) return;
      this.watchTimer = setTimeout(() => this.watch(), this.watchMs);
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

  /**
   * One transaction: settles the deliveries that finished since the last pass, queues a batch of
   * outbox events if there may be new ones, and claims what the lanes have room for; then sends
   * those. One transaction for all of it rather than three per event: commits were most of a
   * delivery's cost (issue 17, docs/performance.md).
   */
  private async pass(): Promise<void> {
    const settling = this.finished.splice(0);
    const fanOut = this.fanOutWanted;
    this.fanOutWanted = false;
    if (settling.length === 0 && !fanOut && this.lanes.room <= 0) return;
    const wall = Date.now();
    const leaseUntil = iso(wall + this.config.timeoutMs + LEASE_GRACE_MS);
    const query = { due: this.clock.now().toISOString(), leaseNow: iso(wall) };
    const taken: ClaimedDelivery[] = [];
    try {
      await this.store.transaction(async (tx) => {
        if (await this.settle(tx, settling)) this.wakeWanted = true;
        // A full batch: more may be waiting.
        if (fanOut && !(await this.fanOut(tx, query.due))) this.fanOutWanted = this.again = true;
        // Rounds: each reads the earliest due deliveries outside the full lanes and admits what
        // fits; one that admits nothing, or reads less than a window, has seen all there is.
        for (let round = 0; round < 8 && this.lanes.room > 0; round++) {
          const exclude = this.lanes.full();
          // The active webhooks outside the full lanes bound what this round can take: with one
          // busy webhook, nothing when its lane is full (a claim around it would read its whole
          // queue, ~1.3 ms a pass on SQLite with 2,000 waiting, to find nothing), else its lane's
          // room. Each row a claim reads costs (SQLite, 2,600 waiting: a window of 64 0.25 ms, of
          // 8 0.08 ms), and on PostgreSQL is locked until the commit.
          const open = await tx.webhooks.activeOutside(exclude, CLAIM_WINDOW);
          const bound = open.length === CLAIM_WINDOW ? this.lanes.room : open.reduce((n, key) => n + this.lanes.roomFor(key), 0);
          const limit = Math.min(CLAIM_WINDOW, this.lanes.room, bound);
          if (limit <= 0) break;
          const window = await tx.webhooks.due({ ...query, limit, exclude });
          const admitted = window.filter((d) => this.lanes.admit(d));
          const bodies = await tx.webhooks.lease(
            admitted.map((d) => d.id),
            this.owner,
            leaseUntil,
          );
          for (const d of admitted) taken.push({ ...d, body: bodies.get(d.id)! });
          if (admitted.length === 0 || window.length < limit) break;
        }
      });
    } catch (error) {
      // Nothing was written: the results wait for the next pass, the claims give their places back.
      this.finished.unshift(...settling);
      if (fanOut) this.fanOutWanted = true;
      for (const delivery of taken) this.lanes.release(delivery);
      throw error;
    }
    for (const delivery of taken) this.send(delivery);
    if (this.wakeWanted && !this.stopped) {
      this.wakeWanted = false;
      await this.scheduleWake();
    }
  }

  /**
   * Queues one batch of outbox events under the fan-out lock; true when there is nothing more
   * to queue now.
   */
  private async fanOut(tx: Store, now: string): Promise<boolean> {
    // Nothing waits (most passes of an idle server): no lock is taken. On PostgreSQL a row lock is
    // a write, which would move the store's change mark every pass and empty the read caches.
    // An event committed after this look is seen by the pass its commit's nudge or the watch runs.
    if (!(await tx.webhooks.anyPendingEvent())) return true;
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
      // Due at the pass's own time, not the clock's now: read later, it is past the pass's claim
      // (PostgreSQL: a few ms on), which then missed them until the next watch.
      now,
    );
    return events.length < FAN_OUT_BATCH;
  }

  /**
   * Logs the attempts of finished deliveries and settles them, gives back those a stopping worker
   * aborted, and keeps each webhook's count of failures in a row, in the order they finished;
   * true when one is to be tried again later.
   */
  private async settle(tx: Store, finished: readonly Finished[]): Promise<boolean> {
    if (finished.length === 0) return false;
    const aborted = finished.filter((f) => f.record === undefined).map((f) => f.delivery.id);
    await tx.webhooks.release(aborted, this.owner);
    const settled = finished.filter((f): f is Required<Finished> => f.record !== undefined);
    const recorded = await tx.webhooks.recordAttempts(
      settled.map((f) => f.record),
      this.owner,
    );
    // A run of deliveries of one webhook resets its count once.
    const reset = new Set<string>();
    let retry = false;
    for (const [i, { delivery, record }] of settled.entries()) {
      // Deleted meanwhile, or taken over by another process: nothing recorded.
      if (!recorded[i]) continue;
      if (record.nextAttemptAt !== null) retry = true;
      if (record.attempt.outcome === 'delivered') {
        if (!reset.has(delivery.webhookId)) await tx.webhooks.resetFailures(delivery.webhookId);
        reset.add(delivery.webhookId);
      } else {
        reset.delete(delivery.webhookId);
        if ((await tx.webhooks.countFailure(delivery.webhookId)) >= this.config.maxFailures) await tx.webhooks.deactivate(delivery.webhookId);
      }
    }
    return retry;
  }

  private send(delivery: ClaimedDelivery): void {
    const abort = new AbortController();
    const done = this.attempt(delivery, abort.signal)
      .then((record) => void this.finished.push({ delivery, record }))
      .catch(this.onError)
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.lanes.release(delivery);
        // Its result is settled, and the next event of its call may go, in the next pass.
        this.soon();
      });
    this.inFlight.set(delivery.id, { abort, done });
  }

  /** POSTs the delivery; what to record of it, or undefined when the worker stopped it (not an attempt). */
  private async attempt(delivery: ClaimedDelivery, signal: AbortSignal): Promise<AttemptToRecord | undefined> {
    const time = this.clock.now().toISOString();
    const result = await post(delivery.targetUrl, delivery.body, delivery.secret, this.config.timeoutMs, signal, this.agents!);
    if (result.aborted) return undefined;
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
    return { deliveryId: delivery.id, attempt, nextAttemptAt };
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
      this.wakeWanted = true;
      return this.pump();
    });
    this.wake = { at: due, cancel };
  }
}
