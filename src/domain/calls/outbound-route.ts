import type { Party, PersonParty } from '../../engine/types.ts';
import type { RouteType } from '../../store/call-routing-store.ts';
import type { RouteListListing } from '../../store/route-lists-store.ts';
import type { Store } from '../../store/store.ts';
import { translationFor, type AppliedTranslation } from '../call-routing/translation-pattern-service.ts';
import { WebexError } from '../errors.ts';
import { looseE164 } from '../phone-numbers.ts';
import { outgoingCall, splitAccessCode, unknownExtensionRoute, type Dialled } from './call-permissions.ts';
import { resolveDestination } from './destinations.ts';
import { pstnParty } from './parties.ts';

// Where a call a person places goes, step by step, decided once for real calls (the Call
// Controls and the simulator's phones) and for Call Routing's testCallRouting, so the answer the
// test gives is the route a call takes:
//   1. an access code before the number is set aside (call-permissions.ts);
//   2. a translation pattern of the caller's location or organization rewrites the dialled digits;
//   3. the result resolves to a party (destinations.ts); a number of a route list goes out
//      through the list's route group; an extension nobody has may go out through the location's
//      unknown extension route; an external number matching a dial plan's dial pattern goes out
//      through that plan's trunk or route group;
//   4. the caller's intercept and outgoing permissions allow, refuse or redirect it.

/** The Push to Talk code (feature-access-codes.ts) followed by the extension or number called. */
const PUSH_TO_TALK_DIALLED = /^\*50(\+?\d{2,17})$/;

/** A dial plan that took the call: the plan, the pattern that matched, and its route. */
export type DialPlanRoute = { dialPlanId: string; dialPlanName: string; dialPattern: string; routeType: RouteType; routeId: string; routeName: string };

export type OutboundDecision = {
  dialled: Dialled;
  translation?: AppliedTranslation;
  /** The digits routed: the dialled ones, or their translation. */
  routed: string;
  /** Where the digits lead; undefined when nothing answers them. */
  party?: Party;
  /** How the call left for premises: through a dial plan, or the unknown extension route. */
  via?: { dialPlan: DialPlanRoute } | { unknownExtension: true } | { routeList: RouteListListing };
  /** Where the call goes once the caller's permissions allowed it (it may be redirected). */
  allowed?: Party;
  /** Why the caller's permissions refuse it. */
  refusal?: WebexError;
};

export async function decideOutbound(store: Store, caller: PersonParty, destination: string): Promise<OutboundDecision> {
  // Push to Talk: *50 and whom to intercom (extension or number), a person or another line only.
  const intercom = PUSH_TO_TALK_DIALLED.exec(destination.trim());
  if (intercom) {
    const decision = await decideOutbound(store, caller, intercom[1]!);
    const ptt = (p: Party | undefined) => (p?.kind === 'person' ? { ...p, dialled: { pushToTalk: true } } : undefined);
    const party = ptt(decision.party);
    // Intercept may send the call elsewhere: it goes there as an ordinary call.
    const allowed = ptt(decision.allowed) ?? decision.allowed;
    const { party: _p, allowed: _a, ...rest } = decision;
    return { ...rest, ...(party ? { party } : {}), ...(allowed ? { allowed } : {}) };
  }
  const dialled = splitAccessCode(destination);
  const translation = await translationFor(store, caller.orgId, caller.locationId, dialled.destination);
  const routed = translation?.translated ?? dialled.destination;
  const decision: OutboundDecision = { dialled, routed, ...(translation ? { translation } : {}) };
  const at = { orgId: caller.orgId, locationId: caller.locationId };
  let party = await resolveDestination(store, at, routed);
  if (!party) {
    const routeList = await routeListOf(store, caller.orgId, routed);
    party = routeList ? pstnParty(routeList.number, routeList.list.routeGroupName) : await unknownExtensionRoute(store, caller, routed);
    if (routeList) decision.via = { routeList: routeList.list };
    else if (party) decision.via = { unknownExtension: true };
  } else if (party.kind === 'pstn' && !party.emergency && party.number.startsWith('+')) {
    const dialPlan = await dialPlanRoute(store, caller.orgId, party.number);
    if (dialPlan) {
      party = pstnParty(party.number, dialPlan.routeName);
      decision.via = { dialPlan };
    }
  }
  if (!party) return decision;
  decision.party = party;
  try {
    decision.allowed = await outgoingCall(store, caller, { ...dialled, destination: routed }, party);
  } catch (error) {
    if (!(error instanceof WebexError && error.status === 403)) throw error;
    decision.refusal = error;
  }
  return decision;
}

/** The route list holding a number of the organization (reached through its route group), if any. */
async function routeListOf(store: Store, orgId: string, dialled: string): Promise<{ number: string; list: RouteListListing } | undefined> {
  const digits = dialled.replace(/[\s().-]/g, '');
  const e164 = digits.startsWith('+') ? digits : looseE164(digits);
  if (!e164) return undefined;
  const listId = (await store.routeLists.holders(orgId, [e164])).get(e164);
  const list = listId ? await store.routeLists.get(orgId, listId) : undefined;
  return list && { number: e164, list };
}

/**
 * The dial plan whose dial pattern matches an E.164 number, the most specific first: the pattern
 * with the most leading digits of the number and, at equal digits, X wildcards before !.
 */
export async function dialPlanRoute(store: Store, orgId: string, number: string): Promise<DialPlanRoute | undefined> {
  const candidates: string[] = [];
  for (let k = number.length; k >= 2; k--) {
    const prefix = number.slice(0, k);
    candidates.push(prefix + 'X'.repeat(number.length - k));
    if (k < number.length) candidates.push(`${prefix}!`);
  }
  const held = new Map((await store.callRouting.findDialPatterns(orgId, candidates)).map((p) => [p.dialPattern, p]));
  const found = candidates.find((c) => held.has(c));
  if (!found) return undefined;
  const owner = held.get(found)!;
  const plan = await store.callRouting.getDialPlan(orgId, owner.dialPlanId);
  if (!plan) return undefined;
  return { dialPlanId: plan.id, dialPlanName: plan.name, dialPattern: found, routeType: plan.routeType, routeId: plan.routeId, routeName: plan.routeName };
}
