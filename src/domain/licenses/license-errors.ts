import { badRequest, notFound } from '../errors.ts';

export const licenseNotFound = () => notFound('License not found.');
export const invalidLicenseReference = (id: string) => badRequest(`License ${id} is not a license of this organization.`);
export const noUnitsLeft = (name: string) => badRequest(`License "${name}" has no units left to assign.`);
export const licenseTargetRequired = () => badRequest('Give the person to license as personId or email.');
export const licenseTargetMismatch = () => badRequest('personId and email name different people.');
export const userNotFound = () => notFound('User not found.');
export const invalidSiteUrl = (siteUrl: string) => badRequest(`siteUrl "${siteUrl}" is not a meeting site of this organization.`);
export const licenseAssignmentFailed = (descriptions: string[]) => badRequest(`License assignment failed: ${descriptions.join(' ')}`);
export const unitsBelowConsumed = (consumed: number) => badRequest(`totalUnits cannot be less than the ${consumed} units consumed.`);
export const locationRequiredWithoutNumber = () =>
  badRequest('properties.locationId is mandatory for a Webex Calling license when properties.phoneNumber is not given.');
