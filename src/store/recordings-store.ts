// What the domain may ask of persistence for recordings of calls (domain/recordings).

export type RecordingStatus = 'recording' | 'available' | 'deleted' | 'purged';

export type RecordingAction = { action: 'START' | 'PAUSE' | 'RESUME' | 'STOP'; time: string };

/** What the metadata shows of the call, kept as the recording goes. */
export type RecordingDetails = {
  personality: 'ORIGINATOR' | 'TERMINATOR';
  /** The recording rule that made it (Always, On Demand…). */
  recordingType: string;
  calling: { personId?: string; number?: string; name?: string };
  called: { personId?: string; number?: string; name?: string };
  actions: RecordingAction[];
};

export type StoredRecording = {
  id: string;
  orgId: string;
  ownerId: string;
  locationId: string | null;
  callId: string;
  sessionId: string;
  status: RecordingStatus;
  topic: string;
  started: string;
  ended: string | null;
  durationSeconds: number;
  details: RecordingDetails;
};

export type RecordingFilter = {
  ownerId?: string;
  locationId?: string;
  statuses: readonly RecordingStatus[];
  from?: string;
  to?: string;
  /** Case-insensitive part of the topic. */
  topic?: string;
  /** Keyset: older than this (started, id), newest first. */
  before?: { started: string; id: string };
  limit: number;
};

export interface RecordingRepository {
  insert(recording: StoredRecording): Promise<void>;
  /** The recording of a call (a person's leg) still being made, if any. */
  ofCall(callId: string): Promise<StoredRecording | undefined>;
  get(orgId: string, id: string): Promise<StoredRecording | undefined>;
  save(recording: StoredRecording): Promise<void>;
  /** Finished recordings, newest first. */
  list(orgId: string, filter: RecordingFilter): Promise<StoredRecording[]>;
  delete(orgId: string, id: string): Promise<void>;
}
