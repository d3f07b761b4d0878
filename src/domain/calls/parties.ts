import type { CallType, Party } from '../../engine/types.ts';
import type { Person, Store } from '../../store/store.ts';
import type { StoredVoicemailGroup } from '../../store/voicemail-store.ts';
import type { StoredWorkspace } from '../../store/workspaces-store.ts';
import type { StoredVirtualLine } from '../../store/virtual-lines-store.ts';
import { encodeId } from '../webex-ids.ts';

// Parties of calls and how one party sees another (Webex's PartyInformation).

export type PartyInformation = {
  name?: string;
  number?: string;
  personId?: string;
  privacyEnabled: boolean;
  callType: CallType;
};

/** A calling person as a party: name, number and extension as others dial them. */
export async function personParty(store: Store, person: Person): Promise<Party> {
  const number = person.locationId === null ? undefined : (await store.numbers.ownedBy([person.id])).get(person.id);
  return {
    kind: 'person',
    personId: person.id,
    orgId: person.orgId,
    locationId: person.locationId ?? '',
    name: person.displayName,
    number: number?.phoneNumber ?? null,
    extension: person.extension,
    routingPrefix: person.routingPrefix,
  };
}

/** A workspace with a Webex Calling line, as a party: it rings and answers like a person. */
export async function workspaceParty(store: Store, workspace: StoredWorkspace): Promise<Party> {
  const location = workspace.callingLocationId ? await store.locations.get(workspace.orgId, workspace.callingLocationId) : undefined;
  return {
    kind: 'person',
    line: 'workspace',
    personId: workspace.id,
    orgId: workspace.orgId,
    locationId: workspace.callingLocationId ?? '',
    name: workspace.displayName,
    number: workspace.phoneNumber,
    extension: workspace.extension,
    routingPrefix: location?.routingPrefix ?? null,
  };
}

/** A virtual line as a party: it rings and answers like a person's line. */
export async function virtualLineParty(store: Store, line: StoredVirtualLine): Promise<Party> {
  const location = await store.locations.get(line.orgId, line.locationId);
  return {
    kind: 'person',
    line: 'virtualLine',
    personId: line.id,
    orgId: line.orgId,
    locationId: line.locationId,
    name: line.displayName ?? `${line.firstName} ${line.lastName}`,
    number: line.phoneNumber,
    extension: line.extension,
    routingPrefix: location?.routingPrefix ?? null,
  };
}

export const pstnParty = (number: string, name: string | null = null): Party => ({
  kind: 'pstn',
  number,
  name,
  emergency: /^\+?(911|933|112|999)$/.test(number),
});

export const voicemailOf = (person: Extract<Party, { kind: 'person' }>): Party => ({
  kind: 'voicemail',
  personId: person.personId,
  name: person.name,
  number: person.number,
});

/** A voicemail group's shared box as a party, when it takes calls (enabled, of this organization). */
export const voicemailGroupParty = (orgId: string, group: StoredVoicemailGroup | undefined): Party | undefined =>
  group && group.orgId === orgId && group.enabled
    ? { kind: 'voicemail', personId: '', voicemailGroupId: group.id, name: group.name, number: group.phoneNumber }
    : undefined;

/** How `viewer` sees `party`: its callType, and the number the viewer would dial. */
export function partyInformation(viewer: Party, party: Party): PartyInformation {
  // A person sees others by where they are; so does a call queue seeing its callers (queue-calls.ts).
  const placed = viewer.kind === 'person' || viewer.kind === 'huntGroup';
  const viewerLocation = placed ? viewer.locationId : null;
  const viewerOrg = placed ? viewer.orgId : null;
  switch (party.kind) {
    case 'person': {
      const callType: CallType = party.locationId === viewerLocation ? 'location' : party.orgId === viewerOrg ? 'organization' : 'external';
      // Caller ID (caller-id.ts): a withheld identity shows to nobody; outside the organization the presented one.
      const presentation = party.presentation;
      if (presentation?.blocked && !(viewer.kind === 'person' && viewer.personId === party.personId)) return { privacyEnabled: true, callType };
      if (presentation && callType === 'external') return { name: presentation.name, ...(presentation.number ? { number: presentation.number } : {}), privacyEnabled: false, callType };
      const internal = callType === 'location' ? party.extension : party.extension && `${party.routingPrefix ?? ''}${party.extension}`;
      const number = callType === 'external' ? (party.number ?? undefined) : (internal ?? party.number ?? undefined);
      // Webex names a person by personId; a workspace or virtual line by its name and number only.
      const id = party.line === undefined ? { personId: encodeId('PEOPLE', party.personId) } : {};
      return { name: party.name, ...(number ? { number } : {}), ...id, privacyEnabled: false, callType };
    }
    case 'pstn':
      // An external caller withholding their number shows as private, without name or number.
      if (party.privacy) return { privacyEnabled: true, callType: 'external' };
      return { ...(party.name ? { name: party.name } : {}), number: party.number, privacyEnabled: false, callType: party.emergency ? 'emergency' : 'external' };
    case 'voicemail':
      return { name: `${party.name} (voicemail)`, ...(party.number ? { number: party.number } : {}), privacyEnabled: false, callType: 'other' };
    case 'feature':
      return { number: party.code, privacyEnabled: false, callType: 'other' };
    case 'parkExtension': {
      const callType: CallType = party.locationId === viewerLocation ? 'location' : 'organization';
      const number = callType === 'location' ? party.extension : `${party.routingPrefix ?? ''}${party.extension}`;
      return { name: party.name, number, privacyEnabled: false, callType };
    }
    case 'pagingGroup':
    case 'huntGroup':
    case 'autoAttendant': {
      // As a member would dial it: the extension within its location, prefix + extension elsewhere in the organization.
      const callType: CallType = party.locationId === viewerLocation ? 'location' : party.orgId === viewerOrg ? 'organization' : 'external';
      const internal = callType === 'location' ? party.extension : party.extension && `${party.routingPrefix ?? ''}${party.extension}`;
      const number = callType === 'external' ? (party.number ?? undefined) : (internal ?? party.number ?? undefined);
      return { name: party.name, ...(number ? { number } : {}), privacyEnabled: false, callType };
    }
  }
}

/** What call history shows of the other party. */
export function historyParty(viewer: Party, party: Party): { name: string | null; number: string | null } {
  const info = partyInformation(viewer, party);
  return { name: info.name ?? null, number: info.number ?? null };
}
