import { keypadDigits } from '../../engine/attendant.ts';
import type { AttendantPlan, AutoAttendantParty, ForwardParty, Party } from '../../engine/types.ts';
import type { StoredAutoAttendant } from '../../store/auto-attendants-store.ts';
import type { Location, Person, Store } from '../../store/store.ts';
import { resolveDestination } from '../calls/destinations.ts';
import { personParty, voicemailOf } from '../calls/parties.ts';
import { selectiveRules } from '../hunt-groups/hunt-plan.ts';
import { isInSchedule } from '../schedules/schedule-time.ts';
import type { Menu } from './auto-attendant-types.ts';
import { loadReceptionistPlan } from '../ai-receptionists/ai-receptionist-calls.ts';
import { currentMode, modeDestination, modesOf } from '../operating-modes/feature-modes.ts';

// The call runtime's touch point with auto attendants: for each attendant a step may reach, the
// plan of a call arriving now — which menu is in force on the attendant's clock (business hours:
// inside its business schedule and outside its holiday schedule), each key's destination, the
// directory for extension and name dialing, and the forwarding in force.

const DIRECTORY_PAGE = 1000;
const RETRIES = { NO_REPEAT: 0, ONE_TIME: 1, TWO_TIMES: 2, THREE_TIMES: 3 } as const;

export const autoAttendantParty = (a: StoredAutoAttendant, location: Pick<Location, 'routingPrefix'>): AutoAttendantParty => ({
  kind: 'autoAttendant',
  autoAttendantId: a.id,
  orgId: a.orgId,
  locationId: a.locationId,
  name: a.name,
  number: a.phoneNumber,
  extension: a.extension,
  routingPrefix: location.routingPrefix,
});

/** The attendant as a callable party, when it takes calls (enabled, of the organization). */
export async function callableAutoAttendant(store: Store, orgId: string, attendant: StoredAutoAttendant | undefined): Promise<AutoAttendantParty | undefined> {
  if (!attendant || !attendant.enabled || attendant.orgId !== orgId) return undefined;
  const location = await store.locations.get(orgId, attendant.locationId);
  return location ? autoAttendantParty(attendant, location) : undefined;
}

/** Is the attendant's business-hours menu in force at `now`? */
export async function inBusinessHours(store: Store, a: StoredAutoAttendant, now: Date): Promise<boolean> {
  const s = a.settings;
  const open = await store.schedules.findByName(a.orgId, a.locationId, 'businessHours', s.businessSchedule);
  if (!open || !isInSchedule(open, now, s.timeZone)) return false;
  const holidays = s.holidaySchedule ? await store.schedules.findByName(a.orgId, a.locationId, 'holidays', s.holidaySchedule) : undefined;
  return !(holidays && isInSchedule(holidays, now, s.timeZone));
}

/** People the attendant may reach by extension or name: its location's (GROUP) or the organization's. */
async function directory(store: Store, a: StoredAutoAttendant): Promise<AttendantPlan['directory']> {
  const enterprise = a.settings.extensionDialing === 'ENTERPRISE' || a.settings.nameDialing === 'ENTERPRISE';
  const people: Person[] = [];
  let after;
  do {
    const page = await store.people.list(a.orgId, enterprise ? {} : { locationId: a.locationId }, after, DIRECTORY_PAGE);
    people.push(...page.items);
    after = page.next;
  } while (after);
  const entries: AttendantPlan['directory'] = [];
  for (const person of people.sort((x, y) => x.displayName.localeCompare(y.displayName))) {
    if (person.locationId === null || person.extension === null) continue;
    const local = person.locationId === a.locationId;
    const party = await personParty(store, person);
    // Elsewhere in the organization a person is dialled by routing prefix + extension (ESN).
    const extension = local ? person.extension : `${person.routingPrefix ?? ''}${person.extension}`;
    const byExtension = local || a.settings.extensionDialing === 'ENTERPRISE';
    const byName = local || a.settings.nameDialing === 'ENTERPRISE';
    const names = byName ? [`${person.lastName ?? ''}${person.firstName ?? ''}`, `${person.firstName ?? ''}${person.lastName ?? ''}`, person.displayName].map(keypadDigits).filter((n) => n !== '') : [];
    entries.push({ extension: byExtension ? extension : '', names, party, mailbox: party.kind === 'person' ? voicemailOf(party) : null });
  }
  return entries.filter((e) => e.extension !== '' || e.names.length > 0);
}

