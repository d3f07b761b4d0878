import { badRequest, notFound, WebexError } from '../errors.ts';

export const announcementNotFound = () => notFound('Announcement not found.');
export const notMultipart = () =>
  new WebexError(415, 'Unsupported media type: upload the announcement as multipart/form-data with a "file" part and a "name" field.');
export const fileRequired = () => badRequest('The request has no file: send the audio in a multipart part named "file".');
export const nameRequired = () => badRequest('name is required: the label of the announcement.');
export const nameTooLong = (max: number) => badRequest(`name is longer than ${max} characters.`);
export const fileNameNotWav = (fileName: string) =>
  badRequest(`File name "${fileName}" is not a .wav file name: the announcement repository takes WAV files.`);
export const fileTooLarge = (maxKb: number) => badRequest(`The file is larger than the ${maxKb} KB allowed for an audio file.`);
export const notWav = (reason: string) => badRequest(`The file is not a WAV file: ${reason}.`);
export const unsupportedAudio = (reason: string) =>
  badRequest(`Unsupported audio (${reason}): WAV files must be 8 or 16 kHz, 8- or 16-bit mono, µ-law, A-law or PCM.`);
export const audioTooShort = (min: number) => badRequest(`The audio is shorter than the ${min} seconds required.`);
export const audioTooLong = (maxMinutes: number) => badRequest(`The audio is longer than the ${maxMinutes} minutes allowed.`);
export const repositoryFull = (limitMb: number) =>
  badRequest(`The announcement repository is full: announcements may use at most ${limitMb} MB across all levels.`);
/** Webex answers 400 with error code 6675 when a feature still uses the file. */
export const announcementInUse = (where: string) =>
  badRequest(`The announcement is in use by Music On Hold of ${where} and cannot be deleted.`, 6675);
export const invalidLocationFilter = () => badRequest('locationId must be all, locations or the ID of a location of this organization.');
export const invalidOrder = (value: string) =>
  badRequest(`order "${value}" is not one of name, fileName or fileSize (optionally followed by -asc or -desc).`);

export const audioFileRequired = () => badRequest('audioFile is required when greeting is CUSTOM: give the ID of an uploaded announcement.');
export const audioFileNotFound = () =>
  badRequest('audioFile: announcement not found in the repository of this organization or location.');
export const audioFileMismatch = (field: string, expected: string) => badRequest(`audioFile.${field} does not match the announcement (${expected}).`);
export const playlistNotFound = () => badRequest('playlistId: playlist not found. Callplane has no announcement playlists.');
