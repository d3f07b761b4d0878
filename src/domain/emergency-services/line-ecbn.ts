import type { NumberState, Store } from '../../store/store.ts';
import { badRequest } from '../errors.ts';
import { locationOption, memberOption, type EcbnOption, type EcbnQuality } from '../location-numbers/emergency-callback-number.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { SettingContext, SettingDefinition, SettingDocument, SettingLine } from '../settings/setting-documents.ts';
import { storedDocument } from '../settings/settings-service.ts';

// The emergency callback number (ECBN) of a line: a person, a workspace or a virtual line. What the
// PSAP calls back after an emergency call: the line's own number (DIRECT_LINE), its location's ECBN
// (LOCATION_ECBN), or the number of another member of its location (LOCATION_MEMBER_NUMBER). Only
// the choice is stored (a settings document); the numbers, their quality and the fallbacks are
// worked out on each read, so a released number or a deleted member shows at once, and an
// emergency call carries what the GET shows (emergencyCallingNumber).

export const ECBN_KEY = 'emergencyCallbackNumber';

type Selected = 'DIRECT_LINE' | 'LOCATION_ECBN' | 'LOCATION_MEMBER_NUMBER' | 'NONE';
type Level = 'DIRECT_LINE' | 'LOCATION_ECBN' | 'LOCATION_NUMBER' | 'LOCATION_MEMBER_NUMBER' | 'NONE';

/** A line that may be an ECBN: a person, a workspace, a virtual line, or a hunt group (a feature: NOT_RECOMMENDED). */
export type EcbnLine = {
  kind: 'person' | 'workspace' | 'virtualLine' | 'huntGroup';
  id: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  phoneNumber: string | null;
  state: NumberState | null;
};

const MEMBER_TYPES = [
  ['PEOPLE', 'person'],
  ['PLACE', 'workspace'],
  ['VIRTUAL_LINE', 'virtualLine'],
  ['HUNT_GROUP', 'huntGroup'],
] as const;

async function numberState(store: Store, phoneNumber: string | null): Promise<NumberState | null> {
  return phoneNumber ? ((await store.numbers.get(phoneNumber))?.state ?? null) : null;
}

/** A line of the organization by kind and uuid, or undefined when it does not exist (any more). */
export async function ecbnLine(store: Store, orgId: string, kind: EcbnLine['kind'], id: string): Promise<EcbnLine | undefined> {
  switch (kind) {
    case 'person': {
      const person = await store.people.get(orgId, id);
      if (!person || person.locationId === null) return undefined;
      const owned = (await store.numbers.ownedBy([person.id])).get(person.id);
      return { kind, id, locationId: person.locationId, firstName: person.firstName, lastName: person.lastName, phoneNumber: owned?.phoneNumber ?? null, state: owned?.state ?? null };
    }
    case 'workspace': {
      const w = await store.workspaces.get(orgId, id);
      if (!w?.callingLocationId) return undefined;
      return { kind, id, locationId: w.callingLocationId, firstName: w.displayName, lastName: null, phoneNumber: w.phoneNumber, state: await numberState(store, w.phoneNumber) };
    }
    case 'virtualLine': {
      const line = await store.virtualLines.get(orgId, id);
      if (!line) return undefined;
      return { kind, id, locationId: line.locationId, firstName: line.firstName, lastName: line.lastName, phoneNumber: line.phoneNumber, state: await numberState(store, line.phoneNumber) };
    }
    case 'huntGroup': {
      const group = await store.huntGroups.get(orgId, id);
      if (!group) return undefined;
      return { kind, id, locationId: group.locationId, firstName: group.name, lastName: null, phoneNumber: group.phoneNumber, state: await numberState(store, group.phoneNumber) };
    }
  }
}

/** The member a public ID names (a person, workspace, virtual line or hunt group), with its kind. */
function memberRef(publicId: string): { kind: EcbnLine['kind']; id: string } | undefined {
  for (const [type, kind] of MEMBER_TYPES) {
    const id = decodeId(publicId, type);
    if (id) return { kind, id };
  }
  return undefined;
}

const memberPublicId = (ref: { kind: EcbnLine['kind']; id: string }) => encodeId(MEMBER_TYPES.find(([, k]) => k === ref.kind)![0], ref.id);

/** RECOMMENDED: an active number of a person or workspace; NOT_RECOMMENDED: of anything else; INVALID: none or inactive. */
function qualityOf(line: EcbnLine | undefined): EcbnQuality {
  if (!line?.phoneNumber || line.state !== 'ACTIVE') return 'INVALID';
  return line.kind === 'person' || line.kind === 'workspace' ? 'RECOMMENDED' : 'NOT_RECOMMENDED';
}