export async function loadAttendantPlan(store: Store, a: StoredAutoAttendant, now: Date): Promise<AttendantPlan> {
  const business = await inBusinessHours(store, a, now);
  const menu: Menu = business ? a.settings.businessHoursMenu : a.settings.afterHoursMenu;
  const resolve = async (destination: string): Promise<Party | null> => {
    const to = await resolveDestination(store, { orgId: a.orgId, locationId: a.locationId }, destination);
    // An attendant does not hand a caller to itself.
    return to && !(to.kind === 'autoAttendant' && to.autoAttendantId === a.id) ? to : null;
  };
  const mailboxOf = async (destination: string): Promise<Party | null> => {
    const to = await resolve(destination);
    return to?.kind === 'person' ? voicemailOf(to) : null;
  };
  const keys: AttendantPlan['keys'] = [];
  for (const k of menu.keyConfigurations) {
    let to: Party | null = null;
    if (k.value !== undefined && k.action.startsWith('TRANSFER_')) to = k.action === 'TRANSFER_TO_MAILBOX' ? await mailboxOf(k.value) : await resolve(k.value);
    keys.push({ key: k.key, action: k.action, to });
  }
  const treatment = menu.callTreatment;
  const noInput = treatment?.actionToBePerformed;
  let noInputTo: Party | null = null;
  if (noInput?.transferCallTo) noInputTo = noInput.action === 'TRANSFER_TO_MAILBOX' ? await mailboxOf(noInput.transferCallTo) : await resolve(noInput.transferCallTo);
  const forwarding = a.settings.callForwarding;
  const forward = async (destination: string): Promise<ForwardParty | null> => {
    const to = await resolve(destination);
    return to && to.kind !== 'huntGroup' && to.kind !== 'parkExtension' && to.kind !== 'pagingGroup' ? to : null;
  };
  // The operating mode in force (when the attendant forwards by mode) sends calls where it says, before any selective rule.
  const selective = await selectiveRules(store, a, now, forward);
  const fm = forwarding.operatingModes;
  if (fm?.enabled) {
    const current = currentMode(fm, await modesOf(store, a.orgId, fm), now, a.settings.timeZone);
    const to = current && modeDestination(fm, current.mode);
    const party = to ? await forward(to.destination) : null;
    if (party) selective.unshift({ callsFrom: 'ANY', forward: to!.voicemail && party.kind === 'person' ? (voicemailOf(party) as ForwardParty) : party, reason: 'timeOfDay' });
  }
  return {
    menu: business ? 'businessHours' : 'afterHours',
    keys,
    extensionEnabled: menu.extensionEnabled,
    directory: await directory(store, a),
    noInputMs: Number(treatment?.noInputTimer ?? '10') * 1000,
    retries: RETRIES[treatment?.retryAttemptForNoInput ?? 'NO_REPEAT'],
    noInputTo,
    alwaysForward: forwarding.always.enabled && forwarding.always.destination ? await forward(forwarding.always.destination) : null,
    selective,
  };
}

/** Plans for the attendants (and AI receptionists, which answer as attendants) among `parties`. */
export async function loadAttendantPlans(tx: Store, parties: readonly Party[], now: Date): Promise<Map<string, AttendantPlan>> {
  const plans = new Map<string, AttendantPlan>();
  for (const party of parties) {
    if (party.kind !== 'autoAttendant' || plans.has(party.autoAttendantId)) continue;
    if (party.feature === 'aiReceptionist') {
      const receptionist = await tx.aiReceptionists.get(party.orgId, party.autoAttendantId);
      if (receptionist?.enabled) plans.set(party.autoAttendantId, await loadReceptionistPlan(tx, receptionist));
      continue;
    }
    const attendant = await tx.autoAttendants.get(party.orgId, party.autoAttendantId);
    if (attendant?.enabled) plans.set(party.autoAttendantId, await loadAttendantPlan(tx, attendant, now));
  }
  return plans;
}
