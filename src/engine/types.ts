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
      /**
       * A line that is not a person's rings and answers as a person's does (its own settings and
       * phone): a workspace, or a virtual line. personId is then that line's ID. Absent: a person.
       */
      line?: 'workspace' | 'virtualLine';
      /** How this call was dialled, for placing it only (session.ts placeTo reads it; legs never keep it). */
      dialled?: Dialled;
    }
  /**
   * A simulated PSTN party: an external caller or called number; privacy: it withholds its number;
   * reputationScore: how likely a caller reputation provider finds the call spam (0 to 1).
   */
  | { kind: 'pstn'; number: string; name: string | null; emergency: boolean; privacy?: boolean; reputationScore?: number }
  /** A voicemail box answering: a person's (personId), or a voicemail group's (voicemailGroupId, personId ''). */
  | { kind: 'voicemail'; personId: string; name: string; number: string | null; voicemailGroupId?: string }
  /** A feature access code (*73 …): answered by the system, which plays a confirmation. */
  | { kind: 'feature'; code: string }
  /** A hunt group: never a leg itself; it rings its agents (hunt.ts) and shows in their redirections. */
  | HuntGroupParty
  /** An auto attendant: answers at once and plays a menu the caller navigates with DTMF (attendant.ts). */
  | AutoAttendantParty
  /** A call park extension: never a leg itself; calls are parked against it and retrieved from it. */
  | ParkExtensionParty
  /** A paging group: never a leg itself; a call to it pages its targets (paging.ts). */
  | PagingGroupParty;

export type AutoAttendantParty = {
  kind: 'autoAttendant';
  /** With feature 'aiReceptionist': the AI receptionist's ID. */
  autoAttendantId: string;
  /**
   * An AI receptionist answers as an attendant does: its plan's keys are its intents (the caller
   * asking for one is, in the simulator, pressing its key), its no-input action its default action.
   */
  feature?: 'aiReceptionist';
  orgId: string;
  locationId: string;
  name: string;
  number: string | null;
  extension: string | null;
  routingPrefix: string | null;
};

export type PagingGroupParty = {
  kind: 'pagingGroup';
  pagingGroupId: string;
  orgId: string;
  locationId: string;
  name: string;
  number: string | null;
  extension: string | null;
  routingPrefix: string | null;
};

/** Whom a paging group pages when called now, decided by the domain (busy: on a call already). */
export type PagePlan = {
  targets: { party: PersonParty; busy: boolean }[];
  /** Person IDs who may page the group; empty: anyone. */
  originators: string[];
  /** Targets see the originator (true) or the paging group (false) as the caller. */
  showOriginator: boolean;
};

/**
 * A conference a person (the host) made of their calls: one session holds the host's leg with
 * each participant and the participant's leg, paired; the pairs talk to each other through the
 * host. Muted: the host's audio does not reach the conference; a participant muted does not
 * reach it either, a participant deafened hears nothing of it.
 */
export type Conference = {
  hostPersonId: string;
  created: string;
  held: boolean;
  muted: boolean;
  participants: ConferenceParticipant[];
};
export type ConferenceParticipant = { hostLegId: string; peerLegId: string; muted: boolean; deafened: boolean };

/** A page under way: the originator talks, every target listens. */
export type Page = { group: PagingGroupParty; originatorLegId: string; showOriginator: boolean };

export type ParkExtensionParty = {
  kind: 'parkExtension';
  parkExtensionId: string;
  orgId: string;
  locationId: string;
  name: string;
  extension: string;
  routingPrefix: string | null;
};

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
  /** A call queue: it hunts like a hunt group (huntGroupId is the queue's ID), with calls waiting in line. */
  feature?: 'callQueue';
};

export type PersonParty = Extract<Party, { kind: 'person' }>;

/** Webex's ring patterns (alternate numbers, distinctive ring). */
export type RingPattern = 'NORMAL' | 'LONG_LONG' | 'SHORT_SHORT_LONG' | 'SHORT_LONG_SHORT';

