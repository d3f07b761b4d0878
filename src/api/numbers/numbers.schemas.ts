import { Type, type Static } from 'typebox';
import { IdAndName, IdParam, NoContent, OrgIdQuery, OrgQuery, responses, StartQuery } from '../../http/schemas.ts';

const Owner = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'PEOPLE for a person.' }),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
});

export const NumberItem = Type.Object({
  phoneNumber: Type.Optional(Type.String({ description: 'E.164; absent for an extension without a number.' })),
  extension: Type.Optional(Type.String()),
  routingPrefix: Type.Optional(Type.String({ description: 'Routing prefix of the location.' })),
  esn: Type.Optional(Type.String({ description: 'Routing prefix + extension.' })),
  state: Type.String({ description: 'ACTIVE or INACTIVE.' }),
  phoneNumberType: Type.String({ description: 'PRIMARY: the owner’s primary number.' }),
  mainNumber: Type.Boolean({ description: 'The number is the location’s main number.' }),
  includedTelephonyTypes: Type.String({ description: 'PSTN_NUMBER or MOBILE_NUMBER.' }),
  tollFreeNumber: Type.Boolean(),
  isServiceNumber: Type.Boolean(),
  isReservedNumber: Type.Boolean({ description: 'Always false: Callplane reserves no numbers.' }),
  location: IdAndName,
  owner: Type.Optional(Owner),
});
export type NumberItem = Static<typeof NumberItem>;

const Counts = Type.Object({
  assigned: Type.Integer(),
  unAssigned: Type.Integer(),
  inActive: Type.Integer(),
  extensionOnly: Type.Integer(),
  tollFreeNumbers: Type.Integer(),
  total: Type.Integer(),
  mobileNumber: Type.Integer(),
  serviceNumber: Type.Integer(),
  reservedNumber: Type.Integer(),
});

const flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const oneOf = (values: string[], description: string) => Type.Optional(Type.Union(values.map((v) => Type.Literal(v)), { description }));

export const ListNumbers = {
  summary: 'Get Phone Numbers for an Organization with Given Criteria',
  tags: ['Numbers'],
  querystring: Type.Object({
    ...OrgIdQuery,
    locationId: Type.Optional(Type.String({ maxLength: 512 })),
    max: Type.Optional(Type.Number({ description: 'Numbers per page (default and limit 2000).' })),
    start: StartQuery,
    phoneNumber: Type.Optional(Type.String({ maxLength: 32, description: 'Numbers containing this.' })),
    available: flag('true: unassigned numbers; false: assigned numbers.'),
    order: oneOf(['lastName', 'dn', 'extension'], 'Sort order; by number and extension by default.'),
    ownerName: Type.Optional(Type.String({ maxLength: 255 })),
    ownerId: Type.Optional(Type.String({ maxLength: 512 })),
    ownerType: Type.Optional(Type.String({ maxLength: 64 })),
    extension: Type.Optional(Type.String({ maxLength: 32 })),
    numberType: oneOf(['NUMBER', 'EXTENSION'], 'Only numbers, or only extensions without a number.'),
    phoneNumberType: Type.Optional(Type.String({ maxLength: 32 })),
    state: oneOf(['ACTIVE', 'INACTIVE'], 'Numbers in this state.'),
    details: flag('Add the organization’s counts.'),
    tollFreeNumbers: flag('Only toll-free numbers.'),
    restrictedNonGeoNumbers: flag('Only restricted non-geographic numbers (none here).'),
    includedTelephonyTypes: Type.Optional(Type.String({ maxLength: 64 })),
    serviceNumber: flag('Only service numbers (true) or standard numbers (false).'),
    reservedNumber: flag('Only reserved numbers (true: none here) or unreserved numbers (false: all).'),
  }),
  response: responses({ 200: Type.Object({ phoneNumbers: Type.Array(NumberItem), count: Type.Optional(Counts) }) }),
};

const LocationParams = IdParam('locationId', 'The location whose inventory changes.');
const PhoneNumbers = Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, description: 'E.164 numbers (US numbers may be national).' });

export const AddNumbers = {
  summary: 'Add Phone Numbers to a location',
  description: 'Numbers already in the location are ignored. DID and toll-free numbers are ACTIVE unless state says otherwise.',
  tags: ['Numbers'],
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({
    phoneNumbers: PhoneNumbers,
    numberType: Type.Optional(Type.Union([Type.Literal('DID'), Type.Literal('TOLLFREE'), Type.Literal('MOBILE')])),
    numberUsageType: Type.Optional(Type.Union([Type.Literal('NONE'), Type.Literal('SERVICE')])),
    state: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('INACTIVE')])),
    subscriptionId: Type.Optional(Type.String({ maxLength: 256 })),
    carrierId: Type.Optional(Type.String({ maxLength: 256 })),
  }),
  response: responses({ 201: NoContent }),
};

export const ManageNumberState = {
  summary: 'Manage Number State in a location',
  tags: ['Numbers'],
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({
    phoneNumbers: PhoneNumbers,
    action: Type.Optional(Type.Union([Type.Literal('ACTIVATE'), Type.Literal('DEACTIVATE')], { default: 'ACTIVATE' })),
  }),
  response: responses({ 204: NoContent }),
};

export const RemoveNumbers = {
  summary: 'Remove phone numbers from a location',
  description: 'Only unassigned numbers; the main number stays.',
  tags: ['Numbers'],
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({ phoneNumbers: PhoneNumbers }),
  response: responses({ 204: NoContent }),
};
