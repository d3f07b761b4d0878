import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Session } from '../../engine/types.ts';

// Sessions are stored whole as JSON; this is the one way they are read back. A stored document
// is checked against the engine's types before the engine sees it, so a damaged or foreign row
// fails loudly here instead of somewhere in the middle of a call.

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const RING_PATTERNS = ['NORMAL', 'LONG_LONG', 'SHORT_SHORT_LONG', 'SHORT_LONG_SHORT'] as const;
const RingPattern = Type.Enum(RING_PATTERNS);
const PersonParty = Type.Object({
  kind: Type.Literal('person'),
  personId: Type.String(),
  orgId: Type.String(),
  locationId: Type.String(),
  name: Type.String(),
  number: Nullable(Type.String()),
  extension: Nullable(Type.String()),
  routingPrefix: Nullable(Type.String()),
  presentation: Type.Optional(Type.Object({ name: Type.String(), number: Nullable(Type.String()), blocked: Type.Boolean() })),
  dialled: Type.Optional(Type.Object({ ringPattern: Type.Optional(RingPattern), pushToTalk: Type.Optional(Type.Boolean()) })),
});
const ForwardParty = Type.Union([
  PersonParty,
  Type.Object({ kind: Type.Literal('pstn'), number: Type.String(), name: Nullable(Type.String()), emergency: Type.Boolean(), privacy: Type.Optional(Type.Boolean()), reputationScore: Type.Optional(Type.Number()) }),
  Type.Object({ kind: Type.Literal('voicemail'), personId: Type.String(), name: Type.String(), number: Nullable(Type.String()), voicemailGroupId: Type.Optional(Type.String()) }),
  Type.Object({ kind: Type.Literal('feature'), code: Type.String() }),
]);
const HuntGroupParty = Type.Object({
  kind: Type.Literal('huntGroup'),
  huntGroupId: Type.String(),
  orgId: Type.String(),
  locationId: Type.String(),
  name: Type.String(),
  number: Nullable(Type.String()),
  extension: Nullable(Type.String()),
  routingPrefix: Nullable(Type.String()),
  feature: Type.Optional(Type.Literal('callQueue')),
});
const ParkExtensionParty = Type.Object({
  kind: Type.Literal('parkExtension'),
  parkExtensionId: Type.String(),
  orgId: Type.String(),
  locationId: Type.String(),
  name: Type.String(),
  extension: Type.String(),
  routingPrefix: Nullable(Type.String()),
});
const PagingGroupParty = Type.Object({
  kind: Type.Literal('pagingGroup'),
  pagingGroupId: Type.String(),
  orgId: Type.String(),
  locationId: Type.String(),
  name: Type.String(),
  number: Nullable(Type.String()),
  extension: Nullable(Type.String()),
  routingPrefix: Nullable(Type.String()),
});
const AutoAttendantParty = Type.Object({
  kind: Type.Literal('autoAttendant'),
  autoAttendantId: Type.String(),
  feature: Type.Optional(Type.Literal('aiReceptionist')),
  orgId: Type.String(),
  locationId: Type.String(),
  name: Type.String(),
  number: Nullable(Type.String()),
  extension: Nullable(Type.String()),
  routingPrefix: Nullable(Type.String()),
});
const Party = Type.Union([...ForwardParty.anyOf, HuntGroupParty, AutoAttendantParty, ParkExtensionParty, PagingGroupParty]);
const ForwardOrAttendant = Type.Union([...ForwardParty.anyOf, AutoAttendantParty]);
const SelectiveRules = Type.Array(
  Type.Object({
    callsFrom: Type.Union([Type.Literal('ANY'), Type.Object({ numbers: Type.Array(Type.String()), unavailableNumberEnabled: Type.Boolean() })]),
    forward: Nullable(ForwardOrAttendant),
    reason: Type.Enum(['timeOfDay', 'unconditional']),
  }),
);

