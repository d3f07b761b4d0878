import { badRequest, conflict, notFound } from '../errors.ts';

export const locationNotFound = () => notFound('Location not found.');
export const invalidLocationReference = (field = 'locationId') => badRequest(`${field} is not a location of this organization.`);
export const locationNameInUse = (name: string) => conflict(`A location named "${name}" already exists in this organization.`);
export const locationNameTooLong = (max: number, calling: boolean) =>
  badRequest(`The location name is longer than ${max} characters${calling ? ', the limit for locations enabled for Webex Calling' : ''}.`);
export const invalidTimeZone = (timeZone: string) => badRequest(`timeZone "${timeZone}" is not an IANA time zone such as America/Chicago.`);
export const invalidLanguage = (field: string, value: string) => badRequest(`${field} "${value}" is not a language code such as en_us.`);
export const invalidCountry = (country: string) => badRequest(`address.country "${country}" is not an ISO-3166 two-letter country code.`);
export const blankField = (field: string) => badRequest(`${field} must not be blank.`);
export const callingCountryFixed = () => badRequest('The country of a location enabled for Webex Calling cannot be changed.');
export const locationNotCallingEnabled = () => badRequest('The location is not enabled for Webex Calling.');
export const locationInUse = (reason: string) => conflict(`The location cannot be deleted: ${reason}.`);
