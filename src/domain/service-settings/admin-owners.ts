import { callingLocationNotFound } from '../location-calling/location-calling-errors.ts';
import type { SettingOwners } from '../settings/settings-service.ts';
import { decodeId } from '../webex-ids.ts';

// Owners of organization- and location-level settings documents, for the one settings mechanism
// (domain/settings/settings-service.ts): the organization of the token, and its locations enabled
// for Webex Calling (the telephony configuration paths answer 404 for any other location).

/** The token's organization; the public ID passed is ignored (the organization comes from the token). */
export const ORGANIZATION: SettingOwners = {
  kind: 'organization',
  async find(_store, orgId) {
    return { owner: { kind: 'organization', id: orgId, orgId, locationId: '' } };
  },
};

export const CALLING_LOCATIONS: SettingOwners = {
  kind: 'location',
  async find(store, orgId, publicId) {
    const id = decodeId(publicId, 'LOCATION');
    const location = id ? await store.locations.get(orgId, id) : undefined;
    if (!location || !location.callingEnabled) throw callingLocationNotFound();
    return { owner: { kind: 'location', id: location.id, orgId, locationId: location.id } };
  },
};