const Attendant = Type.Object({
  party: AutoAttendantParty,
  plan: Type.Object({
    menu: Type.Enum(['businessHours', 'afterHours']),
    keys: Type.Array(
      Type.Object({
        key: Type.String(),
        action: Type.Enum(['PLAY_ANNOUNCEMENT', 'TRANSFER_WITH_PROMPT', 'TRANSFER_WITHOUT_PROMPT', 'TRANSFER_TO_OPERATOR', 'TRANSFER_TO_MAILBOX', 'NAME_DIALING', 'EXTENSION_DIALING', 'REPEAT_MENU', 'EXIT']),
        to: Nullable(Party),
      }),
    ),
    extensionEnabled: Type.Boolean(),
    directory: Type.Array(Type.Object({ extension: Type.String(), names: Type.Array(Type.String()), party: Party, mailbox: Nullable(Party) })),
    noInputMs: Type.Number(),
    retries: Type.Integer(),
    noInputTo: Nullable(Party),
    alwaysForward: Type.Optional(Nullable(Party)),
    selective: Type.Optional(SelectiveRules),
  }),
  originatorLegId: Type.String(),
  legId: Type.String(),
  awaiting: Type.Enum(['key', 'extension', 'name', 'mailbox']),
  digits: Type.String(),
  replays: Type.Integer(),
  over: Type.Boolean(),
});

const Hunt = Type.Object({
  group: HuntGroupParty,
  plan: Type.Object({
    policy: Type.Enum(['CIRCULAR', 'REGULAR', 'SIMULTANEOUS', 'UNIFORM', 'WEIGHTED']),
    agents: Type.Array(Type.Object({ party: PersonParty, busy: Type.Boolean() })),
    nextAgentEnabled: Type.Boolean(),
    agentRingMs: Type.Number(),
    noAnswerMs: Type.Number(),
    noAnswerForward: Nullable(ForwardOrAttendant),
    busyForward: Nullable(ForwardOrAttendant),
    alwaysForward: Type.Optional(Nullable(ForwardOrAttendant)),
    selective: Type.Optional(SelectiveRules),
    queue: Type.Optional(
      Type.Object({
        waiting: Type.Integer(),
        size: Type.Integer(),
        overflow: Type.Object({ to: Nullable(ForwardOrAttendant), ringing: Type.Boolean() }),
        overflowAfterMs: Nullable(Type.Number()),
        retryMs: Type.Number(),
        welcome: Type.Boolean(),
        divert: Type.Optional(Type.Object({ to: Nullable(ForwardOrAttendant), reason: Type.Enum(['unconditional', 'timeOfDay', 'busy']) })),
      }),
    ),
  }),
  originatorLegId: Type.String(),
  next: Type.Integer(),
  offered: Type.Array(Type.String()),
  over: Type.Boolean(),
  queuedAt: Type.Optional(Type.String()),
});

const Leg = Type.Object({
  id: Type.String(),
  party: Party,
  personality: Type.Enum(['originator', 'terminator', 'clickToDial']),
  state: Type.Enum(['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected']),
  created: Type.String(),
  placedAt: Nullable(Type.String()),
  answered: Nullable(Type.String()),
  disconnected: Nullable(Type.String()),
  redirections: Type.Array(
    Type.Object({
      reason: Type.Enum(['busy', 'noAnswer', 'unavailable', 'unconditional', 'timeOfDay', 'divert', 'followMe', 'huntGroup', 'callQueue', 'executive', 'unknown']),
      redirectingParty: Party,
    }),
  ),
  recall: Nullable(Type.Object({ type: Type.Literal('park'), party: Party })),
  recordingState: Nullable(Type.Enum(['pending', 'started', 'paused', 'stopped', 'failed'])),
  muted: Type.Boolean(),
  appearance: Nullable(Type.Integer()),
  pendingDestination: Nullable(Party),
  endReason: Nullable(
    Type.Enum(['hangup', 'remoteHangup', 'rejected', 'busy', 'noAnswer', 'cancelled', 'diverted', 'transferred', 'parked', 'retrieved', 'pulled']),
  ),
  completedElsewhere: Type.Boolean(),
  endpoint: Type.Optional(Type.String()),
  ringPattern: Type.Optional(Type.Enum([...RING_PATTERNS, 'PRIORITY', 'SILENT', 'RING_SPLASH'])),
  assistantCallerId: Type.Optional(
    Type.Object({
      name: Type.Enum(['EXECUTIVE_ORIGINATOR', 'ORIGINATOR_EXECUTIVE', 'EXECUTIVE', 'ORIGINATOR', 'CUSTOM']),
      customName: Type.Optional(Type.String()),
      number: Type.Enum(['EXECUTIVE', 'ORIGINATOR', 'CUSTOM']),
      customNumber: Type.Optional(Type.String()),
    }),
  ),
  intercom: Type.Optional(Type.Enum(['ONE_WAY', 'TWO_WAY'])),
});

