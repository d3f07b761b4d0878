import { badRequest, conflict } from '../errors.ts';

export const invalidInventoryNumber = (value: string, country: string) =>
  badRequest(
    `Invalid phone number "${value}": numbers are E.164 (+${country === 'US' ? '15715551212' : '<country code><number>'})${
      country === 'US' ? ' or 10-digit US national numbers' : ''
    } in the location's country (${country}).`,
  );
export const numberElsewhere = (value: string) => conflict(`Phone number ${value} already belongs to another location or organization.`);
export const numberNotInThisLocation = (value: string) => badRequest(`Phone number ${value} is not in this location.`);
export const numberAssigned = (value: string) => conflict(`Phone number ${value} is assigned; unassign it first.`);
export const mainNumberFixed = (value: string) => badRequest(`Phone number ${value} is the location's main number and cannot be removed or deactivated.`);
export const tooManyNumbers = (max: number) => badRequest(`At most ${max} phone numbers can be given in one request.`);
export const tooManyMobileNumbers = () => badRequest('Only 20 mobile numbers can be added per request.');
export const conflictingFilters = (message: string) => badRequest(message);
