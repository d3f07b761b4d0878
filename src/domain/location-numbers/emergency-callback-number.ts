import type { EcbnSelected } from '../../store/location-numbers-store.ts';
import type { NumberState } from '../../store/store.ts';

// The location emergency callback number (ECBN) as Webex reports it. Only the selection is
// stored; everything else is worked out from the inventory and the member each time it is read,
// so removing, deactivating or releasing a number, or deleting the member, shows at once.

export type EcbnQuality = 'RECOMMENDED' | 'NOT_RECOMMENDED' | 'INVALID';
export type EcbnLevel = 'LOCATION_NUMBER' | 'LOCATION_MEMBER_NUMBER' | 'NONE';

export const DEFAULT_ELIN_EXPIRY_MINUTES = 60;

/** One option as it would behave in an emergency call, fallbacks applied. */
export type EcbnOption = {
  /** The option's own number; null when there is none (no main number, a member without a number). */
  phoneNumber: string | null;
  quality: EcbnQuality;
  effectiveLevel: EcbnLevel;
  /** The number an emergency call would carry; null when the effective level is NONE. */
  effectiveValue: string | null;
};

export type EcbnMember = EcbnOption & {
  id: string;
  /** Null when the person no longer exists. */
  firstName: string | null;
  lastName: string | null;
};

export type LocationEcbnView = {
  locationName: string;
  location: EcbnOption;
  /** Present when a member is selected, even one that no longer qualifies. */
  member: EcbnMember | null;
  selected: EcbnSelected;
  elinExpiryTimeMinutes: number;
};

type NumberOf = { phoneNumber: string; state: NumberState } | undefined;

/**
 * RECOMMENDED: an active number of a person (or the location's own main number); INVALID: an
 * inactive or missing number. NOT_RECOMMENDED is for numbers of features such as hunt groups,
 * which Callplane does not hold yet.
 */
const qualityOf = (number: NumberOf): EcbnQuality => (number?.state === 'ACTIVE' ? 'RECOMMENDED' : 'INVALID');

/** The location number option: its main number, or NONE without a usable one. */
export function locationOption(mainNumber: NumberOf): EcbnOption {
  const quality = qualityOf(mainNumber);
  const usable = quality !== 'INVALID';
  return {
    phoneNumber: mainNumber?.phoneNumber ?? null,
    quality,
    effectiveLevel: usable ? 'LOCATION_NUMBER' : 'NONE',
    effectiveValue: usable ? mainNumber!.phoneNumber : null,
  };
}

export type MemberState = {
  id: string;
  /** Undefined when the person was deleted. */
  person: { firstName: string | null; lastName: string | null; inLocation: boolean } | undefined;
  /** The member's own number, if they still hold one. */
  number: NumberOf;
};

/** The member option: the member's number, falling back to the location number, then to NONE. */
export function memberOption(member: MemberState, location: EcbnOption): EcbnMember {
  const number = member.person?.inLocation ? member.number : undefined;
  const quality = qualityOf(number);
  const own = quality !== 'INVALID';
  return {
    id: member.id,
    firstName: member.person?.firstName ?? null,
    lastName: member.person?.lastName ?? null,
    phoneNumber: number?.phoneNumber ?? null,
    quality,
    effectiveLevel: own ? 'LOCATION_MEMBER_NUMBER' : location.effectiveLevel,
    effectiveValue: own ? number!.phoneNumber : location.effectiveValue,
  };
}

/**
 * The member option when no member is selected: there is no member number (INVALID), so an
 * emergency call would fall back to the location number, as it does for a member without one.
 */
export function unsetMemberOption(location: EcbnOption): EcbnOption {
  return { phoneNumber: null, quality: 'INVALID', effectiveLevel: location.effectiveLevel, effectiveValue: location.effectiveValue };
}
