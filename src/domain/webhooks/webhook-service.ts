import type { Clock } from '../clock.ts';
import type { Store } from '../../store/store.ts';

/** The /v1/webhooks resource: its rules, no HTTP. */
export class WebhookService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }
}
