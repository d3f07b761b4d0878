import type { Cursor, License, Page, Person, Store } from '../../store/store.ts';
import { WebexError } from '../errors.ts';
import { applyLine, currentLine, planLine, releaseLine } from '../people/calling-line.ts';
import { callingLicenseChange, personNotFound, workspacesLicenseForPeople } from '../people/people-errors.ts';
import { decodeId, decodeLicenseId, encodeId } from '../webex-ids.ts';
import {
  invalidLicenseReference,
  invalidSiteUrl,
  licenseAssignmentFailed,
  licenseNotFound,
  licenseTargetMismatch,
  licenseTargetRequired,
  locationRequiredWithoutNumber,
  unitsBelowConsumed,
  userNotFound,
} from './license-errors.ts';
import { assignLicense } from './license-rules.ts';

export type LicenseUsage = { license: License; consumed: number };

export type LicenseOperation = {
  id: string;
  operation?: 'add' | 'remove';
  properties?: { locationId?: string; phoneNumber?: string; extension?: string };
};

export type SiteUrlOperation = { siteUrl: string; accountType?: 'attendee' | 'host'; operation?: 'add' | 'remove' };

export type AssignLicensesInput = {
  email?: string;
  personId?: string;
  licenses?: LicenseOperation[];
  siteUrls?: SiteUrlOperation[];
};

export type AssignLicensesResult = {
  person: Person;
  licenses: License[];
  /** Descriptions of the operations that could not be applied; the others were. */
  failures: string[];
};

