import { createHash, randomUUID } from 'node:crypto';
import type { RouteType } from '../../store/call-routing-store.ts';
import type { SettingOwner } from '../../store/owner-settings-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { lookupRoute } from '../call-routing/dial-plan-service.ts';
import { badRequest, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { looseE164 } from '../phone-numbers.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

// PSTN: how a location reaches the public network, and the emergency addresses of its numbers.
// A location picks one of two connection options: premises-based PSTN (a trunk or route group
// of the organization: the same connection Location Call Settings shows, location_calling) or
// Callplane's simulated cloud PSTN, the default, which answers external numbers in the simulator.
// Emergency addresses are kept per location (owner_settings 'emergencyAddresses'): the
// location's own, and each number's that differs from it.

export type Address = { address1?: string; address2?: string; city?: string; state?: string; postalCode?: string; country?: string };
export type StoredAddress = Required<Omit<Address, 'address2'>> & { address2?: string; id: string };
type AddressBook = { addresses: StoredAddress[]; numbers: Record<string, string> };

export type ConnectionOption = { key: 'premises' | 'cloud'; displayName: string; pstnServices: string[]; pstnConnectionType: 'LOCAL_GATEWAY' | 'NON_INTEGRATED_CCP' };
export const OPTIONS: ConnectionOption[] = [
  { key: 'premises', displayName: 'Premises-based PSTN', pstnServices: ['GEOGRAPHIC_NUMBERS', 'TOLLFREE_NUMBERS', 'SERVICE_NUMBERS'], pstnConnectionType: 'LOCAL_GATEWAY' },
  { key: 'cloud', displayName: 'Callplane simulated PSTN', pstnServices: ['GEOGRAPHIC_NUMBERS', 'TOLLFREE_NUMBERS'], pstnConnectionType: 'NON_INTEGRATED_CCP' },
];
export type Connection = { option: ConnectionOption; route?: { type: RouteType; id: string } };

const ADDRESS_BOOK = 'emergencyAddresses';
const REQUIRED: (keyof Address)[] = ['address1', 'city', 'state', 'postalCode', 'country'];

/** An option's ID in an organization (made from both: another organization's IDs name nothing). */
export const optionId = (option: ConnectionOption, orgId: string) => encodeId('PSTN_CONNECTION', hashUuid(`${orgId}:pstn:${option.key}`));
function hashUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const addressNotFound = () => notFound('Emergency address not found.');

/** The address with its problems: missing fields, and a country other than the location's. */
export function addressProblems(address: Address, country: string): { code: string; title: string; detail: string }[] {
  const problems = REQUIRED.filter((f) => !address[f]?.trim()).map((f) => ({ code: 'MISSING_FIELD', title: `${f} is missing`, detail: `An emergency address needs ${f}.` }));
  if (address.country && address.country.trim().toUpperCase() !== country) {
    problems.push({ code: 'COUNTRY_MISMATCH', title: 'Another country', detail: `The location is in ${country}; its emergency addresses are too.` });
  }
  return problems;
}

const FIELDS: (keyof Address)[] = ['address1', 'address2', 'city', 'state', 'postalCode', 'country'];

/** The address as it would be kept: its fields only, trimmed, state and country in capitals. */
export function normalized(address: Address): Address {
  const out: Address = {};
  for (const k of FIELDS) {
    const v = address[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  if (out.state) out.state = out.state.toUpperCase();
  if (out.country) out.country = out.country.toUpperCase();
  return out;
}

export class PstnService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async options(orgId: string, locationPublicId: string, serviceTypes: readonly string[] = []): Promise<ConnectionOption[]> {
    await findCallingLocation(this.store, orgId, locationPublicId);
    return OPTIONS.filter((o) => serviceTypes.every((t) => o.pstnServices.includes(t)));
  }

  async connection(orgId: string, locationPublicId: string): Promise<Connection> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const calling = await this.store.locationCalling.get(location.id);
    const route = calling?.connection ?? null;
    return route ? { option: OPTIONS[0]!, route: { type: route.type, id: route.id } } : { option: OPTIONS[1]! };
  }

  /** Premises-based PSTN needs premiseRouteType and premiseRouteId (a trunk or route group of the organization). */
  async setConnection(orgId: string, locationPublicId: string, input: { id?: string; premiseRouteType?: string; premiseRouteId?: string }): Promise<void> {
    await this.store.transaction(async (tx) => {
      // The location first: another organization's is a 404 whatever the body.
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const calling = await tx.locationCalling.get(location.id);
      if (!calling) throw notFound('Location not found.');
      const option = OPTIONS.find((o) => input.id !== undefined && optionId(o, orgId) === input.id);
      if (!option) throw badRequest('id is not a PSTN connection option of this location.');
      if (option.key === 'cloud') {
        await tx.locationCalling.update({ ...calling, connection: null });
        return;
      }
      const type = input.premiseRouteType;
      if (type !== 'TRUNK' && type !== 'ROUTE_GROUP') throw badRequest('premiseRouteType must be TRUNK or ROUTE_GROUP for premises-based PSTN.');
      const route = input.premiseRouteId !== undefined ? await lookupRoute(tx, orgId, type, input.premiseRouteId) : undefined;
      if (!route) throw badRequest(`premiseRouteId is not a ${type === 'TRUNK' ? 'trunk' : 'route group'} of this organization.`);
      await tx.locationCalling.update({ ...calling, connection: { type, id: route.id } });
    });
  }

  /** Checks an address: the suggested address (normalized) with its problems, none when it is fine. */
  async lookup(orgId: string, locationPublicId: string, address: Address): Promise<{ suggested: Address; errors: ReturnType<typeof addressProblems> }> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const suggested = normalized(address);
    return { suggested, errors: addressProblems(suggested, location.address.country) };
  }

  async addAddress(orgId: string, locationPublicId: string, address: Address): Promise<string> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const stored = { ...checked(address, location), id: randomUUID() };
      const book = await this.book(tx, location);
      book.addresses.push(stored);
      await this.save(tx, location, book);
      return stored.id;
    });
  }

  async updateAddress(orgId: string, locationPublicId: string, addressPublicId: string, address: Address): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const book = await this.book(tx, location);
      const id = decodeId(addressPublicId, 'EMERGENCY_ADDRESS');
      const at = book.addresses.findIndex((a) => a.id === id);
      if (at < 0) throw addressNotFound();
      book.addresses[at] = { ...checked({ ...book.addresses[at], ...address }, location), id: book.addresses[at]!.id };
      await this.save(tx, location, book);
    });
  }

  /** A number's own emergency address (its location's book); without one it uses the location's. */
  async setNumberAddress(orgId: string, phoneNumber: string, address: Address | undefined): Promise<void> {
    const e164 = phoneNumber.startsWith('+') ? phoneNumber : looseE164(phoneNumber);
    await this.store.transaction(async (tx) => {
      const number = e164 ? await tx.numbers.get(e164) : undefined;
      if (!number || number.orgId !== orgId) throw notFound('Phone number not found.');
      const location = await tx.locations.get(orgId, number.locationId);
      if (!location) throw notFound('Phone number not found.');
      const book = await this.book(tx, location);
      if (address === undefined) delete book.numbers[number.phoneNumber];
      else {
        const stored = { ...checked(address, location), id: randomUUID() };
        book.addresses.push(stored);
        book.numbers[number.phoneNumber] = stored.id;
      }
      await this.save(tx, location, book);
    });
  }

  private owner(location: Location): SettingOwner {
    return { orgId: location.orgId, kind: 'location', id: location.id };
  }

  private async book(tx: Store, location: Location): Promise<AddressBook> {
    const raw = await tx.ownerSettings.get(this.owner(location), ADDRESS_BOOK);
    return raw ? (JSON.parse(raw) as AddressBook) : { addresses: [], numbers: {} };
  }

  private async save(tx: Store, location: Location, book: AddressBook): Promise<void> {
    await tx.ownerSettings.put(this.owner(location), ADDRESS_BOOK, JSON.stringify(book), timestamp(this.clock));
  }
}

function checked(address: Address, location: Location): Omit<StoredAddress, 'id'> {
  const clean = normalized(address);
  const problem = addressProblems(clean, location.address.country)[0];
  if (problem) throw badRequest(`${problem.title}: ${problem.detail}`);
  return clean as Omit<StoredAddress, 'id'>;
}

export const addressId = (id: string) => encodeId('EMERGENCY_ADDRESS', id);