const SessionSchema = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  legs: Type.Array(Leg),
  timers: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.Enum(['ringTimeout', 'autoAnswer', 'autoReject', 'autoHangup', 'parkRecall', 'parkRecallHunt', 'forwardNoAnswer', 'huntAdvance', 'huntNoAnswer', 'sequentialRing', 'queueRetry', 'attendantNoInput', 'complianceAnnounced', 'executiveNext', 'executiveRollover']),
      legId: Type.String(),
      at: Type.String(),
    }),
  ),
  park: Nullable(
    Type.Object({
      legId: Type.String(),
      against: Party,
      parkedBy: Party,
      recall: Type.Optional(Type.Object({ afterMs: Type.Number(), alertParker: Type.Boolean(), huntGroup: Nullable(HuntGroupParty), huntWaitMs: Type.Number() })),
    }),
  ),
  pendingTransfer: Nullable(
    Type.Object({ transferorSessionId: Type.String(), transferorLegId: Type.String(), consultLegId: Type.String(), targetLegId: Type.String() }),
  ),
  hunt: Type.Optional(Hunt),
  bargers: Type.Optional(Type.Array(Type.String())),
  attendant: Type.Optional(Attendant),
  conference: Type.Optional(
    Type.Object({
      hostPersonId: Type.String(),
      created: Type.String(),
      held: Type.Boolean(),
      muted: Type.Boolean(),
      participants: Type.Array(Type.Object({ hostLegId: Type.String(), peerLegId: Type.String(), muted: Type.Boolean(), deafened: Type.Boolean() })),
    }),
  ),
  page: Type.Optional(Type.Object({ group: PagingGroupParty, originatorLegId: Type.String(), showOriginator: Type.Boolean() })),
  compliance: Type.Optional(Type.Object({ legId: Type.String(), pstnLegId: Type.String(), until: Type.String() })),
  pull: Type.Optional(Type.Object({ legId: Type.String(), pulledLegId: Type.String(), endpoint: Nullable(Type.String()) })),
  created: Type.String(),
  version: Type.Integer(),
});

// The schema and the engine's type must describe the same thing, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Static<typeof SessionSchema>, Session> = true;
void sameShape;

// Compiled on the first session read, not on import: compiling it took a few per cent of the
// server's start, which reads no session until a call is placed.
let compiled: ReturnType<typeof Compile<typeof SessionSchema>> | undefined;
const sessionValidator = () => (compiled ??= Compile(SessionSchema));

/** Reads a stored session; throws when the document is not one. */
export function decodeSession(data: string): Session {
  const value: unknown = JSON.parse(data);
  // Documents written before legs kept one state value carried a `holding` flag beside it.
  if (value && typeof value === 'object' && Array.isArray((value as { legs?: unknown }).legs)) {
    for (const leg of (value as { legs: Record<string, unknown>[] }).legs) if (leg && typeof leg === 'object') delete leg.holding;
  }
  const validator = sessionValidator();
  if (!validator.Check(value)) {
    const first = [...validator.Errors(value)][0];
    throw new Error(`stored call session is malformed${first ? ` at ${first.instancePath || '/'}: ${first.message}` : ''}`);
  }
  return value;
}

export const encodeSession = (session: Session): string => JSON.stringify(session);
