import type { Flag } from '../database.ts';

// Tables of voicemail (see store/migrations/0032-voicemail.ts, 0033-voicemail-groups.ts).
export type VoicemailTables = {
  voice_messages: {
    id: string;
    org_id: string;
    /** 'person' or 'voicemailGroup'. */
    box_kind: string;
    box_id: string;
    duration_s: number;
    caller_name: string | null;
    caller_number: string | null;
    caller_person_id: string | null;
    privacy_enabled: Flag;
    urgent: Flag;
    confidential: Flag;
    read: Flag;
    /** The caller's audio (WAV), when the simulator sent some. */
    audio: Uint8Array | null;
    call_session_id: string | null;
    created: string;
  };
  voicemail_greetings: {
    org_id: string;
    box_kind: string;
    box_id: string;
    greeting: string;
    file_name: string | null;
    content: Uint8Array;
    uploaded: string;
  };
};

export type VoicemailGroupTables = {
  voicemail_groups: {
    id: string;
    org_id: string;
    location_id: string;
    name: string;
    enabled: Flag;
    phone_number: string | null;
    extension: string | null;
    /** The rest of the group's document, JSON. */
    settings: string;
    passcode: string;
    created: string;
    last_modified: string;
  };
};
