import type { Location, NumberCounts, NumberFilter, NumberListing, NumberState, Page, PhoneNumber, Store, TelephoneNumberType } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { invalidLocationReference } from '../locations/location-errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { parseInventoryNumber } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { numberAssignedToAnyone } from './number-holders.ts';
import {
  conflictingFilters,
  invalidInventoryNumber,
  mainNumberFixed,
  numberAssigned,
  numberElsewhere,
  numberNotInThisLocation,
  tooManyMobileNumbers,
  tooManyNumbers,
} from './number-errors.ts';

export const MAX_NUMBERS_PER_REQUEST = 1000;

export type NumberQuery = Omit<NumberFilter, 'locationId' | 'ownerId'> & {
  locationId?: string;
  ownerId?: string;
  ownerType?: string;
  phoneNumberType?: string;
  includedTelephonyTypes?: string;
  restrictedNonGeoNumbers?: boolean;
  /** Callplane reserves no numbers: true matches nothing, false everything. */
  reservedNumber?: boolean;
  details?: boolean;
  start: number;
  max: number;
};

export type NumberList = Page<NumberListing, number> & { counts?: NumberCounts };

export type AddNumbersInput = {
  phoneNumbers: string[];
  numberType?: TelephoneNumberType;
  numberUsageType?: 'NONE' | 'SERVICE';
  state?: NumberState;
};

export class NumberService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: NumberQuery): Promise<NumberList> {
    if (query.numberType === 'EXTENSION' && (query.available !== undefined || query.state !== undefined)) {
      throw conflictingFilters('available and state cannot be used with numberType=EXTENSION.');
    }
    if (query.available === true && query.ownerType !== undefined) throw conflictingFilters('available=true cannot be used with ownerType.');
    let locationId: string | undefined;
    if (query.locationId !== undefined) {
      locationId = decodeId(query.locationId, 'LOCATION');
      if (!locationId) throw invalidLocationReference();
    }
    const filter: NumberFilter = {
      locationId,
      phoneNumber: query.phoneNumber,
      available: query.available,
      ownerName: query.ownerName,
      // ownerId takes the owner's ID or its uuid (Webex also takes a broadsoftId).
      ownerId: query.ownerId === undefined ? undefined : (decodeId(query.ownerId, 'PEOPLE') ?? query.ownerId),
      extension: query.extension,
      numberType: query.numberType,
      state: query.state,
      tollFreeNumbers: query.tollFreeNumbers,
      serviceNumber: query.serviceNumber,
      order: query.order,
    };
    const nothing = this.matchesNothing(query);
    const page = nothing ? { items: [] } : await this.store.numbers.search(orgId, filter, query.start, query.max);
    if (!query.details) return page;
    return { ...page, counts: await this.store.numbers.counts(orgId, { locationId }) };
  }

  /** Filters for things Callplane does not hold (other owner types, alternate, restricted or reserved numbers). */
  private matchesNothing(query: NumberQuery): boolean {
    if (query.ownerType !== undefined && query.ownerType !== 'PEOPLE') return true;
    if (query.phoneNumberType !== undefined && !['PRIMARY', 'Default'].includes(query.phoneNumberType)) return true;
    if (query.includedTelephonyTypes !== undefined && query.includedTelephonyTypes !== 'PSTN_NUMBER') return true;
    if (query.restrictedNonGeoNumbers === true) return true;
    if (query.reservedNumber === true) return true;
    return false;
  }

  /** Adds numbers to a location's inventory; numbers already there are ignored, as Webex does. */
  async add(orgId: string, locationPublicId: string, input: AddNumbersInput): Promise<void> {
    if (input.phoneNumbers.length > MAX_NUMBERS_PER_REQUEST) throw tooManyNumbers(MAX_NUMBERS_PER_REQUEST);
    const numberType = input.numberType ?? 'DID';
    if (numberType === 'MOBILE' && input.phoneNumbers.length > 20) throw tooManyMobileNumbers();
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const wanted = this.parseAll(location, input.phoneNumbers);
      const created = timestamp(this.clock);
      // Insert what is missing, then check: a concurrent add of the same numbers is no conflict,
      // a number of another location or organization is (and the transaction rolls back).
      await tx.numbers.insertMissing(
        wanted.map(
          (phoneNumber): PhoneNumber => ({
            phoneNumber,
            orgId,
            locationId: location.id,
            // Webex activates DID and toll-free numbers by default; mobile numbers on assignment.
            state: input.state ?? (numberType === 'MOBILE' ? 'INACTIVE' : 'ACTIVE'),
            numberType,
            isMainNumber: false,
            isServiceNumber: input.numberUsageType === 'SERVICE',
            ownerId: null,
            created,
          }),
        ),
      );
      for (const number of await tx.numbers.getMany(wanted)) {
        if (number.locationId !== location.id) throw numberElsewhere(number.phoneNumber);
      }
    });
  }

  /** Removes unassigned numbers from a location; the main number stays. */
  async remove(orgId: string, locationPublicId: string, phoneNumbers: string[]): Promise<void> {
    if (phoneNumbers.length > MAX_NUMBERS_PER_REQUEST) throw tooManyNumbers(MAX_NUMBERS_PER_REQUEST);
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const numbers = await this.ownNumbers(tx, location, phoneNumbers);
      for (const number of numbers) {
        if (number.isMainNumber) throw mainNumberFixed(number.phoneNumber);
        if (await numberAssignedToAnyone(tx, number)) throw numberAssigned(number.phoneNumber);
      }
      await tx.numbers.deleteMany(numbers.map((n) => n.phoneNumber));
    });
  }

  /** ACTIVATE or DEACTIVATE numbers of a location (deactivated numbers must be unassigned). */
  async manageState(orgId: string, locationPublicId: string, phoneNumbers: string[], action: 'ACTIVATE' | 'DEACTIVATE'): Promise<void> {
    if (phoneNumbers.length > MAX_NUMBERS_PER_REQUEST) throw tooManyNumbers(MAX_NUMBERS_PER_REQUEST);
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const numbers = await this.ownNumbers(tx, location, phoneNumbers);
      if (action === 'DEACTIVATE') {
        for (const number of numbers) {
          if (number.isMainNumber) throw mainNumberFixed(number.phoneNumber);
          if (await numberAssignedToAnyone(tx, number)) throw numberAssigned(number.phoneNumber);
        }
      }
      await tx.numbers.setState(
        numbers.map((n) => n.phoneNumber),
        action === 'ACTIVATE' ? 'ACTIVE' : 'INACTIVE',
      );
    });
  }

  private parseAll(location: Location, values: string[]): string[] {
    return [
      ...new Set(
        values.map((value) => {
          const e164 = parseInventoryNumber(value.trim(), location.address.country);
          if (!e164) throw invalidInventoryNumber(value, location.address.country);
          return e164;
        }),
      ),
    ];
  }

  private async ownNumbers(tx: Store, location: Location, values: string[]): Promise<PhoneNumber[]> {
    const wanted = this.parseAll(location, values);
    const found = new Map((await tx.numbers.getMany(wanted)).map((n) => [n.phoneNumber, n]));
    return wanted.map((phoneNumber) => {
      const number = found.get(phoneNumber);
      if (!number || number.locationId !== location.id) throw numberNotInThisLocation(phoneNumber);
      return number;
    });
  }
}
