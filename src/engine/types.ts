// The call engine's vocabulary. A session joins legs; a leg is one party's side of a call. A
// person's leg is what the Webex API calls a call (its callId). Everything here is plain data:
// the engine is pure, and a session is stored as it is.

export type LegState = 'connecting' | 'alerting' | 'connected' | 'held' | 'remoteHeld' | 'disconnected';
export const LEG_STATES: readonly LegState[] = ['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected'];

export type Personality = 'originator' | 'terminator' | 'clickToDial';

/** location: same location; organization: same org, another location; external: PSTN. */
export type CallType = 'location' | 'organization' | 'external' | 'emergency' | 'repair' | 'other';

export type RecordingState = 'pending' | 'started' | 'paused' | 'stopped' | 'failed';

/** Who a leg belongs to. Only person legs are visible in the Call Controls API. */
export type Party =
  | {
      kind: 'person';
      personId: string;
      orgId: string;
      locationId: string;
      name: string;
      /** E.164, when the person has a number. */
      number: string | null;
      extension: string | null;
      /** Others in the organization outside the person's location dial routing prefix + extension. */
      routingPrefix: string | null;
      /** How the person is presented on a call they place, by their caller ID settings (absent: as they are). */
      presentation?: Presentation;
    }
  /** A simulated PSTN party: an external caller or called number; privacy: it withholds its number. */
  | { kind: 'pstn'; number: string; name: string | null; emergency: boolean; privacy?: boolean }
  /** A person's voicemail box, answering for them. */
  | { kind: 'voicemail'; personId: string; name: string; number: string | null }
  /** A feature access code (*73 …): answered by the system, which plays a confirmation. */
  | { kind: 'feature'; code: string }
  /** A hunt group: never a leg itself; it rings its agents (hunt.ts) and shows in their redirections. */
  | HuntGroupParty;

/**
 * What a caller's caller ID settings present (domain/calls/caller-id.ts): the name and number
 * parties outside the organization see, and whether the identity is withheld from everyone.
 */
export type Presentation = { name: string; number: string | null; blocked: boolean };

export type HuntGroupParty = {
  kind: 'huntGroup';
  huntGroupId: string;
  orgId: string;
  locationId: string;
  name: string;
  number: string | null;
  extension: string | null;
  routingPrefix: string | null;
};

export type PersonParty = Extract<Party, { kind: 'person' }>;
/** Where a hunt group forwards to: anything but another hunt group. */
export type ForwardParty = Exclude<Party, HuntGroupParty>;

/**
 * How a hunt group rings its agents, decided by the domain when the call arrives: the policy,
 * the agents in the order to offer them (CIRCULAR, UNIFORM and WEIGHTED ordered already), who
 * is busy, the timings and the forwarding destinations.
 */
export type HuntPlan = {
  policy: 'CIRCULAR' | 'REGULAR' | 'SIMULTANEOUS' | 'UNIFORM' | 'WEIGHTED';
  agents: { party: PersonParty; busy: boolean }[];
  /** Move on to the next agent after agentRingMs; otherwise an agent rings until noAnswerMs. */
  nextAgentEnabled: boolean;
  agentRingMs: number;
  /** When nobody has answered this long, forward (noAnswerForward) or end the call. */
  noAnswerMs: number;
  noAnswerForward: ForwardParty | null;
  /** Every agent busy: forward here, or the caller hears busy. */
  busyForward: ForwardParty | null;
  /** The group's call forwarding "always": calls go straight here, no agent rings. */
  alwaysForward?: ForwardParty | null;
  /**
   * Selective forwarding rules in force now (enabled, within their schedules), in order: the
   * first whose callers match decides; a null forward means "do not forward" (the agents ring).
   */
  selective?: SelectiveRule[];
};

export type SelectiveRule = {
  callsFrom: 'ANY' | { numbers: string[]; unavailableNumberEnabled: boolean };
  forward: ForwardParty | null;
  reason: 'timeOfDay' | 'unconditional';
};

/** A hunt under way in a session: the plan, the originator, and the next agent to offer. */
export type Hunt = {
  group: HuntGroupParty;
  plan: HuntPlan;
  /** The caller's leg, which waits while the agents ring. */
  originatorLegId: string;
  /** Index in plan.agents of the next agent to offer. */
  next: number;
  /** Person IDs offered so far, in order (CIRCULAR goes on after the last one next time). */
  offered: string[];
  /** Answered, forwarded or ended: the hunt's timers do nothing any more. */
  over: boolean;
};

