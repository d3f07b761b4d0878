import type { CandidateNumber, EcbnSelected } from '../../store/location-numbers-store.ts';
import type { Location, Page, Store, TelephoneNumberType } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { looseE164 } from '../phone-numbers.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { AVAILABLE_NUMBER_RULES, type AvailableList } from './available-numbers.ts';
import { DEFAULT_ELIN_EXPIRY_MINUTES, locationOption, memberOption, type LocationEcbnView, type MemberState } from './emergency-callback-number.ts';
import { validateExtensions, type ExtensionValidation } from './extension-validation.ts';
import {
  ecbnMemberNotInLocation,
  ecbnMemberRequired,
  ecbnMemberWithoutNumber,
  invalidPersonReference,
  invalidPhoneNumberFilter,
} from './location-numbers-errors.ts';

export type UpdateEcbnInput = {
  selected: EcbnSelected;
  /** Public person ID; required with LOCATION_MEMBER_NUMBER, ignored otherwise. */
  locationMemberId?: string | null;
  /** Absent: the current value stays (60 until first set). */
  elinExpiryTimeMinutes?: number;
};

/** Numbers one location's list gives at most to an organization-wide list. */
const MAX_ORGANIZATION_NUMBERS = 10_000;

export type AvailableNumbersQuery = {
  /** Comma-separated numbers to keep. */
  phoneNumber?: string;
  ownerName?: string;
  extension?: string;
  /** Public person ID (external caller ID only); checked, no further effect in Callplane. */
  personId?: string;
  start: number;
  max: number;
};

