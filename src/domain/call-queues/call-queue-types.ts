import type { HuntGroupForwarding, HuntPolicy } from '../hunt-groups/hunt-group-types.ts';

// A call queue's settings as Webex reads and writes them. The name, number, extension and agents
// are kept apart (unique, or following their person); the rest is one document. Sub-documents
// Webex serves on their own paths (holiday, night and stranded services, forced forward, DNIS,
// Customer Assist's wrap-up and screen pop) are stored as last written, over Webex's defaults.

export type CallBounce = {
  callBounceEnabled: boolean;
  callBounceMaxRings: number;
  agentUnavailableEnabled: boolean;
  alertAgentEnabled: boolean;
  alertAgentMaxSeconds: number;
  callBounceOnHoldEnabled: boolean;
  callBounceOnHoldMaxSeconds: number;
};

export type QueueCallPolicies = {
  routingType: 'PRIORITY_BASED' | 'SKILL_BASED';
  policy: HuntPolicy;
  callBounce: CallBounce;
  distinctiveRing: { enabled: boolean; ringPattern?: string };
};

export type OverflowAction = 'PERFORM_BUSY_TREATMENT' | 'PLAY_RINGING_UNTIL_CALLER_HANGS_UP' | 'TRANSFER_TO_PHONE_NUMBER';

export type Overflow = {
  action: OverflowAction;
  sendToVoicemail: boolean;
  transferNumber?: string;
  overflowAfterWaitEnabled: boolean;
  /** Seconds a call waits before it overflows (when overflowAfterWaitEnabled). */
  overflowAfterWaitTime: number;
  playOverflowGreetingEnabled: boolean;
  greeting: 'CUSTOM' | 'DEFAULT';
  audioAnnouncementFiles?: unknown[];
};

export type QueueSettings = {
  queueSize: number;
  callOfferToneEnabled: boolean;
  resetCallStatisticsEnabled: boolean;
  overflow: Overflow;
  welcomeMessage: { enabled: boolean; alwaysEnabled: boolean; greeting: 'CUSTOM' | 'DEFAULT'; audioAnnouncementFiles?: unknown[] };
  waitMessage: { enabled: boolean; waitMode: 'TIME' | 'POSITION'; handlingTime: number; defaultHandlingTime: number; [k: string]: unknown };
  comfortMessage: { enabled: boolean; timeBetweenMessages: number; greeting: 'CUSTOM' | 'DEFAULT'; [k: string]: unknown };
  [k: string]: unknown;
};

export type Dnis = {
  id: string;
  name: string;
  phoneNumber?: string;
  extension?: string;
  ringPattern: string;
  customDnisAnnouncementSettingsEnabled: boolean;
  announcements: Record<string, unknown>;
};

export type CallQueueSettings = {
  hasCxEssentials: boolean;
  languageCode: string;
  firstName: string;
  lastName: string;
  timeZone: string;
  alternateNumberSettings: { distinctiveRingEnabled: boolean; alternateNumbers: { phoneNumber: string; ringPattern: string }[] };
  callPolicies: QueueCallPolicies;
  queueSettings: QueueSettings;
  allowCallWaitingForAgentsEnabled: boolean;
  callingLineIdPolicy: 'DIRECT_LINE' | 'LOCATION_NUMBER' | 'CUSTOM';
  callingLineIdPhoneNumber?: string;
  directLineCallerIdName: { selection: 'CUSTOM_NAME' | 'DISPLAY_NAME'; customName?: string };
  dialByName?: string;
  callForwarding: HuntGroupForwarding;
  /** Documents served on their own paths, as last written (absent: Webex's defaults). */
  parts: Partial<Record<QueuePart, Record<string, unknown>>>;
  dnis: Dnis[];
};

export const QUEUE_PARTS = ['holidayService', 'nightService', 'strandedCalls', 'forcedForward', 'dnisSettings', 'wrapUp', 'screenPop'] as const;
export type QueuePart = (typeof QUEUE_PARTS)[number];