/**
 * How a person was dialled: an alternate number with its ring pattern (distinctive ring on), or
 * with the Push to Talk code (*50 and the extension), an intercom call.
 */
export type Dialled = { ringPattern?: RingPattern; pushToTalk?: boolean };
/** Where a hunt group forwards to: anything but another hunt group (or a park extension). */
export type ForwardParty = Exclude<Party, HuntGroupParty | ParkExtensionParty | PagingGroupParty>;

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
  /** A call queue's line: calls wait for a free agent instead of hearing busy (hunt.ts). */
  queue?: QueuePlan;
};

/**
 * How a call queue treats a call, decided when it arrives: whether the line is full, where it
 * overflows, how often a waiting call looks for a free agent again, and a service that takes
 * the call instead of the agents (forced forward, holiday or night service, stranded calls).
 */
export type QueuePlan = {
  /** Calls waiting in the queue before this one. */
  waiting: number;
  size: number;
  /** Where an overflowing call goes: a party, busy (null), or ringing on until the caller hangs up. */
  overflow: { to: ForwardParty | null; ringing: boolean };
  /** The wait after which a call overflows (overflowAfterWait); null: it waits as long as the caller does. */
  overflowAfterMs: number | null;
  /** A waiting call is offered again to whoever is free this often. */
  retryMs: number;
  /** The welcome message plays first (enabled, and not only when agents are busy). */
  welcome: boolean;
  /** The call goes here instead (null: busy) before any agent is offered. */
  divert?: { to: ForwardParty | null; reason: 'unconditional' | 'timeOfDay' | 'busy' };
};

export type SelectiveRule = {
  callsFrom: 'ANY' | { numbers: string[]; unavailableNumberEnabled: boolean };
  forward: ForwardParty | null;
  reason: 'timeOfDay' | 'unconditional';
};

export type AttendantAction =
  | 'PLAY_ANNOUNCEMENT'
  | 'TRANSFER_WITH_PROMPT'
  | 'TRANSFER_WITHOUT_PROMPT'
  | 'TRANSFER_TO_OPERATOR'
  | 'TRANSFER_TO_MAILBOX'
  | 'NAME_DIALING'
  | 'EXTENSION_DIALING'
  | 'REPEAT_MENU'
  | 'EXIT';

/**
 * How an auto attendant called now answers, decided by the domain when the call arrives: the
 * menu in force (business hours or after hours) with each key's destination resolved, the
 * directory the caller may dial into by extension or name, what happens when the caller presses
 * nothing, and the attendant's call forwarding.
 */
export type AttendantPlan = {
  menu: 'businessHours' | 'afterHours';
  /** to: where a transfer key (or a mailbox key with its value) sends the caller; null when it names nobody reachable. */
  keys: { key: string; action: AttendantAction; to: Party | null }[];
  /** Digits that are no key start an extension (ended by #). */
  extensionEnabled: boolean;
  /** Who may be reached by extension or name: extension as dialled, names as keypad digits, their mailbox. */
  directory: { extension: string; names: string[]; party: Party; mailbox: Party | null }[];
  /** The menu plays again `retries` times while the caller presses nothing for noInputMs, then noInputTo (or the attendant hangs up). */
  noInputMs: number;
  retries: number;
  noInputTo: Party | null;
  alwaysForward?: Party | null;
  selective?: SelectiveRule[];
};

