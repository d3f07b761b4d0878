// What the domain may ask of persistence for hot desk sessions.

export type StoredHotdeskSession = { id: string; orgId: string; personId: string; workspaceId: string; bookingStartTime: string; bookingEndTime: string };

export interface HotdeskSessionRepository {
  /** Starts a session, ending first any session of the same person or workspace (run it in a transaction). */
  replace(session: StoredHotdeskSession): Promise<void>;
  /** Sessions whose booking ends after `now` (ISO-8601 UTC), by start; filters combine (AND). */
  active(orgId: string, now: string, filter?: { personId?: string; workspaceId?: string }): Promise<StoredHotdeskSession[]>;
  get(orgId: string, id: string): Promise<StoredHotdeskSession | undefined>;
  delete(orgId: string, id: string): Promise<void>;
}
