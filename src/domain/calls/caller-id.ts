import type { PersonParty } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { selectedGroup } from '../settings/agent-caller-id.ts';
import { CALLER_ID, CALLER_ID_DELIVERY } from '../settings/permission-settings.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';

// How a person is presented on the calls they place (their caller ID settings): the number
// outside parties see (direct line, the location's main number, or a custom number of the
// organization), the name (the direct line's name, the location's external caller ID name, or
// another), and whether they withhold their identity (calling line ID delivery blocking), which
// every callee sees as privacyEnabled and anonymous call rejection refuses; the person a call
// reaches may withhold theirs from the caller (connected line identification restriction).

type CallerIdDoc = {
  selected?: 'DIRECT_LINE' | 'LOCATION_NUMBER' | 'CUSTOM';
  customNumber?: string;
  firstName?: string;
  lastName?: string;
  externalCallerIdNamePolicy?: 'DIRECT_LINE' | 'LOCATION' | 'OTHER';
  customExternalCallerIdName?: string;
  directLineCallerIdName?: { selection?: 'CUSTOM_NAME' | 'FIRSTNAME_LASTNAME' | 'LASTNAME_FIRSTNAME' | 'DISPLAY_NAME'; customName?: string };
};

/** A setting document from an owner's documents (all read in one statement), merged over its defaults. */
function documentIn(documents: ReadonlyMap<string, string>, key: string, defaults: SettingDocument): SettingDocument {
  const stored = documents.get(key);
  return stored === undefined ? defaults : mergeDocument(defaults, JSON.parse(stored) as SettingDocument);
}

/**
 * The person as the other party of a call sees them: as the caller of a call they place
 * (`calling`: blocked by calling line ID delivery blocking, an agent's hunt group caller ID), or
 * as the person a call reaches (`answering`: blocked by connected line identification restriction).
 */
export async function presentedParty(store: Store, party: PersonParty, role: 'calling' | 'answering' = 'calling'): Promise<PersonParty> {
  // Both documents in one read (each placed call presents its callee: issue 17).
  const documents = await store.ownerSettings.all({ orgId: party.orgId, kind: party.line ?? 'person', id: party.personId });
  const doc = documentIn(documents, CALLER_ID.key, CALLER_ID.defaults) as CallerIdDoc;
  const delivery = documentIn(documents, CALLER_ID_DELIVERY.key, CALLER_ID_DELIVERY.defaults);
  const selected = doc.selected ?? (party.number ? 'DIRECT_LINE' : 'LOCATION_NUMBER');
  const locationNumber = async () => (await store.locationNumbers.mainNumber(party.locationId))?.phoneNumber ?? null;
  let number = selected === 'CUSTOM' ? (doc.customNumber ?? null) : selected === 'DIRECT_LINE' && party.number ? party.number : await locationNumber();
  // A virtual line's names are its own; a workspace has only its display name. Read only for a
  // name made of them (the person was read already by whoever made the party: issue 17).
  const names = async () => {
    const own =
      doc.firstName !== undefined && doc.lastName !== undefined
        ? undefined
        : party.line === 'virtualLine'
          ? await store.virtualLines.get(party.orgId, party.personId)
          : party.line
            ? undefined
            : await store.people.get(party.orgId, party.personId);
    return { first: doc.firstName ?? own?.firstName ?? '', last: doc.lastName ?? own?.lastName ?? '' };
  };
  let name = party.name;
  switch (doc.externalCallerIdNamePolicy) {
    case 'OTHER':
      name = doc.customExternalCallerIdName || party.name;
      break;
    case 'LOCATION': {
      const calling = await store.locationCalling.get(party.locationId);
      name = calling?.externalCallerIdName ?? (await store.locations.get(party.orgId, party.locationId))?.name ?? party.name;
      break;
    }
    default: {
      const selection = doc.directLineCallerIdName?.selection;
      if (selection === 'CUSTOM_NAME' && doc.directLineCallerIdName?.customName) name = doc.directLineCallerIdName.customName;
      else if (selection === 'FIRSTNAME_LASTNAME' || selection === 'LASTNAME_FIRSTNAME') {
        const { first, last } = await names();
        if (first || last) name = (selection === 'FIRSTNAME_LASTNAME' ? `${first} ${last}` : `${last} ${first}`).trim();
      }
    }
  }
  // An agent presenting a hunt group's caller ID shows the group's name and number instead.
  const group = role === 'calling' ? await selectedGroup(store, party.orgId, party.personId, party.line ?? 'person') : undefined;
  if (group) {
    name = group.name;
    number = group.phoneNumber ?? (await locationNumber());
  }
  const blocked = role === 'calling' ? delivery.callingLineIdDeliveryBlockingEnabled : delivery.connectedLineIdentificationRestrictionEnabled;
  return { ...party, presentation: { name, number, blocked: blocked === true } };
}
