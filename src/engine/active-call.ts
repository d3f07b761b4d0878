import type { EngineContext, Step } from './legs.ts';
import { act } from './session.ts';
import { conferenceAct, inConference } from './conference.ts';
import type { Session } from './types.ts';

// A person has one active call. When a person takes a call (answers one, or places one), every
// other call of theirs that is connected goes on hold, as Webex does; the held call can then be
// resumed, or transferred to the new one.

/** The legs of people that just took a call in this step: person ID → that leg. */
export function takers(step: Step): Map<string, string> {
  const taken = new Map<string, string>();
  for (const event of step.events) {
    if (event.type !== 'answered' && event.type !== 'originated') continue;
    const leg = step.sessions.flatMap((s) => s.legs).find((l) => l.id === event.legId);
    // An originated click-to-dial still alerts the person: nothing is taken until they answer it.
    if (leg?.party.kind === 'person' && (leg.state === 'connecting' || leg.state === 'connected' || leg.state === 'remoteHeld')) {
      taken.set(leg.party.personId, leg.id);
    }
  }
  return taken;
}

/**
 * Adds to a step the holds of the takers' other connected calls, found in `others` (sessions not
 * in the step). Sessions it cannot hold in are left as they are.
 */
export function holdOtherCalls(step: Step, others: readonly Session[], taken: ReadonlyMap<string, string>, ctx: EngineContext): Step {
  const result: Step = { ...step, sessions: [...step.sessions], events: [...step.events] };
  for (const original of others) {
    let session = original;
    for (const leg of original.legs) {
      if (leg.party.kind !== 'person' || taken.get(leg.party.personId) === undefined || taken.get(leg.party.personId) === leg.id) continue;
      if (leg.state !== 'connected' && leg.state !== 'remoteHeld') continue;
      // A host who takes another call holds their whole conference.
      const held = inConference(session, leg) ? conferenceAct(session, { type: 'hold' }, ctx) : act(session, leg.id, { type: 'hold' }, ctx);
      if ('refused' in held) continue;
      session = held.sessions[0]!;
      result.events.push(...held.events);
    }
    if (session !== original) result.sessions.push(session);
  }
  return result;
}
