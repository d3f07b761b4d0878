import { Type, type Static } from 'typebox';
import { ErrorBody, IdParam, NoContent, OrgIdQuery, OrgQuery, responses, StartQuery } from '../../http/schemas.ts';

const CallingLineId = Type.Object({
  name: Type.String({ description: 'Group calling line ID name; by default the organization name.' }),
  phoneNumber: Type.Optional(Type.String({ description: 'Main number, E.164.' })),
});

export const CallingLocationItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  outsideDialDigit: Type.Optional(Type.String()),
  enforceOutsideDialDigit: Type.Boolean(),
  routingPrefix: Type.Optional(Type.String()),
  callingLineId: CallingLineId,
  e911SetupRequired: Type.Boolean(),
});
export type CallingLocationItem = Static<typeof CallingLocationItem>;

const Connection = Type.Object({ type: Type.String({ description: 'TRUNK or ROUTE_GROUP.' }), id: Type.String() });

export const CallingLocation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  announcementLanguage: Type.String(),
  callingLineId: CallingLineId,
  /** Only for a premises PSTN connection (a trunk or a route group), as the field's own description says. */
  connection: Type.Optional(Connection),
  externalCallerIdName: Type.String({ description: 'The location name unless set.' }),
  userLimit: Type.Integer({ description: 'Read-only: how many people the location may hold.' }),
  pAccessNetworkInfo: Type.Optional(Type.String()),
  outsideDialDigit: Type.String({ description: 'Empty when none.' }),
  enforceOutsideDialDigit: Type.Boolean(),
  routingPrefix: Type.String({ description: 'Empty when none.' }),
  defaultDomain: Type.String({ description: 'Read-only.' }),
  chargeNumber: Type.Optional(Type.String()),
  useChargeNumberForPChargeInfo: Type.Boolean(),
});
export type CallingLocation = Static<typeof CallingLocation>;

const LocationParams = IdParam('locationId', 'A unique identifier for the location.');
const telephonyList = {
  max: Type.Optional(Type.Number({ description: 'Items per page.' })),
  start: StartQuery,
};

export const ListCallingLocations = {
  summary: 'List Locations Webex Calling Details',
  description: 'Only locations enabled for Webex Calling.',
  tags: ['Location Call Settings'],
  querystring: Type.Object({
    ...OrgIdQuery,
    ...telephonyList,
    name: Type.Optional(Type.String({ maxLength: 256, description: 'Locations whose name contains this.' })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc'), Type.Literal('name')], { description: 'Sort by name: asc (default) or desc.' })),
  }),
  response: responses({ 200: Type.Object({ locations: Type.Array(CallingLocationItem) }) }),
};

const text = (maxLength: number) => Type.String({ maxLength });

export const EnableCallingBody = Type.Object({
  id: text(512),
  name: text(256),
  timeZone: text(64),
  preferredLanguage: text(16),
  announcementLanguage: text(16),
  address: Type.Object({
    address1: text(256),
    address2: Type.Optional(text(256)),
    city: text(256),
    state: text(256),
    postalCode: text(32),
    country: text(2),
  }),
});

export const EnableCalling = {
  summary: 'Enable a Location for Webex Calling',
  description: 'The location must exist (POST /v1/locations); the body is that location, extra fields tolerated.',
  tags: ['Location Call Settings'],
  querystring: OrgQuery,
  body: EnableCallingBody,
  response: responses({ 201: Type.Object({ id: Type.String() }) }),
};

export const GetCallingLocation = {
  summary: 'Get Location Webex Calling Details',
  tags: ['Location Call Settings'],
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 200: CallingLocation }),
};

const nullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const UpdateCallingBody = Type.Object({
  announcementLanguage: Type.Optional(text(16)),
  callingLineId: Type.Optional(Type.Object({ name: Type.Optional(text(80)), phoneNumber: Type.Optional(text(32)) })),
  connection: Type.Optional(Type.Object({ type: text(32), id: text(512) })),
  externalCallerIdName: Type.Optional(text(256)),
  pAccessNetworkInfo: Type.Optional(text(256)),
  outsideDialDigit: Type.Optional(nullableText(8)),
  enforceOutsideDialDigit: Type.Optional(Type.Boolean()),
  routingPrefix: Type.Optional(nullableText(16)),
  chargeNumber: Type.Optional(nullableText(32)),
});
export type UpdateCallingBody = Static<typeof UpdateCallingBody>;

const FailureReason = Type.Object({ failureReason: Type.String() });

