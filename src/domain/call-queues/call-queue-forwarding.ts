import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { FeatureForwardingService } from '../hunt-groups/hunt-group-forwarding.ts';
import type { CallQueueService } from './call-queue-service.ts';

// A call queue's call forwarding: the hunt groups' rules (always, selective, selective rules by
// schedule and caller), stored with the queue's settings; and switchMode, which belongs to
// operating-mode based forwarding that Callplane does not have yet.
export class CallQueueForwardingService extends FeatureForwardingService {
  private readonly queues: CallQueueService;
  private readonly reader: Store;

  constructor(store: Store, clock: Clock, queues: CallQueueService) {
    super(store, {
      label: 'call queue',
      async load(tx, orgId, locationId, queueId) {
        const { queue, location } = await queues.find(tx, orgId, locationId, queueId);
        const save = (callForwarding: typeof queue.settings.callForwarding) =>
          tx.callQueues.update({ ...queue, settings: { ...queue.settings, callForwarding }, lastModified: timestamp(clock) });
        return { forwarding: queue.settings.callForwarding, location, save };
      },
    });
    this.queues = queues;
    this.reader = store;
  }

  /** Switching modes needs operating modes, which the queue cannot have yet: a 400 after the queue is found. */
  async switchMode(orgId: string, locationId: string, queueId: string): Promise<never> {
    await this.queues.find(this.reader, orgId, locationId, queueId);
    throw badRequest('The call queue has no operating modes to switch between.');
  }
}
