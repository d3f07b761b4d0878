import { reputationBlockThreshold } from '../service-settings/caller-reputation.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { IncomingScreen } from '../../engine/incoming-screen.ts';
import type { Party, PersonParty } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { INTERNAL_DIALING, LOCATION_ACCESS_CODES, LOCATION_DIGIT_PATTERNS, LOCATION_INTERCEPT, LOCATION_OUTGOING_PERMISSION, LOCATION_TRANSFER_NUMBERS } from '../call-handling/location-call-handling.ts';
import { storedLocationDocument } from '../call-handling/location-settings-service.ts';
import { lookupRoute } from '../call-routing/dial-plan-service.ts';
import { WebexError } from '../errors.ts';
import { callingCode } from '../phone-numbers.ts';
import { matchesPattern, TRANSFER_KEYS, type AccessCode, type CallingPermission, type CallTypeName, type DigitPattern, type PermissionAction } from '../settings/calling-permissions.ts';
import {
  ANONYMOUS_CALL_REJECT,
  INCOMING_PERMISSION,
  INTERCEPT,
  OUTGOING_ACCESS_CODES,
  OUTGOING_DIGIT_PATTERNS,
  OUTGOING_PERMISSION,
  OUTGOING_TRANSFER_NUMBERS,
} from '../settings/permission-settings.ts';
import { mergeDocument, type SettingDefinition, type SettingDocument } from '../settings/setting-documents.ts';
import { resolveDestination } from './destinations.ts';
import { pstnParty, voicemailOf } from './parties.ts';

// Who may call whom: the outgoing side (call intercept, digit patterns, the action for the call's
// type, access codes, auto transfer numbers) decided before a call is placed, and the incoming
// side (intercept, incoming permissions, anonymous call rejection) loaded as a person's screen
// for the engine (engine/incoming-screen.ts). A person's own documents apply when they say so
// (useCustomEnabled, useCustomDigitPatterns, useCustomTransferNumbers, intercept enabled); their
// location's otherwise.

/** The call type of a dialled destination, from the number and the caller's location's country. */
export function classifyCall(to: Party, country: string): CallTypeName | 'EMERGENCY' {
  if (to.kind !== 'pstn') return 'INTERNAL_CALL';
  if (to.emergency) return 'EMERGENCY';
  const number = to.number;
  if (!number.startsWith('+')) {
    if (number === '0' || number === '00') return 'OPERATOR_ASSISTED';
    if (number === '411') return 'CHARGEABLE_DIRECTORY_ASSISTED';
    if (/^[2-8]11$/.test(number)) return 'SPECIAL_SERVICES_I';
    // An unknown extension sent out through a trunk (internal dialing) is still internal dialling.
    return 'INTERNAL_CALL';
  }
  const parsed = parsePhoneNumberFromString(number);
  const home = callingCode(country);
  if (parsed && home && parsed.countryCallingCode !== home) return 'INTERNATIONAL';
  // NANP directory assistance: 1 + area code + 555-1212.
  if (/^\+1\d{3}5551212$/.test(number)) return 'CHARGEABLE_DIRECTORY_ASSISTED';
  switch (parsed?.getType()) {
    case 'TOLL_FREE':
      return 'TOLL_FREE';
    case 'PREMIUM_RATE':
      return 'PREMIUM_SERVICES_I';
    case 'SHARED_COST':
      return 'PREMIUM_SERVICES_II';
    default:
      return 'NATIONAL';
  }
}

/** A person's document; `all`: their stored documents when already read (person-routing.ts). */
const personDoc = async (store: Store, person: PersonParty, definition: SettingDefinition, all?: ReadonlyMap<string, string>): Promise<SettingDocument> => {
  const stored = all ? all.get(definition.key) : await store.ownerSettings.get({ orgId: person.orgId, kind: 'person', id: person.personId }, definition.key);
  return stored === undefined ? structuredClone(definition.defaults) : mergeDocument(definition.defaults, JSON.parse(stored) as SettingDocument);
};

type Intercept = {
  enabled: boolean;
  incoming: { type: 'INTERCEPT_ALL' | 'ALLOW_ALL'; voicemailEnabled?: boolean; announcements?: { newNumber?: { enabled?: boolean; destination?: string } } };
  outgoing: { type: 'INTERCEPT_ALL' | 'ALLOW_LOCAL_ONLY'; transferEnabled?: boolean; destination?: string };
};

