import { randomUUID } from 'node:crypto';
import type { Cursor, License, Person, PersonAddress, Store } from '../../store/store.ts';
import { isAdmin, isRole, type Principal } from '../auth/scopes.ts';
import { timestamp, type Clock } from '../clock.ts';
import { noUnitsLeft } from '../licenses/license-errors.ts';
import { assignLicense, resolveLicenses } from '../licenses/license-rules.ts';
import { invalidLocationReference } from '../locations/location-errors.ts';
import { decodeId, decodeIdValue } from '../webex-ids.ts';
import { applyLine, currentLine, planLine, releaseLine } from './calling-line.ts';
import {
  callingLicenseChange,
  callingLicenseRequired,
  createdWithoutCallingLine,
  emailInUse,
  emailRequired,
  invalidEmail,
  invalidManager,
  invalidRole,
  locationOnlyWithNewCallingLicense,
  nameRequired,
  numberInUse,
  oneCallingLicense,
  onlyWorkNumbers,
  personNotFound,
  primaryNumberOnly,
  searchTermRequired,
  tooManyIds,
  workspacesLicenseForPeople,
} from './people-errors.ts';
import { describePeople, type PersonDetails, type PersonView } from './person-views.ts';

export type PhoneNumberInput = { type: string; value: string; primary?: boolean };

/** The body of POST /people and PUT /people/{id}, after schema validation. */
export type PersonInput = {
  emails?: string[];
  phoneNumbers?: PhoneNumberInput[];
  extension?: string;
  locationId?: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  avatar?: string;
  roles?: string[];
  licenses?: string[];
  department?: string;
  manager?: string;
  managerId?: string;
  title?: string;
  addresses?: PersonAddress[];
  siteUrls?: string[];
  loginEnabled?: boolean | 'true' | 'false';
};

export type PeopleQuery = {
  email?: string;
  displayName?: string;
  /** Comma-separated person IDs. */
  id?: string;
  /** Comma-separated role IDs. */
  roles?: string;
  locationId?: string;
  after?: Cursor;
  max: number;
};

export type PeopleList = { people: Person[]; notFoundIds?: string[]; next?: Cursor };

const MAX_IDS = 85;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normalizeEmail(emails: string[] | undefined): string {
  const email = emails?.[0]?.trim();
  if (!email) throw emailRequired();
  if (email.length > 254 || !EMAIL.test(email)) throw invalidEmail(email);
  return email.toLowerCase();
}

// Webex's own documentation shows several role or license IDs joined by commas in one string.
const splitIds = (values: readonly string[]): string[] => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

function decodeRoles(values: readonly string[]): string[] {
  return [
    ...new Set(
      splitIds(values).map((publicId) => {
        const role = decodeIdValue(publicId, 'ROLE');
        if (!role || !isRole(role)) throw invalidRole(publicId);
        return role;
      }),
    ),
  ];
}

/** The work number a request asks for, if any; work_extension entries (read-only) are ignored. */
function requestedWorkNumber(phoneNumbers: readonly PhoneNumberInput[] | undefined): string | undefined {
  const work: string[] = [];
  for (const entry of phoneNumbers ?? []) {
    if (entry.type === 'work') work.push(entry.value);
    else if (entry.type !== 'work_extension') throw onlyWorkNumbers(entry.type);
  }
  if (work.length > 1) throw primaryNumberOnly();
  return work[0];
}

function splitCalling(licenses: License[]): { calling: License | undefined; others: License[] } {
  const calling = licenses.filter((l) => l.calling !== null);
  if (calling.some((l) => l.calling === 'workspaces')) throw workspacesLicenseForPeople();
  if (calling.length > 1) throw oneCallingLicense();
  return { calling: calling[0], others: licenses.filter((l) => l.calling === null) };
}

/** What deleting a person needs of the call engine: their calls end first. */
export type PersonCalls = { endCallsOf(personId: string): Promise<void> };

