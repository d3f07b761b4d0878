// Corrections to Cisco's documents where the rebuilt calling document is known wrong or
// incomplete (a schema cut by the rendering, a type it lost, a schema that contradicts Cisco's
// own example). Each entry names its operation, where it applies (a JSON pointer inside the
// operation object) and why. scripts/generate-webex.ts applies them before generating, and
// docs/webex-api.md lists them.

export type Override = {
  /** Which document: calling, admin, device or messaging. */
  document: string;
  /** The operation; without it, `at` points from the document's root (a component schema). */
  method?: 'get' | 'put' | 'post' | 'delete' | 'patch';
  /** The path as the document writes it (without /v1). */
  path?: string;
  /** JSON pointer inside the operation (or the document), e.g. /responses/200/content/application~1json/schema. */
  at: string;
  /** Replaces the value at the pointer (created if absent). */
  set?: unknown;
  /** Merged into the object at the pointer. */
  merge?: Record<string, unknown>;
  reason: string;
};

const JSON_SCHEMA = '/content/application~1json/schema';
const str = { type: 'string' };
const audioFile = {
  type: 'object',
  required: ['id', 'fileName', 'mediaFileType', 'level'],
  properties: { id: str, fileName: str, mediaFileType: { type: 'string', enum: ['WAV'] }, level: { type: 'string', enum: ['ORGANIZATION', 'LOCATION'] } },
};
const locationMusicOnHold = (required: string[]) => ({
  type: 'object',
  required,
  properties: {
    callHoldEnabled: { type: 'boolean' },
    callParkEnabled: { type: 'boolean' },
    greeting: { type: 'string', enum: ['SYSTEM', 'CUSTOM'] },
    audioFile,
    playlist: { type: 'object', required: ['id'], properties: { id: str, name: str } },
  },
});
const WEBHOOK_EVENTS = ['created', 'updated', 'deleted', 'started', 'ended', 'joined', 'left', 'migrated', 'authorized', 'deauthorized', 'statusChanged', 'all'];

