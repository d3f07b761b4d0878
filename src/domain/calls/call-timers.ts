import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';

// Call timers (ring timeouts, simulated answers, park recalls) are stored with their sessions,
// and whichever live process looks first fires them: a process claims the sessions with a timer
// due (a lease in the store; PostgreSQL processes skip each other's claims), fires what is due
// and saves the session, which ends the claim. A process that dies holding a claim loses it when
// the lease runs out. So a ringing call times out even when the process that created it is gone.
//
// A process looks when a timer it knows of falls due (a wake on the clock, at that timer's time)
// and every WATCH_MS of real time, which is how it learns of other processes' timers whatever
// its clock does. Nothing periodic is scheduled on the clock: advancing a manual clock by a year
// must not run a year of sweeps. A look that is not a wake takes only timers due before now, so
// a stopped clock's timer due exactly now still waits for the clock to be advanced (as a task
// scheduled on it would).

/** Real time between looks at the store for timers of other processes. */
const WATCH_MS = 1000;
/** A claim lasts this long (real time); a dead process's claims then lapse. */
const LEASE_MS = 30_000;
/** Sessions claimed at once. */
const BATCH = 16;

const iso = (ms: number) => new Date(ms).toISOString();

export class TimerSweeper {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly fire: (sessionId: string) => Promise<void>;
  private readonly onError: (error: unknown) => void;
  /** Wakes scheduled on the clock, by the time they fall due. */
  private readonly wakes = new Map<string, () => void>();
  private stopped = true;
  private running: Promise<void> | undefined;
  private again = false;
  /** The next pass also takes timers due exactly now (a wake asked for it). */
  private dueNow = false;
  private watchTimer: NodeJS.Timeout | undefined;

  constructor(store: Store, clock: Clock, fire: (sessionId: string) => Promise<void>, onError: (error: unknown) => void) {
    this.store = store;
    this.clock = clock;
    this.fire = fire;
    this.onError = onError;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.watchTimer = setTimeout(() => this.watch(), WATCH_MS);
    this.watchTimer.unref();
    await this.sweep(false);
  }

  /** Stops looking and waits for a sweep under way; claims not fired lapse for others to take. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.watchTimer);
    for (const cancel of this.wakes.values()) cancel();
    this.wakes.clear();
    await this.running;
  }

  /** Sweeps when the clock reaches `at` (an ISO time). */
  wakeAt(at: string): void {
    if (this.stopped || this.wakes.has(at)) return;
    const cancel = this.clock.schedule(Date.parse(at) - this.clock.now().getTime(), () => {
      this.wakes.delete(at);
      return this.sweep(true);
    });
    this.wakes.set(at, cancel);
  }

  private watch(): void {
    void this.sweep(false).finally(() => {
      if (this.stopped) return;
      this.watchTimer = setTimeout(() => this.watch(), WATCH_MS);
      this.watchTimer.unref();
    });
  }

  /** Runs a sweep, or one more after the sweep under way; resolves when that one is done. */
  private sweep(dueNow: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.dueNow ||= dueNow;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const dueNow = this.dueNow;
          this.dueNow = false;
          await this.pass(dueNow);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Fires what is due now, then wakes for the next timer of any process. */
  private async pass(dueNow: boolean): Promise<void> {
    for (;;) {
      const wall = Date.now();
      const now = this.clock.now().getTime();
      const claim = { due: iso(dueNow ? now : now - 1), leaseNow: iso(wall), leaseUntil: iso(wall + LEASE_MS), limit: BATCH };
      const claimed = await this.store.transaction((tx) => tx.calls.claimDueTimers(claim));
      for (const sessionId of claimed) {
        if (this.stopped) return;
        await this.fire(sessionId);
      }
      if (claimed.length < BATCH || this.stopped) break;
    }
    const next = await this.store.calls.nextTimerDue();
    // A due time already past is another process's claim (or a failed fire): the watch retries it.
    if (next !== undefined && Date.parse(next) > this.clock.now().getTime()) this.wakeAt(next);
  }
}
