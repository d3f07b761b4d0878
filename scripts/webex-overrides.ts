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
  },
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
