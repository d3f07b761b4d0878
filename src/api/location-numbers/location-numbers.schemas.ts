import { Type, type Static, type TSchema } from 'typebox';
import type { AvailableList } from '../../domain/location-numbers/available-numbers.ts';
import { IdAndName, IdParam, NoContent, OrgIdQuery, OrgQuery, responses, StartQuery } from '../../http/schemas.ts';

const tags = ['Location Call Settings'];
const LocationParams = IdParam('locationId', 'A location of the organization enabled for Webex Calling.');

// Emergency callback number

const Quality = Type.Union([Type.Literal('RECOMMENDED'), Type.Literal('NOT_RECOMMENDED'), Type.Literal('INVALID')], {
  description: 'RECOMMENDED: an active number of a person or the location; INVALID: inactive or missing.',
});
const EffectiveLevel = Type.Union([Type.Literal('LOCATION_NUMBER'), Type.Literal('LOCATION_MEMBER_NUMBER'), Type.Literal('NONE')], {
  description: 'What an emergency call would carry, fallbacks applied.',
});
const Selected = Type.Union([Type.Literal('LOCATION_NUMBER'), Type.Literal('LOCATION_MEMBER_NUMBER')]);

export const EcbnLocationInfo = Type.Object({
  phoneNumber: Type.Optional(Type.String({ description: 'The location’s main number; absent without one.' })),
  name: Type.String(),
  effectiveLevel: EffectiveLevel,
  effectiveValue: Type.String({ description: 'Empty when the effective level is NONE.' }),
  quality: Quality,
});
export type EcbnLocationInfo = Static<typeof EcbnLocationInfo>;

export const EcbnMemberInfo = Type.Object({
  phoneNumber: Type.Optional(Type.String({ description: 'The member’s number; absent when they hold none any more.' })),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  memberId: Type.Optional(Type.String({ description: 'Absent when no member is selected.' })),
  memberType: Type.Optional(Type.Union([Type.Literal('PEOPLE'), Type.Literal('PLACE'), Type.Literal('VIRTUAL_LINE'), Type.Literal('HUNT_GROUP')])),
  effectiveLevel: EffectiveLevel,
  effectiveValue: Type.String({ description: 'Empty when the effective level is NONE.' }),
  quality: Quality,
});
export type EcbnMemberInfo = Static<typeof EcbnMemberInfo>;

export const GetEcbn = {
  summary: 'Get a Location Emergency callback number',
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({
    200: Type.Object({
      locationInfo: EcbnLocationInfo,
      locationMemberInfo: EcbnMemberInfo,
      selected: Selected,
      elinExpiryTimeMinutes: Type.Integer(),
    }),
  }),
};

export const UpdateEcbn = {
  summary: 'Update a Location Emergency callback number',
  description: 'locationMemberId is required with LOCATION_MEMBER_NUMBER: a calling user of the location who holds a number.',
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({
    selected: Selected,
    locationMemberId: Type.Optional(Type.Union([Type.String({ maxLength: 512 }), Type.Null()])),
    elinExpiryTimeMinutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 1440, description: 'Minutes; 60 until set, unchanged when absent.' })),
  }),
  response: responses({ 204: NoContent }),
};

// Validate extensions

const ValidationResult = Type.Object({
  status: Type.Union([Type.Literal('OK'), Type.Literal('ERRORS')]),
  extensionStatus: Type.Array(
    Type.Object({
      extension: Type.String(),
      state: Type.Union([Type.Literal('VALID'), Type.Literal('DUPLICATE'), Type.Literal('DUPLICATE_IN_LIST'), Type.Literal('INVALID')]),
      errorCode: Type.Optional(Type.Integer()),
      message: Type.Optional(Type.String()),
    }),
  ),
});
// Callplane's own bound (Webex documents none): one request, one query per 500 extensions.
const Extensions = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 });

export const ValidateOrgExtensions = {
  summary: 'Validate the List of Extensions',
  description: 'Length rules and repeats in the list; extensions of location members are not conflicts at this level.',
  tags,
  querystring: OrgQuery,
  body: Type.Object({ extensions: Type.Optional(Extensions) }),
  response: responses({ 200: ValidationResult }),
};

export const ValidateLocationExtensions = {
  summary: 'Validate Extensions',
  description: 'As the organization-level check, plus extensions already held by a member of the location (DUPLICATE).',
  tags,
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({ extensions: Extensions }),
  response: responses({ 200: ValidationResult }),
};

// Available numbers

const Owner = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'PEOPLE: the only owner type Callplane holds.' }),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  displayName: Type.Optional(Type.String()),
});

const fields = {
  phoneNumber: Type.String({ description: 'E.164.' }),
  extension: Type.Optional(Type.String({ description: 'The owner’s extension.' })),
  state: Type.Union([Type.Literal('ACTIVE'), Type.Literal('INACTIVE')]),
  isMainNumber: Type.Boolean(),
  tollFreeNumber: Type.Boolean(),
  telephonyType: Type.Literal('PSTN_NUMBER'),
  isServiceNumber: Type.Boolean(),
  location: IdAndName,
  owner: Type.Optional(Owner),
};
export type AvailableNumberField = keyof typeof fields;

