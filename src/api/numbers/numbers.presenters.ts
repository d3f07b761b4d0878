import { workExtension } from '../../domain/phone-numbers.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { NumberListing } from '../../store/store.ts';
import type { NumberItem } from './numbers.schemas.ts';

export function presentNumber(n: NumberListing): NumberItem {
  return {
    ...(n.phoneNumber !== null ? { phoneNumber: n.phoneNumber } : {}),
    ...(n.extension !== null ? { extension: n.extension } : {}),
    ...(n.routingPrefix !== null ? { routingPrefix: n.routingPrefix } : {}),
    ...(n.extension !== null ? { esn: workExtension(n.routingPrefix, n.extension) } : {}),
    state: n.state,
    phoneNumberType: 'PRIMARY',
    mainNumber: n.isMainNumber,
    includedTelephonyTypes: n.numberType === 'MOBILE' ? 'MOBILE_NUMBER' : 'PSTN_NUMBER',
    tollFreeNumber: n.numberType === 'TOLLFREE',
    isServiceNumber: n.isServiceNumber,
    // Webex reserves numbers for features being set up; Callplane has no such step.
    isReservedNumber: false,
    location: { id: encodeId('LOCATION', n.locationId), name: n.locationName },
    ...(n.owner !== null
      ? {
          owner: {
            id: encodeId('PEOPLE', n.owner.id),
            type: 'PEOPLE',
            ...(n.owner.firstName !== null ? { firstName: n.owner.firstName } : {}),
            ...(n.owner.lastName !== null ? { lastName: n.owner.lastName } : {}),
          },
        }
      : {}),
  };
}
