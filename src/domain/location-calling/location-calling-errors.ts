import { badRequest, conflict, notFound, WebexError } from '../errors.ts';

export const callingLocationNotFound = () => notFound('Location not found or not enabled for Webex Calling.');
export const locationToEnableNotFound = () => notFound('Location not found: create it with POST /v1/locations first.');
export const alreadyCallingEnabled = () => conflict('The location is already enabled for Webex Calling.');
export const callingNameTooLong = () => badRequest('The name of a location enabled for Webex Calling is at most 80 characters.');
export const invalidRoutingPrefix = (value: string) => badRequest(`routingPrefix "${value}" must be 1 to 7 digits.`);
export const routingPrefixInUse = (value: string, location: string) =>
  conflict(`routingPrefix ${value} is already the routing prefix of location "${location}".`);
export const invalidOutsideDialDigit = (value: string) => badRequest(`outsideDialDigit "${value}" must be one or two digits.`);
export const pAccessNetworkInfoNotAllowed = (country: string) =>
  badRequest(`pAccessNetworkInfo can be set only for locations in Belgium (BE), Germany (DE) or France (FR), not ${country}.`);
export const connectionTypeNotSupported = (type: string) =>
  badRequest(`connection.type ${type} is not supported: Webex Calling location API only supports setting TRUNK or ROUTE_GROUP.`);
export const connectionNotFound = (type: string) => badRequest(`connection.id is not a ${type === 'TRUNK' ? 'trunk' : 'route group'} of this organization.`);
export const callingLineNumberNotInLocation = (value: string) =>
  badRequest(`callingLineId.phoneNumber ${value} is not an E.164 number of this location.`);
export const callingLineNumberAssigned = (value: string) => conflict(`callingLineId.phoneNumber ${value} is assigned to a person.`);
export const invalidChargeNumber = (value: string) => badRequest(`chargeNumber ${value} is not an E.164, non-toll-free number of this location.`);
export const jobNotFound = () => notFound('Job not found.');

/** Webex answers these two with { failureReason }, not its error body. */
export const routingPrefixJobRunning = () =>
  new WebexError(409, 'UpdateRoutingPrefixJob failed as another one is already in progress.', {
    body: { failureReason: 'UpdateRoutingPrefixJob failed as another one is already in progress.' },
  });