export class LicenseService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async list(orgId: string): Promise<LicenseUsage[]> {
    const licenses = await this.store.licenses.list(orgId);
    const consumed = await this.store.licenses.consumedUnits(licenses.map((l) => l.id));
    return licenses.map((license) => ({ license, consumed: consumed.get(license.id) ?? 0 }));
  }

  async get(orgId: string, publicId: string): Promise<LicenseUsage> {
    const id = decodeLicenseId(publicId);
    const license = id && (await this.store.licenses.get(orgId, id));
    if (!license) throw licenseNotFound();
    const consumed = (await this.store.licenses.consumedUnits([license.id])).get(license.id) ?? 0;
    return { license, consumed };
  }

  /** Sandbox: a subscription of another size. */
  async setTotalUnits(orgId: string, publicId: string, totalUnits: number): Promise<LicenseUsage> {
    return this.store.transaction(async (tx) => {
      const id = decodeLicenseId(publicId);
      const license = id && (await tx.licenses.get(orgId, id));
      if (!license) throw licenseNotFound();
      const consumed = (await tx.licenses.consumedUnits([license.id])).get(license.id) ?? 0;
      if (totalUnits < consumed) throw unitsBelowConsumed(consumed);
      await tx.licenses.setTotalUnits(license.id, totalUnits);
      return { license: { ...license, totalUnits }, consumed };
    });
  }

  holders(license: License, after: Cursor | undefined, limit: number): Promise<Page<Person, Cursor>> {
    return this.store.licenses.holders(license.id, after, limit);
  }

  /**
   * PATCH /licenses/users. Each operation is checked and applied on its own: the ones that fail
   * change nothing and are reported, the others land (Webex answers 206 for such a mix).
   */
  async assign(orgId: string, input: AssignLicensesInput): Promise<AssignLicensesResult> {
    if (input.personId === undefined && input.email === undefined) throw licenseTargetRequired();
    return this.store.transaction(async (tx) => {
      let person = await this.target(tx, orgId, input);
      const orgLicenses = await tx.licenses.list(orgId);
      const failures: string[] = [];
      for (const op of input.licenses ?? []) {
        try {
          // An operation validates fully before its first write, so a failed one writes nothing.
          person = await this.applyLicense(tx, orgId, person, orgLicenses, op);
        } catch (error) {
          if (!(error instanceof WebexError) || error.status >= 500) throw error;
          failures.push(error.message);
        }
      }
      for (const op of input.siteUrls ?? []) {
        const failure = this.siteUrlProblem(orgLicenses, op);
        if (failure) {
          failures.push(failure);
          continue;
        }
        const entry = `${op.siteUrl}#${op.accountType ?? 'attendee'}`;
        const others = person.siteUrls.filter((s) => s.split('#')[0] !== op.siteUrl);
        person = { ...person, siteUrls: (op.operation ?? 'add') === 'add' ? [...others, entry] : others };
        await tx.people.update(person);
      }
      const operations = (input.licenses?.length ?? 0) + (input.siteUrls?.length ?? 0);
      if (operations > 0 && failures.length === operations) throw licenseAssignmentFailed(failures);
      const held = (await tx.licenses.heldBy([person.id])).get(person.id) ?? [];
      return { person, licenses: orgLicenses.filter((l) => held.includes(l.id)), failures };
    });
  }

  private async target(tx: Store, orgId: string, input: AssignLicensesInput): Promise<Person> {
    let byId: Person | undefined;
    if (input.personId !== undefined) {
      const id = decodeId(input.personId, 'PEOPLE');
      byId = id ? await tx.people.get(orgId, id) : undefined;
      if (!byId) throw personNotFound();
    }
    if (input.email !== undefined) {
      const byEmail = await tx.people.findByEmail(input.email.trim());
      if (!byEmail || byEmail.orgId !== orgId) throw userNotFound();
      if (byId && byId.id !== byEmail.id) throw licenseTargetMismatch();
      return byEmail;
    }
    return byId!;
  }

  private async applyLicense(tx: Store, orgId: string, person: Person, orgLicenses: License[], op: LicenseOperation): Promise<Person> {
    const id = decodeLicenseId(op.id);
    const license = orgLicenses.find((l) => l.id === id);
    if (!license) throw invalidLicenseReference(op.id);
    const held = (await tx.licenses.heldBy([person.id])).get(person.id) ?? [];
    const holds = held.includes(license.id);
    if ((op.operation ?? 'add') === 'remove') {
      if (!holds) return person;
      const updated = license.calling ? await releaseLine(tx, person) : person;
      await tx.licenses.unassign(person.id, license.id);
      return updated;
    }
    if (holds) return person;
    if (license.calling === null) {
      await assignLicense(tx, orgId, person.id, license);
      return person;
    }
    if (license.calling === 'workspaces') throw workspacesLicenseForPeople();
    if (orgLicenses.some((l) => l.calling !== null && held.includes(l.id))) throw callingLicenseChange();
    const properties = op.properties ?? {};
    if (properties.phoneNumber === undefined && properties.extension !== undefined && properties.locationId === undefined) {
      throw locationRequiredWithoutNumber();
    }
    // With a number and no location, the number's own location is the person's location.
    let locationId = properties.locationId;
    if (locationId === undefined && properties.phoneNumber !== undefined) {
      locationId = await this.locationOfNumber(tx, orgId, properties.phoneNumber);
    }
    const plan = await planLine(
      tx,
      orgId,
      person.id,
      { locationId, phoneNumber: properties.phoneNumber, extension: properties.extension },
      'license',
      await currentLine(tx, person),
    );
    if (plan.numberProblem) throw plan.numberProblem;
    const updated = await applyLine(tx, person, plan.line, null);
    await assignLicense(tx, orgId, person.id, license);
    return updated;
  }

  private async locationOfNumber(tx: Store, orgId: string, phoneNumber: string): Promise<string | undefined> {
    const digits = phoneNumber.replace(/[^\d+]/g, '');
    const e164 = digits.startsWith('+') ? digits : digits.length === 10 ? `+1${digits}` : `+${digits}`;
    const number = await tx.numbers.get(e164);
    if (!number || number.orgId !== orgId) return undefined;
    const location = await tx.locations.get(orgId, number.locationId);
    return location ? encodeId('LOCATION', location.id) : undefined;
  }

  private siteUrlProblem(orgLicenses: License[], op: SiteUrlOperation): string | undefined {
    if (!orgLicenses.some((l) => l.siteUrl === op.siteUrl)) return invalidSiteUrl(op.siteUrl).message;
    return undefined;
  }
}
