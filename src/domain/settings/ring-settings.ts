import { badRequest } from '../errors.ts';
import { looseE164 } from '../phone-numbers.ts';
import { encodeId } from '../webex-ids.ts';
import type { SettingContext, SettingDefinition, SettingDocument } from './setting-documents.ts';
import type { ItemCollection } from './setting-items.ts';
import { checkRange, checkRingNumber } from './setting-members.ts';

// Settings that decide, call by call, whether and where a person's incoming call rings: ring
// other numbers too (simultaneous ring, single number reach) or one after another (sequential
// ring), accept or reject by caller and schedule (selective accept / reject), forward by caller
// and schedule (selective forward), a distinctive ring (priority alert), an email (call notify),
// blocked numbers (call block). Each holds a list of criteria: who is calling (any number, some
// numbers, anonymous or unavailable callers) during which schedule of the person's location.

type Criterion = SettingDocument & { id: string };

const SOURCE: Record<string, string> = {
  ANY_PHONE_NUMBER: 'ALL_NUMBERS',
  SELECT_PHONE_NUMBERS: 'SPECIFIC_NUMBERS',
  FORWARDED: 'FORWARDED',
  ANY_INTERNAL: 'ANY_INTERNAL',
  ANY_EXTERNAL: 'ANY_EXTERNAL',
};

const MAX_CRITERIA_NUMBERS = 12;

