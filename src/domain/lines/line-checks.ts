import type { Location, Store } from '../../store/store.ts';
import { badRequest, conflict } from '../errors.ts';
import { isValidExtension, looseE164 } from '../phone-numbers.ts';

// Numbers and extensions of the lines that are not a person's (workspaces, virtual lines, AI
// receptionists, and alternate numbers of people and workspaces), checked
// against the organization as a hunt group's are: the number must be one of the location's, not
// its main number and held by nobody else (person, hunt group, workspace, virtual line); the
// extension must be free in the location. numbers.owner_id names people only, so whoever checks a
// number or extension for anyone asks heldByLine / extensionHeldByLine too.

const numberInUse = (value: string) => conflict(`Phone number ${value} is already assigned.`);
const extensionInUse = (extension: string) => conflict(`Extension ${extension} is already assigned in this location.`);

/** The line being checked, which may keep its own number and extension. */
export type LineSelf = { workspaceId?: string; virtualLineId?: string; aiReceptionistId?: string };

/** Whether a workspace, virtual line or AI receptionist (other than `self`) has the number, or it is anyone's alternate number. */
export async function heldByLine(tx: Store, e164: string, self: LineSelf = {}): Promise<boolean> {
  const [workspace, line, receptionist, alternate] = await Promise.all([
    tx.workspaces.findByNumber(e164),
    tx.virtualLines.findByNumber(e164),
    tx.aiReceptionists.findByNumber(e164),
    tx.alternateNumbers.get(e164),
  ]);
  return (
    (workspace !== undefined && workspace.id !== self.workspaceId) ||
    (line !== undefined && line.id !== self.virtualLineId) ||
    (receptionist !== undefined && receptionist.id !== self.aiReceptionistId) ||
    alternate !== undefined
  );
}

/** Whether a workspace, virtual line or AI receptionist (other than `self`) has the extension in the location, or an alternate number does. */
export async function extensionHeldByLine(tx: Store, locationId: string, extension: string, self: LineSelf = {}): Promise<boolean> {
  const [workspace, line, receptionist, alternate] = await Promise.all([
    tx.workspaces.findByExtension(locationId, extension),
    tx.virtualLines.findByExtension(locationId, extension),
    tx.aiReceptionists.findByExtension(locationId, extension),
    tx.alternateNumbers.findByExtension(locationId, extension),
  ]);
  return (
    (workspace !== undefined && workspace.id !== self.workspaceId) ||
    (line !== undefined && line.id !== self.virtualLineId) ||
    (receptionist !== undefined && receptionist.id !== self.aiReceptionistId) ||
    alternate !== undefined
  );
}

export async function checkLineNumber(tx: Store, location: Location, value: string, self: LineSelf, field = 'phoneNumber'): Promise<string> {
  const e164 = looseE164(value);
  if (e164 === undefined) throw badRequest(`${field} "${value}" is not a phone number in E.164 format.`);
  const number = await tx.numbers.get(e164);
  if (!number || number.orgId !== location.orgId || number.locationId !== location.id) {
    throw badRequest(`Phone number ${e164} is not in the number inventory of the location.`);
  }
  if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
  if (number.ownerId !== null || (await tx.huntGroups.findByNumber(e164)) || (await heldByLine(tx, e164, self))) throw numberInUse(e164);
  return e164;
}

export async function checkLineExtension(tx: Store, location: Location, extension: string, self: LineSelf): Promise<string> {
  if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
  if ((await tx.people.findByExtension(location.id, extension)) || (await tx.huntGroups.findByExtension(location.id, extension))) throw extensionInUse(extension);
  if (await extensionHeldByLine(tx, location.id, extension, self)) throw extensionInUse(extension);
  return extension;
}
