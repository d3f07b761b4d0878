import type { PersonParty } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { presentedParty } from '../calls/caller-id.ts';
import { storedDocument } from '../settings/settings-service.ts';
import { emergencyCallingNumber, PERSON_ECBN, VIRTUAL_LINE_ECBN, WORKSPACE_ECBN } from './line-ecbn.ts';

// How a line calls emergency services: the PSAP sees the line's emergency callback number (the
// number it would call back), whatever the line's caller ID settings present on other calls, and
// the identity is never withheld from emergency services.

const DEFINITIONS = { person: PERSON_ECBN, workspace: WORKSPACE_ECBN, virtualLine: VIRTUAL_LINE_ECBN };

export async function emergencyCaller(store: Store, party: PersonParty): Promise<PersonParty> {
  const presented = await presentedParty(store, party);
  const kind = party.line ?? 'person';
  const doc = await storedDocument(store, party.orgId, party.personId, DEFINITIONS[kind], kind);
  const number = await emergencyCallingNumber(store, { kind, id: party.personId, orgId: party.orgId, locationId: party.locationId }, doc);
  return { ...presented, presentation: { name: presented.presentation?.name ?? party.name, number, blocked: false } };
}
