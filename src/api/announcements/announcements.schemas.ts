import { Type, type Static } from 'typebox';
import { ErrorBody, IdAndName, IdParam, NoContent, OrgIdQuery, OrgQuery, responses, StartQuery } from '../../http/schemas.ts';

// The announcement repository and Music On Hold. Uploads are multipart/form-data, which a
// TypeBox body schema cannot describe: the handlers read the parts (announcement-upload.ts).

const Level = Type.Union([Type.Literal('ORGANIZATION'), Type.Literal('LOCATION')]);
const Created = Type.Object({ id: Type.String() });
const Greeting = Type.Union([Type.Literal('SYSTEM'), Type.Literal('CUSTOM')]);

export const AnnouncementItem = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'The label given at upload.' }),
  fileName: Type.String(),
  fileSize: Type.String({ description: 'Kilobytes (rounded up), as a string like Webex writes it.' }),
  mediaFileType: Type.String({ description: 'WAV.' }),
  lastUpdated: Type.String(),
  level: Level,
  location: Type.Optional(IdAndName),
});
export type AnnouncementItem = Static<typeof AnnouncementItem>;

const FeatureReference = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String({ description: 'Music On Hold (the only feature Callplane has that plays files).' }),
  locationId: Type.String(),
  locationName: Type.String(),
});

export const AnnouncementDetails = Type.Object({
  id: Type.String(),
  name: Type.String(),
  fileName: Type.String(),
  fileSize: Type.String(),
  mediaFileType: Type.String(),
  lastUpdated: Type.String(),
  featureReferenceCount: Type.Integer(),
  featureReferences: Type.Array(FeatureReference),
});
export type AnnouncementDetails = Static<typeof AnnouncementDetails>;

export const RepositoryUsage = Type.Object({
  totalFileSizeUsedKB: Type.Integer(),
  maxAudioFileSizeAllowedKB: Type.Integer(),
  maxVideoFileSizeAllowedKB: Type.Integer(),
  totalFileSizeLimitMB: Type.Integer(),
});
export type RepositoryUsage = Static<typeof RepositoryUsage>;

const tags = ['Features: Announcement Repository'];
const LocationParams = IdParam('locationId', 'The location whose repository holds the file.');
const AnnouncementParams = IdParam('announcementId', 'The announcement.');
const LocationAnnouncementParams = Type.Object({
  locationId: Type.String({ description: 'The location whose repository holds the file.' }),
  announcementId: Type.String({ description: 'The announcement.' }),
});
const uploadDescription =
  'multipart/form-data with a "name" field (the label) and a "file" part: a .wav file of at most 5 MB, 8 or 16 kHz, ' +
  '8- or 16-bit mono µ-law, A-law or PCM, 5 seconds to 10 minutes long; or application/json with name, fileName and the ' +
  'fileUri of a file uploaded to a Generate Upload URL link or of a text-to-speech prompt.';

export const ListAnnouncements = {
  summary: 'Fetch list of announcement greetings on location and organization level',
  tags,
  querystring: Type.Object({
    ...OrgIdQuery,
    locationId: Type.Optional(
      Type.String({ maxLength: 512, description: 'all, locations, or a location ID; without it, organization-level files only.' }),
    ),
    max: Type.Optional(Type.Number({ description: 'Announcements per page (default and limit 1000).' })),
    start: StartQuery,
    order: Type.Optional(Type.String({ maxLength: 32, description: 'name, fileName or fileSize, optionally -asc or -desc; name by default.' })),
    fileName: Type.Optional(Type.String({ maxLength: 256, description: 'File names containing this (any case).' })),
    fileType: Type.Optional(Type.String({ maxLength: 32, description: 'AUDIO (every file here is audio).' })),
    mediaFileType: Type.Optional(Type.String({ maxLength: 32, description: 'WAV (every file here is WAV).' })),
    name: Type.Optional(Type.String({ maxLength: 256, description: 'Names containing this (any case).' })),
  }),
  response: responses({ 200: Type.Object({ announcements: Type.Array(AnnouncementItem) }) }),
};

