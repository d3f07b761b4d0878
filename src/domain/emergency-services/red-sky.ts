import { randomBytes, randomUUID } from 'node:crypto';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { CALLING_LOCATIONS } from '../service-settings/admin-owners.ts';
import { encodeId } from '../webex-ids.ts';
import { checkEmail } from './emergency-notification.ts';

// RedSky, Cisco's partner for enhanced emergency calling (E911) in the US and Canada: the
// organization's RedSky account (created here or an existing one logged into), its compliance
// stage, and each calling location's building address, alert email and stage. Callplane is not
// connected to RedSky: it keeps what the administrator configures and reports the stages from it.
// The password of a RedSky login is never stored (Webex: "The password provided will not be stored").

type LocationState = 'OPTED_OUT' | 'EXEMPTED' | 'LOCATION_SETUP' | 'ALERTS' | 'NETWORK_ELEMENTS' | 'ROUTING_ENABLE' | 'COMPLIANT';
type Stage = 'OPTED_OUT' | 'LOCATION_SETUP' | 'ALERTS' | 'NETWORK_ELEMENTS' | 'ROUTING_ENABLED';

/** The setup stages in order; a location or the organization is at one of them. */
const STAGES: readonly LocationState[] = ['LOCATION_SETUP', 'ALERTS', 'NETWORK_ELEMENTS', 'ROUTING_ENABLE'];

type Account = {
  exists?: boolean;
  enabled: boolean;
  companyId?: string;
  secret?: string;
  redSkyOrgId?: string;
  adminEmail?: string;
  externalTenantEnabled: boolean;
  orgPrefix?: string;
  stage?: Stage;
};
type LocationRedSky = { alertingEmail?: string; address?: Record<string, string>; stage?: Stage };

const ACCOUNT_KEY = 'redSky';
const ACCOUNT_DEFAULTS: Account = { enabled: false, externalTenantEnabled: false };
const org = (orgId: string) => ({ orgId, kind: 'organization' as const, id: orgId });
const place = (location: Location) => ({ orgId: location.orgId, kind: 'location' as const, id: location.id });

/** E911 through RedSky covers the US and Canada; other locations are exempted. */
const covered = (location: Location) => ['US', 'CA'].includes(location.address.country.toUpperCase());

function stateOf(location: Location, doc: LocationRedSky): LocationState {
  if (!covered(location)) return 'EXEMPTED';
  if (doc.stage === 'OPTED_OUT') return 'OPTED_OUT';
  return doc.stage === 'ROUTING_ENABLED' ? 'ROUTING_ENABLE' : (doc.stage ?? 'LOCATION_SETUP');
}

export type LocationStatusQuery = { start: number; max: number; order: 'asc' | 'desc' };

