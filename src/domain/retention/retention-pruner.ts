import type { RetentionConfig } from '../../config.ts';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';

// The retention policy (docs/webhooks.md#retention): what the server keeps of finished work, and
// for how long, on the server clock.
// - settled webhook deliveries and their attempts: `deliveriesDays` after they settled
//   (pending ones stay: they are still to be sent);
// - call events (the outbox): `callEventsDays` after they happened, once fanned out;
// - ended call sessions and their leg index: `callSessionsDays` after their last change;
// - call history: the newest 20 records per person and type, as Webex keeps.
// A pass runs when the server starts and then every PASS_MS of server time. It is scheduled on
// the clock so that a test (or a sandbox user) advancing a manual clock sees rows pruned; an
// advance over many hours runs one pass, at the last of them.

const DAY_MS = 86_400_000;
/** Server time between passes. */
export const PASS_MS = 3_600_000;
/** Call history records Webex keeps per person and type (reference: List Call History). */
export const HISTORY_PER_TYPE = 20;

export type PruneCounts = { deliveries: number; callEvents: number; callSessions: number; callHistory: number };

export class RetentionPruner {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly config: RetentionConfig;
  private readonly onError: (error: unknown) => void;
  private cancel: (() => void) | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(store: Store, clock: Clock, config: RetentionConfig, onError: (error: unknown) => void = () => {}) {
    this.store = store;
    this.clock = clock;
    this.config = config;
    this.onError = onError;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
    await this.running;
  }

  /** One pass now: deletes what has aged out; answers how many rows of each kind went. */
  async prune(): Promise<PruneCounts> {
    const now = this.clock.now().getTime();
    const cutoff = (days: number | undefined) => (days === undefined ? undefined : new Date(now - days * DAY_MS).toISOString());
    const deliveries = cutoff(this.config.deliveriesDays);
    const callEvents = cutoff(this.config.callEventsDays);
    const callSessions = cutoff(this.config.callSessionsDays);
    return {
      deliveries: deliveries === undefined ? 0 : await this.store.transaction((tx) => tx.retention.pruneDeliveries(deliveries)),
      callEvents: callEvents === undefined ? 0 : await this.store.transaction((tx) => tx.retention.pruneCallEvents(callEvents)),
      callSessions: callSessions === undefined ? 0 : await this.store.transaction((tx) => tx.retention.pruneCallSessions(callSessions)),
      callHistory: await this.store.transaction((tx) => tx.retention.pruneCallHistory(HISTORY_PER_TYPE)),
    };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.cancel = this.clock.schedule(
      ms,
      () => {
        this.running = this.prune()
          .catch(this.onError)
          .finally(() => {
            this.running = undefined;
            this.schedule(PASS_MS);
          });
        return this.running;
      },
      { period: PASS_MS },
    );
  }
}
