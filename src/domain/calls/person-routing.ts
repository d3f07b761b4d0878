import type { PartyPolicy } from '../../engine/legs.ts';
import type { PersonRouting } from '../../engine/person-routing.ts';
import type { Party } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { CALL_FORWARDING, CALL_WAITING, DO_NOT_DISTURB } from '../settings/person-settings.ts';
import { CALL_POLICIES } from '../settings/person-config-settings.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { incomingScreenOf, mayForwardTo } from './call-permissions.ts';
import { VOICEMAIL, voicemailPolicy } from '../voicemail/voicemail-settings.ts';
import { resolveDestination } from './destinations.ts';
import { voicemailOf } from './parties.ts';
import { ringRoutingOf } from './ring-routing.ts';
import { executiveRoutingOf } from './executive-routing.ts';
import { personalAssistantRoutingOf } from './personal-assistant-routing.ts';
import { sharedLineRing } from '../devices/shared-lines.ts';

// The typed policy the call engine reads from people's settings documents (Do Not Disturb, call
// waiting, call forwarding with business continuity): loaded for the people of a unit of work and, since a call may be
// forwarded on, for the people their forwarding reaches.

/** A ring of a phone, as Webex counts numberOfRings. */
export const RING_MS = 6000;

/** Loading follows forwarding this many people deep (the engine stops loops itself). */
const MAX_PEOPLE = 20;

type Forward = { enabled: boolean; destination?: string; destinationVoicemailEnabled: boolean; numberOfRings?: number };
type Person = Extract<Party, { kind: 'person' }>;

export async function loadPersonRouting(store: Store, parties: readonly Party[], now: Date = new Date()): Promise<Map<string, PersonRouting>> {
  const routing = new Map<string, PersonRouting>();
  const queue: Person[] = parties.filter((p): p is Person => p.kind === 'person');
  while (queue.length > 0 && routing.size < MAX_PEOPLE) {
    const person = queue.shift()!;
    if (routing.has(person.personId)) continue;
    const loaded = await routingOf(store, person, now);
    routing.set(person.personId, loaded);
    const selective = loaded.forwardSelective?.map((f) => f.to) ?? [];
    // An executive's assistants ring (their phones' policies count) and a rollover may forward on.
    const executive = loaded.executive ? [...loaded.executive.assistants, ...(typeof loaded.executive.rollover.to === 'object' ? [loaded.executive.rollover.to] : [])] : [];
    for (const to of [loaded.forwardAlways, loaded.forwardBusy, loaded.forwardNoAnswer?.to, loaded.forwardUnreachable, loaded.personalAssistant?.to, ...selective, ...executive]) if (to?.kind === 'person') queue.push(to);
  }
  return routing;
}