export class RedSkyService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The account as Webex shows it: the secret masked. */
  async account(orgId: string): Promise<SettingDocument> {
    const a = await this.read(this.store, orgId);
    return {
      enabled: a.enabled,
      ...(a.companyId ? { companyId: a.companyId } : {}),
      ...(a.secret ? { secret: '*****' } : {}),
      locationsEnabled: (await this.locations(this.store, orgId)).some(({ doc }) => doc.address !== undefined),
    };
  }

  /** Creates the RedSky account and its administrator (one per organization). */
  async createAccount(orgId: string, body: { orgPrefix?: string; email: string; partnerRedskyOrgId?: string }): Promise<void> {
    checkEmail('email', body.email);
    await this.store.transaction(async (tx) => {
      const current = await this.read(tx, orgId);
      if (current.exists) throw conflict('The organization already has a RedSky account.');
      await this.write(tx, orgId, {
        ...current,
        exists: true,
        enabled: true,
        companyId: randomUUID(),
        secret: randomBytes(24).toString('base64url'),
        redSkyOrgId: randomUUID(),
        adminEmail: body.email,
        orgPrefix: body.orgPrefix ?? 'wxc',
        ...(body.partnerRedskyOrgId ? { partnerRedskyOrgId: body.partnerRedskyOrgId } : {}),
      });
    });
  }

  /** Whether the email (and RedSky organization, when given) match the account's administrator. */
  async login(orgId: string, body: { email: string; password: string; redSkyOrgId?: string }): Promise<SettingDocument> {
    checkEmail('email', body.email);
    if (body.password === '') throw badRequest('password is required.');
    const a = await this.read(this.store, orgId);
    const accountMatch =
      a.exists === true && a.adminEmail?.toLowerCase() === body.email.toLowerCase() && (body.redSkyOrgId === undefined || body.redSkyOrgId === a.redSkyOrgId);
    return { accountMatch, externalTenantEnabled: a.externalTenantEnabled, companyId: accountMatch ? (a.companyId ?? '') : '' };
  }

  /** Turns the service on or off with an account's company ID and secret; an external tenant names its admin login. */
  async updateServiceSettings(orgId: string, body: { enabled: boolean; companyId?: string; secret?: string; externalTenantEnabled?: boolean; email?: string; password?: string }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await this.read(tx, orgId);
      const externalTenantEnabled = body.externalTenantEnabled ?? current.externalTenantEnabled;
      if (body.externalTenantEnabled === true && (!body.email || !body.password)) {
        throw badRequest('email and password are required when externalTenantEnabled is true.');
      }
      if (body.email !== undefined) checkEmail('email', body.email);
      const companyId = body.companyId ?? current.companyId;
      const secret = body.secret ?? current.secret;
      if (body.enabled && (!companyId || !secret)) throw badRequest('companyId and secret are required to enable the RedSky service.');
      await this.write(tx, orgId, {
        ...current,
        exists: current.exists === true || companyId !== undefined,
        enabled: body.enabled,
        externalTenantEnabled,
        ...(companyId ? { companyId } : {}),
        ...(secret ? { secret } : {}),
        ...(body.email ? { adminEmail: body.email } : {}),
      });
    });
  }

  /** The organization's compliance and the locations at its earliest setup stage. */
  async status(orgId: string): Promise<SettingDocument> {
    const a = await this.read(this.store, orgId);
    const locations = (await this.locations(this.store, orgId)).map(({ location, doc }) => ({ location, state: stateOf(location, doc) }));
    const earliest = STAGES.find((s) => locations.some((l) => l.state === s));
    const atEarliest = locations.filter((l) => l.state === earliest);
    return {
      ...this.header(a, locations.map((l) => l.state)),
      ...(earliest
        ? { locationsStatus: { state: earliest, count: atEarliest.length, locations: atEarliest.map((l) => ({ id: encodeId('LOCATION', l.location.id), name: l.location.name })) } }
        : {}),
    };
  }

  /** The organization's compliance with every calling location and its state, a page at a time. */
  async complianceStatus(orgId: string, query: LocationStatusQuery): Promise<SettingDocument> {
    const a = await this.read(this.store, orgId);
    const all = (await this.locations(this.store, orgId)).map(({ location, doc }) => ({ location, state: stateOf(location, doc) }));
    all.sort((x, y) => x.location.name.localeCompare(y.location.name) * (query.order === 'desc' ? -1 : 1));
    const page = all.slice(query.start, query.start + query.max);
    return {
      ...this.header(a, all.map((l) => l.state)),
      locationsStatus: { count: all.length, locations: page.map((l) => ({ id: encodeId('LOCATION', l.location.id), name: l.location.name, state: l.state })) },
    };
  }

  /** Moves the organization to a stage (or opts it out); it needs an account. */
  async updateStatus(orgId: string, stage: Stage): Promise<SettingDocument> {
    await this.store.transaction(async (tx) => {
      const current = await this.read(tx, orgId);
      if (!current.exists && stage !== 'OPTED_OUT') throw badRequest('The organization has no RedSky account: create one or log in to an existing one first.');
      await this.write(tx, orgId, { ...current, stage });
    });
    return this.status(orgId);
  }

  /** A location's integration: on when the service is on and the location has its building. */
  async locationParameters(orgId: string, locationPublicId: string): Promise<SettingDocument> {
    const location = await this.location(this.store, orgId, locationPublicId);
    const a = await this.read(this.store, orgId);
    const doc = await this.readLocation(this.store, location);
    const state = stateOf(location, doc);
    return { integrationEnabled: a.enabled && doc.address !== undefined, routingEnabled: state === 'ROUTING_ENABLE' || state === 'COMPLIANT' };
  }

  async locationStatus(orgId: string, locationPublicId: string): Promise<SettingDocument> {
    const location = await this.location(this.store, orgId, locationPublicId);
    const a = await this.read(this.store, orgId);
    const state = stateOf(location, await this.readLocation(this.store, location));
    return {
      ...this.header(a, [state]),
      locationsStatus: { state, count: 1, locations: [{ id: encodeId('LOCATION', location.id), name: location.name }] },
    };
  }

  /** Moves a location to a stage; past the location setup it needs its building. */
  async updateLocationStatus(orgId: string, locationPublicId: string, stage: Stage): Promise<SettingDocument> {
    await this.store.transaction(async (tx) => {
      const location = await this.location(tx, orgId, locationPublicId);
      if (!covered(location)) throw badRequest('RedSky E911 covers locations in the US and Canada; this location is exempted.');
      const doc = await this.readLocation(tx, location);
      if (stage !== 'OPTED_OUT' && stage !== 'LOCATION_SETUP' && doc.address === undefined) {
        throw badRequest('Add the location’s RedSky building address before moving it past LOCATION_SETUP.');
      }
      await this.writeLocation(tx, location, { ...doc, stage });
    });
    const { locationsStatus } = await this.locationStatus(orgId, locationPublicId);
    return { locationsStatus };
  }

  /** Adds the location's building address and alert email (once; then update the address). */
  async createBuilding(orgId: string, locationPublicId: string, body: { alertingEmail: string; address?: Record<string, string> }): Promise<void> {
    checkEmail('alertingEmail', body.alertingEmail);
    await this.store.transaction(async (tx) => {
      const location = await this.location(tx, orgId, locationPublicId);
      if (!(await this.read(tx, orgId)).exists) throw badRequest('The organization has no RedSky account: create one or log in to an existing one first.');
      const doc = await this.readLocation(tx, location);
      if (doc.address !== undefined) throw conflict('The location already has a RedSky building; update its address instead.');
      await this.writeLocation(tx, location, { ...doc, alertingEmail: body.alertingEmail, address: body.address ?? addressOf(location) });
    });
  }

  async updateBuilding(orgId: string, locationPublicId: string, body: { address?: Record<string, string> }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await this.location(tx, orgId, locationPublicId);
      const doc = await this.readLocation(tx, location);
      if (doc.address === undefined) throw badRequest('The location has no RedSky building yet: add it with POST first.');
      await this.writeLocation(tx, location, { ...doc, address: { ...doc.address, ...(body.address ?? {}) } });
    });
  }

  private header(a: Account, states: readonly LocationState[]): SettingDocument {
    const optedOut = a.stage === 'OPTED_OUT';
    const relevant = states.filter((s) => s !== 'EXEMPTED' && s !== 'OPTED_OUT');
    const compliant = a.exists === true && a.enabled && !optedOut && relevant.every((s) => s === 'ROUTING_ENABLE' || s === 'COMPLIANT');
    return {
      orgStatus: optedOut ? 'OPTED_OUT' : a.enabled && a.stage === 'ROUTING_ENABLED' ? 'ENABLED' : 'INITIALISE',
      complianceStatus: optedOut ? 'OPTED_OUT' : compliant ? 'COMPLIANT' : 'NON_COMPLIANT',
      ...(a.companyId ? { companyId: a.companyId } : {}),
      ...(a.redSkyOrgId ? { redSkyOrgId: a.redSkyOrgId } : {}),
      adminExists: a.adminEmail !== undefined,
    };
  }

  private async location(store: Store, orgId: string, publicId: string): Promise<Location> {
    const { owner } = await CALLING_LOCATIONS.find(store, orgId, publicId);
    return (await store.locations.get(orgId, owner.id))!;
  }

  /** Every calling location of the organization with its RedSky document. */
  private async locations(store: Store, orgId: string): Promise<{ location: Location; doc: LocationRedSky }[]> {
    const out: { location: Location; doc: LocationRedSky }[] = [];
    for (let start = 0; ; start += 500) {
      const page = await store.locationCalling.list(orgId, { order: 'asc' }, start, 500);
      for (const { location } of page.items) out.push({ location, doc: await this.readLocation(store, location) });
      if (page.items.length < 500) return out;
    }
  }

  private async read(store: Store, orgId: string): Promise<Account> {
    const stored = await store.ownerSettings.get(org(orgId), ACCOUNT_KEY);
    return stored === undefined ? { ...ACCOUNT_DEFAULTS } : (mergeDocument(ACCOUNT_DEFAULTS, JSON.parse(stored) as SettingDocument) as Account);
  }

  private async write(store: Store, orgId: string, account: Account & Record<string, unknown>): Promise<void> {
    await store.ownerSettings.put(org(orgId), ACCOUNT_KEY, JSON.stringify(account), timestamp(this.clock));
  }

  private async readLocation(store: Store, location: Location): Promise<LocationRedSky> {
    const stored = await store.ownerSettings.get(place(location), ACCOUNT_KEY);
    return stored === undefined ? {} : (JSON.parse(stored) as LocationRedSky);
  }

  private async writeLocation(store: Store, location: Location, doc: LocationRedSky): Promise<void> {
    await store.ownerSettings.put(place(location), ACCOUNT_KEY, JSON.stringify(doc), timestamp(this.clock));
  }
}

/** The location's own address in RedSky's fields, when the building is added without one. */
function addressOf(location: Location): Record<string, string> {
  const a = location.address;
  return {
    addressLine1: a.address1,
    ...(a.address2 ? { addressLine2: a.address2 } : {}),
    city: a.city,
    stateOrProvince: a.state,
    zipOrPostalCode: a.postalCode,
    country: a.country,
  };
}