export type RedirectReason =
  | 'busy'
  | 'noAnswer'
  | 'unavailable'
  | 'unconditional'
  | 'timeOfDay'
  | 'divert'
  | 'followMe'
  | 'huntGroup'
  | 'callQueue'
  | 'unknown';

export type Redirection = { reason: RedirectReason; redirectingParty: Party };

/** A timer the session waits on; stored with the session so that a restart re-arms it. */
export type Timer = {
  id: string;
  kind: TimerKind;
  legId: string;
  /** ISO time it fires at. */
  at: string;
};

export type TimerKind =
  /** An alerting leg nobody answers ends as missed. */
  | 'ringTimeout'
  /** A simulated party (PSTN, phone on auto-answer) answers. */
  | 'autoAnswer'
  /** A simulated party rejects. */
  | 'autoReject'
  /** A simulated party hangs up. */
  | 'autoHangup'
  /** A parked call rings back the person who parked it. */
  | 'parkRecall'
  /** An alerting person's call goes to their no-answer forwarding destination. */
  | 'forwardNoAnswer'
  /** A hunt group's agent has rung long enough: offer the next one (hunt.ts). */
  | 'huntAdvance'
  /** Nobody of the hunt group answered: forward or end (hunt.ts). */
  | 'huntNoAnswer';

export type Recall = { type: 'park'; party: Party };

export type Leg = {
  /** The callId. */
  id: string;
  party: Party;
  personality: Personality;
  /**
   * The one state value of the leg. `held`: this party put the call on hold; `remoteHeld`: the
   * other party did (and this one did not).
   */
  state: LegState;
  created: string;
  /** When the call went out: creation for an originator, the person's answer for click-to-dial. */
  placedAt: string | null;
  answered: string | null;
  disconnected: string | null;
  /** Most recent first; shown while an incoming leg alerts. */
  redirections: Redirection[];
  recall: Recall | null;
  recordingState: RecordingState | null;
  muted: boolean;
  /** Line appearance on the person's phone. */
  appearance: number | null;
  /** For a clickToDial leg: where the call goes once the person answers. */
  pendingDestination: Party | null;
  /** Why the leg ended: shapes call history (missed or not). */
  endReason: EndReason | null;
  /** Set on the leg taken elsewhere (answered by another party, transferred, parked). */
  completedElsewhere: boolean;
};

export type EndReason =
  | 'hangup'
  | 'remoteHangup'
  | 'rejected'
  | 'busy'
  | 'noAnswer'
  | 'cancelled'
  | 'diverted'
  | 'transferred'
  | 'parked'
  | 'retrieved';

/** A call parked against someone waits in the session for retrieval. */
export type Park = {
  /** The leg of the parked party. */
  legId: string;
  /** Who the call is parked against (the number to retrieve it with is theirs). */
  against: Party;
  /** Who parked it (rung back on recall). */
  parkedBy: Party;
};

export type Session = {
  id: string;
  orgId: string;
  legs: Leg[];
  timers: Timer[];
  park: Park | null;
  /**
   * On the consultation session of a transfer to a destination: when `targetLegId` answers, the
   * transferor's held call (`transferorLegId` in `transferorSessionId`) is joined with the
   * target, and both of the transferor's legs drop.
   */
  pendingTransfer: { transferorSessionId: string; transferorLegId: string; consultLegId: string; targetLegId: string } | null;
  /** A call to a hunt group, while and after it hunts (absent on every other session). */
  hunt?: Hunt;
  /** Legs of people who barged in (barge-in.ts): they leave without ending the call. */
  bargers?: string[];
  created: string;
  /** Last applied transition; bumps on every change. */
  version: number;
};

/** Event types, one per affected person leg per transition (issue 5 delivers them). */
export const CALL_EVENT_TYPES = [
  'received',
  'originated',
  'answered',
  'connected',
  'held',
  'resumed',
  'remoteHeld',
  'remoteResumed',
  'forwarded',
  'transferred',
  'parked',
  'recording',
  'updated',
  'disconnected',
] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

/** The webhook event each eventType is delivered as. */
export const WEBHOOK_EVENT_OF: Record<CallEventType, 'created' | 'updated' | 'deleted'> = {
  received: 'created',
  originated: 'created',
  answered: 'updated',
  connected: 'updated',
  held: 'updated',
  resumed: 'updated',
  remoteHeld: 'updated',
  remoteResumed: 'updated',
  forwarded: 'updated',
  transferred: 'updated',
  parked: 'updated',
  recording: 'updated',
  updated: 'updated',
  disconnected: 'deleted',
};

export type EngineEvent = { type: CallEventType; legId: string };

/** The one shape of a refused action: nothing changed, and why. */
export type Refusal = { refused: string };