/** The fields Webex documents for each list's items, in its order (the presenter keeps only these). */
export const AVAILABLE_NUMBER_FIELDS = {
  externalCallerId: ['phoneNumber', 'state', 'isMainNumber', 'tollFreeNumber', 'isServiceNumber', 'location', 'owner'],
  location: ['phoneNumber', 'state', 'isMainNumber', 'tollFreeNumber', 'telephonyType', 'isServiceNumber', 'owner'],
  webexGo: ['phoneNumber', 'state', 'isMainNumber', 'telephonyType', 'isServiceNumber'],
  emergencyCallbackNumber: ['phoneNumber', 'state', 'isMainNumber', 'tollFreeNumber', 'telephonyType', 'isServiceNumber', 'owner'],
  callIntercept: ['phoneNumber', 'extension', 'state', 'isMainNumber', 'tollFreeNumber', 'telephonyType', 'isServiceNumber', 'owner'],
  chargeNumber: ['phoneNumber', 'state', 'isMainNumber', 'tollFreeNumber', 'isServiceNumber', 'owner'],
  huntGroup: ['phoneNumber', 'state', 'isMainNumber', 'tollFreeNumber', 'telephonyType', 'isServiceNumber'],
  huntGroupCallForward: ['phoneNumber', 'extension', 'state', 'isMainNumber', 'tollFreeNumber', 'telephonyType', 'isServiceNumber', 'owner'],
} as const satisfies Record<AvailableList, readonly AvailableNumberField[]>;

const pick = <K extends AvailableNumberField>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, fields[k]])) as { [P in K]: (typeof fields)[P] });

export const ExternalCallerIdNumber = pick(AVAILABLE_NUMBER_FIELDS.externalCallerId);
export const LocationAvailableNumber = pick(AVAILABLE_NUMBER_FIELDS.location);
export const WebexGoNumber = pick(AVAILABLE_NUMBER_FIELDS.webexGo);
export const EcbnAvailableNumber = pick(AVAILABLE_NUMBER_FIELDS.emergencyCallbackNumber);
export const CallInterceptNumber = pick(AVAILABLE_NUMBER_FIELDS.callIntercept);
export const ChargeNumber = pick(AVAILABLE_NUMBER_FIELDS.chargeNumber);

const paging = {
  max: Type.Optional(Type.Number({ description: 'Numbers per page (default and limit 2000).' })),
  start: StartQuery,
};
const phoneNumber = { phoneNumber: Type.Optional(Type.String({ maxLength: 8192, description: 'Comma-separated numbers to keep.' })) };
const ownerName = { ownerName: Type.Optional(Type.String({ maxLength: 255, description: 'Owners whose name contains this.' })) };

const availableList = (summary: string, description: string, query: Record<string, TSchema>, item: TSchema) => ({
  summary,
  description,
  tags,
  params: LocationParams,
  querystring: Type.Object({ ...OrgIdQuery, ...paging, ...query }),
  response: responses({ 200: Type.Object({ phoneNumbers: Type.Array(item) }) }),
});

export const ListExternalCallerIdNumbers = availableList(
  'Get the List of Phone Numbers Available for External Caller ID',
  'Numbers of this location and of the organization’s other calling locations in the same country.',
  { ...phoneNumber, ...ownerName, personId: Type.Optional(Type.String({ maxLength: 512 })) },
  ExternalCallerIdNumber,
);
export const ListLocationAvailableNumbers = availableList(
  'Get Available Phone Numbers for a Location with Given Criteria',
  'Service and standard PSTN numbers of the location, assigned or not: candidates for its main number.',
  { ...phoneNumber, ...ownerName },
  LocationAvailableNumber,
);
export const ListWebexGoNumbers = availableList(
  'Get Webex Go Available Phone Numbers',
  'Standard numbers of the location that nobody holds.',
  { ...phoneNumber },
  WebexGoNumber,
);
export const ListEcbnNumbers = availableList(
  'Get Location ECBN Available Phone Numbers',
  'Standard numbers of the location held by a member.',
  { ...phoneNumber, ...ownerName },
  EcbnAvailableNumber,
);
export const ListCallInterceptNumbers = availableList(
  'Get Location Call Intercept Available Phone Numbers',
  'Service and standard numbers of the location held by a member.',
  { ...phoneNumber, ...ownerName, extension: Type.Optional(Type.String({ maxLength: 32 })) },
  CallInterceptNumber,
);
export const ListChargeNumbers = availableList(
  'Get Available Charge Numbers for a Location',
  'Numbers of the location that are neither toll-free nor mobile.',
  { ...phoneNumber, ...ownerName },
  ChargeNumber,
);