async function routingOf(store: Store, person: Person, now: Date): Promise<PersonRouting> {
  const stored = await store.ownerSettings.all({ orgId: person.orgId, kind: person.line ?? 'person', id: person.personId });
  const doc = (key: string, defaults: SettingDocument) => {
    const json = stored.get(key);
    return json === undefined ? defaults : mergeDocument(defaults, JSON.parse(json) as SettingDocument);
  };
  const forwarding = doc(CALL_FORWARDING.key, CALL_FORWARDING.defaults).callForwarding as Record<'always' | 'busy' | 'noAnswer', Forward>;
  const destination = (forward: Forward) => (forward.enabled && forward.destination ? forwardTarget(store, person, forward) : undefined);
  const continuity = doc(CALL_FORWARDING.key, CALL_FORWARDING.defaults).businessContinuity as Forward;
  const [always, busy, noAnswer, unreachable] = await Promise.all([
    destination(forwarding.always),
    destination(forwarding.busy),
    destination(forwarding.noAnswer),
    destination(continuity),
  ]);
  // Voicemail takes what call forwarding leaves (forwarding comes first, as in Webex): all calls,
  // busy calls, and unanswered ones (after its own rings, or at once while the phone is offline).
  const mailbox = voicemailPolicy(doc(VOICEMAIL.key, VOICEMAIL.defaults));
  const box = mailbox.enabled ? voicemailOf(person) : undefined;
  const toBox = (on: boolean) => (box && on ? box : undefined);
  const forwardAlways = always ?? toBox(mailbox.sendAll);
  const forwardBusy = busy ?? toBox(mailbox.sendBusy);
  const forwardUnreachable = unreachable ?? toBox(mailbox.sendUnanswered !== undefined);
  const forwardNoAnswer = noAnswer
    ? { to: noAnswer, afterMs: (forwarding.noAnswer.numberOfRings ?? 3) * RING_MS }
    : box && mailbox.sendUnanswered
      ? { to: box, afterMs: mailbox.sendUnanswered.numberOfRings * RING_MS }
      : undefined;
  const ring = await ringRoutingOf(store, person, (definition) => doc(definition.key, definition.defaults), now);
  const shared = await sharedLineRing(store, person.orgId, person.personId, now);
  return {
    doNotDisturb: doc(DO_NOT_DISTURB.key, DO_NOT_DISTURB.defaults).enabled === true,
    callWaiting: doc(CALL_WAITING.key, CALL_WAITING.defaults).enabled !== false,
    activeLegIds: (await store.calls.activeLegsOf(person.personId)).map((l) => l.legId),
    ...(await screenOf(store, person, stored)),
    ...(forwardAlways ? { forwardAlways } : {}),
    ...(forwardBusy ? { forwardBusy } : {}),
    ...(forwardUnreachable ? { forwardUnreachable } : {}),
    ...(forwardNoAnswer ? { forwardNoAnswer } : {}),
    // Call block, selective accept/reject/forward, simultaneous ring, single number reach.
    ...ring,
    // The person's line on other people's and workspaces' phones and Webex Apps, and on the hot
    // desk phone the person is signed in to, rings them too.
    ...(shared ? { alsoRing: [...(ring.alsoRing ?? []), shared] } : {}),
    // Executive call filtering: the assistants ring for the executive (executive-routing.ts).
    ...(await executiveRoutingOf(store, person, (definition) => doc(definition.key, definition.defaults), now)),
    ...redirectedPrivacyOf(doc(CALL_POLICIES.key, CALL_POLICIES.defaults)),
    // Personal Assistant while the person is away (personal-assistant-routing.ts).
    ...(await personalAssistantRoutingOf(store, person, (definition) => doc(definition.key, definition.defaults), mailbox.enabled, now)),
  };
}

/**
 * Where a forwarding sends calls: the destination as the person would dial it, or, with
 * destinationVoicemailEnabled and a person of the organization there, that person's voicemail.
 * A destination that no longer resolves (a number given up since) forwards nowhere.
 */
async function forwardTarget(store: Store, person: Person, forward: Forward): Promise<Party | undefined> {
  const to = await resolveDestination(store, { orgId: person.orgId, locationId: person.locationId }, forward.destination!);
  if (!to || to.kind === 'feature') return undefined;
  // Outgoing permissions decide whether calls may be forwarded there (call-permissions.ts).
  if (to.kind === 'pstn' && !(await mayForwardTo(store, person, forward.destination!, to))) return undefined;
  return forward.destinationVoicemailEnabled && to.kind === 'person' ? voicemailOf(to) : to;
}

/** Call policies: who may not see the party that answers the person's redirected calls. */
function redirectedPrivacyOf(policies: SettingDocument): Pick<PersonRouting, 'redirectedPrivacy'> {
  const privacy = policies.connectedLineIdPrivacyOnRedirectedCalls;
  return privacy === 'PRIVACY_FOR_ALL_CALLS' ? { redirectedPrivacy: 'ALL' } : privacy === 'PRIVACY_FOR_EXTERNAL_CALLS' ? { redirectedPrivacy: 'EXTERNAL' } : {};
}

/** Adds people's routing to the policies the engine asks for. */
export function withRouting(policy: (party: Party) => PartyPolicy, routing: ReadonlyMap<string, PersonRouting>): (party: Party) => PartyPolicy {
  return (party) => {
    const base = policy(party);
    const mine = party.kind === 'person' ? routing.get(party.personId) : undefined;
    return mine ? { ...base, routing: mine } : base;
  };
}

/** Intercept, incoming permissions and anonymous rejection (call-permissions.ts), when any applies. */
async function screenOf(store: Store, person: Person, stored: ReadonlyMap<string, string>): Promise<{ screen?: NonNullable<PersonRouting['screen']> }> {
  const screen = await incomingScreenOf(store, person, stored);
  return screen ? { screen } : {};
}