/** The intercept in force for a person: their own when on, else their location's when on. */
async function interceptOf(store: Store, person: PersonParty, all?: ReadonlyMap<string, string>): Promise<Intercept | undefined> {
  const own = (await personDoc(store, person, INTERCEPT, all)) as Intercept;
  if (own.enabled) return own;
  const location = (await storedLocationDocument(store, person.orgId, person.locationId, LOCATION_INTERCEPT)) as Intercept;
  return location.enabled ? location : undefined;
}

const callRefused = (message: string) => new WebexError(403, message);

export type Dialled = { destination: string; accessCode?: string };

/**
 * A destination dialled after an access code: "1234#+442071234567" is the number with code 1234,
 * as the caller would key the code in when the call is held for one (AUTH_CODE).
 */
export function splitAccessCode(raw: string): Dialled {
  const match = /^\s*(\d{2,6})#(.+)$/.exec(raw);
  return match ? { destination: match[2]!, accessCode: match[1]! } : { destination: raw };
}

/**
 * Where a call the person places goes, or a 403 if it may not be placed: call intercept, then the
 * first digit pattern matching the dialled digits, then the action for the call's type. A call the
 * person transfers or forwards (`transfer`) goes where it is sent if the rule's transferEnabled
 * allows it, whatever its action. Emergency calls are never restricted.
 */
