import type { Location, Person, PhoneNumber, Store } from '../../store/store.ts';
import { WebexError } from '../errors.ts';
import { invalidLocationReference, locationNotCallingEnabled } from '../locations/location-errors.ts';
import { callingCode, isValidExtension, looseE164, parsePeopleApiNumber } from '../phone-numbers.ts';
import { ROUTING_PREFIX_JOB, STEP_MS } from '../jobs/routing-prefix-jobs.ts';
import { decodeId } from '../webex-ids.ts';
import {
  extensionInUse,
  invalidExtension,
  invalidPhoneNumber,
  locationCannotChange,
  locationMembersLocked,
  mainNumberNotAssignable,
  noDefaultLocation,
  numberInUse,
  numberNotInLocation,
  numberOrExtensionRequired,
} from './people-errors.ts';

// A person's calling line: location, primary number and extension. Shared by the People API
// (create, update) and license assignment (PATCH /licenses/users), which differ only in the
// number formats they accept.

/**
 * `people`: the People API's format (US: 10 digits; elsewhere E.164).
 * `license`: license assignment, which takes E.164 or a US national number with or without 1.
 */
export type NumberFormat = 'people' | 'license';

export type CallingLineRequest = {
  /** Public location ID; only for a person who is not a calling user yet. */
  locationId?: string;
  phoneNumber?: string;
  extension?: string;
};

export type CallingLine = { location: Location; phoneNumber: string | null; extension: string | null };

export type CurrentLine = { location: Location; number: PhoneNumber | undefined };

export type LinePlan = {
  line: CallingLine;
  /** The inventory record of line.phoneNumber as checked (before it is claimed); unset when the number is the person's already. */
  number?: PhoneNumber;
  /** Set when the phone number cannot be given; everything else about the line is valid. */
  numberProblem?: WebexError;
};

function parseNumber(value: string, country: string, format: NumberFormat): string | undefined {
  if (format === 'people') return parsePeopleApiNumber(value, country);
  const e164 = looseE164(value);
  const code = callingCode(country);
  return e164 !== undefined && code !== undefined && e164.startsWith(`+${code}`) ? e164 : undefined;
}

/** The line's location, checked; 423 while an update-routing-prefix job is moving its members. */
async function lineLocation(tx: Store, orgId: string, request: CallingLineRequest, current: CurrentLine | undefined): Promise<Location> {
  if (current) {
    if (request.locationId !== undefined && decodeId(request.locationId, 'LOCATION') !== current.location.id) throw locationCannotChange();
    await ensureMembersUnlocked(tx, current.location);
    return current.location;
  }
  // The location and its running job in one statement (the default location's too).
  let found: { location: Location; jobRunning: boolean } | undefined;
  if (request.locationId !== undefined) {
    const id = decodeId(request.locationId, 'LOCATION');
    found = id ? await tx.locations.getWithRunningJob(orgId, id, ROUTING_PREFIX_JOB) : undefined;
    if (!found) throw invalidLocationReference();
  } else {
    found = await tx.locations.getWithRunningJob(orgId, undefined, ROUTING_PREFIX_JOB);
    if (!found) throw noDefaultLocation();
  }
  if (!found.location.callingEnabled) throw locationNotCallingEnabled();
  if (found.jobRunning) throw membersLocked();
  return found.location;
}

const membersLocked = () => locationMembersLocked(Math.ceil(STEP_MS / 1000));

/** 423 while an update-routing-prefix job is moving the location's members. */
async function ensureMembersUnlocked(tx: Store, location: Location): Promise<void> {
  if (await tx.jobs.runningForLocation(location.id, ROUTING_PREFIX_JOB)) throw membersLocked();
}

