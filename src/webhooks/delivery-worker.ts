import type { Config } from '../config.ts';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';

/** Delivers the events of the outbox to the webhooks that want them. */
export class WebhookDeliveryWorker {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly config: Config['webhooks'];

  constructor(store: Store, clock: Clock, config: Config['webhooks']) {
    this.store = store;
    this.clock = clock;
    this.config = config;
  }

  start(): void {}

  async stop(): Promise<void> {}
}
