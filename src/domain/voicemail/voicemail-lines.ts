import type { Location, Store } from '../../store/store.ts';
import { badRequest, conflict } from '../errors.ts';
import { isValidExtension, looseE164 } from '../phone-numbers.ts';
import { readDocument } from './organization-voicemail.ts';

// The number and extension of a location's voicemail lines (a voicemail group, the voice portal):
// the number must be one of the location's, not its main number, held by nobody; the extension
// free in the location (no person, hunt group, voicemail group or voice portal has it).

export type LineOwner = { kind: 'voicemailGroup'; id: string } | { kind: 'voicePortal' };

export const VOICE_PORTAL_KEY = 'voicePortal';

const extensionInUse = (extension: string) => conflict(`Extension ${extension} is already assigned in this location.`);
const numberInUse = (value: string) => conflict(`Phone number ${value} is already assigned.`);

export async function checkLineNumber(tx: Store, location: Location, value: string, self: LineOwner): Promise<string> {
  const e164 = looseE164(value);
  if (e164 === undefined) throw badRequest(`phoneNumber "${value}" is not a phone number in E.164 format.`);
  const number = await tx.numbers.get(e164);
  if (!number || number.orgId !== location.orgId || number.locationId !== location.id) {
    throw badRequest(`Phone number ${e164} is not in the number inventory of the location.`);
  }
  if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
  if (number.ownerId !== null || (await tx.huntGroups.findByNumber(e164))) throw numberInUse(e164);
  const group = await tx.voicemailGroups.findByNumber(e164);
  if (group && !(self.kind === 'voicemailGroup' && self.id === group.id)) throw numberInUse(e164);
  if (self.kind !== 'voicePortal' && (await portalOf(tx, location)).phoneNumber === e164) throw numberInUse(e164);
  return e164;
}

export async function checkLineExtension(tx: Store, location: Location, extension: string, self: LineOwner): Promise<string> {
  if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
  if ((await tx.people.findByExtension(location.id, extension)) || (await tx.huntGroups.findByExtension(location.id, extension))) throw extensionInUse(extension);
  const group = await tx.voicemailGroups.findByExtension(location.id, extension);
  if (group && !(self.kind === 'voicemailGroup' && self.id === group.id)) throw extensionInUse(extension);
  if (self.kind !== 'voicePortal' && (await portalOf(tx, location)).extension === extension) throw extensionInUse(extension);
  return extension;
}

const portalOf = (tx: Store, location: Location) => readDocument(tx, { orgId: location.orgId, kind: 'location', id: location.id }, VOICE_PORTAL_KEY, {});