export class PeopleService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly calls: PersonCalls | undefined;

  constructor(store: Store, clock: Clock, calls?: PersonCalls) {
    this.store = store;
    this.clock = clock;
    this.calls = calls;
  }

  async list(viewer: Principal, orgId: string, query: PeopleQuery): Promise<PeopleList> {
    const admin = isAdmin(viewer) && viewer.scopes.has('spark-admin:people_read');
    if (!admin && query.email === undefined && query.displayName === undefined && query.id === undefined) throw searchTermRequired();
    let ids: string[] | undefined;
    let undecodable: string[] = [];
    if (query.id !== undefined) {
      const requested = splitIds([query.id]);
      if (requested.length > MAX_IDS) throw tooManyIds(MAX_IDS);
      ids = requested.map((publicId) => decodeId(publicId, 'PEOPLE')).filter((id): id is string => id !== undefined);
      undecodable = requested.filter((publicId) => decodeId(publicId, 'PEOPLE') === undefined);
    }
    let locationId: string | undefined;
    if (query.locationId !== undefined) {
      locationId = decodeId(query.locationId, 'LOCATION');
      if (!locationId) throw invalidLocationReference();
    }
    const roles = query.roles === undefined ? undefined : decodeRoles([query.roles]);
    const page = await this.store.people.list(
      orgId,
      { email: query.email, displayName: query.displayName, ids, locationId, roles },
      query.after,
      query.max,
    );
    const result: PeopleList = { people: page.items, ...(page.next ? { next: page.next } : {}) };
    if (query.id !== undefined) {
      const found = new Set(page.items.map((p) => p.id));
      const missing = splitIds([query.id]).filter((publicId) => {
        const id = decodeId(publicId, 'PEOPLE');
        return id === undefined || !found.has(id);
      });
      if (missing.length > 0 && !page.next) result.notFoundIds = [...new Set([...undecodable, ...missing])];
    }
    return result;
  }

  get(orgId: string, publicId: string): Promise<Person> {
    return this.person(this.store, orgId, publicId);
  }

  /** Adds what the presenters will show: licenses and number, as `details` asks. */
  describe(orgId: string, people: Person[], details: PersonDetails): Promise<PersonView[]> {
    return describePeople(this.store, orgId, people, details);
  }

  async create(orgId: string, input: PersonInput): Promise<Person> {
    return (await this.createDescribed(orgId, input)).person;
  }

  /**
   * Creates a person and answers with what describe() would read back (licenses and number), from
   * what was just written. The statements are few and the license units are taken last, so that
   * PostgreSQL holds the license rows' locks (which every concurrent create waits for) for the
   * commit alone (issue 17).
   */
  async createDescribed(orgId: string, input: PersonInput): Promise<PersonView> {
    const email = normalizeEmail(input.emails);
    const names = this.names(input);
    const workNumber = requestedWorkNumber(input.phoneNumbers);
    const roles = decodeRoles(input.roles ?? []);
    const outcome = await this.store.transaction(async (tx) => {
      const { calling, others } = splitCalling(await resolveLicenses(tx, orgId, splitIds(input.licenses ?? [])));
      if (!calling) {
        if (workNumber !== undefined || input.extension !== undefined) throw callingLicenseRequired();
        if (input.locationId !== undefined) throw locationOnlyWithNewCallingLicense();
      }
      if (await tx.people.findByEmail(email)) throw emailInUse(email);
      const managerId = await this.managerId(tx, orgId, input.managerId);
      const now = timestamp(this.clock);
      const id = randomUUID();
      const plan = calling
        ? await planLine(tx, orgId, id, { locationId: input.locationId, phoneNumber: workNumber, extension: input.extension }, 'people')
        : undefined;
      // The seed: with an invalid number, neither the number nor the extension is associated
      // with the person, and the calling license (useless without them) is not applied either.
      const line = calling !== undefined && plan !== undefined && plan.numberProblem === undefined ? plan.line : undefined;
      const person: Person = {
        id,
        orgId,
        email,
        ...names,
        avatar: input.avatar ?? null,
        department: input.department ?? null,
        manager: input.manager ?? null,
        managerId,
        title: input.title ?? null,
        addresses: input.addresses ?? [],
        roles,
        siteUrls: input.siteUrls ?? [],
        timezone: null,
        loginEnabled: input.loginEnabled === undefined ? true : String(input.loginEnabled) === 'true',
        // Written with the person (as applyLine would for a member joining the location: its routing prefix).
        locationId: line?.location.id ?? null,
        extension: line?.extension ?? null,
        routingPrefix: line?.location.routingPrefix ?? null,
        announcementLanguage: null,
        created: now,
        lastModified: now,
      };
      await tx.people.insert(person);
      if (line?.phoneNumber && !(await tx.numbers.claim(line.phoneNumber, id))) throw numberInUse(line.phoneNumber);
      // Assigned in this order, the first without a unit is the one named in the error.
      const licenses = line ? [...others, calling!] : others;
      const short = await tx.licenses.assignToNew(orgId, id, licenses.map((l) => l.id));
      if (short.length > 0) throw noUnitsLeft(licenses.find((l) => l.id === short[0])!.name);
      const number = line?.phoneNumber && plan!.number ? { ...plan!.number, ownerId: id } : undefined;
      // As describePeople lists them: by license id.
      const view: PersonView = { person, licenses: [...licenses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), number };
      return { view, numberProblem: plan?.numberProblem };
    });
    if (outcome.numberProblem) throw createdWithoutCallingLine(outcome.numberProblem.message);
    return outcome.view;
  }

  /** PUT: the body replaces the person; omitted emails, roles and licenses stay as they are. */
  async update(orgId: string, publicId: string, input: PersonInput): Promise<Person> {
    const names = this.names(input);
    const workNumber = requestedWorkNumber(input.phoneNumbers);
    const roles = input.roles === undefined ? undefined : decodeRoles(input.roles);
    return this.store.transaction(async (tx) => {
      const before = await this.person(tx, orgId, publicId);
      const held = (await tx.licenses.heldBy([before.id])).get(before.id) ?? [];
      const heldLicenses = (await tx.licenses.list(orgId)).filter((l) => held.includes(l.id));
      const wanted = input.licenses === undefined ? heldLicenses : await resolveLicenses(tx, orgId, splitIds(input.licenses));
      const { calling } = splitCalling(wanted);
      const callingBefore = heldLicenses.find((l) => l.calling !== null);
      if (calling && callingBefore && calling.id !== callingBefore.id) throw callingLicenseChange();

      const email = input.emails === undefined ? before.email : normalizeEmail(input.emails);
      if (email !== before.email && (await tx.people.findByEmail(email))) throw emailInUse(email);
      let person: Person = {
        ...before,
        email,
        ...names,
        avatar: input.avatar ?? null,
        department: input.department ?? null,
        manager: input.manager ?? null,
        managerId: await this.managerId(tx, orgId, input.managerId),
        title: input.title ?? null,
        addresses: input.addresses ?? [],
        roles: roles ?? before.roles,
        siteUrls: input.siteUrls ?? before.siteUrls,
        loginEnabled: input.loginEnabled === undefined ? before.loginEnabled : String(input.loginEnabled) === 'true',
        lastModified: timestamp(this.clock),
      };

      const current = await currentLine(tx, before);
      if (calling) {
        const plan = await planLine(tx, orgId, before.id, { locationId: input.locationId, phoneNumber: workNumber, extension: input.extension }, 'people', current);
        if (plan.numberProblem) throw plan.numberProblem;
        person = await applyLine(tx, person, plan.line, current?.number?.phoneNumber ?? null);
      } else {
        if (workNumber !== undefined || input.extension !== undefined) throw callingLicenseRequired();
        if (input.locationId !== undefined) throw locationOnlyWithNewCallingLicense();
        if (current) person = await releaseLine(tx, person);
        else await tx.people.update(person);
      }

      const adding = wanted.filter((l) => !held.includes(l.id));
      for (const license of adding) await assignLicense(tx, orgId, person.id, license);
      for (const licenseId of held) {
        if (!wanted.some((l) => l.id === licenseId)) await tx.licenses.unassign(person.id, licenseId);
      }
      return person;
    });
  }

  /**
   * Deleting a person ends their calls (as a hang-up would, with its events and history; the
   * others' history keeps the person's name and number) and frees their number, extension and
   * license units.
   */
  async delete(orgId: string, publicId: string): Promise<void> {
    const person = await this.person(this.store, orgId, publicId);
    await this.calls?.endCallsOf(person.id);
    await this.store.transaction(async (tx) => {
      const person = await this.person(tx, orgId, publicId);
      await tx.numbers.releaseOwnedBy(person.id);
      await tx.alternateNumbers.deleteOfOwner(orgId, person.id);
      await tx.people.delete(orgId, person.id);
    });
  }

  private async person(tx: Store, orgId: string, publicId: string): Promise<Person> {
    const id = decodeId(publicId, 'PEOPLE');
    const person = id && (await tx.people.get(orgId, id));
    if (!person) throw personNotFound();
    return person;
  }

  private names(input: PersonInput) {
    const firstName = input.firstName?.trim() || null;
    const lastName = input.lastName?.trim() || null;
    const displayName = input.displayName?.trim() || [firstName, lastName].filter(Boolean).join(' ');
    if (displayName === '') throw nameRequired();
    // Webex does not let nickName be written: it follows firstName.
    return { displayName, firstName, lastName, nickName: firstName };
  }

  private async managerId(tx: Store, orgId: string, publicId: string | undefined): Promise<string | null> {
    if (publicId === undefined) return null;
    const id = decodeId(publicId, 'PEOPLE');
    if (!id || !(await tx.people.get(orgId, id))) throw invalidManager();
    return id;
  }
}

