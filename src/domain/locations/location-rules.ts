import type { Address } from '../../store/store.ts';
import { isCountry } from '../phone-numbers.ts';
import { blankField, invalidCountry, invalidLanguage, invalidTimeZone, locationNameTooLong } from './location-errors.ts';

// Field rules of /v1/locations (ref §2.2).
export const MAX_LOCATION_NAME = 256;
export const MAX_CALLING_LOCATION_NAME = 80;

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
// Intl leaves out a few aliases Webex accepts (UTC and the Etc/ names).
const EXTRA_TIME_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT']);

export function checkTimeZone(timeZone: string): string {
  if (!TIME_ZONES.has(timeZone) && !EXTRA_TIME_ZONES.has(timeZone)) throw invalidTimeZone(timeZone);
  return timeZone;
}

/** Webex writes languages as lower-case language_region, for example en_us or fr_ca. */
export function checkLanguage(field: string, value: string): string {
  if (!/^[a-zA-Z]{2}_[a-zA-Z]{2}$/.test(value)) throw invalidLanguage(field, value);
  return value.toLowerCase();
}

export function checkCountry(country: string): string {
  const upper = country.toUpperCase();
  if (!isCountry(upper)) throw invalidCountry(country);
  return upper;
}

export function checkName(name: string, callingEnabled: boolean): string {
  const trimmed = name.trim();
  if (trimmed === '') throw blankField('name');
  const max = callingEnabled ? MAX_CALLING_LOCATION_NAME : MAX_LOCATION_NAME;
  if ([...trimmed].length > max) throw locationNameTooLong(max, callingEnabled);
  return trimmed;
}

export function checkRequired(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw blankField(field);
  return trimmed;
}

export type AddressInput = { address1: string; address2?: string; city: string; state: string; postalCode: string; country: string };

/** A whole address, checked field by field. */
export function checkAddress(address: AddressInput): Address {
  return {
    address1: checkRequired('address.address1', address.address1),
    address2: address.address2?.trim() || null,
    city: checkRequired('address.city', address.city),
    state: checkRequired('address.state', address.state),
    postalCode: checkRequired('address.postalCode', address.postalCode),
    country: checkCountry(address.country),
  };
}
