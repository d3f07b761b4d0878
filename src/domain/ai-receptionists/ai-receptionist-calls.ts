import type { AttendantPlan, AutoAttendantParty, Party } from '../../engine/types.ts';
import type { StoredAiReceptionist } from '../../store/ai-receptionists-store.ts';
import type { Store } from '../../store/store.ts';
import { resolveDestination } from '../calls/destinations.ts';
import { targetParty } from './transfer-targets.ts';

// The call runtime's touch point with AI receptionists. A receptionist answers its calls as an
// auto attendant does (engine/attendant.ts), with a plan made from its intents: the caller asking
// for the nth intent is, in the simulator, pressing key n (DTMF 1 to 9, in the order the intents
// were made), which transfers the call to the intent's destination. A caller who asks for nothing
// it knows gets the default action once the agent gives up: a transfer to the operator, or the
// message and a hang-up.

/** How long the agent waits for the caller to ask for something before its default action. */
const NO_INTENT_MS = 15_000;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export const aiReceptionistParty = (r: StoredAiReceptionist, location: { routingPrefix: string | null }): AutoAttendantParty => ({
  kind: 'autoAttendant',
  autoAttendantId: r.id,
  feature: 'aiReceptionist',
  orgId: r.orgId,
  locationId: r.locationId,
  name: r.name,
  number: r.phoneNumber,
  extension: r.extension,
  routingPrefix: location.routingPrefix,
});

/** The receptionist as a callable party, when it answers calls (enabled, of the organization). */
export async function callableAiReceptionist(store: Store, orgId: string, r: StoredAiReceptionist | undefined): Promise<AutoAttendantParty | undefined> {
  if (!r || !r.enabled || r.orgId !== orgId) return undefined;
  const location = await store.locations.get(orgId, r.locationId);
  return location ? aiReceptionistParty(r, location) : undefined;
}

export async function loadReceptionistPlan(store: Store, r: StoredAiReceptionist): Promise<AttendantPlan> {
  const at = { orgId: r.orgId, locationId: r.locationId };
  // A receptionist does not hand a caller to itself.
  const notSelf = (to: Party | null) => (to && !(to.kind === 'autoAttendant' && to.autoAttendantId === r.id) ? to : null);
  const intents = (await store.aiReceptionists.intents(r.orgId, r.id)).slice(0, KEYS.length);
  const keys: AttendantPlan['keys'] = [];
  for (const [i, intent] of intents.entries()) keys.push({ key: KEYS[i]!, action: 'TRANSFER_WITHOUT_PROMPT', to: notSelf(await targetParty(store, at, intent.transferTo)) });
  const action = r.settings.defaultAction;
  let noInputTo: Party | null = null;
  if (action.actionType === 'TRANSFER_TO_OPERATOR') {
    noInputTo = notSelf(action.transferTo ? await targetParty(store, at, action.transferTo) : ((await resolveDestination(store, at, action.transferToNumber ?? '')) ?? null));
  }
  return { menu: 'businessHours', keys, extensionEnabled: false, directory: [], noInputMs: NO_INTENT_MS, retries: 0, noInputTo, alwaysForward: null, selective: [] };
}