const queueAgents = {
  type: 'array',
  items: { type: 'object', required: ['id'], properties: { id: str, weight: str, skillLevel: { type: 'number' }, joinEnabled: { type: 'boolean' } } },
};
const cdrFieldsLost = {
  'Start time': str,
  User: str,
  'User UUID': str,
  'User number': str,
  'User type': str,
  'Sub client type': str,
  'Transfer related call ID': str,
};
export const overrides: Override[] = [
  // Request examples that contradict their own schema (test/api/document-examples.test.ts sends
  // every example): the schema is corrected where Webex accepts the example, the example where
  // the schema and Webex's SDKs agree against it.
  {
    document: 'calling',
    method: 'post',
    path: '/telephony/config/locations/{locationId}/queues',
    at: `/requestBody${JSON_SCHEMA}/properties/callPolicies/required`,
    set: ['policy'],
    reason: "Cisco's example creates a queue without callBounce and distinctiveRing (Webex then applies its defaults, as Get a Call Queue shows): only the policy is needed.",
  },
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/locations/{locationId}/voicePortal',
    at: '/requestBody/content/application~1json/example/extension',
    set: '5678',
    reason: 'The example sends the extension as a number; the schema, the GET and wxc_sdk have it as a string.',
  },
  ...(['post', 'put'] as const).flatMap((method): Override[] =>
    (
      [
        ['', { extension: 1273, passcode: 740384 }],
        ['/faxMessage', { extension: 23455 }],
      ] as const
    ).map(([at, merge]) => ({
      document: 'calling',
      method,
      path: method === 'post' ? '/telephony/config/locations/{locationId}/voicemailGroups' : '/telephony/config/locations/{locationId}/voicemailGroups/{voicemailGroupId}',
      at: `/requestBody/content/application~1json/example${at}`,
      merge: { ...merge },
      reason: "The example sends extensions and the passcode as strings where the voicemail group request's schema says numbers.",
    })),
  ),
  ...(['post', 'put'] as const).flatMap((method): Override[] =>
    (['mondayToFriday', 'saturdayToSunday'] as const).map((days) => ({
      document: 'calling',
      method,
      path: method === 'post' ? '/telephony/config/operatingModes/' : '/telephony/config/operatingModes/{modeId}',
      at: `/requestBody${JSON_SCHEMA}/properties/sameHoursDaily/properties/${days}/required`,
      set: ['enabled', 'allDayEnabled'],
      reason: "Cisco's example gives an all-day schedule without times: startTime and endTime are needed only when allDayEnabled is false (a rule the service checks).",
    })),
  ),
  {
    document: 'calling',
    method: 'post',
    path: '/telephony/config/locations/{locationId}/autoAttendants',
    at: `/requestBody${JSON_SCHEMA}/required`,
    set: ['name', 'businessSchedule', 'businessHoursMenu'],
    reason: "Cisco's example creates an auto attendant without afterHoursMenu; the service still answers a 400 that names it when it is missing, rather than a schema refusal of the documented example.",
  },
  ...(
    [
      ['put', '/telephony/config/people/me/settings/selectiveAccept/criteria/{id}', ['PEOPLE', 'GROUP', 'LOCATION']],
      ['put', '/telephony/config/people/me/settings/selectiveReject/criteria/{id}', ['PEOPLE', 'GROUP', 'LOCATION']],
      ['post', '/telephony/config/people/me/settings/simultaneousRing/criteria', ['PEOPLE', 'GROUP', 'LOCATION']],
      ['put', '/telephony/config/people/me/settings/simultaneousRing/criteria/{id}', ['PEOPLE', 'GROUP', 'LOCATION']],
      ['post', '/telephony/config/people/me/settings/sequentialRing/criteria', ['PEOPLE', 'GROUP', 'LOCATION']],
    ] as const
  ).map(
    ([method, path, levels]): Override => ({
      document: 'calling',
      method,
      path,
      at: `/requestBody${JSON_SCHEMA}/properties/scheduleLevel/enum`,
      set: [...levels],
      reason:
        "Cisco's examples of the For Me criteria send scheduleLevel LOCATION (a location's schedule, which the admin paths call GROUP; both name the same schedules) or PEOPLE (the person's own, which the service answers with a 400 naming the schedule when it is not theirs).",
    }),
  ),
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/virtualLines/{virtualLineId}/directorySearch',
    at: '/requestBody/content/application~1json/example/enabled',
    set: true,
    reason: 'The example sends enabled as the string "true"; the schema and every other Webex flag take a boolean.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/admin/convergedRecordings',
    at: `/responses/200${JSON_SCHEMA}/properties/items/items/properties/status/enum`,
    set: ['available', 'deleted', 'purged'],
    reason: 'The operation takes status=purged and answers the purged recordings, whose status is purged (as Get Recording Details documents); the list item enum lost the value.',
  },
  ...['/cdr_feed', '/cdr_stream'].map((path) => ({
    document: 'calling',
    method: 'get' as const,
    path,
    at: `/responses/200${JSON_SCHEMA}/properties/items/items/properties`,
    merge: cdrFieldsLost,
    reason:
      "The rendering lost fields every Webex CDR carries and wxc_sdk models: Start time, User, User UUID, User number, User type, Sub client type, Transfer related call ID (the document's own descriptions refer to the user of the record).",
  })),
  {
    document: 'calling',
    method: 'get',
    path: '/workspaces/{workspaceId}/features/numbers',
    at: `/responses/200${JSON_SCHEMA}`,
    set: {
      type: 'object',
      required: ['phoneNumbers', 'workspace', 'location', 'organization'],
      properties: {
        distinctiveRingEnabled: { type: 'boolean' },
        phoneNumbers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['primary'],
            properties: { external: str, extension: str, routingPrefix: str, esn: str, primary: { type: 'boolean' }, ringPattern: str },
          },
        },
        workspace: { type: 'object', required: ['id'], properties: { id: str } },
        location: { type: 'object', required: ['id', 'name'], properties: { id: str, name: str } },
        organization: { type: 'object', required: ['id', 'name'], properties: { id: str, name: str } },
      },
    },
    reason:
      "The document gives this GET the body of the person's number assignment PUT (action, directNumber). Webex answers the workspace's numbers (external, extension, primary) with the workspace, its location and organization, as wxc_sdk's WorkspaceNumbers models it.",
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/conference',
    at: `/responses/200${JSON_SCHEMA}/required`,
    set: [],
    reason: 'The operation says "An empty JSON object body is returned if there is no conference", which the required state, created and muted forbid.',
  },
  // Auto attendant menus: keyConfigurations is a list of keys (Webex's examples and wxc_sdk's
  // AutoAttendantMenu.key_configurations are lists; the rebuilt document keeps one item's schema).
  ...(['post:/telephony/config/locations/{locationId}/autoAttendants', 'put:/telephony/config/locations/{locationId}/autoAttendants/{autoAttendantId}'] as const).flatMap((op) =>
    (['businessHoursMenu', 'afterHoursMenu'] as const).map((menu) => ({
      document: 'calling',
      method: op.split(':')[0] as 'post' | 'put',
      path: op.slice(op.indexOf(':') + 1),
      at: `/requestBody${JSON_SCHEMA}/properties/${menu}/properties/keyConfigurations`,
      set: 'wrap-array',
      reason: 'A menu has one configuration per key: keyConfigurations is a list (Webex examples, wxc_sdk), not one object.',
    })),
  ),
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/autoAttendants/{autoAttendantId}',
    at: `/responses/200${JSON_SCHEMA}/properties/businessHoursMenu/properties/keyConfigurations`,
    set: 'wrap-array',
    reason: 'A menu has one configuration per key: keyConfigurations is a list (Webex examples, wxc_sdk), not one object.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/autoAttendants/{autoAttendantId}',
    at: `/responses/200${JSON_SCHEMA}/properties/afterHoursMenu/properties/keyConfigurations`,
    set: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'action'],
        properties: {
          key: { type: 'string', enum: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] },
          action: { type: 'string', enum: ['PLAY_ANNOUNCEMENT', 'TRANSFER_WITH_PROMPT', 'TRANSFER_WITHOUT_PROMPT', 'TRANSFER_TO_OPERATOR', 'TRANSFER_TO_MAILBOX', 'NAME_DIALING', 'EXTENSION_DIALING', 'REPEAT_MENU', 'EXIT'] },
          description: str,
          value: str,
          audioAnnouncementFile: audioFile,
        },
      },
    },
    reason: 'The rendering lost the after-hours keyConfigurations schema (untyped); it is the same list of keys as the business-hours menu.',
  },
  {
    document: 'calling',
    method: 'post',
    path: '/telephony/config/locations/{locationId}/queues',
    at: `/requestBody${JSON_SCHEMA}/properties`,
    merge: { agents: queueAgents, allowCallWaitingForAgentsEnabled: { type: 'boolean' } },
    reason: 'The rendering dropped the agents of Create a Call Queue (and allowCallWaitingForAgentsEnabled), which Webex takes and its SDKs send: id, weight, skillLevel, joinEnabled.',
  },
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/locations/{locationId}/queues/{queueId}',
    at: `/requestBody${JSON_SCHEMA}/properties`,
    merge: { agents: queueAgents, allowCallWaitingForAgentsEnabled: { type: 'boolean' }, dialByName: str, directLineCallerIdName: { type: 'object', properties: { selection: { type: 'string', enum: ['CUSTOM_NAME', 'DISPLAY_NAME'] }, customName: str } } },
    reason: 'The same cut in Update a Call Queue: its agents (replacing the list), allowCallWaitingForAgentsEnabled and the caller ID name fields that Get a Call Queue shows.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/queues/{queueId}',
    at: `/responses/200${JSON_SCHEMA}/properties/agents/items/properties`,
    merge: { routingPrefix: str, esn: str, type: str, skillLevel: { type: 'number' }, joinEnabled: { type: 'boolean' } },
    reason: 'Get a Call Queue shows each agent as the queue holds them (Webex SDKs read skillLevel and joinEnabled); the rendering kept only the name, number and weight.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/queues/{queueId}',
    at: `/responses/200${JSON_SCHEMA}/properties/callPolicies/properties`,
    merge: { routingType: { type: 'string', enum: ['PRIORITY_BASED', 'SKILL_BASED'] } },
    reason: 'The routingType a queue is created and updated with is shown back by Get a Call Queue.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}',
    at: `/responses/200${JSON_SCHEMA}/properties/callingLineId/required`,
    set: ['name'],
    reason:
      'A location has no main number until one is assigned (Location Call Settings lets it be set later); callingLineId then carries only its name. wxc_sdk models phoneNumber as optional.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations',
    at: `/responses/200${JSON_SCHEMA}/properties/locations/items/properties/callingLineId/required`,
    set: [],
    reason: 'The same in the list: no phoneNumber while the location has no main number.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/externalCallerId/availableNumbers',
    at: `/responses/200${JSON_SCHEMA}/properties/phoneNumbers/items`,
    set: {
      type: 'object',
      required: ['phoneNumber', 'state', 'isMainNumber', 'tollFreeNumber', 'isServiceNumber'],
      properties: {
        phoneNumber: str,
        extension: str,
        state: str,
        isMainNumber: { type: 'boolean' },
        tollFreeNumber: { type: 'boolean' },
        isServiceNumber: { type: 'boolean' },
        location: { type: 'object', required: ['id', 'name'], properties: { id: str, name: str } },
        owner: { type: 'object', required: ['id', 'type'], properties: { id: str, type: str, firstName: str, lastName: str, displayName: str } },
      },
    },
    reason:
      "The schema (phoneNumberType, mainNumber, includedTelephonyTypes required) is another list's; Cisco's own example answers phoneNumber, state, isMainNumber, tollFreeNumber, isServiceNumber, location and owner, as the other available-number lists do.",
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/receptionistContacts/directories/{directoryId}',
    at: `/responses/200${JSON_SCHEMA}/properties/contacts/items/required`,
    set: ['firstName', 'lastName'],
    reason:
      "Every field is marked required, yet Cisco's own example leaves department and locationId out and has null personId, phoneNumber and featureId (a person has no featureId, a feature no personId).",
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/premisePstn/trunks/{trunkId}',
    at: `/responses/200${JSON_SCHEMA}/properties/responseStatus`,
    set: 'wrap-array',
    reason:
      'responseStatus is rendered as one object; Webex answers a list of them (wxc_sdk reads `response_status: list[ResponseStatus]` and fails on an object), as errorCodes beside it is.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}',
    at: `/responses/200${JSON_SCHEMA}/required`,
    set: ['id', 'name', 'announcementLanguage', 'callingLineId', 'externalCallerIdName', 'userLimit', 'outsideDialDigit', 'routingPrefix', 'defaultDomain'],
    reason: "connection is marked required, but its own description says it is returned only when the location's PSTN connection is a TRUNK or ROUTE_GROUP.",
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/musicOnHold',
    at: `/responses/200${JSON_SCHEMA}`,
    set: locationMusicOnHold(['callHoldEnabled', 'callParkEnabled', 'greeting']),
    reason:
      "The rebuilt page carries a workspace's Music On Hold schema (mohEnabled, mohLocationEnabled, greeting DEFAULT|CUSTOM); Cisco's own example, and wxc_sdk, show the location's: callHoldEnabled, callParkEnabled, greeting SYSTEM|CUSTOM, audioFile, playlist.",
  },
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/locations/{locationId}/musicOnHold',
    at: `/requestBody${JSON_SCHEMA}`,
    set: locationMusicOnHold([]),
    reason: 'The same mix-up in the request: the example sends the location fields (callHoldEnabled, callParkEnabled, greeting SYSTEM|CUSTOM, audioFile).',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/jobs/updateRoutingPrefix',
    at: `/responses/200${JSON_SCHEMA}`,
    set: 'wrap-items',
    reason: "The schema is a bare array of jobs; Cisco's example, like every other job list, answers {items: [...]}.",
  },
  {
    document: 'messaging',
    at: '/components/schemas/Webhook/properties/event/enum',
    set: WEBHOOK_EVENTS,
    reason: "Webex accepts event \"all\" (every event of the resource; Cisco's webhooks guide), which the enum leaves out.",
  },
  {
    document: 'messaging',
    method: 'post',
    path: '/webhooks',
    at: `/requestBody${JSON_SCHEMA}/properties/event/enum`,
    set: WEBHOOK_EVENTS,
    reason: 'The same "all" event, accepted when creating a webhook.',
  },  {
    document: 'calling',
    method: 'put',
    path: '/people/{personId}/features/monitoring',
    at: `/requestBody${JSON_SCHEMA}/properties/monitoredElements/items`,
    set: {
      anyOf: [
        { type: 'string' },
        { type: 'object', properties: { id: str, type: { type: 'string', enum: ['MEMBER', 'CALL_PARK_EXTENSION', 'SPEED_DIAL'] }, lineKeyLabel: str, phoneNumber: str } },
      ],
    },
    reason:
      'The description says "Array of ID strings of monitored elements" (as wxc_sdk sends them) while the items were inferred from the example as objects ({id, type} or {lineKeyLabel, phoneNumber}); both forms are accepted.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/locations/{locationId}/outgoingPermission/accessCodes',
    at: `/responses/200${JSON_SCHEMA}/properties/accessCodes`,
    set: 'wrap-array',
    reason: "A location has several access codes: Cisco's own example (and wxc_sdk) give accessCodes as a list; the schema says one object.",
  },
  {
    document: 'calling',
    method: 'post',
    path: '/telephony/config/locations/{locationId}/outgoingPermission/accessCodes',
    at: `/requestBody${JSON_SCHEMA}/properties/accessCodes`,
    set: 'wrap-array',
    reason: "The same in the request that creates them: Cisco's example posts a list of access codes.",
  },
  // An agent's caller ID, on a person's and on a virtual line's paths (the same operation).
  ...(['/telephony/config/people/{personId}/agent/callerId', '/telephony/config/virtualLines/{virtualLineId}/agent/callerId'] as const).flatMap(
    (path): Override[] => [
      {
        document: 'calling',
        method: 'get',
        path,
        at: `/responses/200${JSON_SCHEMA}/required`,
        set: [],
        reason: "An agent who uses their own caller ID has no selectedCallerId (the description: set it to null to use the agent's own caller ID).",
      },
      {
        document: 'calling',
        method: 'get',
        path,
        at: `/responses/200${JSON_SCHEMA}/properties/selectedCallerId/required`,
        set: ['id', 'type', 'name'],
        reason: 'The descriptions say phoneNumber and extension are given "when not null": a hunt group or queue may have only one of them.',
      },
      {
        document: 'calling',
        method: 'put',
        path,
        at: `/requestBody${JSON_SCHEMA}/properties/selectedCallerId`,
        set: { 'x-type-unknown': true, description: "The hunt group or call queue ID, or null for the agent's own caller ID." },
        reason: 'The description says "Set to null to use the agent\'s own caller ID", which a string schema refuses.',
      },
    ],
  ),
  ...(['/people/{personId}/features/voicemail', '/telephony/config/people/me/settings/voicemail', '/telephony/config/workspaces/{workspaceId}/voicemail'] as const).map(
    (path): Override => ({
      document: 'calling',
      method: 'put',
      path,
      at: '/requestBody/content/application~1json/schema/required',
      set: [],
      reason:
        "notifications and transferToNumber are marked required in the voicemail PUT, yet every field of it is optional by its description (a PUT changes only the fields it carries, as Webex's other settings PUTs do) and wxc_sdk sends partial updates.",
    }),
  ),
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/moh/settings',
    at: `/responses/200${JSON_SCHEMA}`,
    set: { type: 'object', required: ['defaultOrgMoh'], properties: { defaultOrgMoh: { type: 'string', enum: ['OPUS', 'LEGACY'] } } },
    reason:
      "The rebuilt page carries a workspace's Music On Hold schema (mohEnabled, greeting…); Cisco's own example answers {defaultOrgMoh: OPUS}, the field the PUT sets, and wxc_sdk reads defaultOrgMoh as OPUS or LEGACY.",
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/workspaces/{workspaceId}/sequentialRing',
    at: `/responses/200${JSON_SCHEMA}/properties/baseLocationNumberOfRings`,
    set: { type: 'integer' },
    reason: "A count of rings (2 to 20), an integer in the workspace's PUT and in the person's sequential ring GET; the workspace GET alone types it a string.",
  },
  // Workspace Call Settings examples that contradict their own schemas.
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/workspaces/{workspaceId}/callPolicies',
    at: '/requestBody/content/application~1json/example/connectedLineIdPrivacyOnRedirectedCalls',
    set: 'PRIVACY_FOR_EXTERNAL_CALLS',
    reason: 'The example lists the enum ("<NO_PRIVACY | PRIVACY_FOR_EXTERNAL_CALLS | PRIVACY_FOR_ALL_CALLS>") where a value goes.',
  },
  ...(
    [
      ['post', '/telephony/config/workspaces/{workspaceId}/priorityAlert/criteria'],
      ['put', '/telephony/config/workspaces/{workspaceId}/priorityAlert/criteria/{id}'],
    ] as const
  ).map(
    ([method, path]): Override => ({
      document: 'calling',
      method,
      path,
      at: '/requestBody/content/application~1json/example/scheduleType',
      set: 'holidays',
      reason: 'The example writes scheduleType "Holidays"; the schema, every other criteria operation and wxc_sdk spell it holidays.',
    }),
  ),
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/workspaces/{workspaceId}/sequentialRing',
    at: '/requestBody/content/application~1json/example/baseLocationNumberOfRings',
    set: 2,
    reason: 'The example sends the count of rings as the string "2"; the schema takes a number.',
  },
  // The preferred answer endpoint is null until one is selected, and a PUT of null clears it.
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/people/{personId}/preferredAnswerEndpoint',
    at: `/responses/200${JSON_SCHEMA}/required`,
    set: ['endpoints'],
    reason: 'The description says "The preferred answer endpoint is null if one has not been selected": preferredAnswerEndpointId is absent then.',
  },
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/people/{personId}/preferredAnswerEndpoint',
    at: `/requestBody${JSON_SCHEMA}/properties/preferredAnswerEndpointId`,
    set: { 'x-type-unknown': true, description: 'The endpoint ID, or null to clear the preferred answer endpoint.' },
    reason: 'The description says "To clear the preferred answer endpoint the preferredAnswerEndpointId attribute must be set to null", which a string schema refuses.',
  },
  // An all-day event of a person's schedule has no times, as a location's (whose document says so).
  {
    document: 'calling',
    method: 'get',
    path: '/people/{personId}/features/schedules/{scheduleType}/{scheduleId}/events/{eventId}',
    at: `/responses/200${JSON_SCHEMA}/required`,
    set: ['id', 'name', 'startDate', 'endDate'],
    reason: 'startTime and endTime do not apply to an all-day event (allDayEnabled), as the location schedule operations state; Webex leaves them out.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/people/{personId}/features/schedules/{scheduleType}/{scheduleId}',
    at: `/responses/200${JSON_SCHEMA}/properties/events/items/required`,
    set: ['name', 'startDate', 'endDate'],
    reason: 'startTime and endTime do not apply to an all-day event (allDayEnabled), as the location schedule operations state; Webex leaves them out.',
  },
  // A virtual line has no email address of its own: its voicemail shows no copy or external
  // address until one is set (a person's show their email).
  ...(['emailCopyOfMessage', 'messageStorage'] as const).map((section) => ({
    document: 'calling',
    method: 'get' as const,
    path: '/telephony/config/virtualLines/{virtualLineId}/voicemail',
    at: `/responses/200${JSON_SCHEMA}/properties/${section}/required`,
    set: section === 'emailCopyOfMessage' ? ['enabled'] : ['mwiEnabled', 'storageType'],
    reason: 'A virtual line has no email address: the address a person\'s voicemail starts with (their email) does not exist for it, so emailId and externalEmail are absent until set (wxc_sdk models both as optional).',
  })),
  // Call Settings For Me: the preferred answer endpoint.
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/people/me/settings/preferredAnswerEndpoint',
    at: `/requestBody${JSON_SCHEMA}/properties/preferredAnswerEndpointId`,
    set: { 'x-type-unknown': true, description: 'The endpoint ID, or null to clear the preference.' },
    reason: 'Webex clears the preferred answer endpoint when preferredAnswerEndpointId is null (the admin operation says so; wxc_sdk passes None to clear), which a string schema refuses.',
  },
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/people/me/settings/preferredAnswerEndpoint',
    at: '/requestBody/content/application~1json/example',
    set: { preferredAnswerEndpointId: 'Y2lzY29z...' },
    reason: 'The example sends the endpoint as id; the schema, the admin operation and wxc_sdk name it preferredAnswerEndpointId.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/people/me/settings/preferredAnswerEndpoint',
    at: `/responses/200${JSON_SCHEMA}/required`,
    set: [],
    reason: 'The operation says "If a preferred endpoint is not set for the person, API returns empty", which the required id, type and name forbid.',
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints',
    at: `/responses/200${JSON_SCHEMA}/properties/endpoints/items/properties/isPreferredAnswerEndpoint`,
    set: { type: 'boolean', description: 'Whether the endpoint is the preferred answer endpoint.' },
    reason: "The operation answers the person's preferred answer endpoint with the list (its description and Cisco's example: isPreferredAnswerEndpoint on each endpoint); the rendering lost the field.",
  },
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/supportedDevices',
    at: `/responses/200${JSON_SCHEMA}/properties/devices/items`,
    set: {
      type: 'object',
      required: ['model', 'displayName', 'type', 'manufacturer', 'managedBy', 'supportedFor', 'onboardingMethod', 'numberOfLinePorts'],
      properties: {
        model: str,
        displayName: str,
        type: str,
        manufacturer: str,
        managedBy: str,
        supportedFor: { type: 'array', items: str },
        onboardingMethod: { type: 'array', items: str },
        allowConfigureLayoutEnabled: { type: 'boolean' },
        numberOfLinePorts: { type: 'number' },
        kemSupportEnabled: { type: 'boolean' },
        kemModuleCount: { type: 'number' },
        kemModuleType: { type: 'array', items: str },
        upgradeChannelEnabled: { type: 'boolean' },
        additionalPrimaryLineAppearancesEnabled: { type: 'boolean' },
        basicEmergencyNomadicEnabled: { type: 'boolean' },
        customizedBehaviorsEnabled: { type: 'boolean' },
        allowConfigurePortsEnabled: { type: 'boolean' },
        customizableLineLabelEnabled: { type: 'boolean' },
        supportsLinePortReorderingEnabled: { type: 'boolean' },
        kemLinesSupportEnabled: { type: 'boolean' },
        portNumberSupportEnabled: { type: 'boolean' },
        numberOfLineKeyButtons: { type: 'number' },
        t38Enabled: { type: 'boolean' },
        callDeclinedEnabled: { type: 'boolean' },
        touchScreenPhone: { type: 'boolean' },
        deviceSettingsConfiguration: str,
        allowHotelingHostEnabled: { type: 'boolean' },
        supportsLogCollection: str,
        supportsApplyChangesEnabled: { type: 'boolean' },
        allowConfigureLinesEnabled: { type: 'boolean' },
        allowConfigurePhoneSettingsEnabled: { type: 'boolean' },
        supportsHotlineEnabled: { type: 'boolean' },
      },
    },
    reason:
      "The supported devices' items schema is a copy of the person devices list's (id, owner, activationState, location), while the operation's own example and wxc_sdk's SupportedDevice show device models (model, displayName, type, manufacturer, numberOfLinePorts, …).",
  },
  // Line keys: sharedLineIndex is "applicable only when the lineKeyType is SHARED_LINE", and every
  // example leaves it out of other keys; the request schemas mark it required.
  ...(
    [
      ['post', '/telephony/config/devices/lineKeyTemplates', '/properties/lineKeys/items/required', ['lineKeyIndex', 'lineKeyType']],
      ['put', '/telephony/config/devices/lineKeyTemplates/{templateId}', '/properties/lineKeys/items/required', ['lineKeyIndex', 'lineKeyType']],
      ['put', '/telephony/config/devices/{deviceId}/layout', '/properties/lineKeys/items/required', ['lineKeyIndex', 'lineKeyType']],
      ['put', '/telephony/config/devices/{deviceId}/layout', '/properties/kemKeys/items/required', ['kemModuleIndex', 'kemKeyIndex', 'kemKeyType']],
    ] as const
  ).map(
    ([method, path, at, set]): Override => ({
      document: 'calling',
      method,
      path,
      at: `/requestBody${JSON_SCHEMA}${at}`,
      set: [...set],
      reason: 'sharedLineIndex applies to SHARED_LINE keys only (its description), and the examples leave it out of the others.',
    }),
  ),
  // Examples that write booleans and an access code as strings, against their schemas and wxc_sdk.
  ...(
    [
      ['put', '/telephony/config/devices/{deviceId}/layout', '/userReorderEnabled', true],
      ['post', '/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke', '/advisoryTypes/moreMonitorAppearancesEnabled', true],
      ['post', '/telephony/config/jobs/devices/applyLineKeyTemplate', '/advisoryTypes/moreMonitorAppearancesEnabled', true],
      ['post', '/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke', '/advisoryTypes/moreCPEAppearancesEnabled', true],
      ['post', '/telephony/config/jobs/devices/applyLineKeyTemplate', '/advisoryTypes/moreCPEAppearancesEnabled', true],
      ['put', '/telephony/config/locations/{locationId}/dectNetworks/{dectNetworkId}', '/defaultAccessCode', '1234'],
      ['delete', '/telephony/config/locations/{locationId}/dectNetworks/{dectNetworkId}/handsets/', '/deleteAll', true],
      ['put', '/telephony/config/locations/{locationId}/dectNetworks/{dectNetworkId}/serviceabilityPassword', '/enabled', true],
    ] as const
  ).map(
    ([method, path, at, set]): Override => ({
      document: 'calling',
      method,
      path,
      at: `/requestBody/content/application~1json/example${at}`,
      set,
      reason: 'The example writes the value as a string ("true", 1234 as a number) where its schema and wxc_sdk take a boolean (a string for the access code).',
    }),
  ),
  // Shared line appearances on a Webex App: the members are a device's members (wxc_sdk reads
  // them with its DeviceMember model), so primaryOwner is a boolean as on a device, and the T.38
  // flag is named t38FaxCompressionEnabled (the rendering glued "`true`" to the property name).
  ...(
    [
      ['get', '/telephony/config/people/{personId}/applications/{applicationId}/members', `/responses/200${JSON_SCHEMA}/properties/members/items/properties`],
      ['get', '/telephony/config/people/{personId}/applications/members', `/responses/200${JSON_SCHEMA}/properties/members/items/properties`],
      ['put', '/telephony/config/people/{personId}/applications/{applicationId}/members', `/requestBody${JSON_SCHEMA}/properties/members/items/properties`],
      ['put', '/telephony/config/people/{personId}/applications/members', `/requestBody${JSON_SCHEMA}/properties/members/items/properties`],
    ] as const
  ).map(
    ([method, path, at]): Override => ({
      document: 'calling',
      method,
      path,
      at,
      merge: { primaryOwner: { type: 'boolean' }, t38FaxCompressionEnabled: { type: 'boolean' } },
      reason: "A Webex App's members are a device's members: primaryOwner is a boolean (as Get Device Members and wxc_sdk have it), and the T.38 flag's name lost its form in the rendering.",
    }),
  ),
  // The secondary line's voicemail is a Call Settings For Me operation like its siblings, on a
  // user's token: the admin scope the document names is one a user's token does not hold.
  ...(
    [
      ['get', 'spark:telephony_config_read'],
      ['put', 'spark:telephony_config_write'],
    ] as const
  ).map(
    ([method, scope]): Override => ({
      document: 'calling',
      method,
      path: '/telephony/config/people/me/settings/secondaryLines/{lineownerId}/voicemail',
      at: '/description',
      set: `Voicemail settings of a secondary line of the authenticated user. Requires a user auth token with a scope of \`${scope}\`.`,
      reason: 'Names spark-admin:people_read/write for a user-token operation; every other secondary line operation, and the user\'s own voicemail, take spark:telephony_config_read/write.',
    }),
  ),
  // A secondary line's preferred answer endpoint is answered as the person's own: empty when none is set.
  {
    document: 'calling',
    method: 'get',
    path: '/telephony/config/people/me/settings/secondaryLines/{lineOwnerId}/preferredAnswerEndpoint',
    at: `/responses/200${JSON_SCHEMA}`,
    set: { type: 'object', properties: { id: str, type: { type: 'string', enum: ['DEVICE', 'APPLICATION'] }, name: str } },
    reason: 'The operation says "If a preferred endpoint is not set for the person, API returns empty", which the required id, type and name of its shared schema forbid.',
  },
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/people/me/settings/secondaryLines/{lineOwnerId}/preferredAnswerEndpoint',
    at: '/requestBody/content/application~1json/example',
    set: { preferredAnswerEndpointId: 'Y2lzY29z...' },
    reason: "The example sends the endpoint as id; the schema, and the person's own operation, name it preferredAnswerEndpointId.",
  },
  // Change device settings jobs: Cisco's examples show the job's target, location and progress,
  // which the schemas (copied from a move job's) leave out.
  ...(
    [
      ['post', '/telephony/config/jobs/devices/callDeviceSettings', `/responses/200${JSON_SCHEMA}/properties`],
      ['get', '/telephony/config/jobs/devices/callDeviceSettings/{jobId}', `/responses/200${JSON_SCHEMA}/properties`],
      ['get', '/telephony/config/jobs/devices/callDeviceSettings', `/responses/200${JSON_SCHEMA}/properties/items/items/properties`],
    ] as const
  ).map(
    ([method, path, at]): Override => ({
      document: 'calling',
      method,
      path,
      at,
      merge: {
        locationCustomizationsEnabled: { type: 'boolean' },
        target: { type: 'string', enum: ['CUSTOMER', 'LOCATION'] },
        locationId: str,
        percentageComplete: { type: 'integer' },
      },
      reason: "Cisco's examples of the job show locationCustomizationsEnabled, target, locationId and percentageComplete; the schema lost them.",
    }),
  ),
  // Device Call Settings with dynamic settings: Cisco's examples and wxc_sdk (SetOrClear) act on
  // a tag with SET and CLEAR; the schemas name ADD and DELETE, which no example or SDK sends.
  ...(
    [
      ['put', '/telephony/config/devices/{deviceId}/dynamicSettings'],
      ['post', '/telephony/config/jobs/devices/dynamicDeviceSettings'],
    ] as const
  ).map(
    ([method, path]): Override => ({
      document: 'calling',
      method,
      path,
      at: `/requestBody${JSON_SCHEMA}/properties/tags/items/properties/action/enum`,
      set: ['SET', 'CLEAR'],
      reason: "Cisco's examples and wxc_sdk's SetOrClear send SET or CLEAR; the schema's ADD and DELETE are sent by nobody.",
    }),
  ),
  {
    document: 'calling',
    method: 'put',
    path: '/telephony/config/devices/{deviceId}/settings',
    at: `/requestBody${JSON_SCHEMA}/properties/customizations/properties/mpp/required`,
    set: ['pnacEnabled', 'audioCodecPriority', 'background', 'cdpEnabled', 'defaultLoggingLevel', 'dndServicesEnabled', 'acd', 'shortInterdigitTimer', 'longInterdigitTimer', 'lineKeyLabelFormat', 'lineKeyLEDPattern', 'lldpEnabled', 'mppUserWebAccessEnabled', 'multicast', 'enhancedMulticast', 'offHookTimer', 'phoneLanguage', 'poeMode', 'qosEnabled', 'screenTimeout'],
    reason: "Cisco's example updates a phone of an older model, which takes backlightTimerOldModel instead of backlightTimer: backlightTimer cannot be required of every MPP phone.",
  },
  {
    document: 'calling',
    method: 'post',
    path: '/telephony/config/jobs/devices/callDeviceSettings',
    at: '/requestBody/content/application~1json/example/customizations',
    set: {
      ata: {
        audioCodecPriority: { primary: 'G711a', secondary: 'G711u', tertiary: 'G729a', selection: 'REGIONAL' },
        ataDtmfMode: 'NORMAL',
        ataDtmfMethod: 'AVT',
        cdpEnabled: true,
        lldpEnabled: true,
        qosEnabled: true,
        vlan: { enabled: true, value: 1 },
        webAccessEnabled: false,
        nightlyResyncEnabled: true,
        snmp: { enabled: false, trustedIP: '0.0.0.0/0.0.0.0', getCommunity: 'public', setCommunity: 'private', snmpV3Enabled: false },
      },
      dect: {
        audioCodecPriority: { primary: 'G729', secondary: 'G711u', tertiary: 'G711a', selection: 'REGIONAL' },
        cdpEnabled: true,
        dect6825HandsetEmergencyNumber: '',
        lldpEnabled: false,
        multicast: '',
        qosEnabled: true,
        vlan: { enabled: false, value: 0 },
        webAccessEnabled: true,
        nightlyResyncEnabled: true,
      },
      mpp: {
        pnacEnabled: true,
        audioCodecPriority: { primary: 'OPUS', secondary: 'G722', tertiary: 'G711u', selection: 'CUSTOM' },
        backlightTimer: 'FIVE_MIN',
        background: { customUrl: '', image: 'NONE' },
        displayNameFormat: 'PERSON_FIRST_THEN_LAST_NAME',
        cdpEnabled: false,
        defaultLoggingLevel: 'STANDARD',
        dndServicesEnabled: true,
        acd: { enabled: false, displayCallqueueAgentSoftkeys: 'LAST_PAGE' },
        shortInterdigitTimer: 14,
      },
    },
    reason: "The example contradicts its own schema (the ATA and DECT documents miss required fields, DECT's multicast is a list where the schema says a string, a VLAN value is null, backlightTimer FIVE_M is not in the enum): the same customizations, complete and in the schema's values.",
  },
  // The For Me schedule PUTs change the person's schedule yet name only the read scope.
  ...(['/telephony/config/people/me/schedules/{scheduleType}/{scheduleId}', '/telephony/config/people/me/schedules/{scheduleType}/{scheduleId}/events/{eventId}'].map(
    (path): Override => ({
      document: 'calling',
      method: 'put',
      path,
      at: '/description',
      set: 'Modifies the authenticated user\'s schedule. This API requires a user auth token with a scope of `spark:telephony_config_write`.',
      reason: 'The description names spark:telephony_config_read for a write; the other For Me schedule writes (POST, DELETE) name spark:telephony_config_write.',
    }),
  )),
  // Virtual lines on devices and DECT handsets (wxc_sdk's DeviceMember/AvailableMember and DECT
  // handset lines type memberType as PEOPLE, PLACE or VIRTUAL_LINE; Control Hub assigns them).
  ...(
    [
      ['/telephony/config/devices/{deviceId}/members', '/properties/members/items/properties/memberType/enum'],
      ['/telephony/config/devices/{deviceId}/availableMembers', '/properties/members/items/properties/memberType/enum'],
      ['/telephony/config/devices/availableMembers', '/properties/members/items/properties/memberType/enum'],
      ['/telephony/config/locations/{locationId}/dectNetworks/{dectNetworkId}/handsets', '/properties/handsets/items/properties/lines/items/properties/memberType/enum'],
      ['/telephony/config/locations/{locationId}/dectNetworks/{dectNetworkId}/handsets/{handsetId}', '/properties/lines/items/properties/memberType/enum'],
      ['/telephony/config/locations/{locationId}/dectNetworks/{dectNetworkId}/baseStations/{baseStationId}', '/properties/handsets/items/properties/lines/items/properties/memberType/enum'],
    ] as const
  ).map(
    ([path, at]): Override => ({
      document: 'calling',
      method: 'get',
      path,
      at: `/responses/200${JSON_SCHEMA}${at}`,
      set: ['PEOPLE', 'PLACE', 'VIRTUAL_LINE'],
      reason: "A virtual line can be a device's or DECT handset's line (the member PUTs and handset POST/PUT take its ID); the enum lists only PEOPLE and PLACE.",
    }),
  ),
];

