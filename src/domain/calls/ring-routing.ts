import type { AlsoRing, CallerMatch, CallerRules, PersonRouting } from '../../engine/person-routing.ts';
import type { Party, PersonParty } from '../../engine/types.ts';
import type { Location, Store } from '../../store/store.ts';
import { isInSchedule } from '../schedules/schedule-time.ts';
import { PUSH_TO_TALK } from '../settings/person-config-settings.ts';
import { decodeId } from '../webex-ids.ts';
import { CALL_BLOCK, PRIORITY_ALERT, SELECTIVE_ACCEPT, SELECTIVE_FORWARD, SELECTIVE_REJECT, SEQUENTIAL_RING, SIMULTANEOUS_RING, SINGLE_NUMBER_REACH } from '../settings/ring-settings.ts';
import type { SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';
import { resolveDestination } from './destinations.ts';
import { voicemailOf } from './parties.ts';
import { RING_MS } from './person-routing.ts';

// The part of a person's routing policy that their ring settings give (domain/settings/
// ring-settings.ts): rules by caller and schedule, read at the time of the call. A criterion that
// names a schedule counts only while the schedule (of the person's location, on its clock) is in
// force; one whose schedule is gone never counts. Numbers that no longer resolve ring nowhere.

type Criterion = SettingDocument & { callsFrom: string; scheduleName?: string; scheduleType?: 'businessHours' | 'holidays'; scheduleLevel?: string; phoneNumbers?: string[] };

function matchOf(c: Criterion): CallerMatch {
  switch (c.callsFrom) {
    case 'ANY_PHONE_NUMBER':
      return 'ANY';
    case 'ANY_INTERNAL':
      return 'INTERNAL';
    case 'ANY_EXTERNAL':
      return 'EXTERNAL';
    case 'FORWARDED':
      return 'FORWARDED';
    default:
      return { numbers: c.phoneNumbers ?? [], anonymous: c.anonymousCallersEnabled === true, unavailable: c.unavailableCallersEnabled === true };
  }
}

/** Whether a criterion counts at `now`: always without a schedule, else while its schedule is in force. */
async function inForceAt(store: Store, person: PersonParty, now: Date): Promise<(c: Criterion) => Promise<boolean>> {
  // The location (its time zone) is read once, and only for a criterion with a schedule: most
  // people have none, and every call step asks (issue 17).
  let location: Promise<Location | undefined> | undefined;
  return async (c) => {
    if (!c.scheduleName || !c.scheduleType) return true;
    // Level PEOPLE: the person's own schedule; otherwise their location's.
    const own = c.scheduleLevel === 'PEOPLE' && person.line === undefined ? person.personId : undefined;
    const schedule = await store.schedules.findByName(person.orgId, person.locationId, c.scheduleType, c.scheduleName, own);
    if (schedule === undefined) return false;
    location ??= store.locations.get(person.orgId, person.locationId);
    const timeZone = (await location)?.timeZone;
    return timeZone !== undefined && isInSchedule(schedule, now, timeZone);
  };
}

/** The criteria of a document in force now, as rules: `flag` true takes the call, false keeps it out. */
async function rulesOf(inForce: (c: Criterion) => Promise<boolean>, d: SettingDocument, flag: string): Promise<CallerRules> {
  const out: CallerRules = { on: [], off: [] };
  for (const c of (d.criteria as Criterion[] | undefined) ?? []) {
    if (!(await inForce(c))) continue;
    (c[flag] === false ? out.off : out.on).push(matchOf(c));
  }
  return out;
}

/** Whether a criterion's schedule is in force now, and a document's criteria in force now as rules. */
export async function criteriaRules(store: Store, person: PersonParty, now: Date) {
  const inForce = await inForceAt(store, person, now);
  return { inForce, rules: (d: SettingDocument, flag: string) => rulesOf(inForce, d, flag) };
}

/** A setting's criteria in force at `now` as rules (call notify reads its own this way). */
export async function rulesInForce(store: Store, person: PersonParty, d: SettingDocument, flag: string, now: Date): Promise<CallerRules> {
  return rulesOf(await inForceAt(store, person, now), d, flag);
}

export async function ringRoutingOf(
  store: Store,
  person: PersonParty,
  doc: (definition: SettingDefinition) => SettingDocument,
  now: Date,
): Promise<Partial<PersonRouting>> {
  const { inForce, rules } = await criteriaRules(store, person, now);
  const party = async (number: string, toVoicemail = false): Promise<Party | undefined> => {
    const to = await resolveDestination(store, { orgId: person.orgId, locationId: person.locationId }, number);
    if (!to || to.kind === 'feature' || to.kind === 'huntGroup' || (to.kind === 'person' && to.personId === person.personId)) return undefined;
    return toVoicemail && to.kind === 'person' ? voicemailOf(to) : to;
  };
  const parties = async (numbers: string[]) => (await Promise.all(numbers.map((n) => party(n)))).filter((p): p is Party => p !== undefined);

  const out: Partial<PersonRouting> = {};
  const reject: CallerRules[] = [];
  const blocked = (doc(CALL_BLOCK).numbers as { phoneNumber: string }[]).map((n) => n.phoneNumber);
  if (blocked.length > 0) reject.push({ on: [{ numbers: blocked, anonymous: false, unavailable: false }], off: [] });
  const selectiveReject = doc(SELECTIVE_REJECT);
  if (selectiveReject.enabled) reject.push(await rules(selectiveReject, 'rejectEnabled'));
  if (reject.length > 0) out.reject = reject;

  const selectiveAccept = doc(SELECTIVE_ACCEPT);
  if (selectiveAccept.enabled) out.acceptOnly = await rules(selectiveAccept, 'acceptEnabled');

  const selectiveForward = doc(SELECTIVE_FORWARD);
  if (selectiveForward.enabled) {
    const forwards: NonNullable<PersonRouting['forwardSelective']> = [];
    for (const c of (selectiveForward.criteria as Criterion[] | undefined) ?? []) {
      if (c.forwardEnabled === false || !(await inForce(c))) continue;
      const number = (c.forwardToPhoneNumber as string) || (selectiveForward.defaultPhoneNumberToForward as string);
      const to = number ? await party(number, c.sendToVoicemailEnabled === true) : undefined;
      if (to) forwards.push({ when: { on: [matchOf(c)], off: [] }, to, reason: c.scheduleName ? 'timeOfDay' : 'unconditional' });
    }
    if (forwards.length > 0) out.forwardSelective = forwards;
  }

  const alsoRing: AlsoRing[] = [];
  const simultaneous = doc(SIMULTANEOUS_RING);
  if (simultaneous.enabled) {
    const ring = await parties((simultaneous.phoneNumbers as { phoneNumber: string }[]).map((n) => n.phoneNumber));
    const when = simultaneous.criteriasEnabled ? await rules(simultaneous, 'ringEnabled') : undefined;
    if (ring.length > 0) alsoRing.push({ parties: ring, notWhileOnCall: simultaneous.doNotRingIfOnCallEnabled !== false, ...(when ? { when } : {}) });
  }
  const reach = (doc(SINGLE_NUMBER_REACH).numbers as { phoneNumber: string; enabled: boolean }[]).filter((n) => n.enabled);
  if (reach.length > 0) {
    const ring = await parties(reach.map((n) => n.phoneNumber));
    if (ring.length > 0) alsoRing.push({ parties: ring, notWhileOnCall: false });
  }
  if (alsoRing.length > 0) out.alsoRing = alsoRing;

  const sequential = doc(SEQUENTIAL_RING);
  if (sequential.enabled) {
    const steps: NonNullable<PersonRouting['sequential']>['steps'] = [];
    for (const n of sequential.phoneNumbers as { phoneNumber: string; numberOfRings?: number }[]) {
      const to = await party(n.phoneNumber);
      if (to) steps.push({ to, afterMs: (n.numberOfRings ?? 3) * RING_MS });
    }
    const criteria = (sequential.criteria as Criterion[] | undefined) ?? [];
    out.sequential = {
      baseFirst: sequential.ringBaseLocationFirstEnabled !== false,
      baseMs: ((sequential.baseLocationNumberOfRings as number | undefined) ?? 2) * RING_MS,
      steps,
      finally: sequential.callsToVoicemailEnabled ? voicemailOf(person) : null,
      ...(criteria.length > 0 ? { when: await rules(sequential, 'ringEnabled') } : {}),
    };
  }
  const priorityAlert = doc(PRIORITY_ALERT);
  if (priorityAlert.enabled) out.priorityAlert = await rules(priorityAlert, 'notificationEnabled');
  const ptt = doc(PUSH_TO_TALK);
  out.pushToTalk = {
    autoAnswer: ptt.allowAutoAnswer !== false,
    connection: ptt.connectionType === 'TWO_WAY' ? 'TWO_WAY' : 'ONE_WAY',
    access: ptt.accessType === 'ALLOW_MEMBERS' ? 'ALLOW_MEMBERS' : 'BLOCK_MEMBERS',
    // Members are stored as Webex IDs (person-config-settings.ts).
    members: ((ptt.members as string[] | undefined) ?? []).map((m) => decodeId(m, 'PEOPLE')).filter((id): id is string => id !== undefined),
  };
  return out;
}