/** A caller in an auto attendant: the menu they hear and what the attendant waits for. */
export type Attendant = {
  party: AutoAttendantParty;
  plan: AttendantPlan;
  originatorLegId: string;
  /** The attendant's own leg (answered), which the caller talks to. */
  legId: string;
  /** key: a menu key; extension, name, mailbox: digits ended by # (* goes back to the menu). */
  awaiting: 'key' | 'extension' | 'name' | 'mailbox';
  digits: string;
  /** How often the menu played again for want of input. */
  replays: number;
  /** Transferred or ended: DTMF and the no-input timer do nothing any more. */
  over: boolean;
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
  /** A call queue answered the caller, who waits in line since then. */
  queuedAt?: string;
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
  /** Executive call filtering alerted an assistant for the executive (executive.ts); shown to Webex clients as 'unknown'. */
  | 'executive'
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
  /** A parked call rings back the person who parked it (or its recall hunt group). */
  | 'parkRecall'
  /** The parker did not take the recall in time: the recall hunt group rings instead. */
  | 'parkRecallHunt'
  /** An alerting person's call goes to their no-answer forwarding destination. */
  | 'forwardNoAnswer'
  /** A hunt group's agent has rung long enough: offer the next one (hunt.ts). */
  | 'huntAdvance'
  /** Nobody of the hunt group answered: forward or end (hunt.ts); a queued call overflows. */
  | 'huntNoAnswer'
  /** A number of a person's sequential ring has rung long enough: the next one rings. */
  | 'sequentialRing'
  /** A call waiting in a queue is offered again to the agents free now (hunt.ts). */
  | 'queueRetry'
  /** The caller pressed nothing while an auto attendant waited (attendant.ts). */
  | 'attendantNoInput'
  /** The compliance announcement has played to the PSTN party (compliance.ts). */
  | 'complianceAnnounced'
  /** An executive's assistant has rung their rings: the next assistant rings (executive.ts). */
  | 'executiveNext'
  /** Nobody answered an executive's filtered call in time: it rolls over (executive.ts). */
  | 'executiveRollover';

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
  /** The endpoint a person's leg is on (pull.ts moves it); absent: the person's simulated phone. */
  endpoint?: string;
  /**
   * How the phone rings while the leg alerts: an alternate number's pattern, PRIORITY (priority
   * alert), or an executive's screening alert (SILENT, RING_SPLASH); absent: NORMAL.
   */
  ringPattern?: RingPattern | 'PRIORITY' | 'SILENT' | 'RING_SPLASH';
  /** An executive's assistant's leg: the caller ID the assistant's phone shows while it alerts (the executive's alert settings). */
  assistantCallerId?: AssistantCallerId;
  /** A Push to Talk call answered by itself: ONE_WAY, the called person only listens (muted, cannot unmute). */
  intercom?: 'ONE_WAY' | 'TWO_WAY';
};

/** How an assistant sees an executive's filtered call: the name and number (clidNameMode, clidPhoneNumberMode). */
export type AssistantCallerId = {
  name: 'EXECUTIVE_ORIGINATOR' | 'ORIGINATOR_EXECUTIVE' | 'EXECUTIVE' | 'ORIGINATOR' | 'CUSTOM';
  customName?: string;
  number: 'EXECUTIVE' | 'ORIGINATOR' | 'CUSTOM';
  customNumber?: string;
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
  | 'retrieved'
  /** The temporary call of a call pull, released once the call moved to its endpoint. */
  | 'pulled';

/** A call parked against someone waits in the session for retrieval. */
export type Park = {
  /** The leg of the parked party. */
  legId: string;
  /** Who the call is parked against (the number to retrieve it with is theirs). */
  against: Party;
  /** Who parked it (rung back on recall). */
  parkedBy: Party;
  /** How the call comes back when nobody retrieves it (absent: the parker, after ctx.parkRecallMs). */
  recall?: ParkRecall;
};

/**
 * A call park's recall, decided by the domain when the call is parked: after afterMs the parker
 * is alerted (alertParker) and/or, huntWaitMs later (at once without the parker), the hunt group.
 */
export type ParkRecall = { afterMs: number; alertParker: boolean; huntGroup: HuntGroupParty | null; huntWaitMs: number };

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
  /** A call answered by an auto attendant (absent on every other session). */
  attendant?: Attendant;
  /** A page: one originator, any number of targets (absent on every other session). */
  page?: Page;
  /** A conference of a host's calls (absent on every other session). */
  conference?: Conference;
  /** The compliance announcement playing to `pstnLegId` until then; `legId`'s recording waits (compliance.ts). */
  compliance?: { legId: string; pstnLegId: string; until: string };
  /** A call pull under way: the temporary leg alerting on `endpoint` (null: the simulated phone). */
  pull?: { legId: string; pulledLegId: string; endpoint: string | null };
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
