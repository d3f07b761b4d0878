import type { AvailableList } from '../../domain/location-numbers/available-numbers.ts';
import { unsetMemberOption, type EcbnOption, type LocationEcbnView } from '../../domain/location-numbers/emergency-callback-number.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { CandidateNumber } from '../../store/location-numbers-store.ts';
import { AVAILABLE_NUMBER_FIELDS, type AvailableNumberField, type EcbnLocationInfo, type EcbnMemberInfo } from './location-numbers.schemas.ts';

const present = <T>(value: T | null | undefined, field: string) => (value === null || value === undefined ? {} : { [field]: value });

/** Webex's document requires effectiveValue: an empty string when the effective level is NONE. */
function presentOption(option: EcbnOption) {
  return { effectiveLevel: option.effectiveLevel, effectiveValue: option.effectiveValue ?? '', quality: option.quality };
}

export function presentEcbn(view: LocationEcbnView) {
  const locationInfo: EcbnLocationInfo = {
    ...present(view.location.phoneNumber, 'phoneNumber'),
    name: view.locationName,
    ...presentOption(view.location),
  };
  const member = view.member;
  // Always present, as Webex's document requires; without a selected member, only the fallback.
  const locationMemberInfo: EcbnMemberInfo = member
    ? {
        ...present(member.phoneNumber, 'phoneNumber'),
        ...present(member.firstName, 'firstName'),
        ...present(member.lastName, 'lastName'),
        memberId: encodeId('PEOPLE', member.id),
        memberType: 'PEOPLE',
        ...presentOption(member),
      }
    : presentOption(unsetMemberOption(view.location));
  return {
    locationInfo,
    locationMemberInfo,
    selected: view.selected,
    elinExpiryTimeMinutes: view.elinExpiryTimeMinutes,
  };
}

function candidateFields(n: CandidateNumber): { [F in AvailableNumberField]: unknown } {
  return {
    phoneNumber: n.phoneNumber,
    // The owner's extension (call intercept shows it).
    extension: n.owner?.extension ?? undefined,
    state: n.state,
    isMainNumber: n.isMainNumber,
    tollFreeNumber: n.numberType === 'TOLLFREE',
    // Lists that show it hold no mobile numbers.
    telephonyType: 'PSTN_NUMBER' as const,
    isServiceNumber: n.isServiceNumber,
    location: { id: encodeId('LOCATION', n.locationId), name: n.locationName },
    owner: n.owner
      ? {
          id: encodeId('PEOPLE', n.owner.id),
          type: 'PEOPLE',
          ...present(n.owner.firstName, 'firstName'),
          ...present(n.owner.lastName, 'lastName'),
          ...present(n.owner.displayName || null, 'displayName'),
        }
      : undefined,
  };
}

/** One item of an available-number list, with that list's fields; absent values are omitted. */
export function presentCandidate(list: AvailableList, n: CandidateNumber): Record<string, unknown> {
  const all = candidateFields(n);
  const item: Record<string, unknown> = {};
  for (const field of AVAILABLE_NUMBER_FIELDS[list]) if (all[field] !== undefined) item[field] = all[field];
  return item;
}
