// Call notify's outbox (see store/migrations/0120-call-notifications.ts).

export type CallNotificationsTable = {
  id: string;
  org_id: string;
  /** person, workspace or virtualLine: whose call notify sent it. */
  owner_kind: string;
  owner_id: string;
  email_address: string;
  subject: string;
  body: string;
  /** As the person would see the caller; null when withheld or unknown. */
  caller_name: string | null;
  caller_number: string | null;
  session_id: string;
  /** ISO-8601 UTC on the server clock. */
  created: string;
};

export type CallNotificationTables = { call_notifications: CallNotificationsTable };
