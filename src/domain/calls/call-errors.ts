import { badRequest, conflict, forbidden, notFound } from '../errors.ts';

export const callNotFound = () => notFound('Call not found.');
/**
 * Webex answers 404 for a call of someone else too; the hint says why, since a token of an
 * administrator cannot act on other people's calls either.
 */
export const callNotFoundForActor = () =>
  notFound(
    "Call not found. Call Controls act only on the calls of the person the token belongs to (on a simulated phone, the person in the path); another person's call needs that person's token.",
  );
/** An action the call's state does not allow: nothing changed. */
export const callActionRefused = (reason: string) => conflict(reason);
export const notCallingUser = () => forbidden('The person is not a Webex Calling user: Call Controls need a Webex Calling license.');
export const destinationNotFound = (destination: string) =>
  badRequest(`The destination "${destination}" is not a number, extension or person that can be called.`);
export const cannotCallSelf = () => badRequest('A person cannot call their own line.');
export const callIdRequired = () => badRequest('callId is required when the person has more than one call.');
export const noActiveCall = () => notFound('The person has no active call.');
export const transferIdsRequired = () =>
  badRequest(
    'callId1 and callId2 are required unless the person has exactly two calls, or one held call and one connected call; give callId1 with callId2 or with destination.',
  );
export const destinationOrVoicemail = () => badRequest('destination is required unless toVoicemail is true.');
export const nothingParked = () => notFound('No call is parked against that destination.');
export const lineOwnerNotSupported = () => badRequest('lineOwnerId: Callplane people have no secondary lines; leave it out or give the person themselves.');
export const callsBusy = () => conflict('The call changed at the same time; try again.');
export const invalidDtmf = () => badRequest('dtmf may hold the characters 0-9, *, #, A, B, C, D and , (a pause).');
