// Tables of hot desk sessions (see store/migrations/0115-hotdesk-sessions.ts).

export type HotdeskSessionsTable = {
  id: string;
  org_id: string;
  /** Unique: one session per person. */
  person_id: string;
  /** Unique: one session per workspace. */
  workspace_id: string;
  /** ISO-8601 UTC on the server clock. */
  booking_start_time: string;
  booking_end_time: string;
};

export type HotdeskSessionTables = { hotdesk_sessions: HotdeskSessionsTable };
