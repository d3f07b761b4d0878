// A hunt group's settings as Webex reads and writes them (the name, number, extension and agents
// are kept apart: they must stay unique or follow their person).

export const POLICIES = ['CIRCULAR', 'REGULAR', 'SIMULTANEOUS', 'UNIFORM', 'WEIGHTED'] as const;
export type HuntPolicy = (typeof POLICIES)[number];

export type Redirect = { enabled: boolean; destination?: string; destinationVoicemailEnabled: boolean };

export type CallPolicies = {
  policy: HuntPolicy;
  waitingEnabled: boolean;
  groupBusyEnabled: boolean;
  allowMembersToControlGroupBusyEnabled: boolean;
  noAnswer: {
    nextAgentEnabled: boolean;
    nextAgentRings: number;
    forwardEnabled: boolean;
    destination?: string;
    numberOfRings: number;
    destinationVoicemailEnabled: boolean;
  };
  busyRedirect: Redirect;
  businessContinuityRedirect: Redirect;
};

export type ForwardingRule = {
  id: string;
  name: string;
  enabled: boolean;
  holidaySchedule?: string;
  businessSchedule?: string;
  forwardTo: { selection: string; phoneNumber?: string };
  callsFrom: { selection: string; customNumbers?: { privateNumberEnabled: boolean; unavailableNumberEnabled: boolean; numbers: string[] } };
  callsTo: { numbers: { phoneNumber?: string; extension?: string; type: string }[] };
};

export type Forward = { enabled: boolean; destination?: string; ringReminderEnabled: boolean; destinationVoicemailEnabled: boolean };

export type HuntGroupForwarding = { always: Forward; selective: Forward; rules: ForwardingRule[] };

export type HuntGroupSettings = {
  distinctiveRing: boolean;
  alternateNumbers: { phoneNumber: string; ringPattern: string }[];
  languageCode: string;
  firstName: string;
  lastName: string;
  timeZone: string;
  callPolicies: CallPolicies;
  huntGroupCallerIdForOutgoingCallsEnabled: boolean;
  directLineCallerIdName: { selection: 'CUSTOM_NAME' | 'DISPLAY_NAME'; customName?: string };
  dialByName?: string;
  callForwarding: HuntGroupForwarding;
};

/** Webex's ceiling on rings (systemMaxNumberOfRings). */
export const MAX_RINGS = 20;