function walkTo(root: any, pointer: string, create: boolean): [any, string] {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === undefined) {
      if (!create) throw new Error(`override pointer ${pointer}: no ${part}`);
      node[part] = {};
    }
    node = node[part];
  }
  return [node, parts.at(-1)!];
}

/** Applies the document's overrides in place; an override that no longer applies fails loudly. */
export function applyOverrides(doc: any, document: string, list: Override[]): void {
  for (const entry of list.filter((o) => o.document === document)) {
    const target = entry.method ? doc.paths?.[entry.path ?? '']?.[entry.method] : doc;
    if (!target) throw new Error(`override for ${entry.method?.toUpperCase()} ${entry.path}: no such operation in ${document}`);
    const [parent, last] = walkTo(target, entry.at, entry.set !== undefined);
    if (entry.set === 'wrap-array') {
      if (parent[last]?.type !== 'object') throw new Error(`override ${entry.at}: not an object to wrap`);
      parent[last] = { type: 'array', items: parent[last] };
    } else if (entry.set === 'wrap-items') {
      if (parent[last]?.type !== 'array') throw new Error(`override ${entry.at}: not an array to wrap`);
      parent[last] = { type: 'object', required: ['items'], properties: { items: parent[last] } };
    } else if (entry.set !== undefined) parent[last] = entry.set;
    if (entry.merge) {
      if (typeof parent[last] !== 'object' || parent[last] === null) throw new Error(`override ${entry.at}: nothing to merge into`);
      Object.assign(parent[last], entry.merge);
    }
  }
}
