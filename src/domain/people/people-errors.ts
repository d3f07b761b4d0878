import { badRequest, conflict, notFound, WebexError } from '../errors.ts';

export const personNotFound = () => notFound('Person not found.');
export const emailRequired = () => badRequest('emails must hold the email address of the person.');
export const invalidEmail = (email: string) => badRequest(`"${email}" is not a valid email address.`);
export const emailInUse = (email: string) => conflict(`A person with the email address ${email} already exists.`);
export const nameRequired = () => badRequest('At least one of displayName, firstName or lastName is required.');
export const searchTermRequired = () => badRequest('Listing people requires email, displayName or id unless the token belongs to an administrator.');
export const tooManyIds = (max: number) => badRequest(`id accepts at most ${max} person IDs.`);
export const invalidRole = (role: string) => badRequest(`roles: "${role}" is not a role ID.`);
export const invalidManager = () => badRequest('managerId is not a person of this organization.');
export const onlyWorkNumbers = (type: string) =>
  badRequest(`Phone numbers of type ${type} cannot be set: Webex Calling takes the person's work number only.`);
export const primaryNumberOnly = () => badRequest('Webex Calling APIs support the primary phone number only: give at most one work number.');
export const callingLicenseRequired = () =>
  badRequest('phoneNumbers and extension can only be set for a person with a Webex Calling license.');
export const numberOrExtensionRequired = () =>
  badRequest('User should have either phone number or extension.', 1026016);
export const locationOnlyWithNewCallingLicense = () =>
  badRequest('You can only add a locationId when applying a new Webex Calling license to the person.');
export const locationCannotChange = () => badRequest('You cannot update the locationId for an existing Webex Calling user.');
export const noDefaultLocation = () => badRequest('The organization has no default location; give a locationId.');
export const callingLicenseChange = () =>
  badRequest("Changing a user's Webex Calling license from one calling license to another is not allowed. Remove the license first.", 400112);
export const workspacesLicenseForPeople = () => badRequest('Webex Calling - Workspaces licenses are for workspaces, not for people.');
export const oneCallingLicense = () => badRequest('A person can hold only one Webex Calling license.');

export const invalidPhoneNumber = (value: string, country: string) =>
  badRequest(
    country === 'US'
      ? `Invalid phone number "${value}": US numbers are 10 digits without country code, like 5715551212.`
      : `Invalid phone number "${value}": numbers for ${country} locations use E.164 format, like +335715551212.`,
  );
export const numberNotInLocation = (value: string) => badRequest(`Phone number ${value} is not in the number inventory of the person's location.`);
export const numberInUse = (value: string) => conflict(`Phone number ${value} is already assigned.`);
export const mainNumberNotAssignable = (value: string) => conflict(`Phone number ${value} is the main number of its location.`);
export const invalidExtension = (extension: string) => badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
export const extensionInUse = (extension: string) => conflict(`Extension ${extension} is already assigned in this location.`);

/** The seed's rule for creating users: a bad number leaves the person without number and extension. */
export const createdWithoutCallingLine = (reason: string) =>
  badRequest(`The person was created, but without a phone number or extension: ${reason}`);

/** While a routing-prefix job moves a location's members, they cannot change: retry shortly. */
export const locationMembersLocked = (retryAfterSeconds: number) =>
  new WebexError(423, 'The location is locked while an update routing prefix job moves its members; retry after the time in Retry-After.', {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
