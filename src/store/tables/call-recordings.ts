// Tables of the recordings area (see store/migrations/0046-call-recordings.ts).

export type CallRecordingsTable = {
  id: string;
  org_id: string;
  owner_id: string;
  location_id: string | null;
  call_id: string;
  session_id: string;
  status: string;
  topic: string;
  started: string;
  ended: string | null;
  duration_seconds: number;
  data: string;
};

export type CallRecordingTables = { call_recordings: CallRecordingsTable };
