import { Type, type Static } from 'typebox';
import { IdParam, NoContent, OrgIdQuery, OrgQuery, responses } from '../../http/schemas.ts';

const text = (description: string, maxLength = 256) => Type.String({ description, maxLength });

const PhoneNumberOut = Type.Object({
  type: Type.String({ description: 'work, work_extension, mobile or fax.' }),
  value: Type.String(),
  primary: Type.Optional(Type.Boolean()),
});

export const PersonAddress = Type.Object({
  type: Type.Optional(text('The type of address.', 64)),
  country: Type.Optional(text("The user's country.", 64)),
  locality: Type.Optional(text("The user's locality, often city.")),
  region: Type.Optional(text("The user's region, often state.")),
  streetAddress: Type.Optional(text("The user's street.")),
  postalCode: Type.Optional(text("The user's postal or zip code.", 32)),
});

export const Person = Type.Object({
  id: Type.String(),
  emails: Type.Array(Type.String()),
  phoneNumbers: Type.Optional(Type.Array(PhoneNumberOut, { description: 'Calling numbers, with callingData=true.' })),
  extension: Type.Optional(Type.String({ description: 'Webex Calling extension, with callingData=true.' })),
  locationId: Type.Optional(Type.String({ description: 'Webex Calling location, with callingData=true.' })),
  displayName: Type.String(),
  nickName: Type.Optional(Type.String()),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  avatar: Type.Optional(Type.String()),
  orgId: Type.String(),
  roles: Type.Optional(Type.Array(Type.String())),
  licenses: Type.Optional(Type.Array(Type.String())),
  department: Type.Optional(Type.String()),
  manager: Type.Optional(Type.String()),
  managerId: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  addresses: Type.Optional(Type.Array(PersonAddress)),
  created: Type.String(),
  lastModified: Type.Optional(Type.String()),
  timezone: Type.Optional(Type.String()),
  siteUrls: Type.Optional(Type.Array(Type.String())),
  invitePending: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  loginEnabled: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  type: Type.String(),
});
export type Person = Static<typeof Person>;

const PhoneNumberIn = Type.Object({
  type: Type.Union([Type.Literal('work'), Type.Literal('work_extension'), Type.Literal('mobile'), Type.Literal('fax')], {
    description: 'Only work is settable; work_extension entries copied from a GET are ignored.',
  }),
  value: Type.String({ maxLength: 32, description: 'US: 10 digits without country code (5715551212); elsewhere E.164.' }),
  primary: Type.Optional(Type.Boolean()),
});

const personFields = {
  emails: Type.Array(Type.String({ maxLength: 254 }), { minItems: 1, maxItems: 5, description: 'Only the first address is used.' }),
  phoneNumbers: Type.Optional(Type.Array(PhoneNumberIn, { maxItems: 10, description: 'Needs a Webex Calling license.' })),
  extension: Type.Optional(text('Webex Calling extension (2 to 10 digits), without routing prefix.', 32)),
  locationId: Type.Optional(text('Calling location; only with a newly applied Webex Calling license.', 512)),
  displayName: Type.Optional(text('The full name of the person.')),
  firstName: Type.Optional(text('The first name of the person.')),
  lastName: Type.Optional(text('The last name of the person.')),
  nickName: Type.Optional(text('Ignored: Webex sets it from firstName.')),
  avatar: Type.Optional(text('URL of the avatar.', 2048)),
  orgId: Type.Optional(text('The organization of the person (the token’s by default).', 512)),
  roles: Type.Optional(Type.Array(text('Role ID.', 2048), { maxItems: 20 })),
  licenses: Type.Optional(Type.Array(text('License ID.', 4096), { maxItems: 50 })),
  department: Type.Optional(text('The business department.')),
  manager: Type.Optional(text('A manager identifier.')),
  managerId: Type.Optional(text('Person ID of the manager.', 512)),
  title: Type.Optional(text('The person’s title.')),
  addresses: Type.Optional(Type.Array(PersonAddress, { maxItems: 10 })),
  siteUrls: Type.Optional(Type.Array(text('site#attendee', 512), { maxItems: 50 })),
  // GET answers "true"/"false" strings; a GET-modify-PUT round trip sends them back.
  loginEnabled: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')])),
};

export const CreatePersonBody = Type.Object(personFields);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object({
  ...personFields,
  emails: Type.Optional(personFields.emails),
  displayName: text('The full name of the person.'),
});
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

const callingData = Type.Optional(Type.Boolean({ description: 'Include Webex Calling details (administrators only).' }));
const minResponse = Type.Optional(Type.Boolean({ description: 'Answer with the ID only.' }));
const PersonParams = IdParam('personId', 'A unique identifier for the person.');
const PersonOrId = Type.Union([Person, Type.Object({ id: Type.String() })]);

export const ListPeople = {
  summary: 'List People',
  tags: ['People'],
  querystring: Type.Object({
    ...OrgIdQuery,
    email: Type.Optional(text('People with this email address.', 254)),
    displayName: Type.Optional(text('People whose name starts with this.')),
    id: Type.Optional(Type.String({ maxLength: 85 * 120, description: 'Up to 85 person IDs, comma-separated.' })),
    roles: Type.Optional(Type.String({ maxLength: 4096, description: 'Role IDs, comma-separated.' })),
    callingData,
    locationId: Type.Optional(text('People in this calling location.', 512)),
    max: Type.Optional(Type.Number({ description: 'People per page: default 100, at most 1000, 100 with callingData, 50 with locationId.' })),
    excludeStatus: Type.Optional(Type.Boolean()),
    after: Type.Optional(Type.String({ maxLength: 512, description: 'Paging cursor from the Link header.' })),
  }),
  response: responses({ 200: Type.Object({ items: Type.Array(Person), notFoundIds: Type.Optional(Type.Array(Type.String())) }) }),
};

export const GetPerson = {
  summary: 'Get Person Details',
  tags: ['People'],
  params: PersonParams,
  querystring: Type.Object({ ...OrgIdQuery, callingData }),
  response: responses({ 200: Person }),
};

export const GetMe = {
  summary: 'Get My Own Details',
  tags: ['People'],
  querystring: Type.Object({ callingData }),
  response: responses({ 200: Person }),
};

export const CreatePerson = {
  summary: 'Create a Person',
  description:
    'A Webex Calling user needs a phone number or extension and a Webex Calling license; without locationId the default location is used. With an invalid phone number the person is created without number or extension and the answer is 400.',
  tags: ['People'],
  querystring: Type.Object({ callingData, minResponse }),
  body: CreatePersonBody,
  response: responses({ 200: PersonOrId }),
};

export const UpdatePerson = {
  summary: 'Update a Person',
  description:
    'Full replace: send every detail (GET, change, PUT). Omitted emails, roles, licenses and siteUrls stay; other omitted fields are cleared. The location of an existing calling user cannot change.',
  tags: ['People'],
  params: PersonParams,
  querystring: Type.Object({ callingData, minResponse, showAllTypes: Type.Optional(Type.Boolean()) }),
  body: UpdatePersonBody,
  response: responses({ 200: PersonOrId }),
};

export const DeletePerson = {
  summary: 'Delete a Person',
  description: "Frees the person's number, extension and license units.",
  tags: ['People'],
  params: PersonParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};
