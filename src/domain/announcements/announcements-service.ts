import type { Clock } from '../clock.ts';
import type { Store } from '../../store/store.ts';

export class AnnouncementService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }
}
