import { Type } from 'typebox';
import { ErrorBody, NoContent } from '../http/schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

const SimulatedLeg = Type.Object({
  callId: Type.String(),
  party: Type.Object({
    kind: Type.String({ description: 'person, workspace, virtualLine, pstn, voicemail, huntGroup or feature.' }),
    personId: Type.Optional(Type.String()),
    voicemailGroupId: Type.Optional(Type.String({ description: 'A voicemail group answering (kind voicemail).' })),
    workspaceId: Type.Optional(Type.String()),
    virtualLineId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    number: Type.Optional(Type.String()),
  }),
  personality: Type.String(),
  state: Type.String(),
  created: Type.String(),
  answered: Type.Optional(Type.String()),
  muted: Type.Boolean({ description: 'The leg is muted (Mute / Unmute of the Call Controls).' }),
  recordingState: Type.Optional(Type.String({ description: 'pending, started, paused, stopped or failed; absent when the call was never recorded.' })),
  endpointId: Type.Optional(
    Type.String({ description: "On a person's leg: the endpoint the call is on (My Endpoints), the simulated phone unless pulled to a device." }),
  ),
  ringPattern: Type.Optional(
    Type.Union(
      [
        Type.Literal('NORMAL'),
        Type.Literal('LONG_LONG'),
        Type.Literal('SHORT_SHORT_LONG'),
        Type.Literal('SHORT_LONG_SHORT'),
        Type.Literal('PRIORITY'),
        Type.Literal('SILENT'),
        Type.Literal('RING_SPLASH'),
      ],
      {
        description:
          "While a person's, workspace's or virtual line's phone rings: how it rings. An alternate number's pattern (with distinctive ring on), PRIORITY for a call the person's priority alert takes, an executive's screening alert (SILENT or RING_SPLASH) for their filtered call, else NORMAL.",
      },
    ),
  ),
  intercom: Type.Optional(
    Type.Union([Type.Literal('ONE_WAY'), Type.Literal('TWO_WAY')], { description: 'A Push to Talk call the phone answered by itself: ONE_WAY, the called party is muted and only the caller talks; TWO_WAY, both talk.' }),
  ),
  remoteParty: Type.Optional(
    Type.Object(
      { name: Type.Optional(Type.String()), number: Type.Optional(Type.String()), privacyEnabled: Type.Boolean() },
      { description: 'On a PSTN leg: the other party as the external party sees it (caller ID settings).' },
    ),
  ),
  hearing: Type.Optional(
    Type.Union([Type.Literal('musicOnHold'), Type.Literal('silence')], {
      description: "While the other party holds the call: music on hold (the holder's location and their own musicOnHold setting), or silence.",
    }),
  ),
});

export const SimulatedSession = Type.Object({
  callSessionId: Type.String(),
  created: Type.String(),
  parkedAgainst: Type.Optional(Type.String({ description: 'The person a parked call waits against.' })),
  queue: Type.Optional(
    Type.Object(
      {
        name: Type.String(),
        position: Type.Integer({ description: 'The caller\'s place in line, 1 first.' }),
        since: Type.String(),
        announcement: Type.String({ description: 'What the caller hears now: welcome, then musicOnHold.' }),
      },
      { description: 'While the caller waits in a call queue.' },
    ),
  ),
  attendant: Type.Optional(
    Type.Object(
      {
        name: Type.String(),
        menu: Type.String({ description: 'businessHours or afterHours: the menu the caller hears.' }),
        awaiting: Type.String({ description: 'key (a menu key), or extension, name or mailbox digits ended by #.' }),
        digits: Type.String({ description: 'Digits collected so far for an extension, name or mailbox.' }),
      },
      { description: 'The auto attendant the caller is in, while they are in it.' },
    ),
  ),
  legs: Type.Array(SimulatedLeg, { description: 'The legs still on the call.' }),
});

const SessionParams = Type.Object({ callSessionId: Type.String() });

export const PlaceCall = {
  summary: 'Place a call into the system',
  description:
    'From an external number (a simulated PSTN party, E.164) to a number or extension of a person of the organization, or from a person (their ID) to any destination, as their phone would. Answers with the call session and its legs.',
  tags: ['Sandbox'],
  body: Type.Object({
    from: Type.String({ minLength: 1, maxLength: 512 }),
    to: Type.String({ minLength: 1, maxLength: 256 }),
    privacyEnabled: Type.Optional(Type.Boolean({ description: 'An external caller that withholds its number (anonymous call rejection refuses it).' })),
    reputationScore: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: "How likely the organization's caller reputation provider finds an external caller to be spam (0 to 1); at or above its block threshold the call is blocked." }),
    ),
  }),
  response: { 201: SimulatedSession, ...errors },
};

export const ListSessions = {
  summary: 'List the active calls of the organization',
  tags: ['Sandbox'],
  response: { 200: Type.Object({ items: Type.Array(SimulatedSession) }), ...errors },
};

export const GetSession = {
  summary: 'Get a call session',
  tags: ['Sandbox'],
  params: SessionParams,
  response: { 200: SimulatedSession, ...errors },
};

export const PstnAction = {
  summary: "Act as a call's PSTN party",
  description: 'answer (a call to an external number), reject (busy) or hangup.',
  tags: ['Sandbox'],
  params: Type.Object({ callSessionId: Type.String(), action: Type.Union([Type.Literal('answer'), Type.Literal('reject'), Type.Literal('hangup')]) }),
  response: { 204: NoContent, ...errors },
};

export const PstnDtmf = {
  summary: "Press keys as a call's PSTN party",
  description: 'Sends DTMF tones from the PSTN party of the call (0-9, *, #, A-D; a comma pauses): an auto attendant the caller is in follows them through its menu.',
  tags: ['Sandbox'],
  params: SessionParams,
  body: Type.Object({ dtmf: Type.String({ minLength: 1, maxLength: 64, description: 'Tones as the Call Controls take them: 0-9, *, #, A-D and commas.' }) }),
  response: { 204: NoContent, ...errors },
};

const PhoneSettings = Type.Object({
  autoAnswer: Type.Boolean({ description: 'Answer incoming calls by itself after autoAnswerDelayMs. Off: the phone rings and waits.' }),
  autoAnswerDelayMs: Type.Integer({ minimum: 0, maximum: 600_000 }),
  busy: Type.Boolean({ description: 'Refuse every incoming call as busy.' }),
  offline: Type.Boolean({ description: 'Not registered: calls to the person go to their business continuity destination, or nobody answers.' }),
});

const PersonParams = Type.Object({ personId: Type.String() });

export const GetPhone = {
  summary: "Read a person's simulated phone",
  tags: ['Sandbox'],
  params: PersonParams,
  response: { 200: PhoneSettings, ...errors },
};

export const SetPhone = {
  summary: "Set a person's simulated phone",
  tags: ['Sandbox'],
  params: PersonParams,
  body: Type.Partial(PhoneSettings),
  response: { 200: PhoneSettings, ...errors },
};
