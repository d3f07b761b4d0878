import { Type, type Static, type TSchema } from 'typebox';
import { IdParam, NoContent, responses } from '../../http/schemas.ts';

// Call Controls: user-level endpoints acting for the token's person.

const id = (description: string) => Type.String({ maxLength: 512, description });
const callId = id('The call to act on.');
const lineOwnerId = Type.Optional(id('The owner of a secondary line (Call Controls act on the line of the person themself; a shared line rings all who carry it).'));
const endpointId = Type.Optional(id('The endpoint to use (My Endpoints). Dial alerts it, else the preferred answer endpoint; other actions use the simulated phone whatever it says.'));

export const PartyInformation = Type.Object({
  name: Type.Optional(Type.String()),
  number: Type.Optional(Type.String()),
  personId: Type.Optional(Type.String()),
  placeId: Type.Optional(Type.String()),
  privacyEnabled: Type.Boolean(),
  callType: Type.String({ description: 'location, organization, external, emergency, repair or other.' }),
});

export const Call = Type.Object({
  id: Type.String(),
  callSessionId: Type.String(),
  personality: Type.String({ description: 'originator, terminator or clickToDial.' }),
  state: Type.String({ description: 'connecting, alerting, connected, held, remoteHeld or disconnected.' }),
  remoteParty: PartyInformation,
  appearance: Type.Optional(Type.Integer()),
  created: Type.String(),
  answered: Type.Optional(Type.String()),
  redirections: Type.Optional(Type.Array(Type.Object({ reason: Type.String(), redirectingParty: PartyInformation }))),
  recall: Type.Optional(Type.Object({ type: Type.String(), party: PartyInformation })),
  recordingState: Type.Optional(Type.String()),
  muteCapable: Type.Boolean(),
  muted: Type.Boolean(),
});

export const NewCall = Type.Object({ callId: Type.String(), callSessionId: Type.String() });

const action = <B extends Record<string, TSchema>, R extends Record<number, TSchema>>(summary: string, body: B, success: R, description?: string) => ({
  summary,
  ...(description ? { description } : {}),
  tags: ['Call Controls'],
  body: Type.Object(body),
  response: responses(success),
});

export const Dial = action(
  'Dial',
  { destination: Type.String({ minLength: 1, maxLength: 256 }), endpointId, singleNumberReachPhoneNumber: Type.Optional(Type.String({ maxLength: 32 })), lineOwnerId },
  { 201: NewCall },
  "Click-to-dial: the person's phone alerts first (personality clickToDial); answering it places the call to the destination.",
);
export const Answer = action('Answer', { callId, endpointId, lineOwnerId }, { 204: NoContent });
export const Reject = action(
  'Reject',
  { callId, action: Type.Optional(Type.Union([Type.Literal('busy'), Type.Literal('temporarilyUnavailable'), Type.Literal('ignore')])), lineOwnerId },
  { 204: NoContent },
);
export const Hangup = action('Hangup', { callId, lineOwnerId }, { 204: NoContent });
export const Hold = action('Hold', { callId, lineOwnerId }, { 204: NoContent });
export const Resume = action('Resume', { callId, lineOwnerId }, { 204: NoContent });
export const Mute = action('Mute', { callId, lineOwnerId }, { 204: NoContent });
export const Unmute = action('Unmute', { callId, lineOwnerId }, { 204: NoContent });
export const Divert = action(
  'Divert',
  { callId, destination: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), toVoicemail: Type.Optional(Type.Boolean()), lineOwnerId },
  { 204: NoContent },
);
export const Transfer = action(
  'Transfer',
  { callId1: Type.Optional(id('The first call.')), callId2: Type.Optional(id('The second call.')), destination: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), lineOwnerId },
  { 201: NewCall, 204: NoContent },
  'Two calls (with IDs, or without when the person has exactly two): their other parties are joined (204). callId1 with destination: a consultation call to the destination, completed when it answers (201).',
);
export const Park = action(
  'Park',
  { callId, destination: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), isGroupPark: Type.Optional(Type.Boolean()), lineOwnerId },
  { 200: Type.Object({ parkedAgainst: PartyInformation }) },
  "Parks the call against the destination (a person of the organization or a call park extension) or the parking person; isGroupPark parks on the first free member or extension of the person's call park group.",
);
export const Retrieve = action(
  'Retrieve',
  { destination: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), endpointId, singleNumberReachPhoneNumber: Type.Optional(Type.String({ maxLength: 32 })), lineOwnerId },
  { 201: NewCall },
  'A new call, like dial: the person’s phone alerts; answering it connects the parked call.',
);
export const Pickup = action(
  'Pickup',
  { target: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), endpointId, singleNumberReachPhoneNumber: Type.Optional(Type.String({ maxLength: 32 })), lineOwnerId },
  { 201: NewCall },
  "A new call, like dial: the person's phone alerts; answering it takes the call ringing for the target, or without target for another member of the person's call pickup group.",
);
const recording = (summary: string) => action(summary, { callId: Type.Optional(callId), lineOwnerId }, { 204: NoContent });
export const StartRecording = recording('Start Recording');
export const StopRecording = recording('Stop Recording');
export const PauseRecording = recording('Pause Recording');
export const ResumeRecording = recording('Resume Recording');
export const TransmitDtmf = action(
  'Transmit DTMF',
  { callId: Type.Optional(callId), dtmf: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), lineOwnerId },
  { 204: NoContent },
  "Without callId, the person's only call; without dtmf, nothing is sent.",
);

export const ListCalls = {
  summary: 'List Calls',
  tags: ['Call Controls'],
  querystring: Type.Object({ lineOwnerId }),
  response: responses({ 200: Type.Object({ items: Type.Array(Call) }) }),
};

export const GetCall = {
  summary: 'Get Call Details',
  tags: ['Call Controls'],
  params: IdParam('callId', 'The call.'),
  querystring: Type.Object({ lineOwnerId }),
  response: responses({ 200: Call }),
};

export const CallHistory = {
  summary: 'List Call History',
  description: 'At most 20 records per type, newest first.',
  tags: ['Call Controls'],
  querystring: Type.Object({ type: Type.Optional(Type.Union([Type.Literal('placed'), Type.Literal('missed'), Type.Literal('received')])) }),
  response: responses({
    200: Type.Object({
      items: Type.Array(
        Type.Object({ type: Type.String(), name: Type.Optional(Type.String()), number: Type.Optional(Type.String()), privacyEnabled: Type.Boolean(), time: Type.String() }),
      ),
    }),
  }),
};

export type CallObjectSchema = Static<typeof Call>;
