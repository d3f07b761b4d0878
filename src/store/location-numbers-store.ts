import type { NumberState, Page, TelephoneNumberType } from './store.ts';

// What the domain may ask of persistence for the location-numbers area: the emergency callback
// number selection of a location, the number inventory seen as candidate lists, and which
// extensions a location's members hold.

export type EcbnSelected = 'LOCATION_NUMBER' | 'LOCATION_MEMBER_NUMBER';

export type EcbnSelection = {
  locationId: string;
  orgId: string;
  selected: EcbnSelected;
  /** The selected member (a person's uuid); null with LOCATION_NUMBER. */
  memberId: string | null;
  elinExpiryTimeMinutes: number;
  lastModified: string;
};

/** A number of the inventory as a candidate: where it is, what it is, who holds it. */
export type CandidateNumber = {
  phoneNumber: string;
  locationId: string;
  locationName: string;
  state: NumberState;
  numberType: TelephoneNumberType;
  isMainNumber: boolean;
  isServiceNumber: boolean;
  owner: { id: string; firstName: string | null; lastName: string | null; displayName: string; extension: string | null } | null;
};

export type CandidateFilter = {
  /** One location's numbers, or those of every calling location of the organization in a country, or in any. */
  scope: { locationId: string } | { callingCountry: string } | { anyCallingLocation: true };
  /** Exact E.164 numbers. */
  phoneNumbers?: string[];
  /** true: numbers held by an owner; false: numbers held by nobody (the main number is the location's). */
  assigned?: boolean;
  /** Only numbers of these types. */
  numberTypes?: TelephoneNumberType[];
  /** false: standard numbers only; true: service numbers only. */
  serviceNumber?: boolean;
  /** Owners whose display, first or last name contains this, regardless of case. */
  ownerName?: string;
  /** Owners with this extension. */
  extension?: string;
};

export interface LocationNumberRepository {
  getEcbn(locationId: string): Promise<EcbnSelection | undefined>;
  /** Inserts or replaces the location's selection. */
  saveEcbn(selection: EcbnSelection): Promise<void>;
  /** The location's main number, if it has one. */
  mainNumber(locationId: string): Promise<{ phoneNumber: string; state: NumberState } | undefined>;
  /** Candidate numbers ordered by number; `next` is the offset of the following page. */
  candidates(orgId: string, filter: CandidateFilter, start: number, limit: number): Promise<Page<CandidateNumber, number>>;
  /** Those of the extensions held by a member of the location. */
  extensionsInUse(locationId: string, extensions: readonly string[]): Promise<Set<string>>;
}
