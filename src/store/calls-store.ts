// What the domain may ask of persistence for calls. A session is a document the store keeps
// whole (the engine's Session as JSON), with the few fields it is looked up by beside it.

export type LegIndexEntry = { id: string; personId: string | null; active: boolean; appearance: number | null; created: string };

export type SessionDocument = {
  id: string;
  orgId: string;
  /** The engine's Session, as JSON. */
  data: string;
  version: number;
  active: boolean;
  /** The person a parked call waits against. */
  parkedAgainst: string | null;
  created: string;
  /** When the earliest timer of the session falls due (clock time); null when it has none. */
  timerDue: string | null;
  legs: LegIndexEntry[];
};

export type StoredSession = { data: string; eventSeq: number };

export type CallHistoryRecord = {
  id: string;
  orgId: string;
  personId: string;
  type: 'placed' | 'missed' | 'received';
  name: string | null;
  number: string | null;
  privacyEnabled: boolean;
  time: string;
  callId: string;
  sessionId: string;
};

export type CallEventRecord = {
  id: string;
  orgId: string;
  sessionId: string;
  seq: number;
  personId: string;
  callId: string;
  eventType: string;
  /** The telephony_calls `data` object, as JSON. */
  data: string;
  created: string;
  // The typed spine: what webhooks route and filter on, computed when the event is written so
  // that the fan-out never parses `data`.
  /** The webhook event it is delivered as. */
  webhookEvent: 'created' | 'updated' | 'deleted';
  /** data.personality, data.state and data.remoteParty.callType. */
  personality: string;
  state: string;
  callType: string | null;
};

export type PhoneSettings = { personId: string; orgId: string; autoAnswer: boolean; autoAnswerDelayMs: number; busy: boolean; offline: boolean };

export interface CallRepository {
  /** Stores a new session and its legs; eventSeq: the last seq of the events it was stored with (0: none). */
  insertSession(session: SessionDocument, now: string, eventSeq?: number): Promise<void>;
  get(sessionId: string): Promise<StoredSession | undefined>;
  /** The session holding a leg (a callId), if any. */
  sessionOfLeg(legId: string): Promise<StoredSession | undefined>;
  /**
   * Writes a session if nobody has changed it since `expectedVersion`; false when someone has.
   * Keeps the leg index, the active flag, the parked-against person and the timer due time in
   * step, and ends any lease on its timers.
   */
  saveSession(session: SessionDocument, expectedVersion: number, eventSeq: number, now: string): Promise<boolean>;
  /** The active legs of a person: leg id and session id, oldest first. */
  activeLegsOf(personId: string): Promise<{ legId: string; sessionId: string; appearance: number | null }[]>;
  /**
   * From now on, for the rest of this transaction, activeLegsOf reads each person's legs once and
   * answers again from what it read; storing a session (which writes the leg index) forgets all
   * of it. Only for a transaction that writes legs through this repository alone (the call
   * engine's). Outside a transaction it does nothing.
   */
  rememberInTransaction(): void;
  /** Sessions with at least one active leg (of every organization, or of one). */
  activeSessions(orgId?: string): Promise<string[]>;
  /**
   * Leases up to `limit` active sessions with a timer due by `due` (clock time) and no lease
   * running at `leaseNow` (wall time), until `leaseUntil`; their IDs, earliest due first. On
   * PostgreSQL, sessions another process is claiming are skipped. Run it in a transaction.
   */
  claimDueTimers(claim: { due: string; leaseNow: string; leaseUntil: string; limit: number }): Promise<string[]>;
  /** The earliest timer due time of any active session. */
  nextTimerDue(): Promise<string | undefined>;
  /** The session of a call parked against a person. */
  parkedAgainst(orgId: string, personId: string): Promise<StoredSession | undefined>;
  /** Writes history records; a record of a person no longer there is dropped (their history went with them). */
  addHistory(records: readonly CallHistoryRecord[]): Promise<void>;
  /** The newest records of a person, at most `perType` of each type. */
  history(personId: string, type: CallHistoryRecord['type'] | undefined, perType: number): Promise<CallHistoryRecord[]>;
  addEvents(events: readonly CallEventRecord[]): Promise<void>;
  /** The highest sequence number written for a session's events (-1 for none). */
  lastEventSeq(sessionId: string): Promise<number>;
  /**
   * Events of an organization in the order they were written: by time, then session, then the
   * session's sequence. Pass the last event seen to read on after it.
   */
  events(orgId: string, after: Pick<CallEventRecord, 'created' | 'sessionId' | 'seq'> | null, limit: number): Promise<CallEventRecord[]>;
  /** The organization's last event in that order, if it has any. */
  newestEvent(orgId: string): Promise<CallEventRecord | undefined>;
  phone(personId: string): Promise<PhoneSettings | undefined>;
  savePhone(settings: PhoneSettings): Promise<void>;
  recordingSettings(personId: string): Promise<string | undefined>;
  /** phone and recordingSettings of a person in one statement (each call step asks both of each person). */
  phoneAndRecording(personId: string): Promise<{ phone: PhoneSettings | undefined; recording: string | undefined }>;
  saveRecordingSettings(personId: string, orgId: string, data: string): Promise<void>;
}
