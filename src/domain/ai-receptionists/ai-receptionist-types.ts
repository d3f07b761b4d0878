// An AI receptionist's settings as Webex reads and writes them (name, number, extension and the
// knowledge base it answers from are kept apart: they are unique or joined on).

export const RING_PATTERNS = ['NORMAL', 'LONG_LONG', 'SHORT_SHORT_LONG', 'SHORT_LONG_SHORT'] as const;
export const CONTACT_TYPES = ['PEOPLE', 'RESOURCE_GROUP', 'CONTACT', 'PHONE_NUMBER'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/**
 * Where an intent (or the default action) sends a caller: a person, a hunt group or call queue
 * (RESOURCE_GROUP; `group` says which), or a number or extension as dialled from the location.
 */
export type TransferTarget =
  | { contactType: 'PEOPLE'; personId: string }
  | { contactType: 'RESOURCE_GROUP'; group: 'huntGroup' | 'callQueue'; groupId: string }
  | { contactType: 'PHONE_NUMBER'; phoneNumber: string };

export type AudioFile = { id: string; fileName: string; mediaFileType: 'WAV'; level: 'ORGANIZATION' | 'LOCATION' };

/** What the receptionist does with a call no intent takes (the caller asks for nothing it knows). */
export type DefaultAction =
  | { actionType: 'PLAY_MESSAGE_AND_DISCONNECT'; audioMessageSelection: 'DEFAULT' | 'CUSTOM'; audioFile?: AudioFile }
  | { actionType: 'TRANSFER_TO_OPERATOR'; transferToNumber?: string; transferTo?: TransferTarget };

export type Voice = { aiEngine: 'PRO' | 'PRO_US'; displayName: string; language: string; languageCode: string };

export type AiAgent = {
  /** Webex AI Agent Studio's agent behind the receptionist: made with it, never changed. */
  agentId: string;
  voice: Voice;
  guidelines: { goal?: string; welcomeMessage?: string; guideline?: string };
  transparencySettings: { enabled: boolean; message?: string; disableReason?: string };
};

export type AiReceptionistSettings = {
  alternateNumbers: { phoneNumber: string; ringPattern: (typeof RING_PATTERNS)[number] }[];
  directLineCallerIdName: { directLineCallerIdNameSelection: 'DISPLAY_NAME' | 'CUSTOM_NAME'; customName?: string };
  dialByName?: string;
  defaultAction: DefaultAction;
  aiAgent: AiAgent;
  /** When the knowledge base (the row's knowledge_base_id) was connected: a knowledge base's mappedBots show it. */
  knowledgeBaseConnectedAt?: string;
};
