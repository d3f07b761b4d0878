// What the domain may ask of persistence for call notify's outbox (the emails Webex would send).

export type CallNotification = {
  id: string;
  orgId: string;
  ownerKind: 'person' | 'workspace' | 'virtualLine';
  ownerId: string;
  emailAddress: string;
  subject: string;
  body: string;
  callerName: string | null;
  callerNumber: string | null;
  sessionId: string;
  created: string;
};

export interface CallNotificationRepository {
  insert(notification: CallNotification): Promise<void>;
  /** The organization's notifications, newest first, at most `max`; only one owner's with ownerId. */
  list(orgId: string, filter: { ownerId?: string; max: number }): Promise<CallNotification[]>;
}