/** A criterion's rules: who it is for, and a schedule of the person's location if it names one. */
async function checkCriterion(item: SettingDocument, ctx: SettingContext, others: readonly SettingDocument[], allowed: readonly string[]): Promise<void> {
  if (typeof item.callsFrom !== 'string' || !allowed.includes(item.callsFrom)) throw badRequest(`callsFrom must be one of ${allowed.join(', ')}.`);
  item.anonymousCallersEnabled ??= false;
  item.unavailableCallersEnabled ??= false;
  const numbers = (item.phoneNumbers as unknown[] | undefined) ?? [];
  if (item.callsFrom === 'SELECT_PHONE_NUMBERS') {
    if (numbers.length === 0 && !item.anonymousCallersEnabled && !item.unavailableCallersEnabled) {
      throw badRequest('SELECT_PHONE_NUMBERS needs phoneNumbers, anonymousCallersEnabled or unavailableCallersEnabled.');
    }
    if (numbers.length > MAX_CRITERIA_NUMBERS) throw badRequest(`phoneNumbers holds at most ${MAX_CRITERIA_NUMBERS} numbers.`);
    for (const n of numbers) if (typeof n !== 'string' || !/^\+?[\d*#]{2,17}$/.test(n.replace(/[\s().-]/g, ''))) throw badRequest(`phoneNumbers: "${String(n)}" is not a phone number.`);
  } else delete item.phoneNumbers;
  if (item.scheduleName === undefined || item.scheduleName === '') {
    delete item.scheduleName;
    delete item.scheduleType;
    delete item.scheduleLevel;
  } else {
    if (item.scheduleType !== 'businessHours' && item.scheduleType !== 'holidays') throw badRequest('scheduleType is required with scheduleName.');
    // PEOPLE names the person's own schedule; GROUP and LOCATION both name the location's (the paths differ in the word).
    item.scheduleLevel ??= 'GROUP';
    // PEOPLE names the person's own schedules; any other level, the line's location's.
    const own = item.scheduleLevel === 'PEOPLE' && ctx.owner.kind === 'person';
    const schedule = await ctx.store.schedules.findByName(ctx.orgId, ctx.owner.locationId, item.scheduleType, String(item.scheduleName), own ? ctx.owner.id : undefined);
    if (!schedule) throw badRequest(`Schedule "${String(item.scheduleName)}" is not a ${item.scheduleType} schedule of the ${own ? 'person' : "line's location"}.`);
  }
  const same = (o: SettingDocument) => o.scheduleName === item.scheduleName && o.callsFrom === item.callsFrom && JSON.stringify(o.phoneNumbers) === JSON.stringify(item.phoneNumbers);
  if (item.callsFrom !== 'SELECT_PHONE_NUMBERS' && others.some(same)) throw badRequest('A criterion with this schedule and callers exists already.');
}

/** The criteria collection of a setting, with the flag that says what a matching call does. */
function criteria(setting: string, flag: string, allowed: readonly string[], check?: (item: SettingDocument, ctx: SettingContext) => Promise<void>): ItemCollection {
  return {
    setting,
    field: 'criteria',
    idType: 'CRITERIA',
    max: 50,
    notFound: 'Criteria not found.',
    check: async (item, ctx, others) => {
      if (typeof item[flag] !== 'boolean') item[flag] = true;
      // A workspace's selective forward operations call the callers' numbers `numbers`.
      if (item.numbers !== undefined) item.phoneNumbers ??= item.numbers;
      delete item.numbers;
      await checkCriterion(item, ctx, others, allowed);
      await check?.(item, ctx);
    },
  };
}

/** A setting document's criteria as its GET lists them. */
function summaries(doc: SettingDocument, flag: string, shownAs = flag) {
  return ((doc.criteria as Criterion[] | undefined) ?? []).map((c) => ({
    id: encodeId('CRITERIA', c.id),
    scheduleName: (c.scheduleName as string | undefined) ?? '',
    source: SOURCE[String(c.callsFrom)] ?? 'ALL_NUMBERS',
    [shownAs]: c[flag],
  }));
}

const withCriteria = (flag: string, shownAs = flag) => async (doc: SettingDocument) => ({ ...doc, criteria: summaries(doc, flag, shownAs) });

const ANY_OR_SELECT = ['ANY_PHONE_NUMBER', 'SELECT_PHONE_NUMBERS'] as const;

type RingNumber = { phoneNumber?: string; answerConfirmationEnabled?: boolean; answerConfirmationRequiredEnabled?: boolean; numberOfRings?: number };

async function checkRingNumbers(doc: SettingDocument, ctx: SettingContext, max: number): Promise<void> {
  const numbers = (doc.phoneNumbers as RingNumber[] | undefined) ?? [];
  if (numbers.length > max) throw badRequest(`phoneNumbers holds at most ${max} numbers.`);
  for (const [i, n] of numbers.entries()) n.phoneNumber = await checkRingNumber(`phoneNumbers[${i}].phoneNumber`, n.phoneNumber, ctx);
  if (new Set(numbers.map((n) => n.phoneNumber)).size !== numbers.length) throw badRequest('phoneNumbers lists a number twice.');
  if (doc.enabled && numbers.length === 0) throw badRequest('phoneNumbers needs at least one number while enabled.');
}

/** Simultaneous ring: the person's phone and up to 10 other numbers ring at once. */
export const SIMULTANEOUS_RING: SettingDefinition = {
  key: 'simultaneousRing',
  defaults: { enabled: false, doNotRingIfOnCallEnabled: true, criteriasEnabled: false, phoneNumbers: [] },
  check: async (doc, ctx) => {
    // The For Me path names the confirmation flag differently in a PUT.
    for (const n of (doc.phoneNumbers as RingNumber[] | undefined) ?? []) n.answerConfirmationEnabled ??= n.answerConfirmationRequiredEnabled ?? false;
    await checkRingNumbers(doc, ctx, 10);
  },
  present: withCriteria('ringEnabled'),
  changesCalls: true,
};

/** Simultaneous ring's numbers as the For Me and workspace paths show them (answerConfirmationRequiredEnabled). */
export const withConfirmationRequired = (doc: SettingDocument): SettingDocument => ({
  ...doc,
  phoneNumbers: ((doc.phoneNumbers as RingNumber[] | undefined) ?? []).map((n) => ({ phoneNumber: n.phoneNumber, answerConfirmationRequiredEnabled: n.answerConfirmationEnabled ?? false })),
});

/** The Call Settings For Me view of simultaneous ring (answerConfirmationRequiredEnabled in a GET). */
export const MY_SIMULTANEOUS_RING: SettingDefinition = {
  key: 'mySimultaneousRing',
  defaults: {},
  viewOf: { key: 'simultaneousRing', read: withConfirmationRequired, write: (update) => update },
  changesCalls: true,
};

/** Sequential ring: the person's phone first (if set), then up to 5 numbers one after another. */
export const SEQUENTIAL_RING: SettingDefinition = {
  key: 'sequentialRing',
  defaults: {
    enabled: false,
    ringBaseLocationFirstEnabled: true,
    baseLocationNumberOfRings: 2,
    continueIfBaseLocationIsBusyEnabled: true,
    callsToVoicemailEnabled: false,
    phoneNumbers: [],
  },
  check: async (doc, ctx) => {
    checkRange('baseLocationNumberOfRings', doc.baseLocationNumberOfRings, 2, 20);
    for (const [i, n] of ((doc.phoneNumbers as RingNumber[] | undefined) ?? []).entries()) {
      checkRange(`phoneNumbers[${i}].numberOfRings`, n.numberOfRings, 2, 20);
      // Webex shows both for every number: no confirmation and 3 rings unless given.
      n.answerConfirmationRequiredEnabled ??= false;
      n.numberOfRings ??= 3;
    }
    await checkRingNumbers(doc, ctx, 5);
  },
  present: withCriteria('ringEnabled'),
  changesCalls: true,
};

/** Priority alert: a distinctive ring (PRIORITY) for calls that match a criterion (calls/ring-routing.ts). */
export const PRIORITY_ALERT: SettingDefinition = { key: 'priorityAlert', defaults: { enabled: false }, present: withCriteria('notificationEnabled'), changesCalls: true };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Call notify: an email for calls that match a criterion (Callplane sends no mail: the sandbox's outbox, calls/call-notify.ts). */
export const CALL_NOTIFY: SettingDefinition = {
  key: 'callNotify',
  defaults: { enabled: false },
  check: (doc) => {
    if (doc.emailAddress !== undefined && !EMAIL.test(String(doc.emailAddress))) throw badRequest('emailAddress is not an email address.');
    if (doc.enabled && !doc.emailAddress) throw badRequest('emailAddress is required while call notify is enabled.');
  },
  present: withCriteria('notificationEnabled'),
  changesCalls: true,
};

/** Selective accept: only calls that match a criterion with acceptEnabled ring the person. */
export const SELECTIVE_ACCEPT: SettingDefinition = { key: 'selectiveAccept', defaults: { enabled: false }, present: withCriteria('acceptEnabled'), changesCalls: true };

/** Selective reject: calls that match a criterion with rejectEnabled are rejected. */
export const SELECTIVE_REJECT: SettingDefinition = { key: 'selectiveReject', defaults: { enabled: false }, present: withCriteria('rejectEnabled'), changesCalls: true };

/** Selective forward: calls that match a criterion go to its number (or the default one). */
export const SELECTIVE_FORWARD: SettingDefinition = {
  key: 'selectiveForward',
  defaults: { enabled: false, defaultPhoneNumberToForward: '', ringReminderEnabled: false, destinationVoicemailEnabled: false },
  check: async (doc, ctx) => {
    if (doc.defaultPhoneNumberToForward) doc.defaultPhoneNumberToForward = await checkRingNumber('defaultPhoneNumberToForward', doc.defaultPhoneNumberToForward, ctx);
    else if (doc.enabled) throw badRequest('defaultPhoneNumberToForward is required while selective forward is enabled.');
  },
  present: withCriteria('forwardEnabled', 'ringEnabled'),
  changesCalls: true,
};

/**
 * Single number reach: other numbers (a mobile, a home phone) ring with the person's phone. It is
 * on while a number is; a For Me PUT names the click-to-dial flag alertAllLocations….
 */
export const SINGLE_NUMBER_REACH: SettingDefinition = {
  key: 'singleNumberReach',
  defaults: { alertAllNumbersForClickToDialCallsEnabled: false, numbers: [] },
  computed: (doc) => ({ enabled: ((doc.numbers as SettingDocument[] | undefined) ?? []).some((n) => n.enabled === true) }),
  check: (doc) => {
    if (doc.alertAllLocationsForClickToDialCallsEnabled !== undefined) doc.alertAllNumbersForClickToDialCallsEnabled = doc.alertAllLocationsForClickToDialCallsEnabled;
    delete doc.alertAllLocationsForClickToDialCallsEnabled;
  },
  present: async (doc) => ({ ...doc, numbers: ((doc.numbers as Criterion[] | undefined) ?? []).map((n) => ({ ...n, id: encodeId('PHONE_NUMBER', n.id) })) }),
  changesCalls: true,
};

/** Call block: numbers whose calls never reach the person (Call Settings For Me). */
export const CALL_BLOCK: SettingDefinition = {
  key: 'callBlock',
  defaults: { numbers: [] },
  present: async (doc) => ({ numbers: ((doc.numbers as Criterion[] | undefined) ?? []).map((n) => ({ id: encodeId('PHONE_NUMBER', n.id), phoneNumber: n.phoneNumber })) }),
  changesCalls: true,
};

/** Executive call filtering: which calls go to the executive's assistants instead. */
export const EXECUTIVE_CALL_FILTERING: SettingDefinition = {
  key: 'executiveCallFiltering',
  defaults: { enabled: false, filterType: 'ALL_CALLS' },
  check: (doc) => {
    const activation = (doc.criteriaActivation as { id: string; activationEnabled: boolean }[] | undefined) ?? [];
    delete doc.criteriaActivation;
    const items = (doc.criteria as Criterion[] | undefined) ?? [];
    for (const a of activation) {
      const item = items.find((c) => encodeId('CRITERIA', c.id) === a.id);
      if (!item) throw badRequest(`criteriaActivation: ${a.id} is not a criterion of this executive.`);
      item.activationEnabled = a.activationEnabled;
    }
  },
  present: async (doc) => ({
    ...doc,
    criteria: ((doc.criteria as Criterion[] | undefined) ?? []).map((c) => ({
      id: encodeId('CRITERIA', c.id),
      filterName: c.filterName,
      source: c.callsFrom,
      activationEnabled: c.activationEnabled ?? true,
      filterEnabled: c.filterEnabled,
    })),
  }),
  changesCalls: true,
};

export const RING_SETTINGS: readonly SettingDefinition[] = [
  SIMULTANEOUS_RING,
  MY_SIMULTANEOUS_RING,
  SEQUENTIAL_RING,
  PRIORITY_ALERT,
  CALL_NOTIFY,
  SELECTIVE_ACCEPT,
  SELECTIVE_REJECT,
  SELECTIVE_FORWARD,
  SINGLE_NUMBER_REACH,
  CALL_BLOCK,
  EXECUTIVE_CALL_FILTERING,
];

// The sub-item collections of these settings, served on paths of their own.

export const SIMULTANEOUS_RING_CRITERIA = criteria('simultaneousRing', 'ringEnabled', ANY_OR_SELECT);
export const SEQUENTIAL_RING_CRITERIA = criteria('sequentialRing', 'ringEnabled', ANY_OR_SELECT);
export const PRIORITY_ALERT_CRITERIA = criteria('priorityAlert', 'notificationEnabled', ANY_OR_SELECT);
export const CALL_NOTIFY_CRITERIA = criteria('callNotify', 'notificationEnabled', ANY_OR_SELECT);
export const SELECTIVE_ACCEPT_CRITERIA = criteria('selectiveAccept', 'acceptEnabled', [...ANY_OR_SELECT, 'FORWARDED']);
export const SELECTIVE_REJECT_CRITERIA = criteria('selectiveReject', 'rejectEnabled', [...ANY_OR_SELECT, 'FORWARDED']);
export const SELECTIVE_FORWARD_CRITERIA = criteria('selectiveForward', 'forwardEnabled', [...ANY_OR_SELECT, 'ANY_INTERNAL', 'ANY_EXTERNAL'], async (item, ctx) => {
  // A workspace's PUT names the voicemail switch destinationVoicemailEnabled; its GET, as a person's.
  item.sendToVoicemailEnabled ??= item.destinationVoicemailEnabled ?? false;
  delete item.destinationVoicemailEnabled;
  if (item.forwardToPhoneNumber) item.forwardToPhoneNumber = await checkRingNumber('forwardToPhoneNumber', item.forwardToPhoneNumber, ctx);
  else item.forwardToPhoneNumber = '';
});
export const EXECUTIVE_FILTER_CRITERIA = criteria('executiveCallFiltering', 'filterEnabled', [...ANY_OR_SELECT, 'ANY_INTERNAL', 'ANY_EXTERNAL'], async (item) => {
  // The For Me paths take no filterName: the filter is named after its schedule or its callers.
  item.filterName ??= item.scheduleName ?? item.callsFrom;
  if (typeof item.filterName !== 'string' || item.filterName.trim() === '') throw badRequest('filterName is required.');
});

export const SINGLE_NUMBER_REACH_NUMBERS: ItemCollection = {
  setting: 'singleNumberReach',
  field: 'numbers',
  idType: 'PHONE_NUMBER',
  max: 10,
  notFound: 'Single number reach number not found.',
  check: async (item, ctx, others) => {
    item.phoneNumber = await checkRingNumber('phoneNumber', item.phoneNumber, ctx);
    if (typeof item.name !== 'string' || item.name.trim() === '') throw badRequest('name is required.');
    if (typeof item.enabled !== 'boolean') throw badRequest('enabled is required.');
    item.doNotForwardCallsEnabled ??= false;
    item.answerConfirmationEnabled ??= false;
    if (others.some((o) => o.phoneNumber === item.phoneNumber)) throw badRequest(`${String(item.phoneNumber)} is a single number reach number already.`);
  },
};

/** A blocked number is its own identity: its ID names the number, so any number can be asked about. */
export const CALL_BLOCK_NUMBERS: ItemCollection = {
  setting: 'callBlock',
  field: 'numbers',
  idType: 'PHONE_NUMBER',
  max: 200,
  notFound: 'The number is not blocked.',
  check: (item) => {
    const raw = typeof item.phoneNumber === 'string' ? item.phoneNumber.replace(/[\s().-]/g, '') : '';
    const e164 = raw.startsWith('+') ? raw : looseE164(raw);
    if (!e164 || !/^\+\d{6,15}$/.test(e164)) throw badRequest(`phoneNumber "${String(item.phoneNumber)}" is not a phone number.`);
    item.phoneNumber = e164;
  },
  idOf: (item) => String(item.phoneNumber),
};
