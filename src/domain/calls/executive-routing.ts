import type { ExecutiveFiltering } from '../../engine/executive.ts';
import type { CallerRules } from '../../engine/person-routing.ts';
import type { AssistantCallerId, Party, PersonParty } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { EXECUTIVE_ALERT, EXECUTIVE_ASSIGNED_ASSISTANTS, EXECUTIVE_ASSISTANT_SETTINGS, EXECUTIVE_ASSISTANT_TYPE, EXECUTIVE_SCREENING } from '../settings/person-config-settings.ts';
import { EXECUTIVE_CALL_FILTERING } from '../settings/ring-settings.ts';
import type { SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';
import { mergeDocument } from '../settings/setting-documents.ts';
import { VOICEMAIL, voicemailPolicy } from '../voicemail/voicemail-settings.ts';
import { decodeId } from '../webex-ids.ts';
import { resolveDestination } from './destinations.ts';
import { personParty, voicemailOf } from './parties.ts';
import { RING_MS } from './person-routing.ts';
import { criteriaRules } from './ring-routing.ts';

// The executive's filtering policy the engine reads (engine/executive.ts), from their settings:
// they are an EXECUTIVE with call filtering enabled; the filter type (all, internal, external
// calls, or the activated custom filters in force now, schedules included); the assistants they
// assigned who opted in to them (each assistant's own executiveAssistantSettings); their alert
// settings (simultaneous or sequential, rings per assistant, rollover); and screening, which
// alerts the executive's own phone along with the assistants.

const FILTERS: Record<string, CallerRules['on'][number]> = { ALL_CALLS: 'ANY', ALL_INTERNAL_CALLS: 'INTERNAL', ALL_EXTERNAL_CALLS: 'EXTERNAL' };

type Criterion = SettingDocument & { activationEnabled?: boolean };

export async function executiveRoutingOf(
  store: Store,
  person: PersonParty,
  doc: (definition: SettingDefinition) => SettingDocument,
  now: Date,
): Promise<{ executive?: ExecutiveFiltering }> {
  if (person.line !== undefined || doc(EXECUTIVE_ASSISTANT_TYPE).type !== 'EXECUTIVE') return {};
  const filtering = doc(EXECUTIVE_CALL_FILTERING);
  if (filtering.enabled !== true) return {};
  const when = await filterRules(store, person, filtering, now);
  const { assistants, forwardedTo } = await optedIn(store, person, doc(EXECUTIVE_ASSIGNED_ASSISTANTS).assistantIds as string[]);
  if (assistants.length === 0) return {};
  const alert = doc(EXECUTIVE_ALERT);
  const screening = doc(EXECUTIVE_SCREENING);
  const assistantCallerId = callerIdOf(alert);
  return {
    executive: {
      when,
      assistants,
      alerting: alert.alertingMode === 'SIMULTANEOUS' ? 'SIMULTANEOUS' : 'SEQUENTIAL',
      nextAfterMs: ((alert.nextAssistantNumberOfRings as number | undefined) ?? 3) * RING_MS,
      executiveAlerted: screening.enabled === true,
      screeningAlert: screening.alertType === 'RING_SPLASH' ? 'RING_SPLASH' : 'SILENT',
      ...(assistantCallerId ? { assistantCallerId } : {}),
      ...(Object.keys(forwardedTo).length > 0 ? { forwardedTo } : {}),
      rollover: await rolloverOf(store, person, alert, doc),
    },
  };
}

/** What the assistants' phones show of a filtered call (clidNameMode, clidPhoneNumberMode); none when it is simply the caller. */
function callerIdOf(alert: SettingDocument): AssistantCallerId | undefined {
  const name = (alert.clidNameMode as AssistantCallerId['name'] | undefined) ?? 'EXECUTIVE_ORIGINATOR';
  const number = (alert.clidPhoneNumberMode as AssistantCallerId['number'] | undefined) ?? 'EXECUTIVE';
  if (name === 'ORIGINATOR' && number === 'ORIGINATOR') return undefined;
  const customName = alert.customCLIDName as string | undefined;
  const customNumber = alert.customCLIDPhoneNumber as string | undefined;
  return { name, ...(name === 'CUSTOM' && customName ? { customName } : {}), number, ...(number === 'CUSTOM' && customNumber ? { customNumber } : {}) };
}

/** CUSTOM_CALL_FILTERS: the activated filters in force now (a filter with filterEnabled false keeps its callers out). */
async function filterRules(store: Store, person: PersonParty, filtering: SettingDocument, now: Date): Promise<CallerRules> {
  const fixed = FILTERS[filtering.filterType as string];
  if (fixed) return { on: [fixed], off: [] };
  const activated = ((filtering.criteria as Criterion[] | undefined) ?? []).filter((c) => c.activationEnabled !== false);
  const { rules } = await criteriaRules(store, person, now);
  return rules({ criteria: activated }, 'filterEnabled');
}

/**
 * The assigned assistants (in the executive's order) whose own settings opt them in to this
 * executive, and where the filtered calls of those who forward them go instead of their phone.
 */
async function optedIn(store: Store, executive: PersonParty, assistantIds: readonly string[]) {
  const out: PersonParty[] = [];
  const forwardedTo: Record<string, Party> = {};
  for (const id of assistantIds) {
    const assistantId = decodeId(id, 'PEOPLE');
    const person = assistantId ? await store.people.get(executive.orgId, assistantId) : undefined;
    if (!person || person.locationId === null) continue;
    const json = await store.ownerSettings.get({ orgId: executive.orgId, kind: 'person', id: person.id }, EXECUTIVE_ASSISTANT_SETTINGS.key);
    const settings = json === undefined ? EXECUTIVE_ASSISTANT_SETTINGS.defaults : mergeDocument(EXECUTIVE_ASSISTANT_SETTINGS.defaults, JSON.parse(json) as SettingDocument);
    const mine = (settings.executives as { personId: string; optInEnabled: boolean }[]).find((e) => decodeId(e.personId, 'PEOPLE') === executive.personId);
    if (mine?.optInEnabled !== true) continue;
    out.push((await personParty(store, person)) as PersonParty);
    const number = settings.forwardFilteredCallsEnabled === true ? (settings.forwardToPhoneNumber as string | undefined) : undefined;
    // Dialled as the assistant would; a feature code forwards nowhere.
    const to = number ? await resolveDestination(store, { orgId: person.orgId, locationId: person.locationId }, number) : undefined;
    if (to && to.kind !== 'feature') forwardedTo[person.id] = to;
  }
  return { assistants: out, forwardedTo };
}

async function rolloverOf(store: Store, person: PersonParty, alert: SettingDocument, doc: (definition: SettingDefinition) => SettingDocument) {
  // The rollover timer runs only when enabled; rollover itself happens anyway once no assistant remains.
  const afterMs = alert.rolloverEnabled === true ? { afterMs: ((alert.rolloverWaitTimeInSecs as number | undefined) ?? 20) * 1000 } : {};
  switch (alert.rolloverAction) {
    case 'FORWARD': {
      const number = alert.rolloverForwardToPhoneNumber as string | undefined;
      const to = number ? await resolveDestination(store, { orgId: person.orgId, locationId: person.locationId }, number) : undefined;
      return { ...afterMs, to: to && to.kind !== 'feature' ? to : null };
    }
    case 'NO_ANSWER_PROCESSING':
      return { ...afterMs, to: 'noAnswer' as const };
    default:
      // VOICE_MESSAGING: the executive's mailbox, when they have voicemail; otherwise the call ends.
      return { ...afterMs, to: voicemailPolicy(doc(VOICEMAIL)).enabled ? voicemailOf(person) : null };
  }
}