export const UploadOrganizationAnnouncement = {
  summary: 'Upload a binary announcement greeting at organization level',
  description: uploadDescription,
  tags,
  querystring: OrgQuery,
  response: responses({ 201: Created, 415: ErrorBody }),
};

export const UploadLocationAnnouncement = {
  summary: 'Upload a binary announcement greeting at the location level',
  description: uploadDescription,
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 201: Created, 415: ErrorBody }),
};

export const OrganizationUsage = {
  summary: 'Fetch repository usage for announcements for an organization',
  description: 'totalFileSizeUsedKB counts the files of every level.',
  tags,
  querystring: OrgQuery,
  response: responses({ 200: RepositoryUsage }),
};

export const LocationUsage = {
  summary: 'Fetch repository usage for announcements in a location',
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 200: RepositoryUsage }),
};

export const GetOrganizationAnnouncement = {
  summary: 'Fetch details of a binary announcement greeting at the organization level',
  tags,
  params: AnnouncementParams,
  querystring: OrgQuery,
  response: responses({ 200: AnnouncementDetails }),
};

export const GetLocationAnnouncement = {
  summary: 'Fetch details of a binary announcement greeting at location level',
  tags,
  params: LocationAnnouncementParams,
  querystring: OrgQuery,
  response: responses({ 200: AnnouncementDetails }),
};

export const ModifyOrganizationAnnouncement = {
  summary: 'Modify a binary announcement greeting at organization level',
  description: `Replaces the file and the name. ${uploadDescription}`,
  tags,
  params: AnnouncementParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent, 415: ErrorBody }),
};

export const ModifyLocationAnnouncement = {
  summary: 'Modify a binary announcement greeting at location level',
  description: `Replaces the file and the name. ${uploadDescription}`,
  tags,
  params: LocationAnnouncementParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent, 415: ErrorBody }),
};

export const DeleteOrganizationAnnouncement = {
  summary: 'Delete an announcement greeting of the organization',
  description: 'A file Music On Hold plays cannot be deleted (400, error code 6675).',
  tags,
  params: AnnouncementParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};

export const DeleteLocationAnnouncement = {
  summary: 'Delete an announcement greeting in a location',
  description: 'A file Music On Hold plays cannot be deleted (400, error code 6675).',
  tags,
  params: LocationAnnouncementParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};

const AudioFile = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaFileType: Type.String(),
  level: Level,
});

export const MusicOnHold = Type.Object({
  callHoldEnabled: Type.Boolean(),
  callParkEnabled: Type.Boolean(),
  greeting: Greeting,
  audioFile: Type.Optional(AudioFile),
});
export type MusicOnHold = Static<typeof MusicOnHold>;

export const GetMusicOnHold = {
  summary: 'Get Music On Hold',
  description: 'audioFile is present when greeting is CUSTOM. playlist never is: Callplane has no playlists.',
  tags: ['Location Call Settings'],
  params: IdParam('locationId', 'A location enabled for Webex Calling.'),
  querystring: OrgQuery,
  response: responses({ 200: MusicOnHold }),
};

export const UpdateMusicOnHold = {
  summary: 'Update Music On Hold',
  description:
    'CUSTOM plays audioFile (an announcement of the organization or of this location), or the file already set. ' +
    'Omitted flags keep their value. Callplane has no playlists: any playlistId is a 400.',
  tags: ['Location Call Settings'],
  params: IdParam('locationId', 'A location enabled for Webex Calling.'),
  querystring: OrgQuery,
  body: Type.Object({
    greeting: Greeting,
    callHoldEnabled: Type.Optional(Type.Boolean()),
    callParkEnabled: Type.Optional(Type.Boolean()),
    audioFile: Type.Optional(
      Type.Object({
        id: Type.String({ maxLength: 512 }),
        fileName: Type.Optional(Type.String({ maxLength: 256 })),
        mediaFileType: Type.Optional(Type.String({ maxLength: 32 })),
        level: Type.Optional(Type.String({ maxLength: 32 })),
      }),
    ),
    playlistId: Type.Optional(Type.String({ maxLength: 512 })),
  }),
  response: responses({ 204: NoContent }),
};
