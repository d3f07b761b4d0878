import { encodeId } from '../../domain/webex-ids.ts';
import type { Location as LocationRecord } from '../../store/store.ts';
import type { Location } from './locations.schemas.ts';

export function presentLocation(location: LocationRecord): Location {
  const { address } = location;
  return {
    id: encodeId('LOCATION', location.id),
    name: location.name,
    orgId: encodeId('ORGANIZATION', location.orgId),
    address: {
      address1: address.address1,
      ...(address.address2 !== null ? { address2: address.address2 } : {}),
      city: address.city,
      state: address.state,
      postalCode: address.postalCode,
      country: address.country,
    },
    timeZone: location.timeZone,
    preferredLanguage: location.preferredLanguage,
    announcementLanguage: location.announcementLanguage,
    ...(location.latitude !== null ? { latitude: location.latitude } : {}),
    ...(location.longitude !== null ? { longitude: location.longitude } : {}),
    ...(location.notes !== null ? { notes: location.notes } : {}),
  };
}
