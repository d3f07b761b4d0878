// The shapes the console reads from the Webex API and the sandbox API (only the fields it uses).

export type PhoneNumber = { type: string; value: string; primary?: boolean };

export type Person = {
  id: string;
  emails: string[];
  displayName: string;
  firstName?: string;
  lastName?: string;
  orgId: string;
  roles?: string[];
  licenses?: string[];
  phoneNumbers?: PhoneNumber[];
  extension?: string;
  locationId?: string;
  created: string;
};

export type Organization = { id: string; displayName: string };

export type Address = { address1: string; address2?: string; city: string; state: string; postalCode: string; country: string };

export type Location = {
  id: string;
  name: string;
  orgId: string;
  address: Address;
  timeZone: string;
  preferredLanguage: string;
  announcementLanguage?: string;
};

/** A location enabled for Webex Calling (/v1/telephony/config/locations). */
export type CallingLocation = {
  id: string;
  name: string;
  routingPrefix?: string;
  callingLineId?: { name?: string; phoneNumber?: string };
};

export type License = { id: string; name: string; totalUnits: number; consumedUnits: number; consumedByUsers: number };

export type NumberEntry = { phoneNumber?: string; extension?: string; mainNumber: boolean; owner?: { id: string } };

export type PartyKind = 'person' | 'pstn' | 'voicemail' | 'feature';

export type SimulatedLeg = {
  callId: string;
  party: { kind: PartyKind | string; personId?: string; name?: string; number?: string };
  personality: string;
  state: string;
  created: string;
  answered?: string;
  muted?: boolean;
  recordingState?: string;
};

/** While the caller waits in a call queue: their place in line and what they hear (welcome, musicOnHold). */
export type QueueWait = { name: string; position: number; since: string; announcement: string };

/** While the caller is in an auto attendant: the menu they hear and what it waits for. */
export type AttendantVisit = { name: string; menu: string; awaiting: string; digits: string };

export type SimulatedSession = { callSessionId: string; created: string; parkedAgainst?: string; queue?: QueueWait; attendant?: AttendantVisit; legs: SimulatedLeg[] };

export type RemoteParty = { name?: string; number?: string; personId?: string; privacyEnabled: boolean; callType: string };

/** A person's call as the Call Controls show it. */
export type Call = {
  id: string;
  callSessionId: string;
  personality: string;
  state: string;
  remoteParty: RemoteParty;
  created: string;
  answered?: string;
  recall?: { type: string; party: RemoteParty };
  muted?: boolean;
  recordingState?: string;
};

/** Why a call reached this leg: a hunt group, a call queue, or forwarding (Webex's reasons). */
export type Redirection = { reason: string; redirectingParty: RemoteParty };

/** The `data` of a telephony_calls event. */
export type CallEventData = Omit<Call, 'id'> & { callId: string; eventType: string; eventTimestamp: string; disconnected?: string; redirections?: Redirection[] };

/** A message of the live event stream (GET /sandbox/v1/events, `event: call`). */
export type StreamEvent = { resource: 'telephony_calls'; actorId: string; created: string; data: CallEventData };

export type HistoryRecord = { type: 'placed' | 'received' | 'missed' | string; name?: string; number?: string; privacyEnabled: boolean; time: string };

export type PhoneSettings = { autoAnswer: boolean; autoAnswerDelayMs: number; busy: boolean };

export type Webhook = {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  status: string;
  created: string;
  ownedBy?: string;
};

export type DeliveryAttempt = {
  time: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt?: string | null;
  outcome?: string;
  /** The request headers sent (X-Spark-Signature included when signed). */
  requestHeaders?: Record<string, string>;
};

/** An entry of a webhook's delivery log (GET /sandbox/v1/webhooks/{webhookId}/deliveries). */
export type Delivery = {
  id: string;
  eventType?: string;
  event?: string;
  callId?: string;
  status: string;
  body?: string | object;
  created: string;
  completed?: string | null;
  nextAttemptAt?: string | null;
  /** event, test or redelivery. */
  origin?: string;
  redeliveryOf?: string;
  attempts: DeliveryAttempt[];
};

/** GET /sandbox/v1/webhooks/{webhookId}/health. */
export type WebhookHealth = {
  status: string;
  consecutiveFailures: number;
  lastAttempt?: { time: string; statusCode?: number; error?: string; outcome: string };
};

/** An app of /sandbox/v1/apps. */
export type OAuthApp = {
  id: string;
  type: 'integration' | 'service';
  name: string;
  clientId: string;
  redirectUris: string[];
  scopes: string[];
  created: string;
};

/** An authorization of /v1/authorizations. */
export type Authorization = { id: string; applicationId: string; applicationName: string; personId: string; clientId: string; created: string };
