// What the domain may ask of persistence for voicemail (domain/voicemail).

/** A voicemail box: a person's own, or a voicemail group's shared one. */
export type VoicemailBox = { orgId: string; kind: 'person' | 'workspace' | 'virtualLine' | 'voicemailGroup'; id: string };

export type VoiceMessage = {
  id: string;
  box: VoicemailBox;
  durationSeconds: number;
  caller: { name: string | null; number: string | null; personId: string | null; privacyEnabled: boolean };
  urgent: boolean;
  confidential: boolean;
  read: boolean;
  callSessionId: string | null;
  created: string;
};

export type NewVoiceMessage = VoiceMessage & { audio: Uint8Array | null };

/** A box's counts, as the message summary gives them. */
export type MessageCounts = { newMessages: number; oldMessages: number; newUrgentMessages: number; oldUrgentMessages: number };

export type GreetingKind = 'busy' | 'noAnswer';

export interface VoicemailRepository {
  addMessage(message: NewVoiceMessage): Promise<void>;
  /** The box's messages, newest first. */
  messages(box: VoicemailBox): Promise<VoiceMessage[]>;
  message(box: VoicemailBox, id: string): Promise<VoiceMessage | undefined>;
  /** Marks one message (or, without an id, every message of the box) read or unread. */
  markRead(box: VoicemailBox, id: string | undefined, read: boolean): Promise<void>;
  deleteMessage(box: VoicemailBox, id: string): Promise<boolean>;
  counts(box: VoicemailBox): Promise<MessageCounts>;
  /** Every message of a box goes (the box is being deleted). */
  deleteBox(box: VoicemailBox): Promise<void>;
  putGreeting(box: VoicemailBox, greeting: GreetingKind, fileName: string | null, content: Uint8Array, at: string): Promise<void>;
  /** Which greetings of a box have been uploaded. */
  greetings(box: VoicemailBox): Promise<Set<GreetingKind>>;
}

/** A voicemail group as stored; `settings` is the rest of Webex's document. */
export type StoredVoicemailGroup = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  enabled: boolean;
  phoneNumber: string | null;
  extension: string | null;
  settings: Record<string, unknown>;
  passcode: string;
  created: string;
  lastModified: string;
};

export type VoicemailGroupQuery = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export interface VoicemailGroupRepository {
  insert(group: StoredVoicemailGroup): Promise<void>;
  update(group: StoredVoicemailGroup): Promise<void>;
  get(orgId: string, id: string): Promise<StoredVoicemailGroup | undefined>;
  delete(orgId: string, id: string): Promise<void>;
  /** The organization's groups by name, then id; a page from `start`, with the total. */
  list(orgId: string, query: VoicemailGroupQuery): Promise<{ items: StoredVoicemailGroup[]; total: number }>;
  findByNumber(phoneNumber: string): Promise<StoredVoicemailGroup | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredVoicemailGroup | undefined>;
}
