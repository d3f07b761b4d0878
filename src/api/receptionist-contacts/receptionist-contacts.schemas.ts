import { Type, type Static } from 'typebox';
import { IdAndName, IdParam, NoContent, OrgIdQuery, OrgQuery, responses } from '../../http/schemas.ts';

const tags = ['Location Call Settings'];
const LocationParams = IdParam('locationId', 'A location enabled for Webex Calling.');
const DirectoryParams = Type.Object({
  locationId: Type.String({ description: 'A location enabled for Webex Calling.' }),
  directoryId: Type.String({ description: 'The directory.' }),
});

const Contact = Type.Object({
  personId: Type.Optional(Type.String({ maxLength: 512 })),
  featureId: Type.Optional(Type.String({ maxLength: 512, description: 'Location features do not exist in Callplane: always a 400.' })),
  type: Type.Optional(Type.String({ maxLength: 64, description: 'PEOPLE with a personId.' })),
});

const DirectoryBody = (contacts: string) =>
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 40, description: 'Unique in the location.' }),
    contacts: Type.Array(Type.Union([Contact, Type.String({ maxLength: 512 })]), { minItems: 1, description: contacts }),
  });

const Id = Type.Object({ id: Type.String() });

export const DirectoryContact = Type.Object({
  personId: Type.String(),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  phoneNumber: Type.Optional(Type.String({ description: 'E.164; absent for an extension-only user.' })),
  extension: Type.Optional(Type.String()),
  locationId: Type.String(),
});
export type DirectoryContact = Static<typeof DirectoryContact>;

export const CreateDirectory = {
  summary: 'Create a Receptionist Contact Directory',
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  body: DirectoryBody('People of the organization with Webex Calling: [{personId}] (a bare person ID is accepted too).'),
  response: responses({ 200: Id }),
};

export const ListDirectories = {
  summary: 'Read list of Receptionist Contact Directories',
  description: 'Not paginated: every directory of the location, by name.',
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 200: Type.Object({ directories: Type.Array(IdAndName) }) }),
};

export const GetDirectory = {
  summary: 'Get details for a Receptionist Contact Directory',
  description: 'The listed people as they are now. Criteria must all match, or any one with searchCriteriaModeOr=true.',
  tags,
  params: DirectoryParams,
  querystring: Type.Object({
    ...OrgIdQuery,
    searchCriteriaModeOr: Type.Optional(Type.Boolean({ description: 'Only true, and only with a criterion.' })),
    firstName: Type.Optional(Type.String({ maxLength: 255, description: 'First names starting with this (any case).' })),
    lastName: Type.Optional(Type.String({ maxLength: 255, description: 'Last names starting with this (any case).' })),
    phoneNumber: Type.Optional(Type.String({ maxLength: 32, description: 'Numbers containing these digits.' })),
    extension: Type.Optional(Type.String({ maxLength: 32 })),
    personId: Type.Optional(Type.String({ maxLength: 512 })),
  }),
  response: responses({ 200: Type.Object({ contacts: Type.Array(DirectoryContact) }) }),
};

export const ModifyDirectory = {
  summary: 'Modify a Receptionist Contact Directory',
  description: 'Renames the directory and replaces its whole contact list; answers the ID, which carries the name.',
  tags,
  params: DirectoryParams,
  querystring: OrgQuery,
  body: DirectoryBody('The new, complete list: person IDs, or [{personId}].'),
  response: responses({ 200: Id }),
};

export const DeleteDirectory = {
  summary: 'Delete a Receptionist Contact Directory',
  tags,
  params: DirectoryParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};
