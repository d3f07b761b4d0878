import type { Store } from '../../store/store.ts';
import { endpointIdOf, myEndpoints, preferredEndpointId } from '../for-me/my-endpoints.ts';

// Which of a person's endpoints a click-to-dial call alerts first: the endpointId of the request
// when it is one of theirs, else their preferred answer endpoint (Call Settings For Me), else their
// simulated phone. Webex documents endpointId as optional, "the preferred answer endpoint is used
// when absent"; an ID that is not the person's is ignored, as Callplane did before it honoured it.

/** The endpoint in the engine's terms: a device's endpoint ID, or null for the simulated phone. */
export async function answerEndpointOf(store: Store, person: { id: string; orgId: string }, endpointId?: string): Promise<string | null> {
  const mine = (await myEndpoints(store, person)).map((e) => e.id);
  const preferred = await preferredEndpointId(store, person);
  const chosen = [endpointId, preferred].find((id): id is string => typeof id === 'string' && mine.includes(id));
  return chosen === undefined || chosen === endpointIdOf(person.id) ? null : chosen;
}
