import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js';

// Phone-number rules. Everything is stored and compared as E.164; what a client may send
// depends on the API and the location's country.

const E164 = /^\+[1-9]\d{6,14}$/;
// NANP (the US, Canada and the other +1 countries): area code and exchange both start with 2-9.
const US_NATIONAL = /^[2-9]\d{2}[2-9]\d{6}$/;

export const isCountry = (country: string): boolean => /^[A-Z]{2}$/.test(country) && isSupportedCountry(country);

export function callingCode(country: string): string | undefined {
  return isCountry(country) ? getCountryCallingCode(country as CountryCode) : undefined;
}

/** E.164 in the country's calling code; +1 numbers must also be valid NANP numbers. */
function e164For(value: string, country: string): string | undefined {
  const code = callingCode(country);
  if (!E164.test(value) || code === undefined || !value.startsWith(`+${code}`)) return undefined;
  if (code === '1' && !US_NATIONAL.test(value.slice(2))) return undefined;
  return value;
}

/**
 * A number as the People API takes it, as E.164, or undefined when invalid. The seed's rule: US
 * numbers are 10 digits without country code (5715551212; +15715551212, 15715551212 and
 * 571-555-1212 are refused), other countries' numbers are E.164 (+335715551212).
 */
export function parsePeopleApiNumber(value: string, country: string): string | undefined {
  if (country === 'US') return US_NATIONAL.test(value) ? `+1${value}` : undefined;
  return e164For(value, country);
}

/** A number as the telephony number APIs take it: E.164 everywhere, and the national form in the US. */
export function parseInventoryNumber(value: string, country: string): string | undefined {
  if (country === 'US' && US_NATIONAL.test(value)) return `+1${value}`;
  return e164For(value, country);
}

/** Any recognisable spelling of a number, as E.164, for comparing with a stored number. */
export function looseE164(value: string): string | undefined {
  const digits = value.replace(/[\s().-]/g, '');
  if (E164.test(digits) && (!digits.startsWith('+1') || US_NATIONAL.test(digits.slice(2)))) return digits;
  if (US_NATIONAL.test(digits)) return `+1${digits}`;
  if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return `+${digits}`;
  return undefined;
}

// An extension is 2 to 10 digits.
export const isValidExtension = (extension: string): boolean => /^\d{2,10}$/.test(extension);

/** What Webex shows as work_extension: the location's routing prefix followed by the extension. */
export const workExtension = (routingPrefix: string | null, extension: string): string => `${routingPrefix ?? ''}${extension}`;