/** The location's ECBN as a line sees it (the location's own choice: its main number or a member's). */
export async function locationEcbn(store: Store, orgId: string, locationId: string): Promise<EcbnOption & { firstName?: string; lastName?: string }> {
  const main = locationOption(await store.locationNumbers.mainNumber(locationId));
  const selection = await store.locationNumbers.getEcbn(locationId);
  if (selection?.selected !== 'LOCATION_MEMBER_NUMBER' || !selection.memberId) return main;
  const person = await ecbnLine(store, orgId, 'person', selection.memberId);
  const member = memberOption(
    {
      id: selection.memberId,
      person: person && { firstName: person.firstName, lastName: person.lastName, inLocation: person.locationId === locationId },
      number: person?.phoneNumber ? { phoneNumber: person.phoneNumber, state: person.state! } : undefined,
    },
    main,
  );
  const { phoneNumber, quality, effectiveLevel, effectiveValue } = member;
  return { phoneNumber, quality, effectiveLevel, effectiveValue, ...(member.firstName ? { firstName: member.firstName } : {}), ...(member.lastName ? { lastName: member.lastName } : {}) };
}

/** LOCATION_MEMBER_NUMBER of the location's ECBN is, for a line, its location's ECBN level. */
const lineLevel = (level: string): Level => (level === 'LOCATION_MEMBER_NUMBER' ? 'LOCATION_ECBN' : (level as Level));

type Option = { phoneNumber?: string; firstName?: string; lastName?: string; effectiveLevel: Level; effectiveValue?: string; quality: EcbnQuality };

const named = (line: EcbnLine | undefined) => ({
  ...(line?.firstName ? { firstName: line.firstName } : {}),
  ...(line?.lastName ? { lastName: line.lastName } : {}),
});

/** The document as a GET shows it: each option with its fallbacks, and what an emergency call carries. */
export async function ecbnView(store: Store, owner: SettingLine, doc: SettingDocument): Promise<SettingDocument> {
  const self = await ecbnLine(store, owner.orgId, owner.kind as EcbnLine['kind'], owner.id);
  const location = await locationEcbn(store, owner.orgId, owner.locationId);
  const locationLevel: Option = {
    ...(location.phoneNumber ? { phoneNumber: location.phoneNumber } : {}),
    ...('firstName' in location ? { firstName: location.firstName } : {}),
    ...('lastName' in location ? { lastName: location.lastName } : {}),
    effectiveLevel: lineLevel(location.effectiveLevel),
    ...(location.effectiveValue ? { effectiveValue: location.effectiveValue } : {}),
    quality: location.quality,
  };
  const fallback = { effectiveLevel: locationLevel.effectiveLevel, ...(locationLevel.effectiveValue ? { effectiveValue: locationLevel.effectiveValue } : {}) };
  const ownQuality = qualityOf(self);
  const direct: Option = {
    ...(self?.phoneNumber ? { phoneNumber: self.phoneNumber } : {}),
    ...named(self),
    ...(ownQuality === 'INVALID' ? fallback : { effectiveLevel: 'DIRECT_LINE' as const, effectiveValue: self!.phoneNumber! }),
    quality: ownQuality,
  };
  const view: SettingDocument = { selected: selectedOf(doc, self), directLineInfo: direct, locationECBNInfo: locationLevel };
  const ref = typeof doc.locationMemberId === 'string' ? memberRef(doc.locationMemberId) : undefined;
  if (ref) {
    const member = await ecbnLine(store, owner.orgId, ref.kind, ref.id);
    const usable = member && member.locationId === owner.locationId ? member : undefined;
    const quality = qualityOf(usable);
    view.locationMemberInfo = {
      ...(usable?.phoneNumber ? { phoneNumber: usable.phoneNumber } : {}),
      ...named(usable),
      memberId: memberPublicId(ref),
      ...(ref.kind === 'person' ? { memberType: 'PEOPLE' } : ref.kind === 'workspace' ? { memberType: 'PLACE' } : {}),
      ...(quality === 'INVALID' ? fallback : { effectiveLevel: 'LOCATION_MEMBER_NUMBER', effectiveValue: usable!.phoneNumber! }),
      quality,
    };
  }
  // What the line would use with nothing chosen: its own number if usable, else its location's ECBN.
  view.defaultInfo = ownQuality === 'INVALID' ? { ...(fallback.effectiveValue ? { effectiveValue: fallback.effectiveValue } : {}), quality: location.quality } : { effectiveValue: self!.phoneNumber!, quality: ownQuality };
  for (const field of ['elinEnabled', 'elinForWebexAppEnabled']) if (field in doc) view[field] = doc[field];
  return view;
}

/** Absent a choice, a line with a number of its own uses it; an extension-only line its location's ECBN. */
function selectedOf(doc: SettingDocument, self: EcbnLine | undefined): Selected {
  if (typeof doc.selected === 'string') return doc.selected as Selected;
  return self?.phoneNumber ? 'DIRECT_LINE' : 'LOCATION_ECBN';
}

