import { Type, type Static } from 'typebox';
import { IdParam, NoContent, OrgIdQuery, OrgQuery, responses } from '../../http/schemas.ts';

const text = (description: string, maxLength = 256) => Type.String({ description, maxLength });
// The spec types latitude and longitude as strings; clients also send numbers.
const coordinate = (description: string) => Type.Union([Type.String({ maxLength: 32 }), Type.Number()], { description });

export const Address = Type.Object({
  address1: text('Address 1'),
  address2: Type.Optional(text('Address 2')),
  city: text('City'),
  state: text('State code'),
  postalCode: text('Postal code', 32),
  country: text('ISO-3166 two-letter country code.', 2),
});

export const Location = Type.Object({
  id: Type.String({ description: 'A unique identifier for the location.' }),
  name: Type.String({ description: 'The name of the location.' }),
  orgId: Type.String({ description: 'The ID of the organization to which this location belongs.' }),
  address: Address,
  timeZone: Type.String({ description: 'IANA time zone, for example America/Chicago.' }),
  preferredLanguage: Type.String({ description: 'Default email language, for example en_us.' }),
  announcementLanguage: Type.Optional(Type.String({ description: "Location's phone announcement language." })),
  latitude: Type.Optional(Type.String()),
  longitude: Type.Optional(Type.String()),
  notes: Type.Optional(Type.String()),
});
export type Location = Static<typeof Location>;

export const ListLocations = {
  summary: 'List Locations',
  tags: ['Locations'],
  querystring: Type.Object({
    ...OrgIdQuery,
    name: Type.Optional(Type.String({ description: 'Locations whose name contains this string (case-insensitive).' })),
    id: Type.Optional(Type.String({ description: 'The location with this ID.' })),
    max: Type.Optional(Type.Number({ description: 'Locations per page (default 500, at most 1000).' })),
    after: Type.Optional(Type.String({ description: 'Paging cursor from the Link header.' })),
  }),
  response: responses({ 200: Type.Object({ items: Type.Array(Location) }) }),
};

const LocationParams = IdParam('locationId', 'A unique identifier for the location.');

export const GetLocation = {
  summary: 'Get Location Details',
  tags: ['Locations'],
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 200: Location }),
};

export const CreateLocationBody = Type.Object({
  name: text('Up to 256 characters; 80 for locations enabled for Webex Calling.'),
  timeZone: text('IANA time zone, for example America/Chicago.', 64),
  preferredLanguage: text('Default email language, for example en_us.', 16),
  announcementLanguage: text("Location's phone announcement language, for example fr_fr.", 16),
  address: Address,
  latitude: Type.Optional(coordinate('Latitude')),
  longitude: Type.Optional(coordinate('Longitude')),
  notes: Type.Optional(text('Notes', 1024)),
});
export type CreateLocationBody = Static<typeof CreateLocationBody>;

export const CreateLocation = {
  summary: 'Create a Location',
  tags: ['Locations'],
  querystring: OrgQuery,
  body: CreateLocationBody,
  response: responses({ 201: Type.Object({ id: Type.String({ description: 'ID of the new location.' }) }) }),
};

export const UpdateLocation = {
  summary: 'Update a Location',
  description: 'Changes any of name, timeZone, preferredLanguage and address (fields of address merge).',
  tags: ['Locations'],
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({
    name: Type.Optional(text('The name of the location.')),
    timeZone: Type.Optional(text('IANA time zone.', 64)),
    preferredLanguage: Type.Optional(text('Default email language.', 16)),
    address: Type.Optional(Type.Partial(Address)),
  }),
  response: responses({ 204: NoContent }),
};

export const DeleteLocation = {
  summary: 'Delete Location',
  description: 'Only locations not enabled for Webex Calling, without people and not the default location.',
  tags: ['Locations'],
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 204: NoContent }),
};
