import { randomUUID } from 'node:crypto';
import type { Cursor, Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { decodeId } from '../webex-ids.ts';
import { callingCountryFixed, locationInUse, locationNameInUse, locationNotCallingEnabled, locationNotFound } from './location-errors.ts';
import { checkAddress, checkCountry, checkLanguage, checkName, checkRequired, checkTimeZone, type AddressInput } from './location-rules.ts';

export type CreateLocationInput = {
  name: string;
  timeZone: string;
  preferredLanguage: string;
  announcementLanguage: string;
  address: AddressInput;
  latitude?: string;
  longitude?: string;
  notes?: string;
};

export type UpdateLocationInput = {
  name?: string;
  timeZone?: string;
  preferredLanguage?: string;
  address?: Partial<AddressInput>;
};

export type LocationQuery = { name?: string; id?: string; after?: Cursor; max: number };

/** The organization's location by its public ID; 404 otherwise. */
export async function findLocation(store: Store, orgId: string, publicId: string): Promise<Location> {
  const id = decodeId(publicId, 'LOCATION');
  const location = id && (await store.locations.get(orgId, id));
  if (!location) throw locationNotFound();
  return location;
}

/** As findLocation, and 400 when the location is not enabled for Webex Calling. */
export async function findCallingLocation(store: Store, orgId: string, publicId: string): Promise<Location> {
  const location = await findLocation(store, orgId, publicId);
  if (!location.callingEnabled) throw locationNotCallingEnabled();
  return location;
}

export class LocationService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: LocationQuery): Promise<Page<Location, Cursor>> {
    let ids: string[] | undefined;
    if (query.id !== undefined) {
      const id = decodeId(query.id, 'LOCATION');
      ids = id ? [id] : [];
    }
    return this.store.locations.list(orgId, { name: query.name, ids }, query.after, query.max);
  }

  get(orgId: string, publicId: string): Promise<Location> {
    return findLocation(this.store, orgId, publicId);
  }

  async create(orgId: string, input: CreateLocationInput): Promise<Location> {
    const location: Location = {
      id: randomUUID(),
      orgId,
      name: checkName(input.name, false),
      timeZone: checkTimeZone(input.timeZone),
      preferredLanguage: checkLanguage('preferredLanguage', input.preferredLanguage),
      announcementLanguage: checkLanguage('announcementLanguage', input.announcementLanguage),
      address: checkAddress(input.address),
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      notes: input.notes ?? null,
      callingEnabled: false,
      routingPrefix: null,
      created: timestamp(this.clock),
    };
    return this.store.transaction(async (tx) => {
      if (await tx.locations.findByName(orgId, location.name)) throw locationNameInUse(location.name);
      await tx.locations.insert(location);
      const org = await tx.organizations.get(orgId);
      // The first location of an organization is its default location.
      if (org && org.defaultLocationId === null) await tx.organizations.setDefaultLocation(orgId, location.id);
      return location;
    });
  }

  async update(orgId: string, publicId: string, input: UpdateLocationInput): Promise<Location> {
    return this.store.transaction(async (tx) => {
      const current = await findLocation(tx, orgId, publicId);
      const address = input.address ?? {};
      const country = address.country === undefined ? current.address.country : checkCountry(address.country);
      if (current.callingEnabled && country !== current.address.country) throw callingCountryFixed();
      const next: Location = {
        ...current,
        name: input.name === undefined ? current.name : checkName(input.name, current.callingEnabled),
        timeZone: input.timeZone === undefined ? current.timeZone : checkTimeZone(input.timeZone),
        preferredLanguage:
          input.preferredLanguage === undefined ? current.preferredLanguage : checkLanguage('preferredLanguage', input.preferredLanguage),
        address: {
          address1: address.address1 === undefined ? current.address.address1 : checkRequired('address.address1', address.address1),
          address2: address.address2 === undefined ? current.address.address2 : address.address2.trim() || null,
          city: address.city === undefined ? current.address.city : checkRequired('address.city', address.city),
          state: address.state === undefined ? current.address.state : checkRequired('address.state', address.state),
          postalCode: address.postalCode === undefined ? current.address.postalCode : checkRequired('address.postalCode', address.postalCode),
          country,
        },
      };
      if (next.name.toLowerCase() !== current.name.toLowerCase()) {
        const other = await tx.locations.findByName(orgId, next.name);
        if (other && other.id !== current.id) throw locationNameInUse(next.name);
      }
      await tx.locations.update(next);
      return next;
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findLocation(tx, orgId, publicId);
      if (location.callingEnabled) throw locationInUse('it is enabled for Webex Calling; disable calling first');
      const org = await tx.organizations.get(orgId);
      if (org?.defaultLocationId === location.id) throw locationInUse("it is the organization's default location");
      if ((await tx.people.countInLocation(location.id)) > 0) throw locationInUse('people are assigned to it');
      if ((await tx.workspaces.list(orgId, { locationId: location.id, start: 0, max: 1 })).items.length > 0) throw locationInUse('workspaces are assigned to it');
      // Its settings documents (call handling) go with it: owner_settings has no foreign key to locations.
      await tx.ownerSettings.deleteOwner({ orgId, kind: 'location', id: location.id });
      await tx.locations.delete(orgId, location.id);
    });
  }
}
