import { badRequest, notFound } from '../errors.ts';

export const messageNotFound = () => notFound('Voice message not found.');
export const greetingFileRequired = () => badRequest('The request has no file: send the greeting as a .wav file in a multipart/form-data part.');
export const greetingTooLarge = (maxKb: number) => badRequest(`The greeting is larger than the ${maxKb} KB allowed.`);
export const greetingNotWav = (reason: string) => badRequest(`The greeting is not a WAV file: ${reason}.`);
export const greetingUnsupported = (reason: string) => badRequest(`The greeting's audio is not supported: ${reason}; use mono 8 or 16 kHz PCM, A-law or µ-law.`);
export const noDefaultPin = () =>
  badRequest('defaultVoicemailPin is required to enable the default voicemail passcode: the organization has none yet.');
export const outOfRange = (field: string, min: number, max: number) => badRequest(`${field} must be between ${min} and ${max}, inclusive.`);
