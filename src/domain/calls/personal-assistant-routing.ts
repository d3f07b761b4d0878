import type { PersonRouting } from '../../engine/person-routing.ts';
import type { Party, PersonParty } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { PERSONAL_ASSISTANT } from '../settings/person-config-settings.ts';
import type { SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';
import { mayForwardTo } from './call-permissions.ts';
import { resolveDestination } from './destinations.ts';
import { voicemailOf } from './parties.ts';
import { RING_MS } from './person-routing.ts';

// Personal Assistant, as the call engine reads it. Webex: "used to manage a user's incoming calls
// when they are away". It is in force while enabled with an away presence (anything but NONE)
// and, when untilDateTime is set, until then on the server's clock. Calls then go to the transfer
// number (transferEnabled), else to the person's voicemail (the away greeting's usual end), else
// nobody answers. ALERT_ME_FIRST rings the person's own phone for alertMeFirstNumberOfRings
// first; PLAY_RING_REMINDER (a short reminder ring on the phone, not a call) and NONE hand the
// call over at once.

type Doc = (definition: SettingDefinition) => SettingDocument;

/** The Personal Assistant part of a person's routing, when it is in force at `now`. */
export async function personalAssistantRoutingOf(
  store: Store,
  person: PersonParty,
  doc: Doc,
  voicemailEnabled: boolean,
  now: Date,
): Promise<Pick<PersonRouting, 'personalAssistant'>> {
  const pa = doc(PERSONAL_ASSISTANT);
  if (pa.enabled !== true || !pa.presence || pa.presence === 'NONE') return {};
  if (pa.untilDateTime !== undefined && Date.parse(String(pa.untilDateTime)) <= now.getTime()) return {};
  const transfer = pa.transferEnabled === true && pa.transferNumber ? await transferTarget(store, person, String(pa.transferNumber)) : undefined;
  const to = transfer ?? (voicemailEnabled ? voicemailOf(person) : null);
  const alertFirst = pa.alerting === 'ALERT_ME_FIRST' || pa.alerting === undefined;
  return { personalAssistant: { to, ...(alertFirst ? { alertFirstMs: Number(pa.alertMeFirstNumberOfRings ?? 2) * RING_MS } : {}) } };
}

/** The transfer number as the person would dial it; outgoing permissions decide PSTN numbers, as for forwarding. */
async function transferTarget(store: Store, person: PersonParty, number: string): Promise<Party | undefined> {
  const to = await resolveDestination(store, { orgId: person.orgId, locationId: person.locationId }, number);
  if (!to || to.kind === 'feature') return undefined;
  if (to.kind === 'person' && to.personId === person.personId) return undefined;
  if (to.kind === 'pstn' && !(await mayForwardTo(store, person, number, to))) return undefined;
  return to;
}
