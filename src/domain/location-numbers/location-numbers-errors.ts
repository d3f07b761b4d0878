import { badRequest } from '../errors.ts';

export const ecbnMemberRequired = () => badRequest('locationMemberId is required when selected is LOCATION_MEMBER_NUMBER.');
export const ecbnMemberNotInLocation = () =>
  badRequest('locationMemberId is not a member of this location: give the ID of a calling user of the location.');
export const ecbnMemberWithoutNumber = () =>
  badRequest('The location member has no phone number; an emergency callback number must be a member with a number.');
export const invalidPhoneNumberFilter = (value: string) =>
  badRequest(`phoneNumber "${value}" is not a phone number: give E.164 numbers (or 10-digit US numbers), separated by commas.`);
export const invalidPersonReference = () => badRequest('personId is not a person of this organization.');