export async function outgoingCall(store: Store, caller: PersonParty, dialled: Dialled, to: Party, options: { transfer?: boolean } = {}): Promise<Party> {
  const location = await store.locations.get(caller.orgId, caller.locationId);
  const callType = classifyCall(to, location?.address.country ?? 'US');
  if (callType === 'EMERGENCY') return to;
  const resolve = async (destination: string) => {
    const party = await resolveDestination(store, { orgId: caller.orgId, locationId: caller.locationId }, destination);
    if (!party || party.kind === 'feature') throw callRefused(`The call cannot be transferred to ${destination}.`);
    return party;
  };

  const intercept = await interceptOf(store, caller);
  if (intercept && (intercept.outgoing.type === 'INTERCEPT_ALL' || callType !== 'INTERNAL_CALL')) {
    if (intercept.outgoing.transferEnabled && intercept.outgoing.destination) return resolve(intercept.outgoing.destination);
    throw callRefused('Outgoing calls of this person are intercepted.');
  }

  const digits = dialled.destination.replace(/[^\d*#+]/g, '').replace(/^\+/, '');
  const patterns = await ownOrLocation(store, caller, OUTGOING_DIGIT_PATTERNS, 'useCustomDigitPatterns', LOCATION_DIGIT_PATTERNS);
  const pattern = ((patterns.digitPatterns as DigitPattern[] | undefined) ?? []).find((p) => matchesPattern(p.pattern.replace(/^\+/, ''), digits));
  const permissions = await ownOrLocation(store, caller, OUTGOING_PERMISSION, 'useCustomEnabled', LOCATION_OUTGOING_PERMISSION);
  const rule: { action: PermissionAction; transferEnabled: boolean; what: string } | undefined = pattern
    ? { action: pattern.action, transferEnabled: pattern.transferEnabled, what: `the digit pattern "${pattern.name}"` }
    : (() => {
        const found = (permissions.callingPermissions as CallingPermission[]).find((p) => p.callType === callType);
        return found && { action: found.action, transferEnabled: found.transferEnabled, what: `the outgoing calling permissions (${callType})` };
      })();
  // Transferring (or forwarding) to a call type is its own permission: transferEnabled.
  if (options.transfer) {
    if (rule && !rule.transferEnabled) throw callRefused(`Calls may not be transferred or forwarded to ${dialled.destination} (${rule.what}).`);
    return to;
  }
  if (!rule || rule.action === 'ALLOW') return to;
  switch (rule.action) {
    case 'BLOCK':
      throw callRefused(`Calls to ${dialled.destination} are blocked by ${rule.what}.`);
    case 'AUTH_CODE': {
      const own = ((await personDoc(store, caller, OUTGOING_ACCESS_CODES)).accessCodes as AccessCode[] | undefined) ?? [];
      const shared = ((await storedLocationDocument(store, caller.orgId, caller.locationId, LOCATION_ACCESS_CODES)).accessCodes as AccessCode[] | undefined) ?? [];
      if (dialled.accessCode && [...own, ...shared].some((c) => c.code === dialled.accessCode)) return to;
      throw callRefused(`Calls to ${dialled.destination} need a valid access code (${rule.what}).`);
    }
    default: {
      const key = TRANSFER_KEYS[Number(rule.action.slice(-1)) - 1]!;
      const numbers = await ownOrLocation(store, caller, OUTGOING_TRANSFER_NUMBERS, 'useCustomTransferNumbers', LOCATION_TRANSFER_NUMBERS);
      const number = numbers[key] as string | undefined;
      if (!number) throw callRefused(`Calls to ${dialled.destination} are transferred by ${rule.what}, but ${key} is not set.`);
      return resolve(number);
    }
  }
}

/** The person's document when its switch says so, else the location's. */
async function ownOrLocation(
  store: Store,
  person: PersonParty,
  own: SettingDefinition,
  useOwn: string,
  location: Parameters<typeof storedLocationDocument>[3],
): Promise<SettingDocument> {
  const doc = await personDoc(store, person, own);
  return doc[useOwn] === true ? doc : storedLocationDocument(store, person.orgId, person.locationId, location);
}

/** Which calls a person accepts (engine/incoming-screen.ts), or undefined when they accept all. */
export async function incomingScreenOf(store: Store, person: PersonParty, all?: ReadonlyMap<string, string>): Promise<IncomingScreen | undefined> {
  const [permission, anonymous, intercept, blockReputationFrom] = await Promise.all([
    personDoc(store, person, INCOMING_PERMISSION, all),
    personDoc(store, person, ANONYMOUS_CALL_REJECT, all),
    interceptOf(store, person, all),
    reputationBlockThreshold(store, person.orgId),
  ]);
  const custom = permission.useCustomEnabled === true;
  const external = !custom || permission.externalTransfer === 'ALLOW_ALL_EXTERNAL' ? 'all' : permission.externalTransfer === 'BLOCK_ALL_EXTERNAL' ? 'none' : 'transferred';
  const screen: IncomingScreen = { external, internal: !custom || permission.internalCallsEnabled !== false, rejectAnonymous: anonymous.enabled === true };
  if (intercept && intercept.incoming.type === 'INTERCEPT_ALL') screen.intercept = { to: await interceptTarget(store, person, intercept) };
  if (blockReputationFrom !== undefined) screen.blockReputationFrom = blockReputationFrom;
  return screen.external === 'all' && screen.internal && !screen.rejectAnonymous && !screen.intercept && blockReputationFrom === undefined ? undefined : screen;
}

/** An intercepted call goes to voicemail when enabled, else to the announced new number, else ends. */
async function interceptTarget(store: Store, person: PersonParty, intercept: Intercept): Promise<Party | null> {
  if (intercept.incoming.voicemailEnabled) return voicemailOf(person);
  const newNumber = intercept.incoming.announcements?.newNumber;
  if (newNumber?.enabled && newNumber.destination) {
    const to = await resolveDestination(store, { orgId: person.orgId, locationId: person.locationId }, newNumber.destination);
    if (to && to.kind !== 'feature' && !(to.kind === 'person' && to.personId === person.personId)) return to;
  }
  return null;
}

/**
 * An extension nobody in the organization has: with the caller's location's unknown extension
 * route policy on, the call goes out through the trunk or route group named, to whatever answers
 * that extension behind it (a party of the simulated network, named after the route).
 */
export async function unknownExtensionRoute(store: Store, caller: PersonParty, dialled: string): Promise<Party | undefined> {
  const digits = dialled.replace(/[\s().-]/g, '');
  if (!/^\d{2,10}$/.test(digits)) return undefined;
  const doc = await storedLocationDocument(store, caller.orgId, caller.locationId, INTERNAL_DIALING);
  const identity = doc.unknownExtensionRouteIdentity as { id: string; type: 'TRUNK' | 'ROUTE_GROUP' } | undefined;
  if (doc.enableUnknownExtensionRoutePolicy !== true || !identity) return undefined;
  const route = await lookupRoute(store, caller.orgId, identity.type, identity.id);
  return route ? pstnParty(digits, route.name) : undefined;
}

/**
 * May a person's forwarding send calls to this destination? Their outgoing permissions' rule for
 * the destination's call type (or digit pattern) must allow transfer and forwarding, and their
 * intercept must not hold outgoing calls.
 */
export async function mayForwardTo(store: Store, person: PersonParty, destination: string, to: Party): Promise<boolean> {
  try {
    await outgoingCall(store, person, { destination }, to, { transfer: true });
    return true;
  } catch (error) {
    if (error instanceof WebexError && error.status === 403) return false;
    throw error;
  }
}