/** Location-level number settings: the emergency callback number, extension checks and the available-number lists. */
export class LocationNumberService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async getEcbn(orgId: string, locationPublicId: string): Promise<LocationEcbnView> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const selection = await tx.locationNumbers.getEcbn(location.id);
      const locationInfo = locationOption(await tx.locationNumbers.mainNumber(location.id));
      const memberId = selection?.selected === 'LOCATION_MEMBER_NUMBER' ? selection.memberId : null;
      return {
        locationName: location.name,
        location: locationInfo,
        member: memberId === null ? null : memberOption(await memberState(tx, orgId, location, memberId), locationInfo),
        selected: selection?.selected ?? 'LOCATION_NUMBER',
        elinExpiryTimeMinutes: selection?.elinExpiryTimeMinutes ?? DEFAULT_ELIN_EXPIRY_MINUTES,
      };
    });
  }

  /** Stores the selection; a member must be a calling user of the location who holds a number. */
  async updateEcbn(orgId: string, locationPublicId: string, input: UpdateEcbnInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      let memberId: string | null = null;
      if (input.selected === 'LOCATION_MEMBER_NUMBER') {
        if (input.locationMemberId === undefined || input.locationMemberId === null || input.locationMemberId === '') throw ecbnMemberRequired();
        const id = decodeId(input.locationMemberId, 'PEOPLE');
        const member = id ? await memberState(tx, orgId, location, id) : undefined;
        if (!member?.person?.inLocation) throw ecbnMemberNotInLocation();
        if (!member.number) throw ecbnMemberWithoutNumber();
        memberId = member.id;
      }
      const current = await tx.locationNumbers.getEcbn(location.id);
      await tx.locationNumbers.saveEcbn({
        locationId: location.id,
        orgId,
        selected: input.selected,
        memberId,
        elinExpiryTimeMinutes: input.elinExpiryTimeMinutes ?? current?.elinExpiryTimeMinutes ?? DEFAULT_ELIN_EXPIRY_MINUTES,
        lastModified: timestamp(this.clock),
      });
    });
  }

  /**
   * The organization-level check: length rules and repeats in the list. Webex also checks
   * organization-level entities, which Callplane does not hold; extensions of location members
   * are not conflicts here (Webex points to the numbers list and the location check for those).
   */
  async validateOrgExtensions(extensions: readonly string[]): Promise<ExtensionValidation> {
    return validateExtensions(extensions, new Set());
  }

  /** The location-level check: as the organization's, plus extensions held by members of the location. */
  async validateLocationExtensions(orgId: string, locationPublicId: string, extensions: readonly string[]): Promise<ExtensionValidation> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    return validateExtensions(extensions, await this.store.locationNumbers.extensionsInUse(location.id, extensions));
  }

  /**
   * A list of every calling location of the organization at once (a line's numbers before it has a
   * location: a workspace's or virtual line's), in number order across locations.
   */
  async availableNumbersOfOrganization(orgId: string, list: AvailableList, query: AvailableNumbersQuery): Promise<Page<CandidateNumber, number>> {
    const locations = (await this.store.locations.list(orgId, {}, undefined, 1000)).items.filter((l) => l.callingEnabled);
    const all: CandidateNumber[] = [];
    for (const location of locations) {
      all.push(...(await this.availableNumbers(orgId, encodeId('LOCATION', location.id), list, { ...query, start: 0, max: MAX_ORGANIZATION_NUMBERS })).items);
    }
    all.sort((a, b) => (a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0));
    const end = query.start + query.max;
    return { items: all.slice(query.start, end), ...(end < all.length ? { next: end } : {}) };
  }

  async availableNumbers(orgId: string, locationPublicId: string, list: AvailableList, query: AvailableNumbersQuery): Promise<Page<CandidateNumber, number>> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    if (query.personId !== undefined) {
      const personId = decodeId(query.personId, 'PEOPLE');
      if (!personId || !(await this.store.people.get(orgId, personId))) throw invalidPersonReference();
    }
    const phoneNumbers = query.phoneNumber === undefined ? [] : parseNumberList(query.phoneNumber);
    const filter = {
      ...AVAILABLE_NUMBER_RULES[list](location),
      ...(phoneNumbers.length > 0 ? { phoneNumbers } : {}),
      ...(query.ownerName !== undefined ? { ownerName: query.ownerName } : {}),
      ...(query.extension !== undefined ? { extension: query.extension } : {}),
    };
    return this.store.locationNumbers.candidates(orgId, filter, query.start, query.max);
  }

  /**
   * Numbers nobody holds that a new line may take (a virtual line's, a person's primary): standard
   * numbers of the types given, of the location named or of every calling location.
   */
  async unassignedNumbers(orgId: string, locationPublicId: string | undefined, numberTypes: TelephoneNumberType[], query: AvailableNumbersQuery): Promise<Page<CandidateNumber, number>> {
    const location = locationPublicId === undefined ? undefined : await findCallingLocation(this.store, orgId, locationPublicId);
    const phoneNumbers = query.phoneNumber === undefined ? [] : parseNumberList(query.phoneNumber);
    const filter = {
      scope: location ? { locationId: location.id } : { anyCallingLocation: true as const },
      assigned: false,
      serviceNumber: false,
      numberTypes,
      ...(phoneNumbers.length > 0 ? { phoneNumbers } : {}),
    };
    return this.store.locationNumbers.candidates(orgId, filter, query.start, query.max);
  }
}

async function memberState(store: Store, orgId: string, location: Location, memberId: string): Promise<MemberState> {
  const person = await store.people.get(orgId, memberId);
  const owned = person ? (await store.numbers.ownedBy([person.id])).get(person.id) : undefined;
  return {
    id: memberId,
    person: person && { firstName: person.firstName, lastName: person.lastName, inLocation: person.locationId === location.id },
    number: owned && { phoneNumber: owned.phoneNumber, state: owned.state },
  };
}

/** `+15715550101,5715550102`: each entry as E.164; empty entries are ignored (an empty list filters nothing). */
function parseNumberList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const e164 = looseE164(entry);
      if (!e164) throw invalidPhoneNumberFilter(entry);
      return e164;
    });
}
