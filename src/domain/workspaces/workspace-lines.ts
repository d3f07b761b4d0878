import type { Location, Store } from '../../store/store.ts';
import { badRequest, conflict } from '../errors.ts';
import { isValidExtension, looseE164 } from '../phone-numbers.ts';

// A workspace's number and extension, checked against the organization as a hunt group's are: the
// number must be one of the calling location's, not its main number and held by nobody (person,
// hunt group or other workspace); the extension must be free in the location.

const numberInUse = (value: string) => conflict(`Phone number ${value} is already assigned.`);
const extensionInUse = (extension: string) => conflict(`Extension ${extension} is already assigned in this location.`);

export async function checkWorkspaceNumber(tx: Store, location: Location, value: string, workspaceId: string | undefined): Promise<string> {
  const e164 = looseE164(value);
  if (e164 === undefined) throw badRequest(`phoneNumber "${value}" is not a phone number in E.164 format.`);
  const number = await tx.numbers.get(e164);
  if (!number || number.orgId !== location.orgId || number.locationId !== location.id) {
    throw badRequest(`Phone number ${e164} is not in the number inventory of the workspace's calling location.`);
  }
  if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
  if (number.ownerId !== null || (await tx.huntGroups.findByNumber(e164))) throw numberInUse(e164);
  const other = await tx.workspaces.findByNumber(e164);
  if (other && other.id !== workspaceId) throw numberInUse(e164);
  return e164;
}

export async function checkWorkspaceExtension(tx: Store, location: Location, extension: string, workspaceId: string | undefined): Promise<string> {
  if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
  if ((await tx.people.findByExtension(location.id, extension)) || (await tx.huntGroups.findByExtension(location.id, extension))) throw extensionInUse(extension);
  const other = await tx.workspaces.findByExtension(location.id, extension);
  if (other && other.id !== workspaceId) throw extensionInUse(extension);
  return extension;
}
