import { randomBytes, randomUUID } from 'node:crypto';
import type { License, Location, Organization, Person, Store } from '../../store/store.ts';
import { ROLE_FULL_ADMIN, scopesAllowed, type Principal } from '../auth/scopes.ts';
import type { TokenService } from '../auth/token-service.ts';
import { timestamp, type Clock } from '../clock.ts';
import { ON_DEMAND_RECORDING } from '../calls/call-recording-settings.ts';
import { enableCalling } from '../location-calling/location-calling-service.ts';
import { LocationService, type CreateLocationInput } from '../locations/location-service.ts';
import { PeopleService } from '../people/people-service.ts';
import { decodeId, encodeId, encodeLicenseId } from '../webex-ids.ts';
import { organizationNotFound } from './organization-errors.ts';

/** The licenses every new organization gets: the Webex Calling trio and a messaging and meetings license. */
const STANDARD_LICENSES = [
  { code: 'BCSTD', name: 'Webex Calling - Professional', totalUnits: 100, calling: 'professional' },
  { code: 'BCBASIC', name: 'Webex Calling - Basic', totalUnits: 50, calling: 'basic' },
  { code: 'BCWSP', name: 'Webex Calling - Workspaces', totalUnits: 20, calling: 'workspaces' },
  { code: 'MS', name: 'Messaging', totalUnits: 200, calling: null },
  { code: 'MC', name: 'Meeting - Webex Meeting Center', totalUnits: 50, calling: null, meetings: true },
] as const;

/** Each organization gets a block of numbers 555-0100 to 555-0199 (fictional in the NANP) in an area code of its own. */
const BLOCK_SIZE = 100;
const blockNumber = (areaCode: string, i: number) => `+1${areaCode}555${String(100 + i).padStart(4, '0')}`;

export type ProvisionInput = {
  displayName: string;
  admin: { email: string; firstName: string; lastName: string };
  /** A token value to register for the administrator (never expiring); otherwise a 14-day token is issued. */
  adminToken?: string;
  /** NANP area code of the number block; the first free one is chosen when absent. */
  areaCode?: string;
  location?: CreateLocationInput;
};

export type ProvisionedOrganization = {
  organization: Organization;
  admin: Person;
  location: Location;
  licenses: License[];
  accessToken: string;
  expiresIn: number | null;
};

const HEADQUARTERS: CreateLocationInput = {
  name: 'Headquarters',
  timeZone: 'America/New_York',
  preferredLanguage: 'en_us',
  announcementLanguage: 'en_us',
  address: { address1: '100 Main Street', city: 'Reston', state: 'VA', postalCode: '20190', country: 'US' },
};

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'org';

export class OrganizationService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly tokens: TokenService;

  constructor(store: Store, clock: Clock, tokens: TokenService) {
    this.store = store;
    this.clock = clock;
    this.tokens = tokens;
  }

  /** The organizations a token may see: its own. */
  async list(principal: Principal): Promise<Organization[]> {
    const org = await this.store.organizations.get(principal.orgId);
    return org ? [org] : [];
  }

  async get(principal: Principal, publicId: string): Promise<Organization> {
    const id = decodeId(publicId, 'ORGANIZATION');
    if (id !== principal.orgId) throw organizationNotFound();
    const org = await this.store.organizations.get(id);
    if (!org) throw organizationNotFound();
    return org;
  }

  /**
   * Creates a ready organization: standard licenses, a default US location enabled for Webex
   * Calling with a main number and a block of free numbers, and a full administrator.
   */
  async provision(input: ProvisionInput): Promise<ProvisionedOrganization> {
    return this.store.transaction(async (tx) => {
      const now = timestamp(this.clock);
      const organization: Organization = { id: randomUUID(), displayName: input.displayName, created: now, defaultLocationId: null };
      await tx.organizations.insert(organization);

      const subscriptionId = `Sub-${randomBytes(6).toString('hex')}`;
      const site = `${slug(input.displayName)}-${randomBytes(2).toString('hex')}.webex.example`;
      const licenses: License[] = STANDARD_LICENSES.map((l) => ({
        id: randomUUID(),
        orgId: organization.id,
        code: l.code,
        name: l.name,
        totalUnits: l.totalUnits,
        subscriptionId,
        siteUrl: 'meetings' in l ? site : null,
        siteType: 'meetings' in l ? 'Control Hub managed site' : null,
        calling: l.calling,
      }));
      for (const license of licenses) await tx.licenses.insert(license);

      const created = await new LocationService(tx, this.clock).create(organization.id, input.location ?? HEADQUARTERS);
      const location: Location = await enableCalling(tx, created, now);
      organization.defaultLocationId = location.id;

      const areaCode = input.areaCode ?? (await this.freeAreaCode(tx));
      await tx.numbers.insertMany(
        Array.from({ length: BLOCK_SIZE }, (_, i) => ({
          phoneNumber: blockNumber(areaCode, i),
          orgId: organization.id,
          locationId: location.id,
          state: 'ACTIVE' as const,
          numberType: 'DID' as const,
          isMainNumber: i === 0,
          isServiceNumber: false,
          ownerId: null,
          created: now,
        })),
      );

      const professional = licenses.find((l) => l.calling === 'professional')!;
      const messaging = licenses.find((l) => l.code === 'MS')!;
      const admin = await new PeopleService(tx, this.clock).create(organization.id, {
        emails: [input.admin.email],
        firstName: input.admin.firstName,
        lastName: input.admin.lastName,
        roles: [encodeId('ROLE', ROLE_FULL_ADMIN)],
        licenses: [encodeLicenseId(organization.id, professional.code, professional.id), encodeLicenseId(organization.id, messaging.code, messaging.id)],
        extension: '1000',
      });

      // Administrators of new organizations record calls on demand, as the demo's people do.
      await tx.calls.saveRecordingSettings(admin.id, organization.id, JSON.stringify(ON_DEMAND_RECORDING));

      let accessToken: string;
      let expiresIn: number | null;
      if (input.adminToken !== undefined) {
        await this.tokens.register(tx, organization.id, admin.id, input.adminToken, scopesAllowed(admin.roles));
        accessToken = input.adminToken;
        expiresIn = null;
      } else {
        const issued = await this.tokens.issue(organization.id, admin.id, undefined, undefined, tx);
        accessToken = issued.accessToken;
        expiresIn = issued.expiresIn;
      }
      return { organization, admin, location, licenses, accessToken, expiresIn };
    });
  }

  /** The first NANP area code whose 555-01xx block is not taken by another organization. */
  private async freeAreaCode(tx: Store): Promise<string> {
    for (let first = 2; first <= 9; first++) {
      for (let rest = 1; rest <= 99; rest++) {
        const areaCode = `${first}${String(rest).padStart(2, '0')}`;
        // N11 codes are service codes, not area codes.
        if (areaCode.endsWith('11')) continue;
        if (!(await tx.numbers.get(blockNumber(areaCode, 0)))) return areaCode;
      }
    }
    throw new Error('every area code already holds an organization');
  }
}