export const UpdateCallingLocation = {
  summary: 'Update Location Webex Calling Details',
  description:
    '200 {batchJobId}: the routing prefix changed and an update-routing-prefix job started. 204: no job was needed. 206 {failureReason}: the update applied but no job started (the location has no members). 409 {failureReason}: another routing-prefix job of the organization is running; nothing changed.',
  tags: ['Location Call Settings'],
  params: LocationParams,
  querystring: OrgQuery,
  body: UpdateCallingBody,
  response: {
    200: Type.Object({ batchJobId: Type.String() }),
    204: NoContent,
    206: FailureReason,
    ...responses({}),
    409: Type.Union([FailureReason, ErrorBody]),
  },
};

const JobStep = Type.Object({
  id: Type.Integer(),
  startTime: Type.String(),
  endTime: Type.Optional(Type.String()),
  lastUpdated: Type.String(),
  statusMessage: Type.String(),
  exitCode: Type.String(),
  name: Type.String(),
  timeElapsed: Type.String(),
});

export const JobObject = Type.Object({
  name: Type.String(),
  id: Type.String(),
  jobType: Type.String(),
  trackingId: Type.String(),
  sourceUserId: Type.String(),
  sourceCustomerId: Type.String(),
  targetCustomerId: Type.String(),
  instanceId: Type.Integer(),
  jobExecutionStatus: Type.Array(
    Type.Object({
      id: Type.Integer(),
      startTime: Type.Optional(Type.String()),
      endTime: Type.Optional(Type.String()),
      lastUpdated: Type.String(),
      statusMessage: Type.String(),
      exitCode: Type.String(),
      createdTime: Type.String(),
      timeElapsed: Type.String(),
      stepExecutionStatuses: Type.Array(JobStep),
    }),
  ),
  latestExecutionStatus: Type.String({ description: 'STARTING, STARTED, COMPLETED or FAILED.' }),
  latestExecutionExitCode: Type.String({ description: 'UNKNOWN, COMPLETED, FAILED, STOPPED or COMPLETED_WITH_ERRORS.' }),
  counts: Type.Object({ routingPrefixUpdated: Type.Integer(), routingPrefixFailed: Type.Integer() }),
});
export type JobObject = Static<typeof JobObject>;

const JobParams = IdParam('jobId', 'A unique identifier for the job.');

export const ListJobs = {
  summary: 'Get a List of Update Routing Prefix jobs',
  tags: ['Location Call Settings'],
  querystring: Type.Object({ ...OrgIdQuery, ...telephonyList }),
  response: responses({ 200: Type.Object({ items: Type.Array(JobObject) }) }),
};

export const GetJob = {
  summary: 'Get the job status of Update Routing Prefix job',
  tags: ['Location Call Settings'],
  params: JobParams,
  querystring: OrgQuery,
  response: responses({ 200: JobObject }),
};

export const JobErrorItem = Type.Object({
  itemNumber: Type.Integer(),
  item: Type.String(),
  trackingId: Type.String(),
  error: Type.Object({
    key: Type.String(),
    message: Type.Array(Type.Object({ description: Type.String(), code: Type.String(), locationId: Type.String() })),
  }),
});

export const GetJobErrors = {
  summary: 'Get job errors for update routing prefix job',
  tags: ['Location Call Settings'],
  params: JobParams,
  querystring: Type.Object({ ...OrgIdQuery, ...telephonyList }),
  response: responses({ 200: Type.Object({ items: Type.Array(JobErrorItem) }) }),
};

export const ChangeAnnouncementLanguage = {
  summary: 'Change Announcement Language',
  description:
    "Applies a language to the location's existing people (agentEnabled) and features (serviceEnabled); the location's default, used for new ones, does not change.",
  tags: ['Location Call Settings'],
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({
    announcementLanguageCode: text(16),
    agentEnabled: Type.Optional(Type.Boolean()),
    serviceEnabled: Type.Optional(Type.Boolean()),
  }),
  response: responses({ 204: NoContent }),
};

const NetworkConnectionType = Type.Union([Type.Literal('PUBLIC_INTERNET'), Type.Literal('PRIVATE_NETWORK')]);

export const GetPrivateNetworkConnect = {
  summary: 'Get Private Network Connect',
  tags: ['Location Call Settings'],
  params: LocationParams,
  querystring: OrgQuery,
  response: responses({ 200: Type.Object({ networkConnectionType: NetworkConnectionType }) }),
};

export const UpdatePrivateNetworkConnect = {
  summary: 'Update Private Network Connect',
  tags: ['Location Call Settings'],
  params: LocationParams,
  querystring: OrgQuery,
  body: Type.Object({ networkConnectionType: NetworkConnectionType }),
  response: responses({ 204: NoContent }),
};
