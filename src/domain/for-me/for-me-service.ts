import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { myQueues, updateMyQueues, type AcdState } from '../call-queues/my-queues.ts';
import { notCallingUser } from '../calls/call-errors.ts';
import { personNotFound } from '../people/people-errors.ts';
import type { Person } from '../../store/store.ts';

// Call Settings For Me that are not a settings document: what the token's person is part of
// (call queues, park and pickup groups), read from the same records the admin paths change.

export class ForMeService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The token's person, a Webex Calling user (403 otherwise, as the Call Controls answer). */
  async me(orgId: string, personId: string): Promise<Person & { locationId: string }> {
    const person = await this.store.people.get(orgId, personId);
    if (!person) throw personNotFound();
    if (person.locationId === null) throw notCallingUser();
    return person as Person & { locationId: string };
  }

  async queues(orgId: string, personId: string) {
    const me = await this.me(orgId, personId);
    return myQueues(this.store, orgId, me.id);
  }

  async updateQueues(orgId: string, personId: string, update: { agentACDState?: AcdState; queues?: readonly { id: string; available?: boolean }[] }): Promise<void> {
    const me = await this.me(orgId, personId);
    await updateMyQueues(this.store, this.clock, orgId, me.id, update);
  }
}
