import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { FeatureForwardingService } from '../hunt-groups/hunt-group-forwarding.ts';
import type { CallQueueService } from './call-queue-service.ts';

// A call queue's call forwarding: the hunt groups' rules (always, selective, selective rules by
// schedule and caller), stored with the queue's settings; switchMode as the hunt groups' (a 400:
// no operating-mode based forwarding).
export class CallQueueForwardingService extends FeatureForwardingService {
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
  }
}
