import type { CandidateFilter } from '../../store/location-numbers-store.ts';
import type { Location } from '../../store/store.ts';

// The six "available numbers" lists of a location. Each is the number inventory seen through
// one documented rule; the query filters (phoneNumber, ownerName, extension) narrow it further.

export type AvailableList =
  | 'externalCallerId'
  | 'location'
  | 'webexGo'
  | 'emergencyCallbackNumber'
  | 'callIntercept'
  | 'chargeNumber'
  | 'huntGroup'
  | 'huntGroupCallForward';

type Rule = Omit<CandidateFilter, 'phoneNumbers' | 'ownerName' | 'extension'>;

export const AVAILABLE_NUMBER_RULES: Record<AvailableList, (location: Location) => Rule> = {
  // Numbers of the location and of every other calling location of the organization in the same
  // country (Webex also matches the PSTN provider and, in India, the zone: Callplane has one
  // provider and no zones), assigned or not, in any state.
  externalCallerId: (location) => ({ scope: { callingCountry: location.address.country } }),
  // Candidates for the location's main number: its service and standard PSTN numbers (no mobile
  // numbers), active or inactive, assigned or not.
  location: (location) => ({ scope: { locationId: location.id }, numberTypes: ['DID', 'TOLLFREE'] }),
  // Standard numbers nobody holds (the main number is the location's), active or inactive.
  webexGo: (location) => ({ scope: { locationId: location.id }, assigned: false, serviceNumber: false, numberTypes: ['DID'] }),
  // Standard PSTN numbers held by a member, active or inactive: what LOCATION_MEMBER_NUMBER can
  // point at. The main number is the LOCATION_NUMBER choice, not a candidate here.
  emergencyCallbackNumber: (location) => ({ scope: { locationId: location.id }, assigned: true, serviceNumber: false, numberTypes: ['DID', 'TOLLFREE'] }),
  // Service and standard PSTN numbers held by a member, active or inactive.
  callIntercept: (location) => ({ scope: { locationId: location.id }, assigned: true, numberTypes: ['DID', 'TOLLFREE'] }),
  // Every number of the location that is neither toll-free nor mobile.
  chargeNumber: (location) => ({ scope: { locationId: location.id }, numberTypes: ['DID'] }),
  // A hunt group's primary or alternate number: service and standard PSTN numbers nobody holds.
  huntGroup: (location) => ({ scope: { locationId: location.id }, assigned: false, numberTypes: ['DID', 'TOLLFREE'] }),
  // A hunt group's call forward number: service and standard PSTN numbers with an owner.
  huntGroupCallForward: (location) => ({ scope: { locationId: location.id }, assigned: true, numberTypes: ['DID', 'TOLLFREE'] }),
};