async function checkNumber(tx: Store, personId: string, location: Location, value: string, format: NumberFormat): Promise<PhoneNumber | WebexError> {
  const e164 = parseNumber(value, location.address.country, format);
  if (e164 === undefined) return invalidPhoneNumber(value, location.address.country);
  // One statement: the inventory row, and whether a feature or line holds the number
  // (numbers.owner_id names people only).
  const found = await tx.numbers.getWithHolder(e164);
  const number = found?.number;
  if (!number || number.locationId !== location.id) return numberNotInLocation(e164);
  if (number.isMainNumber) return mainNumberNotAssignable(e164);
  if (number.ownerId !== null && number.ownerId !== personId) return numberInUse(e164);
  if (found!.heldByOther) return numberInUse(e164);
  return number;
}

/**
 * Checks a requested line for a person. Throws for every problem but the phone number's, which
 * is returned as numberProblem so that creating a person can follow the seed's rule.
 */
export async function planLine(
  tx: Store,
  orgId: string,
  personId: string,
  request: CallingLineRequest,
  format: NumberFormat,
  current?: CurrentLine,
): Promise<LinePlan> {
  if (request.phoneNumber === undefined && request.extension === undefined) throw numberOrExtensionRequired();
  const location = await lineLocation(tx, orgId, request, current);

  let extension: string | null = null;
  if (request.extension !== undefined) {
    if (!isValidExtension(request.extension)) throw invalidExtension(request.extension);
    // Anyone of the location but this person (a person, feature or line): one statement.
    if (await tx.numbers.extensionTaken(location.orgId, location.id, request.extension, personId)) throw extensionInUse(request.extension);
    extension = request.extension;
  }

  if (request.phoneNumber === undefined) return { line: { location, phoneNumber: null, extension } };
  // The person's own number comes back from GET in E.164; accept it unchanged in any spelling.
  if (current?.number && looseE164(request.phoneNumber) === current.number.phoneNumber) {
    return { line: { location, phoneNumber: current.number.phoneNumber, extension } };
  }
  const checked = await checkNumber(tx, personId, location, request.phoneNumber, format);
  if (checked instanceof WebexError) return { line: { location, phoneNumber: null, extension }, numberProblem: checked };
  return { line: { location, phoneNumber: checked.phoneNumber, extension }, number: checked };
}

/** Writes a planned line: the person's location and extension, and ownership of the number. */
export async function applyLine(tx: Store, person: Person, line: CallingLine, currentNumber: string | null): Promise<Person> {
  if (currentNumber !== null && currentNumber !== line.phoneNumber) await tx.numbers.releaseOwnedBy(person.id);
  // Claim before writing the person: losing a race for the number leaves nothing half-written.
  if (line.phoneNumber !== null && line.phoneNumber !== currentNumber) {
    if (!(await tx.numbers.claim(line.phoneNumber, person.id))) throw numberInUse(line.phoneNumber);
  }
  // Alternate numbers are the old location's: a person changing location leaves them.
  if (person.locationId !== null && person.locationId !== line.location.id) await tx.alternateNumbers.deleteOfOwner(person.orgId, person.id);
  // A member joining a location dials with its routing prefix at once; existing members keep theirs.
  const routingPrefix = person.locationId === line.location.id ? person.routingPrefix : line.location.routingPrefix;
  const updated: Person = { ...person, locationId: line.location.id, extension: line.extension, routingPrefix };
  await tx.people.update(updated);
  return updated;
}

/** Frees a person's number and extension and takes them out of their calling location. */
export async function releaseLine(tx: Store, person: Person): Promise<Person> {
  const current = person.locationId === null ? undefined : await tx.locations.get(person.orgId, person.locationId);
  if (current) await ensureMembersUnlocked(tx, current);
  await tx.numbers.releaseOwnedBy(person.id);
  await tx.alternateNumbers.deleteOfOwner(person.orgId, person.id);
  const updated: Person = { ...person, locationId: null, extension: null, routingPrefix: null, announcementLanguage: null };
  await tx.people.update(updated);
  return updated;
}

/** The line a calling user has now, or undefined for a person without calling. */
export async function currentLine(tx: Store, person: Person): Promise<CurrentLine | undefined> {
  if (person.locationId === null) return undefined;
  const location = await tx.locations.get(person.orgId, person.locationId);
  if (!location) return undefined;
  const number = (await tx.numbers.ownedBy([person.id])).get(person.id);
  return { location, number };
}