/** The number an emergency call from the line presents (what the PSAP calls back), or null when there is none. */
export async function emergencyCallingNumber(store: Store, owner: SettingLine, doc: SettingDocument): Promise<string | null> {
  const view = await ecbnView(store, owner, doc);
  const info = { DIRECT_LINE: view.directLineInfo, LOCATION_ECBN: view.locationECBNInfo, LOCATION_MEMBER_NUMBER: view.locationMemberInfo, NONE: view.defaultInfo }[view.selected as Selected] as
    | { effectiveValue?: string }
    | undefined;
  return info?.effectiveValue ?? (view.defaultInfo as { effectiveValue?: string }).effectiveValue ?? null;
}

/** The rules of a PUT the schema cannot state. */
async function checkEcbn(next: SettingDocument, ctx: SettingContext): Promise<void> {
  const { store, owner } = ctx;
  if (next.selected === 'DIRECT_LINE') {
    const self = await ecbnLine(store, owner.orgId, owner.kind as EcbnLine['kind'], owner.id);
    if (!self?.phoneNumber) throw badRequest('selected DIRECT_LINE needs a phone number: this line has only an extension; choose LOCATION_ECBN or LOCATION_MEMBER_NUMBER.');
  }
  if (next.selected !== 'LOCATION_MEMBER_NUMBER') return;
  if (typeof next.locationMemberId !== 'string' || next.locationMemberId === '') throw badRequest('locationMemberId is required when selected is LOCATION_MEMBER_NUMBER.');
  const ref = memberRef(next.locationMemberId);
  const member = ref && (await ecbnLine(store, owner.orgId, ref.kind, ref.id));
  if (!ref || !member || member.locationId !== owner.locationId || (ref.kind === owner.kind && ref.id === owner.id)) {
    throw badRequest('locationMemberId is not another member of this line’s location: give a person, workspace, virtual line or hunt group of the location.');
  }
  if (!member.phoneNumber) throw badRequest('The location member has no phone number; an emergency callback number must be a member with a number.');
  next.locationMemberId = memberPublicId(ref);
}

/** The ECBN document of a line kind; `defaults` holds the ELIN flags the kind has in Webex. */
export const lineEcbn = (defaults: SettingDocument): SettingDefinition => ({
  key: ECBN_KEY,
  defaults,
  check: checkEcbn,
  present: (doc, ctx) => ecbnView(ctx.store, ctx.owner, doc),
  changesCalls: true,
});

export const PERSON_ECBN = lineEcbn({ elinEnabled: false, elinForWebexAppEnabled: false });
export const WORKSPACE_ECBN = lineEcbn({ elinEnabled: false });
export const VIRTUAL_LINE_ECBN = lineEcbn({});

/**
 * Who depends on a line for emergency callbacks: whether it is its location's ECBN, whether its own
 * number is its ECBN, and how many lines of the location chose it as theirs.
 */
export async function ecbnDependencies(store: Store, orgId: string, line: EcbnLine, ownDoc: SettingDocument | undefined): Promise<{ isLocationEcbnDefault: boolean; isSelfEcbnDefault: boolean; dependentMemberCount: number }> {
  const selection = await store.locationNumbers.getEcbn(line.locationId);
  const isLocationEcbnDefault = line.kind === 'person' && selection?.selected === 'LOCATION_MEMBER_NUMBER' && selection.memberId === line.id;
  const isSelfEcbnDefault = line.kind === 'huntGroup' ? false : ownDoc !== undefined && selectedOf(ownDoc, line) === 'DIRECT_LINE' && qualityOf(line) !== 'INVALID';
  const me = memberPublicId({ kind: line.kind, id: line.id });
  let dependentMemberCount = 0;
  for (const [, data] of await store.ownerSettings.ofSetting(orgId, ECBN_KEY)) {
    const doc = JSON.parse(data) as SettingDocument;
    if (doc.selected === 'LOCATION_MEMBER_NUMBER' && doc.locationMemberId === me) dependentMemberCount++;
  }
  return { isLocationEcbnDefault, isSelfEcbnDefault, dependentMemberCount };
}

export type DependencyOwner = 'person' | 'workspace' | 'virtualLine' | 'huntGroup';

const DEFINITION_OF = { person: PERSON_ECBN, workspace: WORKSPACE_ECBN, virtualLine: VIRTUAL_LINE_ECBN } as const;

/** Finds the line a public ID names (`find`: the owner kind's own 404) and answers its dependencies. */
export async function lineDependencies(
  store: Store,
  orgId: string,
  kind: DependencyOwner,
  find: (store: Store, orgId: string, publicId: string) => Promise<{ id: string }>,
  publicId: string,
): Promise<{ isLocationEcbnDefault: boolean; isSelfEcbnDefault: boolean; dependentMemberCount: number }> {
  const { id } = await find(store, orgId, publicId);
  const line = await ecbnLine(store, orgId, kind, id);
  if (!line) throw new Error(`the ${kind} ${id} was found but is not a line`);
  const doc = kind === 'huntGroup' ? undefined : await storedDocument(store, orgId, id, DEFINITION_OF[kind], kind);
  return ecbnDependencies(store, orgId, line, doc);
}
